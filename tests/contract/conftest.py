"""Fixtures the contract packages share: the server's OpenAPI schema, built once."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from .document import SEEDS


@pytest.fixture(scope="session")
def openapi_schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture(scope="session", autouse=True)
def _seeds_present():
    # The documents live beside the repository (../shared/seeds/), as in CI.
    if not SEEDS.is_dir():
        pytest.skip(f"the published API documents are not at {SEEDS}")
