"""``POST /pf/knowledgebase/clarify`` refuses oversized or malformed answers with a clear 400."""

import pytest

from generation.models import Clarification

pytestmark = pytest.mark.django_db

CLARIFY = "/pf/knowledgebase/clarify"


def _clarify(client, answers):
    return client.post(CLARIFY, {"answers": answers}, format="json")


def _assert_refused(response, *phrases):
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "ERR_INVALID_REQUEST"
    assert "answers" in error["message"]
    for phrase in phrases:
        assert phrase in error["message"]
    # A refused request stores nothing, not even its acceptable answers.
    assert not Clarification.objects.exists()
    return error


def test_a_question_key_over_500_characters_is_refused(owner_client):
    error = _assert_refused(_clarify(owner_client, {"ok": "fine", "q" * 5000: "x"}), "500 characters")
    assert len(error["message"]) < 400  # the 5,000-character key is not echoed back


def test_an_answer_over_2000_characters_is_refused(owner_client):
    _assert_refused(
        _clarify(owner_client, {"Which industries interest you?": "a" * 100_000}), "2000 characters"
    )


@pytest.mark.parametrize("value", [["fintech", "health"], {"a": 1}, 42, True, None])
def test_an_answer_that_is_not_a_string_is_refused(owner_client, value):
    _assert_refused(_clarify(owner_client, {"Which industries interest you?": value}), "must be a string")


def test_more_than_50_answers_per_call_is_refused(owner_client):
    _assert_refused(_clarify(owner_client, {f"note {i}": "yes" for i in range(51)}), "50 answers")


def test_answers_at_the_limits_are_stored(owner_client):
    answers = {f"note {i}": "yes" for i in range(49)} | {"k" * 500: "a" * 2000}
    response = _clarify(owner_client, answers)
    assert response.status_code == 200, response.content
    assert Clarification.objects.count() == 50
    assert Clarification.objects.filter(answer="a" * 2000).exists()
