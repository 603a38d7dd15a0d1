"""With an AI model configured, a chat message goes through the router: the model gets the
resume, its analysis and the earlier turns as labelled data, the call is logged with its cost,
and a failing model fails over to the builtin assistant."""

import pytest

from generation.chat.services import chat_reply
from generation.factories import ChatSessionFactory
from llm.models import LLMCall
from llm.tests.conftest import fake_openai, openai_row  # noqa: F401  (fixtures)
from llm.tests.fakes import error, ok

pytestmark = pytest.mark.django_db


def test_the_configured_model_answers_with_the_session_as_data(owner, openai_row, fake_openai):  # noqa: F811
    session = ChatSessionFactory(user=owner)
    fake_openai.script(ok({"reply": "Lead with the payment APIs result.", "suggestions": ["Add a number"]}))
    [answer] = chat_reply(session=session, user=owner, message="How can I improve my resume?")
    assert answer.content == "Lead with the payment APIs result." and answer.data["model"] == "Fake GPT"
    prompt = fake_openai.chat_requests[0].body["messages"][-1]["content"]
    assert "Built payment APIs in Python" in prompt and '"missing_keywords"' in prompt
    call = LLMCall.objects.get(task="chat_reply")
    assert call.model_label == "Fake GPT" and call.cost > 0


def test_a_failing_model_fails_over_to_the_builtin_assistant(owner, openai_row, fake_openai):  # noqa: F811
    session = ChatSessionFactory(user=owner)
    fake_openai.script(error(500), error(500))
    [answer] = chat_reply(session=session, user=owner, message="What is my score?")
    assert answer.content.startswith("Overall ") and answer.data["model"] != "Fake GPT"
    assert LLMCall.objects.filter(task="chat_reply", failed_over=True).exists()
