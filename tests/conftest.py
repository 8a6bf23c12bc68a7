import pytest


@pytest.fixture(autouse=True)
def _dutch_by_default(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counts (and anything else cached) never carry over from another test."""
    from django.core.cache import cache

    cache.clear()


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


@pytest.fixture
def other_learner(db):
    """A second BOA: their attempts must stay out of reach of ``learner``."""
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def mt_member(db):
    from tests.factories import UserFactory
    from training.models import Function

    return UserFactory(function=Function.MT_MEMBER)


@pytest.fixture
def superuser(db):
    from tests.factories import SuperuserFactory

    return SuperuserFactory()


@pytest.fixture
def superuser_client(client, superuser):
    """A platform admin's client, past two-step verification as the admin requires."""
    from tests.factories import login_with_mfa

    return login_with_mfa(client, superuser)


@pytest.fixture
def trainer(catalogue):
    from tests.factories import make_trainer

    return make_trainer(catalogue)


@pytest.fixture
def attempt(learner, module):
    """The learner's open attempt on ``module``, just started."""
    from training.services import start_attempt

    return start_attempt(learner, module)[0]
