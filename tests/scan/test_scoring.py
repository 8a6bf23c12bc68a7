"""The score per theme: everyone counts once, the spread shows lowest and highest and the
answers per level, and a wide spread is flagged as disagreement."""

from scan import scoring


def rows(*respondents):
    """Each respondent: {theme: [levels on its statements]}."""
    result = []
    for number, themes in enumerate(respondents):
        for theme_id, levels in themes.items():
            result.extend((f"r{number}", theme_id, level) for level in levels)
    return result


def test_a_theme_score_is_the_mean_of_the_respondents_means():
    scores = scoring.theme_scores(
        ["a"], rows({"a": [1, 2]}, {"a": [3, 3]}, {"a": [4, 4]})
    )  # respondents: 1.5, 3, 4
    assert scores["a"].score == 2.8
    assert (scores["a"].minimum, scores["a"].maximum) == (1.5, 4.0)
    assert scores["a"].respondents == 3
    assert scores["a"].distribution == {1: 1, 2: 1, 3: 2, 4: 2}
    assert scores["a"].answers == 6


def test_themes_are_scored_apart():
    scores = scoring.theme_scores(["a", "b"], rows({"a": [4], "b": [1]}, {"a": [4], "b": [2]}))
    assert scores["a"].score == 4.0 and scores["b"].score == 1.5


def test_a_wide_spread_is_disagreement_and_a_narrow_one_is_not():
    wide = scoring.theme_scores(["a"], rows({"a": [1]}, {"a": [2.5]}, {"a": [2.5]}))["a"]
    assert wide.disagree
    narrow = scoring.theme_scores(["a"], rows({"a": [2]}, {"a": [3]}, {"a": [3]}))["a"]
    assert not narrow.disagree


def test_a_theme_nobody_answered_has_no_score_and_others_are_ignored():
    scores = scoring.theme_scores(["a"], rows({"gone": [4]}))
    assert scores["a"].score is None and scores["a"].respondents == 0
    assert "gone" not in scores


def test_comparison_average_and_change():
    assert scoring.average_of([2.0, 3.0, None, 3.5]) == 2.8
    assert scoring.average_of([None]) is None
    assert scoring.change(2.5, 2.0) == 0.5
    assert scoring.change(2.0, 2.5) == -0.5
    assert scoring.change(2.0, None) is None
