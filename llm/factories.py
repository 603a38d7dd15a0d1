"""Test data for the AI engine: model rows, the call log and stored embeddings."""

import hashlib

import factory

from accounts.factories import UserFactory
from llm.models import AIModel, Embedding, LLMCall, Outcome, Provider


class AIModelFactory(factory.django.DjangoModelFactory):
    """A builtin-engine model by default: always available, no key needed."""

    class Meta:
        model = AIModel

    display_name = factory.Sequence(lambda n: f"Model {n}")
    provider = Provider.BUILTIN
    model_name = factory.Sequence(lambda n: f"model-{n}")


class LLMCallFactory(factory.django.DjangoModelFactory):
    """A successful call; the label and provider are copied from its model, as the router does."""

    class Meta:
        model = LLMCall

    user = factory.SubFactory(UserFactory)
    ai_model = factory.SubFactory(AIModelFactory)
    model_label = factory.LazyAttribute(lambda obj: obj.ai_model.display_name if obj.ai_model else "Builtin")
    provider = factory.LazyAttribute(lambda obj: obj.ai_model.provider if obj.ai_model else Provider.BUILTIN)
    task = "analyse_cv"
    input_tokens = 100
    output_tokens = 50
    latency_ms = 120
    outcome = Outcome.SUCCESS


class EmbeddingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Embedding

    user = factory.SubFactory(UserFactory)
    label = factory.Sequence(lambda n: f"Text {n}")
    text = factory.Sequence(lambda n: f"Backend engineer building payment APIs, text {n}")
    text_hash = factory.LazyAttribute(lambda obj: hashlib.sha256(obj.text.encode()).hexdigest())
    model_label = "builtin-hash"
    dims = 4
    vector = factory.LazyAttribute(lambda obj: [0.5] * obj.dims)
