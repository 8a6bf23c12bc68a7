"""Browser test harness: Playwright (sync API) driving the system's Chromium against
pytest-django's ``live_server``.

* The browser is Debian's ``chromium`` (``CHROMIUM_PATH`` overrides); Playwright's own browser
  download is not used. ``make test`` installs it. Without a browser the browser tests fail:
  they are only ever skipped on purpose, with ``BROWSER=0`` (see ``tests/conftest.py``).
* Every test gets a fresh browser context (no cookies, no storage), Dutch by default.
* ``live_server`` runs in a thread against a transactional test database, so the content a test
  builds is committed and visible to the server. The tests use serialized rollback so that the
  data Wagtail's migrations create (root page, default site, root collection) is back for every
  test, on SQLite and PostgreSQL alike.
* ``axe(page)`` runs axe-core's WCAG 2.0/2.1 A and AA rules and fails on any violation.
"""

import contextlib
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_TIMEOUT_MS = 10_000
ARTIFACTS = Path(
    os.environ.get("E2E_ARTIFACTS") or Path(__file__).resolve().parents[2] / "test-results"
)


def find_chromium():
    """The Chromium executable to drive, or None."""
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def _no_browser(message):
    pytest.fail(
        f"{message} `make test` installs Chromium (Debian: apt-get install chromium); "
        "CHROMIUM_PATH names another; `make test BROWSER=0` skips the browser tests.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole session; each test gets its own context."""
    executable = find_chromium()
    if executable is None:
        _no_browser("No Chromium found (CHROMIUM_PATH, chromium on PATH, /usr/bin/chromium).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev dependencies missing
        _no_browser("Playwright is not installed (pip install -e '.[dev]').")
    from django.db import connections

    # Playwright's sync API leaves its event loop marked as running in this thread, and while a
    # loop runs Django keeps database connections per async context instead of per thread: the
    # tests would get new connection objects, without the test database's serialized state and,
    # on in-memory SQLite, as a second connection to the database. Keep the thread's own.
    own_connections = {alias: connections[alias] for alias in connections}
    # For the same reason Django would refuse ORM calls in this thread from now on; they are
    # deliberate (fixtures and assertions), so allow them while the browser runs.
    previous_async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_playwright().start()
    for alias, connection in own_connections.items():
        connections[alias] = connection
    try:
        browser = manager.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
    except Exception as error:
        manager.stop()
        _no_browser(f"Chromium at {executable} did not start: {error}.")
    yield browser
    browser.close()
    manager.stop()
    if previous_async_unsafe is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous_async_unsafe


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


_REPORTS = pytest.StashKey[dict]()


class RequestGate:
    """Lets the live server handle one request at a time and tells when it is idle.

    The test database on SQLite lives in memory and the server threads share the test's one
    connection; two requests at once (the Wagtail editor's autosave, preview and session pings
    run beside the page) would interleave their transactions and lock tables. Serialising
    requests avoids that on every database, and waiting for idleness keeps a late request (a
    beacon sent while a page closes) from racing the database flush after the test.
    """

    def __init__(self):
        self._serve = threading.Lock()
        self._state = threading.Condition()
        self._in_flight = 0
        self._last = time.monotonic()

    @contextlib.contextmanager
    def request(self):
        with self._state:
            self._in_flight += 1
        try:
            with self._serve:
                yield
        finally:
            with self._state:
                self._in_flight -= 1
                self._last = time.monotonic()
                self._state.notify_all()

    def wait_idle(self, quiet=0.25, timeout=10.0):
        """Wait until no request is being handled and none has ended for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        with self._state:
            while time.monotonic() < deadline:
                idle_for = time.monotonic() - self._last
                if self._in_flight == 0 and idle_for >= quiet:
                    return True
                self._state.wait(timeout=0.1 if self._in_flight else max(0.01, quiet - idle_for))
        return False

    def wrap(self, app):
        def serialised(environ, start_response):
            with self.request():
                result = app(environ, start_response)
                try:
                    body = b"".join(result)  # the whole response, database work included
                finally:
                    if hasattr(result, "close"):
                        result.close()
            return [body]

        return serialised


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, handling one request at a time (see RequestGate). Keeps the
    ``live_server`` name, so pytest-django still gives these tests a transactional database."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    gate = RequestGate()
    server.thread.static_handler = lambda app: gate.wrap(StaticFilesHandler(app))
    server.gate = gate
    server.start()
    yield server
    server.stop()


@pytest.fixture
def base_url(live_server):
    return live_server.url


@pytest.fixture
def new_page(chromium, live_server, request):
    """Make pages in fresh browser contexts: ``new_page()`` or ``new_page(viewport=...)``.
    A server error (5xx) on any request fails the test, even one the test did not look at.
    A failing test leaves a screenshot of every open page in test-results/."""
    contexts = []
    server_errors = []

    def record_server_error(response):
        if response.status >= 500:
            server_errors.append(f"{response.status} {response.request.method} {response.url}")

    def record_csp_violation(message):
        # A script or style the Content Security Policy refused: something on the page broke.
        if "Content Security Policy" in message.text:
            server_errors.append(
                f"CSP violation on {message.page and message.page.url}: {message.text}"
            )

    def make(**options):
        options.setdefault("locale", "nl-NL")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("base_url", live_server.url)
        context = chromium.new_context(**options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.on("response", record_server_error)
        context.on("console", record_csp_violation)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        # Requests a closing page still sends (beacons) must not reach the server any more.
        with contextlib.suppress(Exception):  # unless the test closed the context itself
            context.route("**/*", lambda route: route.abort())
    reports = request.node.stash.get(_REPORTS, {})
    failed = any(report.failed for report in reports.values())
    for number, context in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            for index, open_page in enumerate(context.pages):
                name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-120:]
                with contextlib.suppress(Exception):  # best effort on a failing test
                    open_page.screenshot(
                        path=ARTIFACTS / f"{name}-{number}-{index}.png", full_page=True
                    )
        context.close()
    live_server.gate.wait_idle()
    if server_errors and not failed:
        pytest.fail(
            "the server answered with an error or the browser refused content:\n"
            + "\n".join(server_errors),
            pytrace=False,
        )


@pytest.fixture
def page(new_page):
    """A page in a fresh browser context at a desktop size."""
    return new_page()


@pytest.fixture
def learning(live_server):
    """A catalogue, a learner and a module to take: the demo if the project has one."""
    from tests.e2e.content import load_learning_content

    return load_learning_content()
