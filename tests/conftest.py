import pytest


@pytest.fixture(autouse=True)
def _dutch_by_default(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture
def catalogue(db):
    from tests.factories import site_with_catalogue

    return site_with_catalogue()


@pytest.fixture
def module(catalogue):
    from tests.factories import make_module

    return make_module(catalogue=catalogue)


@pytest.fixture
def learner(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
