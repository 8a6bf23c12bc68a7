"""The export limit counts exactly when one person's downloads arrive at the same moment (each
thread its own client and database connection): with a limit of 10, twenty simultaneous
dashboard CSV downloads give exactly 10 files and 10 audit entries, on every cache a deployment
may use. The answer limit goes through the same django-ratelimit counter.

PostgreSQL only (the downloads write audit entries at the same moment). Run:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
    .venv/bin/python -m pytest tests/training/test_rate_limits_concurrency.py -q -p no:cacheprovider
"""

import datetime
from collections import Counter

import pytest
from django.db import connection  # noqa: F401 - read by the skip condition
from django.test import Client
from django.utils import timezone

from people.models import AuditEntry
from tests.factories import make_module, site_with_catalogue
from tests.records.dashboard_factories import assign, build_tree, manager_of, person
from tests.training.test_concurrency import at_the_same_moment, needs_row_locks

THREADS, LIMIT = 20, 10

pytestmark = [needs_row_locks, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("cache_backend", ["in-process", "redis", "database"], indirect=True)
def test_20_simultaneous_exports_of_one_manager_give_exactly_the_10_allowed(
    cache_backend, settings
):
    # Per hour, so that a window's end never falls inside the test and splits the count.
    settings.RATELIMIT_EXPORT = f"{LIMIT}/h"
    tree = build_tree()
    module = make_module(catalogue=site_with_catalogue())
    assign(module, tree["gemeente-a"], due=timezone.localdate() + datetime.timedelta(days=30))
    person("anna", tree["team-a1"], last_name="Aalders")
    manager = manager_of("manager", tree["team-a1"])
    clients = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(manager)
        clients.append(client)

    def download(i):
        response = clients[i].post("/leren/teams/overzicht.csv")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, body.decode("utf-8-sig")

    results = at_the_same_moment(THREADS, download)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert Counter(status for status, _body in results) == {200: LIMIT, 429: THREADS - LIMIT}
    assert all("Aalders" in body for status, body in results if status == 200)
    assert AuditEntry.objects.filter(actor=manager, action=AuditEntry.Action.EXPORT).count() == (
        LIMIT
    )
