"""In-process request benchmarks with Django's test client, against the bench data set:
the learner's step page and answer POST (modules of 16, 5 and 50 steps), the manager dashboard
of a 500-person municipality and the province-wide figures, each against the plain Wagtail home
page of the same site, requested by the same logged-in user in the same run (interleaved).

    python -m bench.pages --repeat 25 > pages.json

Also prepares and cleans up the learners of the load test (``--prepare-load N``,
``--cleanup-load``). Everything it creates (attempts, responses, completions, sessions) is
removed again at the end, so the data set stays as generated.
"""

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from people.models import Function, Organisation  # noqa: E402
from scenarios.models import ModulePage  # noqa: E402
from training.models import Attempt, Completion  # noqa: E402

HOME = "/"
SCORED = {"decision", "single_choice", "multiple_choice"}
MODULES = (("module-01", 16), ("module-02", 5), ("module-03", 50))
LOAD_FILE = settings.BENCH_DIR / "out" / "load-learners.json"
LEARNER_FUNCTIONS = [f for f in Function.values if f != Function.MT_MEMBER]


def log(message):
    print(message, file=sys.stderr, flush=True)


# -- requests ------------------------------------------------------------------------------------


def request(client, method, url, data=None):
    started = time.perf_counter()
    response = getattr(client, method)(url, data or {})
    elapsed = time.perf_counter() - started
    return elapsed, response


def count_queries(client, method, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        _elapsed, response = request(client, method, url, data)
    return len(queries.captured_queries), response.status_code


def expect(response, *codes):
    if response.status_code not in codes:
        raise SystemExit(f"{response.request['PATH_INFO']}: HTTP {response.status_code}")
    return response


def interleaved(
    client, url, repeat, method="get", data=None, codes=(200,), baseline=HOME, warm_up=3
):
    """Median seconds of ``url`` and of the baseline page, alternating, after a warm-up."""
    for _i in range(warm_up):
        expect(request(client, method, url, data)[1], *codes)
        expect(request(client, "get", baseline)[1], 200)
    times, base = [], []
    for _i in range(repeat):
        elapsed, response = request(client, method, url, data)
        expect(response, *codes)
        times.append(elapsed)
        elapsed, response = request(client, "get", baseline)
        expect(response, 200)
        base.append(elapsed)
    return statistics.median(times), statistics.median(base)


# -- learners ------------------------------------------------------------------------------------


def fresh_learners(module, count):
    """Active professionals who never started ``module``."""
    User = get_user_model()
    found = list(
        User.objects.filter(
            profile__active=True,
            profile__organisation__isnull=False,
            profile__function__in=LEARNER_FUNCTIONS,
        )
        .exclude(attempts__module=module)
        .exclude(completions__module=module)
        .order_by("pk")[:count]
    )
    if len(found) < count:
        raise SystemExit(f"Only {len(found)} learners left who never started {module.slug}.")
    return found


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def start(client, module):
    expect(client.post(reverse("training:start", args=[module.pk])), 302)
    return Attempt.objects.open().get(learner_id=int(client.session[SESSION_KEY]), module=module)


def good_options(step):
    options = [(child.id, child.value) for child in step.value["options"].bound_blocks]
    if step.block_type == "decision":
        return [i for i, v in options if v["verdict"] == "right"][:1]
    return [i for i, v in options if v["correct"]]


def play_to_end(client, module, attempt):
    """Answer and pass every step the way a learner does, up to the last one (not finished)."""
    steps = list(module.steps)
    for index, step in enumerate(steps):
        number = index + 1
        if step.block_type in SCORED:
            url = reverse("training:answer", args=[attempt.pk, number])
            expect(client.post(url, {"option": good_options(step)}), 302)
        if number < len(steps):
            expect(client.post(reverse("training:next", args=[attempt.pk, number])), 302)


def forget(learners, modules):
    """Remove what the benchmark recorded for these learners on these modules."""
    Attempt.objects.filter(learner__in=learners, module__in=modules).delete()
    Completion.objects.filter(learner__in=learners, module__in=modules).delete()


SESSIONS = []


def logged_in(user):
    client = client_for(user)
    SESSIONS.append(client.session.session_key)
    return client


def drop_sessions():
    SessionStore.get_model_class().objects.filter(session_key__in=SESSIONS).delete()


# -- measurements --------------------------------------------------------------------------------


def measure_module(slug, repeat, answers):
    """Step page (a question not yet answered, and an answered one with its feedback) and the
    answer POST of one module, each against the home page."""
    module = ModulePage.objects.get(slug=slug)
    steps = list(module.steps)
    learners = fresh_learners(module, answers + 3)
    results = {"steps": len(steps)}
    try:
        # A question not answered yet: step 1 of a fresh attempt.
        reader = logged_in(learners[0])
        attempt = start(reader, module)
        url = reverse("training:step", args=[attempt.pk, 1])
        results["get_question"] = interleaved(reader, url, repeat)
        results["get_question_queries"] = count_queries(reader, "get", url)[0]
        results["home_queries"] = count_queries(reader, "get", HOME)[0]

        # An answered question in the middle of the module, with its feedback.
        player = logged_in(learners[1])
        attempt = start(player, module)
        play_to_end(player, module, attempt)
        middle = [i for i, s in enumerate(steps) if s.block_type in SCORED][
            len([s for s in steps if s.block_type in SCORED]) // 2
        ]
        url = reverse("training:step", args=[attempt.pk, middle + 1])
        results["get_feedback"] = interleaved(player, url, repeat)
        results["get_feedback_queries"] = count_queries(player, "get", url)[0]

        # Answer POSTs: each learner answers step 1 of a fresh attempt once.
        times, base = [], []
        option = {"option": good_options(steps[0])}
        queries = None
        for number, learner in enumerate(learners[2:]):
            client = logged_in(learner)
            attempt = start(client, module)
            expect(request(client, "get", HOME)[1], 200)  # warm the session
            url = reverse("training:answer", args=[attempt.pk, 1])
            if number == 0:
                queries, _status = count_queries(client, "post", url, option)
                continue
            elapsed, response = request(client, "post", url, option)
            expect(response, 302)
            times.append(elapsed)
            base.append(request(client, "get", HOME)[0])
        results["post_answer"] = (statistics.median(times), statistics.median(base))
        results["post_answer_queries"] = queries
    finally:
        forget(learners, [module])
    return results


def manager_user(username):
    return get_user_model().objects.get(username=username)


def measure_dashboard(repeat):
    manager = manager_user("bench-manager")
    organisation = Organisation.objects.filter(managers=manager).first()
    people = organisation.subtree().aggregate(n=django.db.models.Count("profiles"))["n"]
    client = logged_in(manager)
    url = reverse("records:dashboard")
    timing = interleaved(client, url, repeat)
    queries = count_queries(client, "get", url)[0]
    return {
        "people": people,
        "time": timing,
        "queries": queries,
        "home_queries": count_queries(client, "get", HOME)[0],
    }


def with_two_factor(client, user):
    """The session as it is after logging in with password and authenticator code (the
    coordinator's pages require two-factor authentication, ``cms.mfa``)."""
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "username": user.get_username()},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


def measure_insights(repeat):
    coordinator = manager_user("bench-coordinator")
    client = with_two_factor(logged_in(coordinator), coordinator)
    url = reverse("records:insights")
    # A request takes seconds here (no target; for comparison): one warm-up is enough.
    timing = interleaved(client, url, repeat, warm_up=1)
    return {"time": timing, "queries": count_queries(client, "get", url)[0]}


def measure_signal_insight(repeat):
    """The signal insight, province-wide: the summary rebuilt as the task worker does, then the
    page (figures cached until the next refresh: the median), the same figures worked out
    without the cache (the first reader after a refresh), and the queries of each."""
    from django.core.cache import cache

    from records.insight import queries, refresh, reports

    started = time.perf_counter()
    done = refresh.refresh()
    refresh_seconds = time.perf_counter() - started
    coordinator = manager_user("bench-coordinator")
    client = with_two_factor(logged_in(coordinator), coordinator)
    results = {
        "refresh_seconds": refresh_seconds,
        "outcomes": done.outcomes,
        "summary_rows": done.rows,
        "responses_read": done.responses,
    }
    for view, slug in (("signals", "signalen"), ("organisations", "organisaties")):
        url = reverse("records:insight_view", args=[slug])
        cache.clear()
        cold_queries, cold_time = count_queries_timed(client, url)
        timing = interleaved(client, url, repeat, warm_up=1)
        results[view] = {
            "time": timing,
            "queries": count_queries(client, "get", url)[0],
            "cold_time": cold_time,
            "cold_queries": cold_queries,
        }
    # The figures alone, without the cache and without the page around them.
    times = []
    for _i in range(max(3, repeat // 3)):
        start = time.perf_counter()
        reports.build(reports.SIGNALS, queries.Filters(), use_cache=False)
        times.append(time.perf_counter() - start)
    results["build_signals_uncached"] = statistics.median(times)
    return results


def count_queries_timed(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
    expect(response, 200)
    return len(captured), elapsed


# -- the load test's learners --------------------------------------------------------------------


def prepare_load(count, slug="module-01"):
    """``count`` learners who went through every step of the module (answers given, not
    finished), each with a session; written to ``LOAD_FILE`` for the load generator."""
    module = ModulePage.objects.get(slug=slug)
    learners = fresh_learners(module, count)
    sessions = []
    for learner in learners:
        client = client_for(learner)  # the same session the load test uses
        attempt = start(client, module)
        play_to_end(client, module, attempt)
        steps = len(list(module.steps))
        sessions.append(
            {
                "learner": learner.pk,
                "cookie": f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}",
                "urls": [
                    reverse("training:step", args=[attempt.pk, n]) for n in range(1, steps + 1)
                ],
            }
        )
    LOAD_FILE.parent.mkdir(exist_ok=True)
    LOAD_FILE.write_text(json.dumps({"module": slug, "sessions": sessions}))
    return sessions


def cleanup_load():
    if not LOAD_FILE.exists():
        return
    data = json.loads(LOAD_FILE.read_text())
    module = ModulePage.objects.get(slug=data["module"])
    forget([s["learner"] for s in data["sessions"]], [module])
    keys = [s["cookie"].split("=", 1)[1] for s in data["sessions"]]
    SessionStore.get_model_class().objects.filter(session_key__in=keys).delete()
    LOAD_FILE.unlink()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--answers", type=int, default=15)
    parser.add_argument("--prepare-load", type=int, metavar="LEARNERS")
    parser.add_argument("--cleanup-load", action="store_true")
    args = parser.parse_args()
    if args.prepare_load:
        prepare_load(args.prepare_load)
        return
    if args.cleanup_load:
        cleanup_load()
        return
    results = {"modules": {}}
    try:
        for slug, _steps in MODULES:
            log(f"pages: {slug}")
            results["modules"][slug] = measure_module(slug, args.repeat, args.answers)
        log("pages: dashboard")
        results["dashboard"] = measure_dashboard(max(5, args.repeat // 3))
        log("pages: province-wide figures")
        results["insights"] = measure_insights(max(3, args.repeat // 8))
        log("pages: signal insight (refresh, then province-wide views)")
        results["signal_insight"] = measure_signal_insight(max(5, args.repeat // 3))
    finally:
        drop_sessions()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
