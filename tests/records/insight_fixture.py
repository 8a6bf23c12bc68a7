"""A small province with a hand-computed signal history, for the insight tests.

Module "Schuren" tests signal S1 (anijsgeur) with a single-choice question, and S1 and S2
(busje tegen de deur) with a decision: the right option is tagged S1 and S2, the acceptable one
S2, the wrong one nothing. Module "Vervolg" tests S1 again with a question.

Per learner (``plan``): their unit, function, and the runs (module, answers: "best", "worst",
or "acceptable" = question right and the acceptable decision) in order, ten days apart (gijs
and hans first meet the signals in 2026 Q2, the others in Q1).
The expected groups per signal, worked out by hand from the rules in
``scenarios.signal_tags`` (S1 needs the question *and* the decision in one attempt):

    learner  unit  function   runs                           S1              S2
    anna     M1    BOA        best                           once_yes        once_yes
    bram     M1    BOA        worst, best                    again_no_yes    again_no_yes
    cor      M1    inspector  acceptable                     once_no         once_yes
    dirk     M2    BOA        best, worst                    again_yes_no    again_yes_no
    eva      M2    BOA        worst, worst, worst            again_no_no     again_no_no
    fleur    M2    BOA        worst, best, worst             again_no_no_b.  again_no_no_b.
    gijs     M2    BOA        worst, Vervolg best            again_no_yes    once_no
    hans     R     BOA        best (the region's own staff)  once_yes        once_yes
"""

import datetime

from django.utils import timezone

from people.models import Function, Profile
from scenarios.blocks.base import list_items
from scenarios.models import Signal
from tests.factories import (
    ThemeFactory,
    UserFactory,
    best_answer,
    make_module,
    make_organisation,
    option_ids,
    worst_answer,
)
from training import services
from training.models import Attempt

START = datetime.datetime(2026, 2, 2, 10, 0, tzinfo=datetime.UTC)  # in 2026 Q1

PLAN = {
    "anna": ("m1", Function.BOA, ["best"]),
    "bram": ("m1", Function.BOA, ["worst", "best"]),
    "cor": ("m1", Function.INSPECTOR, ["acceptable"]),
    "dirk": ("m2", Function.BOA, ["best", "worst"]),
    "eva": ("m2", Function.BOA, ["worst", "worst", "worst"]),
    "fleur": ("m2", Function.BOA, ["worst", "best", "worst"]),
    "gijs": ("m2", Function.BOA, ["worst", "vervolg"]),
    "hans": ("region", Function.BOA, ["best"]),
}

EXPECTED_S1 = {
    "once_yes": 2,  # anna, hans
    "once_no": 1,  # cor
    "again_yes_yes": 0,
    "again_yes_no": 1,  # dirk
    "again_no_yes": 2,  # bram, gijs
    "again_no_no_between": 1,  # fleur
    "again_no_no": 1,  # eva
}
EXPECTED_S2 = {
    "once_yes": 3,  # anna, cor, hans
    "once_no": 1,  # gijs
    "again_yes_yes": 0,
    "again_yes_no": 1,  # dirk
    "again_no_yes": 1,  # bram
    "again_no_no_between": 1,  # fleur
    "again_no_no": 1,  # eva
}


def _question(signal):
    return {
        "type": "single_choice",
        "value": {
            "question": "Waar wijst een anijslucht op?",
            "points": 1,
            "explanation": "",
            "signals": [signal.pk],
            "options": list_items(
                [
                    {"text": "Hennep", "correct": False, "feedback": ""},
                    {"text": "XTC", "correct": True, "feedback": ""},
                ]
            ),
        },
    }


def _decision(s1, s2):
    options = [
        ("Op afstand blijven en 112 bellen", "right", 2, [s1.pk, s2.pk]),
        ("Later 0900-8844 bellen", "acceptable", 1, [s2.pk]),
        ("Aankloppen", "wrong", 0, []),
    ]
    return {
        "type": "decision",
        "value": {
            "prompt": "Wat doe je?",
            "options": list_items(
                [
                    {"text": t, "verdict": v, "points": p, "feedback": "Uitleg.", "signals": s}
                    for t, v, p, s in options
                ]
            ),
        },
    }


def _acceptable(step):
    if step.block_type == "decision":
        return option_ids(step, lambda option: option["verdict"] == "acceptable")
    return best_answer(step)


CHOOSERS = {"best": best_answer, "worst": worst_answer, "acceptable": _acceptable}


def _take(user, module, choose, when):
    attempt, _created = services.start_attempt(user, module)
    index = 0
    while True:
        step = services.step_at(attempt, index)
        response = None
        if services.is_scored(step):
            response, _created = services.record_response(attempt, index, choose(step))
        if services.next_on_path(attempt, index, response) is None:
            break
        services.continue_after(attempt, index)
        index += 1
    attempt = services.finish_attempt(attempt)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=when, finished_at=when)
    attempt.responses.update(answered_at=when)


def build(catalogue):
    """The province, the modules and the history; returns a namespace of what was made."""
    theme = ThemeFactory(name="Drugsafval", slug="drugsafval")
    s1 = Signal.objects.create(theme=theme, name="Anijsgeur")
    s2 = Signal.objects.create(theme=theme, name="Busje tegen de deur")
    province = make_organisation("Provincie", "province", None, "provincie")
    region = make_organisation("Regio Noord", "region", province, "regio-noord")
    m1 = make_organisation("Gemeente Een", "municipality", region, "gemeente-een")
    m2 = make_organisation("Gemeente Twee", "municipality", region, "gemeente-twee")
    team = make_organisation("Team Handhaving", "team", m2, "team-handhaving")
    units = {"m1": m1, "m2": team, "region": region}
    schuren = make_module(
        "Schuren", steps=[_question(s1), _decision(s1, s2)], catalogue=catalogue, theme=theme
    )
    vervolg = make_module("Vervolg", steps=[_question(s1)], catalogue=catalogue, theme=theme)
    users = {}
    for day, (name, (unit, function, runs)) in enumerate(PLAN.items()):
        user = UserFactory(username=name, function=function)
        Profile.objects.filter(user=user).update(organisation=units[unit])
        users[name] = user
        for run, choice in enumerate(runs):
            when = START + datetime.timedelta(days=10 * day, weeks=13 * run)
            if choice == "vervolg":
                _take(user, vervolg, best_answer, when)
            else:
                _take(user, schuren, CHOOSERS[choice], when)
    return type(
        "Fixture",
        (),
        {
            "theme": theme,
            "s1": s1,
            "s2": s2,
            "province": province,
            "region": region,
            "m1": m1,
            "m2": m2,
            "team": team,
            "users": users,
            "now": timezone.now(),
        },
    )
