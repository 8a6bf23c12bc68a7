"""The load of the fault proofs (``make bench-cluster``): learners who answer, not only read.

Each learner is logged in once (a session in the database, made by ``--prepare``) and goes
through a module the way a person does, through the load balancer: open the step, answer it
(the form's CSRF token and the first option), read the feedback, move on, and finish. A request
that fails with a connection error or a 5xx (502: the app server died under it; 503: the
database did not answer) is sent again, the same request with the same session, after a short
pause: nobody logs in again. Every answer the client got a success for (the redirect to its
feedback) is noted, so that ``--verify`` can check in the database that each is there exactly
once, and that nothing is there that the client was not told about.

Django side (run with the cluster's settings, ``bench.cluster.Cluster.environment``):

    python -m bench.cluster_load --prepare 48 --out learners.json
    python -m bench.cluster_load --verify learners.json --acknowledged acks.json
    python -m bench.cluster_load --cleanup learners.json

Client side: ``LoadClient(base_url, learners, threads).run()``, no Django needed.
"""

import argparse
import json
import re
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = re.compile(r'<form method="post" action="([^"]+)"')
OPTION = re.compile(r'name="option" id="[^"]*" value="([^"]+)"')
RETRYABLE = {500, 502, 503, 504}
# How long a learner keeps trying one request before giving up on the module.
GIVE_UP_AFTER = 90


class LoadClient:
    """Learners in ``threads`` threads, each learner start to finish in one thread."""

    def __init__(self, base_url, learners, threads=12):
        self.base_url = base_url.rstrip("/")
        self.learners = learners
        self.threads = threads
        self.lock = threading.Lock()
        self.started = None
        self.events = []  # (seconds since start, what) of every failed request
        self.requests = 0
        self.answers_sent = 0  # answer POSTs sent, retries included
        self.acknowledged = {}  # attempt id -> step numbers whose answer got a success
        self.errors = Counter()  # failed requests by kind
        self.retried_answers = 0
        self.finished = 0
        self.stuck = []  # learners who could not go on, and why
        self.last_success = 0.0

    # -- one request, retried ------------------------------------------------------------------

    def _note_error(self, kind, method, path):
        with self.lock:
            self.errors[kind] += 1
            self.events.append((round(time.monotonic() - self.started, 3), kind, method, path))

    def send(self, session, method, path, data=None):
        """The response, once it is not a connection error or 5xx; the same request is sent
        again until then (the session cookie stays: no new login)."""
        deadline = time.monotonic() + GIVE_UP_AFTER
        tries = 0
        while True:
            tries += 1
            with self.lock:
                self.requests += 1
            try:
                response = session.request(
                    method, self.base_url + path, data=data, allow_redirects=False, timeout=60
                )
            except requests.RequestException as error:
                kind = f"connection error ({type(error).__name__})"
            else:
                if response.status_code not in RETRYABLE:
                    with self.lock:
                        self.last_success = time.monotonic() - self.started
                    return response, tries
                kind = f"HTTP {response.status_code}"
            self._note_error(kind, method, path)
            if time.monotonic() > deadline:
                raise RuntimeError(f"{method} {path}: still failing after {GIVE_UP_AFTER} s")
            time.sleep(min(0.1 * tries, 1.0))

    # -- one learner ---------------------------------------------------------------------------

    def play(self, learner):
        session = requests.Session()
        name, value = learner["cookie"].split("=", 1)
        session.cookies.set(name, value)
        attempt = learner["attempt"]
        step_path = f"/leren/poging/{attempt}/stap/{{}}/"
        number = 1
        try:
            for _guard in range(500):
                page, _tries = self.send(session, "GET", step_path.format(number))
                if page.status_code == 302 and "/resultaat/" in page.headers["Location"]:
                    break  # finished
                expect(page, 200)
                html = page.text
                actions = FORM.findall(html)
                answer = next((a for a in actions if a.endswith("/antwoord/")), None)
                if answer:
                    options = OPTION.findall(html)
                    data = {"csrfmiddlewaretoken": token(html), "option": options[:1]}
                    with self.lock:
                        self.answers_sent += 1
                    reply, tries = self.send(session, "POST", answer, data)
                    expect(reply, 302)
                    with self.lock:
                        self.acknowledged.setdefault(attempt, []).append(number)
                        self.answers_sent += tries - 1
                        self.retried_answers += tries > 1
                    page, _tries = self.send(session, "GET", step_path.format(number))
                    expect(page, 200)
                    html = page.text
                    actions = FORM.findall(html)
                finish = next((a for a in actions if a.endswith("/afronden/")), None)
                onward = next((a for a in actions if a.endswith("/verder/")), None)
                if finish:
                    reply, _tries = self.send(
                        session, "POST", finish, {"csrfmiddlewaretoken": token(html)}
                    )
                    expect(reply, 302)
                    break
                if not onward:
                    raise RuntimeError(f"step {number}: neither next nor finish")
                reply, _tries = self.send(
                    session, "POST", onward, {"csrfmiddlewaretoken": token(html)}
                )
                expect(reply, 302)
                match = re.search(r"/stap/(\d+)/", reply.headers["Location"])
                if not match:
                    raise RuntimeError(f"step {number}: moved on to {reply.headers['Location']}")
                number = int(match.group(1))
            with self.lock:
                self.finished += 1
        except Exception as error:  # noqa: BLE001 - counted and reported, the others go on
            with self.lock:
                self.stuck.append(f"learner {learner['learner']}: {error}")
        finally:
            session.close()

    def run(self, started=None):
        self.started = started or time.monotonic()
        with ThreadPoolExecutor(self.threads) as pool:
            list(pool.map(self.play, self.learners))
        return self

    def summary(self):
        return {
            "learners": len(self.learners),
            "learners_finished": self.finished,
            "learners_stuck": self.stuck[:10],
            "requests": self.requests,
            "answers_sent": self.answers_sent,
            "answers_acknowledged": sum(len(v) for v in self.acknowledged.values()),
            "answers_retried": self.retried_answers,
            "errors": dict(self.errors),
            "error_count": sum(self.errors.values()),
            "error_times_s": [e[0] for e in self.events],
            "error_events": [list(e) for e in self.events[:40]],
        }


def token(html):
    match = CSRF.search(html)
    if not match:
        raise RuntimeError("no CSRF token in the page")
    return match.group(1)


def expect(response, status):
    if response.status_code != status:
        raise RuntimeError(
            f"{response.request.method} {response.request.path_url}: HTTP "
            f"{response.status_code}, expected {status}"
        )


# -- Django side ---------------------------------------------------------------------------------


def django_setup():
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.cluster_settings")
    import django

    django.setup()


def prepare(count, slug):
    """``count`` learners who never started the module, each logged in (a session in the
    database) with the attempt started: what a learner has after logging in and pressing
    start."""
    django_setup()
    from django.conf import settings

    from bench.pages import client_for, fresh_learners, start
    from scenarios.models import ModulePage

    module = ModulePage.objects.get(slug=slug)
    learners = []
    for user in fresh_learners(module, count):
        client = client_for(user)
        attempt = start(client, module)
        learners.append(
            {
                "learner": user.pk,
                "attempt": attempt.pk,
                "cookie": f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}",
            }
        )
    return {"module": slug, "learners": learners}


def verify(prepared, acknowledged):
    """Every acknowledged answer in the database exactly once; nothing recorded that was not
    acknowledged; every learner's attempt finished."""
    django_setup()
    from django.db.models import Count

    from training import services
    from training.models import Attempt, Response

    attempts = {a.pk: a for a in Attempt.objects.filter(pk__in=[x["attempt"] for x in prepared])}
    recorded = Counter()
    for row in (
        Response.objects.filter(attempt__in=attempts.values())
        .values("attempt_id", "block_id")
        .annotate(n=Count("id"))
    ):
        recorded[(row["attempt_id"], row["block_id"])] = row["n"]
    lost, wrong_step = [], []
    expected = set()
    for attempt_id, numbers in acknowledged.items():
        attempt = attempts[int(attempt_id)]
        for number in numbers:
            try:
                block = services.step_at(attempt, number - 1).id
            except Exception:  # noqa: BLE001 - a step number that is not on the path
                wrong_step.append((attempt_id, number))
                continue
            expected.add((attempt.pk, block))
            if recorded[(attempt.pk, block)] == 0:
                lost.append((attempt_id, number))
    doubled = [key for key, n in recorded.items() if n > 1]
    unacknowledged = [key for key in recorded if key not in expected]
    return {
        "answers_in_db": sum(recorded.values()),
        "acknowledged_in_db_once": len(expected) - len(lost),
        "lost": len(lost),
        "doubled": len(doubled),
        "in_db_not_acknowledged": len(unacknowledged),
        "acknowledged_for_wrong_step": len(wrong_step),
        "attempts_finished": sum(1 for a in attempts.values() if a.is_finished),
        "attempts": len(attempts),
    }


def cleanup(prepared):
    """Remove what the load recorded (attempts with their answers, completions, certificates,
    sessions), so that the data set stays as generated."""
    django_setup()
    from django.contrib.sessions.models import Session

    from bench.pages import forget
    from scenarios.models import ModulePage

    module = ModulePage.objects.get(slug=prepared["module"])
    forget([x["learner"] for x in prepared["learners"]], [module])
    keys = [x["cookie"].split("=", 1)[1] for x in prepared["learners"]]
    Session.objects.filter(session_key__in=keys).delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", type=int, metavar="LEARNERS")
    parser.add_argument("--module", default="module-01")
    parser.add_argument("--verify", metavar="LEARNERS_JSON")
    parser.add_argument("--acknowledged", metavar="ACKS_JSON")
    parser.add_argument("--cleanup", metavar="LEARNERS_JSON")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.prepare:
        result = prepare(args.prepare, args.module)
        text = json.dumps(result)
        if args.out:
            with open(args.out, "w") as target:
                target.write(text)
        else:
            print(text)
    elif args.verify:
        with open(args.verify) as source:
            prepared = json.load(source)["learners"]
        with open(args.acknowledged) as source:
            acknowledged = json.load(source)
        json.dump(verify(prepared, acknowledged), sys.stdout)
    elif args.cleanup:
        with open(args.cleanup) as source:
            cleanup(json.load(source))
    else:
        parser.error("--prepare, --verify or --cleanup")


if __name__ == "__main__":
    main()
