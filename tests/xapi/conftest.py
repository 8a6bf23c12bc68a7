import pytest

from . import ralph as ralph_harness


@pytest.fixture(scope="session")
def ralph_lrs(tmp_path_factory):
    """Ralph running for the whole session (installed first if it is not there)."""
    ralph_harness.install()
    lrs = ralph_harness.Ralph(tmp_path_factory.mktemp("ralph"))
    lrs.write_credentials()
    lrs.start()
    yield lrs
    lrs.stop()


@pytest.fixture
def ralph(ralph_lrs):
    """The session's Ralph, running at the start of the test (a test may stop it)."""
    if ralph_lrs.process is None:
        ralph_lrs.start()
    yield ralph_lrs
    if ralph_lrs.process is None:
        ralph_lrs.start()


@pytest.fixture
def xapi_to(settings):
    """Switches the platform's xAPI on, to the given LRS."""

    def configure(lrs, password=ralph_harness.PASSWORD):
        settings.XAPI_ENDPOINT = lrs.endpoint
        settings.XAPI_USERNAME = ralph_harness.USERNAME
        settings.XAPI_PASSWORD = password
        settings.XAPI_ACTOR_HOMEPAGE = "https://training.example.org"
        settings.XAPI_RETRY_BASE_SECONDS = 1
        settings.XAPI_RETRY_MAX_SECONDS = 4
        settings.XAPI_TIMEOUT_SECONDS = 5

    return configure
