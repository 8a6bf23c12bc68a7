"""Checking a learner's write-up of a signal against the trainer's checklist.

A signal is only useful when others can act on it, so learners practise writing it down: the
place, the time, what they saw, the vehicle, what they did, and no judgement. A write-up is
checked item by item on the server; the checklist is shown only after answering, so the learner
has to know what belongs in a report.

Each checklist item has a kind:

- ``terms``: met when the text uses one of the item's terms (whole words, any case; a term
  also matches longer words it starts, so "kenteken" matches "kentekens");
- ``absent``: met when the text uses none of the item's terms (words of judgement, say);
- ``time``: met when the text gives a clock time ("22:15", "22.15 uur", "om 10 uur");
- ``date``: met when the text gives a date or a day ("4 december", "4-12", "maandag",
  "gisteravond");
- ``plate``: met when the text gives a registration number ("12-ABC-3", "ab-123-c").

Pure functions: no database, no request.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

TERMS, ABSENT, TIME, DATE, PLATE = "terms", "absent", "time", "date", "plate"
MIN_CHARACTERS = 40
MAX_CHARACTERS = 3000

MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    "january|february|march|may|june|july|october"
)
DAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|vandaag|gisteren|gisteravond|"
    "vannacht|vanochtend|vanmorgen|vanmiddag|vanavond|eergisteren|vorige week|afgelopen week|"
    "vorige maand|afgelopen maand|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "today|yesterday|tonight|last week"
)
PATTERNS = {
    TIME: re.compile(
        r"\b([01]?\d|2[0-3])[:.u]([0-5]\d)\b|\b(om|rond|tegen|at)\s+([01]?\d|2[0-3])\s*(uur|u|h)\b"
    ),
    DATE: re.compile(
        rf"\b\d{{1,2}}[-/.]\d{{1,2}}([-/.]\d{{2,4}})?\b|\b\d{{1,2}}\s+({MONTHS})\b|\b({DAYS})\b"
    ),
    # Dutch registrations: three groups of letters and digits, at least one letter.
    PLATE: re.compile(r"\b(?=[a-z0-9-]*[a-z])[a-z0-9]{1,3}-[a-z0-9]{1,3}-[a-z0-9]{1,3}\b"),
}


class WriteUpError(ValueError):
    """A write-up that cannot be checked; ``learner_message`` says what to change."""

    def __init__(self, reason, learner_message):
        super().__init__(reason)
        self.learner_message = learner_message


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    kind: str
    terms: tuple


def terms_of(text):
    """The terms of an item as the trainer typed them: separated by commas or new lines."""
    return tuple(term.strip().casefold() for term in re.split(r"[,\n]", text or "") if term.strip())


def normalised(text):
    return " ".join(str(text or "").split())


def _uses_term(text, term):
    return re.search(r"(?<!\w)" + re.escape(term), text) is not None


def is_met(item, text):
    """Whether the write-up ``text`` meets the checklist ``item``."""
    folded = normalised(text).casefold()
    if item.kind == TERMS:
        return any(_uses_term(folded, term) for term in item.terms)
    if item.kind == ABSENT:
        return not any(_uses_term(folded, term) for term in item.terms)
    pattern = PATTERNS.get(item.kind)
    return bool(pattern and pattern.search(folded))


def clean_text(chosen):
    """The write-up from what was posted (one text field); WriteUpError when there is none or
    it is too short or too long to be a report."""
    texts = [str(value) for value in chosen if str(value).strip()]
    if len(texts) != 1:
        raise WriteUpError(
            "not one text", _("Write your report in the text field and send it once.")
        )
    text = texts[0].strip()
    if len(text) < MIN_CHARACTERS:
        raise WriteUpError(
            "too short",
            _("Your report is too short to act on: write at least %(count)s characters.")
            % {"count": MIN_CHARACTERS},
        )
    if len(text) > MAX_CHARACTERS:
        raise WriteUpError(
            "too long",
            _("Keep your report to %(count)s characters: others must be able to read it quickly.")
            % {"count": MAX_CHARACTERS},
        )
    return text


def judge(items, points, text):
    """(points earned, maximum, ids of the items met): each item met earns points/N."""
    met = [item.id for item in items if is_met(item, text)]
    points = Decimal(points)
    if not items:
        return Decimal(0), points, met
    earned = (points * len(met) / len(items)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return earned, points, met


def example_text(items, good=True):
    """A write-up that meets every item (``good``) or none: for the demo's history and tests."""
    if not good:
        judging = next((item.terms[0] for item in items if item.kind == ABSENT and item.terms), "")
        return f"Er was iets raars aan de hand, {judging} volgens mij. Verder niets bijzonders."
    parts = ["Melding van een signaal."]
    for item in items:
        if item.kind == TERMS and item.terms:
            parts.append(f"{item.terms[0].capitalize()}: gezien en genoteerd.")
        elif item.kind == TIME:
            parts.append("Tijd: 22:15 uur.")
        elif item.kind == DATE:
            parts.append("Datum: 4 december.")
        elif item.kind == PLATE:
            parts.append("Kenteken 12-ABC-3.")
    return " ".join(parts)
