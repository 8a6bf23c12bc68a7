"""The discussion document: a tagged PDF (PDF/UA-1) that opens and holds the round's scores per
theme, the agreed actions and the handreikingen; in the reader's language."""

import io

import pypdf
import pytest

from scan import services
from tests.factories import login_with_mfa

from .factories import closed_round, make_coordinator, make_scan, tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    nodes = tree()
    coordinator = make_coordinator(nodes["province"])
    scan_round = closed_round(
        make_scan(), nodes["oisterwijk"], coordinator, [(1, 3, 4), (2, 3, 4), (4, 3, 4)], "MT 2026"
    )
    first_theme = services.round_themes(scan_round)[0]
    login_with_mfa(client, coordinator)
    client.post(
        f"/scan/rondes/{scan_round.pk}/acties/",
        {f"action-{first_theme.id}": "Integriteitsgesprek in het college plannen."},
    )
    return client, scan_round


def read(response):
    return pypdf.PdfReader(io.BytesIO(response.content))


def text_of(reader):
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_opens_and_holds_the_scores_per_theme(document):
    client, scan_round = document
    response = client.get(f"/scan/rondes/{scan_round.pk}/gespreksdocument.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = text_of(read(response))
    assert (
        "Weerbaarheidsscan: gespreksdocument" in text
        and "Gemeente Oisterwijk" in text
        and "MT 2026" in text
    )
    # The table's rows: theme, score, lowest – highest, answers per level.
    assert (
        "Bestuurlijke weerbaarheid ⚠ Het team verschilt van mening 2,3 1,0 – 4,0 2 / 2 / 0 / 2"
        in (text)
    )
    assert "Eén overheid 3,0 3,0 – 3,0 0 / 0 / 6 / 0" in text
    assert "Informatiepositie 4,0 4,0 – 4,0 0 / 0 / 0 / 6" in text
    # The chart's bars carry the same figures.
    assert "Bestuurlijke weerbaarheid Dit team 2,3" in text
    assert "Integriteitsgesprek in het college plannen." in text
    assert "Handreiking Bestuurlijke weerbaarheid" in text
    assert "Handreiking Informatiepositie" not in text


def test_the_pdf_is_tagged_pdf_ua(document):
    client, scan_round = document
    reader = read(client.get(f"/scan/rondes/{scan_round.pk}/gespreksdocument.pdf"))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    assert "Gespreksdocument" in reader.metadata.title


def test_the_pdf_comes_in_english_too(document):
    client, scan_round = document
    client.cookies["django_language"] = "en"
    reader = read(client.get(f"/scan/rondes/{scan_round.pk}/gespreksdocument.pdf"))
    text = text_of(reader)
    assert "Resilience scan: discussion document" in text and "Agreed actions" in text
    assert reader.trailer["/Root"]["/Lang"] == "en"
