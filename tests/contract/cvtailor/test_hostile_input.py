"""CV Tailor's artifact, generation and export endpoints under hostile input: a value of the
wrong kind, a number past any id, a digit that is not ASCII, JSON nested thousands deep in a
form field. Each answers 4xx in the surface's error body, never a 500."""

import pytest

from artifacts.factories import ArtifactFactory
from tests.contract.cvtailor.test_auth import assert_tailor_error

pytestmark = pytest.mark.django_db


def test_a_label_filter_with_a_non_ascii_digit_is_400(owner_client, owner):
    ArtifactFactory(user=owner)
    for value in ("²", "1,³"):
        response = owner_client.get("/api/v1/artifacts/", {"labels": value})
        assert_tailor_error(response, 400, fields={"labels"})
