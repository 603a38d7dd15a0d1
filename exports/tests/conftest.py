import pytest

from exports.render.demo import demo_cv
from exports.services import template_sync


@pytest.fixture
def templates(db):
    # The test database was migrated, which syncs templates; sync again in case a test
    # changed the rows, so every test starts from the folders on disk.
    return template_sync()


@pytest.fixture
def cv():
    return demo_cv()
