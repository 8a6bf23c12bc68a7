"""Scores of a scan round, per theme: pure functions over (response id, theme id, level) rows.
No database, no Django.

- A respondent's theme score is the mean of their levels on the theme's statements.
- The team's theme score is the mean of its respondents' theme scores (everyone counts once).
- The spread is the lowest and highest respondent theme score and the number of answers per
  level; the team disagrees on a theme when the highest and lowest respondent scores lie
  ``disagreement`` or more apart (on the 1–4 scale).
- A comparison average (region, province) is the mean of the organisations' theme scores:
  every organisation counts once, whatever its number of respondents.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

DISAGREEMENT = 1.5


@dataclass
class ThemeScore:
    theme_id: str
    respondents: int = 0
    score: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    distribution: dict = field(default_factory=dict)  # {level: number of answers}
    disagree: bool = False

    @property
    def answers(self):
        return sum(self.distribution.values())


def rounded(value):
    return None if value is None else round(value + 1e-9, 1)


def theme_scores(theme_ids, rows, levels=(1, 2, 3, 4), disagreement=DISAGREEMENT):
    """{theme id: ThemeScore} for ``theme_ids`` from ``rows`` of (response id, theme id, level).
    Rows of other themes (a theme dropped from the scan) are ignored."""
    per_respondent = defaultdict(lambda: defaultdict(list))
    distribution = {theme_id: dict.fromkeys(levels, 0) for theme_id in theme_ids}
    for response_id, theme_id, level in rows:
        if theme_id not in distribution:
            continue
        per_respondent[theme_id][response_id].append(level)
        distribution[theme_id][level] = distribution[theme_id].get(level, 0) + 1
    result = {}
    for theme_id in theme_ids:
        means = [fmean(answers) for answers in per_respondent[theme_id].values()]
        item = ThemeScore(theme_id, respondents=len(means), distribution=distribution[theme_id])
        if means:
            item.score = rounded(fmean(means))
            item.minimum = rounded(min(means))
            item.maximum = rounded(max(means))
            item.disagree = max(means) - min(means) >= disagreement - 1e-9
        result[theme_id] = item
    return result


def average_of(scores):
    """The mean of the organisations' scores on one theme, leaving out those without one."""
    present = [score for score in scores if score is not None]
    return rounded(fmean(present)) if present else None


def change(current, previous):
    """The change of a theme score since the previous round, or None."""
    if current is None or previous is None:
        return None
    return rounded(current - previous)
