"""What the scan does, in one place: who may open rounds for which organisations, opening and
closing a round, recording a respondent's answers, the results of a round with their
comparisons, and the team's agreed actions. Views only coordinate.

Privacy rules (all settings, see ``cms.settings.base``):

- a round's results show once it is closed, with ``SCAN_PRIVACY_THRESHOLD`` respondents or
  more, never per person (while a round is open, the figures before and after someone answered
  would give that person's answers away);
- a comparison (the region or cluster, the province) is the average over organisations' latest
  rounds that reached that threshold, shown only with at least
  ``SCAN_COMPARISON_MIN_ORGANISATIONS`` organisations and ``SCAN_COMPARISON_MIN_RESPONDENTS``
  respondents in it together.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import roles
from people.models import Organisation, OrganisationKind, ancestor_paths

from . import scoring
from .blocks import LEVELS, statement_levels
from .models import AgreedAction, ScanAnswer, ScanPage, ScanResponse, ScanRound

ACTION_MAX_LENGTH = 2000
# The result page gives the handreikingen of at most this many themes: the weakest, so that the
# conversation starts where it matters most.
ADVICE_THEMES = 3


class ScanError(Exception):
    """A request that cannot be carried out as asked; ``message`` is shown to the person."""

    message = _("This cannot be done.")

    def __init__(self, message=None, problems=None):
        super().__init__(message or self.message)
        if message:
            self.message = message
        self.problems = problems or {}


class RoundClosed(ScanError):
    message = _("This round of the scan is closed: answers are no longer accepted.")


class IncompleteAnswers(ScanError):
    message = _("Choose a level for every statement. Nothing has been saved yet.")


class NotAllowed(ScanError):
    message = _("You cannot open a round for this organisation.")


def privacy_threshold():
    return getattr(settings, "SCAN_PRIVACY_THRESHOLD", 3)


def comparison_minimums():
    return (
        getattr(settings, "SCAN_COMPARISON_MIN_ORGANISATIONS", 3),
        getattr(settings, "SCAN_COMPARISON_MIN_RESPONDENTS", 10),
    )


# -- who coordinates what --------------------------------------------------------------------


def may_coordinate(user):
    """Programme coordinators with a place in the organisation tree, and platform admins."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not roles.has_role(user, roles.COORDINATORS):
        return False
    profile = getattr(user, "profile", None)
    return profile is not None and profile.organisation_id is not None


def organisations_for(user):
    """The nodes a user may open rounds for: a coordinator's own node and below."""
    if not may_coordinate(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(path__startswith=user.profile.organisation.path)


def live_scans():
    return ScanPage.objects.live().order_by("path")


# -- the scan as a round pinned it -----------------------------------------------------------


@dataclass
class Statement:
    id: str
    text: str
    levels: list


@dataclass
class Theme:
    id: str
    title: str
    introduction: str
    statements: list
    advice: list


def content_of(scan_round):
    """The scan as it was in the round's revision, built without further queries."""
    cached = getattr(scan_round, "_content", None)
    if cached is None:
        cached = ScanPage.from_serializable_data(scan_round.revision.content, check_fks=False)
        scan_round._content = cached
    return cached


def themes_of(page):
    """The themes of a scan page (or of a revision's content), with their statements' ids."""
    themes = []
    for theme in page.themes:
        statements = [
            Statement(child.id, child.value["text"], statement_levels(child.value))
            for child in theme.value["statements"].bound_blocks
        ]
        themes.append(
            Theme(
                theme.id,
                theme.value["title"],
                theme.value["introduction"],
                statements,
                list(theme.value["advice"]),
            )
        )
    return themes


def round_themes(scan_round):
    cached = getattr(scan_round, "_themes", None)
    if cached is None:
        cached = scan_round._themes = themes_of(content_of(scan_round))
    return cached


# -- rounds ----------------------------------------------------------------------------------


def open_round(user, scan, organisation, title):
    """A new round of ``scan`` for ``organisation`` on its published revision."""
    if not organisations_for(user).filter(pk=organisation.pk).exists():
        raise NotAllowed()
    scan.refresh_from_db(fields=["live", "live_revision"])  # published a moment ago, perhaps
    revision = scan.live_revision
    if not scan.live or revision is None:
        raise ScanError(_("This scan is not published."))
    return ScanRound.objects.create(
        scan=scan, revision=revision, organisation=organisation, title=title, created_by=user
    )


def close_round(scan_round):
    if scan_round.closed_at is None:
        ScanRound.objects.filter(pk=scan_round.pk, closed_at__isnull=True).update(
            closed_at=timezone.now()
        )
        scan_round.refresh_from_db(fields=["closed_at"])


def respondent_count(scan_round):
    return scan_round.responses.count()


def parse_response_id(value):
    """The random id a form carries for its submission, or None when it is not one."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def chosen_levels(scan_round, data):
    """{statement id: level} from posted form data (``s-<statement id>``); raises
    ``IncompleteAnswers`` naming every statement without a valid level."""
    levels, problems = {}, {}
    for theme in round_themes(scan_round):
        for statement in theme.statements:
            raw = data.get(f"s-{statement.id}", "")
            try:
                level = int(raw)
            except (TypeError, ValueError):
                level = None
            if level not in LEVELS:
                problems[statement.id] = _("Choose one of the levels.")
            else:
                levels[statement.id] = (theme.id, level)
    if problems:
        raise IncompleteAnswers(problems=problems)
    return levels


def submit(scan_round, response_id, data):
    """Record one respondent's answers. Returns True when recorded, False when this submission
    (the same random id) was recorded before: a double click or a resubmit counts once."""
    levels = chosen_levels(scan_round, data)
    with transaction.atomic():
        locked = ScanRound.objects.select_for_update().get(pk=scan_round.pk)
        if locked.closed_at is not None:
            raise RoundClosed()
        existing = ScanResponse.objects.filter(pk=response_id).first()
        if existing is not None:
            if existing.round_id != scan_round.pk:
                raise ScanError()
            return False
        try:
            with transaction.atomic():
                response = ScanResponse.objects.create(id=response_id, round=scan_round)
        except IntegrityError:
            return False  # the same submission, at the same moment
        ScanAnswer.objects.bulk_create(
            ScanAnswer(response=response, theme_id=theme_id, statement_id=statement_id, level=level)
            for statement_id, (theme_id, level) in levels.items()
        )
    return True


# -- results ---------------------------------------------------------------------------------


@dataclass
class Comparison:
    """The anonymous average of the organisations in a region or the province."""

    node: Organisation
    shown: bool
    scores: dict = field(default_factory=dict)  # {theme id: average}


@dataclass
class ThemeResult:
    theme: Theme
    score: scoring.ThemeScore
    region: float | None = None
    province: float | None = None
    previous: float | None = None
    change: float | None = None
    action: str = ""
    needs_advice: bool = False

    @property
    def distribution(self):
        """[(level, number of answers)] lowest level first."""
        return sorted(self.score.distribution.items())


@dataclass
class RoundResult:
    round: ScanRound
    respondents: int
    threshold: int
    shown: bool
    advice_below: float
    themes: list = field(default_factory=list)
    region: Comparison | None = None
    province: Comparison | None = None
    previous_round: ScanRound | None = None

    @property
    def weakest(self):
        """The themes that get their handreikingen: below the scan's level, the weakest first,
        at most ``ADVICE_THEMES``."""
        below = sorted((t for t in self.themes if t.needs_advice), key=lambda t: t.score.score)
        return below[:ADVICE_THEMES]


def _scores_per_round(rounds, theme_ids):
    """{round id: {theme id: ThemeScore}} for the given rounds, in one query."""
    rows = defaultdict(list)
    answers = ScanAnswer.objects.filter(response__round__in=[r.pk for r in rounds]).values_list(
        "response__round_id", "response_id", "theme_id", "level"
    )
    for round_id, response_id, theme_id, level in answers:
        rows[round_id].append((response_id, theme_id, level))
    return {r.pk: scoring.theme_scores(theme_ids, rows[r.pk]) for r in rounds}


def _qualifying(queryset):
    """Rounds whose results show: closed, with at least the threshold of respondents."""
    return (
        queryset.filter(closed_at__isnull=False)
        .annotate(respondents=Count("responses"))
        .filter(respondents__gte=privacy_threshold())
    )


def nearest_ancestor(organisation, kind):
    return (
        Organisation.objects.filter(path__in=ancestor_paths(organisation.path), kind=kind)
        .order_by("-depth")
        .first()
    )


def comparison(scan_round, kind, theme_ids):
    """The average of the latest qualifying round of every organisation under the round's
    region (or province) for the same scan; None when there is no such node above it."""
    node = nearest_ancestor(scan_round.organisation, kind)
    if node is None:
        return None
    candidates = _qualifying(
        ScanRound.objects.filter(
            scan_id=scan_round.scan_id, organisation__path__startswith=node.path
        )
    ).order_by("-created_at", "-pk")
    latest = {}
    for candidate in candidates:
        latest.setdefault(candidate.organisation_id, candidate)
    own = next((c for c in candidates if c.pk == scan_round.pk), None)
    if own is not None:
        latest[scan_round.organisation_id] = own
    min_organisations, min_respondents = comparison_minimums()
    total = sum(r.respondents for r in latest.values())
    if len(latest) < min_organisations or total < min_respondents:
        return Comparison(node, shown=False)
    scores = _scores_per_round(list(latest.values()), theme_ids)
    averages = {
        theme_id: scoring.average_of(per_round[theme_id].score for per_round in scores.values())
        for theme_id in theme_ids
    }
    return Comparison(node, shown=True, scores=averages)


def previous_round(scan_round):
    """The organisation's latest earlier round of the same scan with enough respondents."""
    return (
        _qualifying(
            ScanRound.objects.filter(
                scan_id=scan_round.scan_id,
                organisation_id=scan_round.organisation_id,
                created_at__lt=scan_round.created_at,
            )
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def results(scan_round):
    """What the result page, the PDF and the tests read. Nothing per person; nothing at all
    below the privacy threshold."""
    respondents = respondent_count(scan_round)
    threshold = privacy_threshold()
    content = content_of(scan_round)
    result = RoundResult(
        round=scan_round,
        respondents=respondents,
        threshold=threshold,
        # Results show once the round is closed: while it is open, comparing the figures before
        # and after a colleague answered would tell what that one person answered.
        shown=scan_round.is_closed and respondents >= threshold,
        advice_below=float(content.advice_below),
    )
    if not result.shown:
        return result
    themes = round_themes(scan_round)
    theme_ids = [theme.id for theme in themes]
    own = _scores_per_round([scan_round], theme_ids)[scan_round.pk]
    result.region = comparison(scan_round, OrganisationKind.REGION, theme_ids)
    result.province = comparison(scan_round, OrganisationKind.PROVINCE, theme_ids)
    result.previous_round = previous_round(scan_round)
    previous = (
        _scores_per_round([result.previous_round], theme_ids)[result.previous_round.pk]
        if result.previous_round
        else {}
    )
    actions = dict(scan_round.actions.values_list("theme_id", "text"))
    for theme in themes:
        score = own[theme.id]
        before = previous[theme.id].score if theme.id in previous else None
        result.themes.append(
            ThemeResult(
                theme=theme,
                score=score,
                region=result.region.scores.get(theme.id) if result.region else None,
                province=result.province.scores.get(theme.id) if result.province else None,
                previous=before,
                change=scoring.change(score.score, before),
                action=actions.get(theme.id, ""),
                needs_advice=score.score is not None and score.score < result.advice_below,
            )
        )
    return result


# -- agreed actions --------------------------------------------------------------------------


def save_actions(scan_round, data):
    """Store the agreed action text per theme from posted data (``action-<theme id>``). Refuses
    every change when one text is too long, naming the theme."""
    texts, problems = {}, {}
    for theme in round_themes(scan_round):
        text = str(data.get(f"action-{theme.id}", "")).replace("\r\n", "\n").strip()
        if len(text) > ACTION_MAX_LENGTH:
            problems[theme.id] = _("At most %(count)d characters.") % {"count": ACTION_MAX_LENGTH}
        texts[theme.id] = text
    if problems:
        raise ScanError(_("Some texts are too long. Nothing has been saved."), problems=problems)
    with transaction.atomic():
        for theme_id, text in texts.items():
            AgreedAction.objects.update_or_create(
                round=scan_round, theme_id=theme_id, defaults={"text": text}
            )
    return texts
