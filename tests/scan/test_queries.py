"""The respondent's form and the result page cost the same number of queries whatever the size
of the scan and the number of respondents."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scan import services
from tests.factories import login_with_mfa

from .factories import answers_for, closed_round, make_coordinator, make_scan, tree

pytestmark = pytest.mark.django_db


def queries(client, url, method="get", data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response.status_code
    return len(captured)


def test_answering_costs_the_same_for_a_small_and_a_large_scan(client):
    nodes = tree()
    coordinator = make_coordinator(nodes["province"])
    counts = []
    for titles, statements in ((["Eén"], 1), ([f"Thema {n}" for n in range(8)], 4)):
        scan = make_scan(titles=titles, statements=statements)
        scan_round = services.open_round(coordinator, scan, nodes["oisterwijk"], "r")
        url = f"/scan/invullen/{scan_round.token}/"
        shown = queries(client, url)
        data = answers_for(scan_round, [2] * len(titles))
        data["response"] = str(uuid.uuid4())
        client.cookies.clear()
        posted = queries(client, url, "post", data)
        counts.append((shown, posted))
    assert counts[0] == counts[1]


def test_the_result_page_costs_the_same_for_few_and_many_respondents(client):
    nodes = tree()
    coordinator = make_coordinator(nodes["province"])
    login_with_mfa(client, coordinator)
    counts = []
    for size in (3, 12):
        scan = make_scan(titles=[f"Thema {n}" for n in range(size // 3 + 2)])
        themes = len(scan.themes)
        scan_round = closed_round(scan, nodes["oisterwijk"], coordinator, [(3,) * themes] * size)
        closed_round(scan, nodes["hilvarenbeek"], coordinator, [(2,) * themes] * size)
        counts.append(queries(client, f"/scan/rondes/{scan_round.pk}/"))
    assert counts[0] == counts[1]
