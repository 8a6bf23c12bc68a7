"""``make bench-cluster`` (also the last part of ``make bench``): the cluster of bench/cluster.py
under load, then losing parts of it under load. About 8 minutes; a proof of behaviour at a small
data scale, not a measurement of scale.

1. Throughput through HAProxy: logged-in learners' step pages (wrk, as bench/run.py measures
   one app server), one gunicorn instance vs two, with CPU seconds per process, because both
   instances share this machine's cores.
2. Faults under load, each with learners who answer (bench/cluster_load.py), checked in the
   database afterwards:
   a. one app server killed (SIGKILL, master and workers) mid-load, restarted 5 s later;
   b. PostgreSQL restarted mid-load (the app servers are not restarted);
   c. Redis stopped mid-load, started again 8 s later.

The shared PostgreSQL and Redis of this machine are never touched: the run makes (once) and
starts a PostgreSQL cluster of its own (``pg_createcluster``, port 5440, as root on Debian) and
a Redis server of its own (port 6390), restarts and stops those, and stops both at the end.
``--database-url`` and ``--redis-url`` run on other servers instead; the PostgreSQL restart is
then skipped unless ``--pg-restart-command`` says how.

Results: the "cluster" section of bench/results.json (other sections are left as they are),
printed as a table; the full record in bench/out/cluster-results.json.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import resource
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import cluster_load
from bench.cluster import PYTHON, ROOT, STATE, Cluster, free_port, listening, log, wait_until
from bench.run import RESULTS, WRK_TIMEOUT, Results, error_kinds, table, wrk

OUT = ROOT / "bench" / "out"
PG_VERSION_DIR = Path("/usr/lib/postgresql")


def program(name):
    """The full path of a system program (Debian's PostgreSQL wrappers, Redis)."""
    return shutil.which(name) or name


# -- the servers of our own ----------------------------------------------------------------------


class PrivatePostgres:
    """A PostgreSQL cluster of this benchmark's own (Debian's pg_createcluster), so that
    restarting it disturbs nobody else on the machine."""

    def __init__(self, name="benchcluster", port=5440):
        versions = sorted(
            (p.name for p in PG_VERSION_DIR.glob("*") if (p / "bin" / "postgres").exists()),
            key=lambda v: int(v) if v.isdigit() else 0,
        )
        if not versions:
            raise RuntimeError("no PostgreSQL server installed (scripts/system-packages cluster)")
        self.version = versions[-1]
        self.name = name
        self.port = port
        self.url = f"postgres://postgres@127.0.0.1:{port}/bench_cluster"

    def _ctl(self, action):
        return subprocess.run(  # noqa: S603 - Debian's wrapper, fixed arguments
            [program("pg_ctlcluster"), self.version, self.name, action],
            check=False,
            capture_output=True,
            text=True,
        )

    def exists(self):
        listing = subprocess.run(  # noqa: S603 - Debian's wrapper, fixed arguments
            [program("pg_lsclusters"), "--no-header"], check=True, capture_output=True, text=True
        ).stdout
        return any(line.split()[:2] == [self.version, self.name] for line in listing.splitlines())

    def start(self):
        if not self.exists():
            log(f"creating PostgreSQL {self.version} cluster {self.name} on port {self.port}")
            subprocess.run(  # noqa: S603 - Debian's wrapper, fixed arguments
                [
                    program("pg_createcluster"),
                    self.version,
                    self.name,
                    "--port",
                    str(self.port),
                    "--",
                    "--auth-local=trust",
                    "--auth-host=trust",
                ],
                check=True,
                capture_output=True,
            )
        self._ctl("start")  # exit code 2: it was running already
        wait_until(lambda: listening(self.port), f"PostgreSQL cluster {self.name}", 60)

    def restart(self):
        result = self._ctl("restart")
        if result.returncode != 0:
            raise RuntimeError(f"pg_ctlcluster restart failed: {result.stderr.strip()}")

    def stop(self):
        self._ctl("stop")

    def pids(self):
        pid_file = Path(f"/var/lib/postgresql/{self.version}/{self.name}/postmaster.pid")
        try:
            master = int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return []
        from bench.cluster import children_of

        return [master, *children_of(master)]


class PrivateRedis:
    """A Redis server of this benchmark's own, without persistence; stopped and started again
    exactly the same way."""

    def __init__(self, port=6390):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.pid_file = STATE / f"redis-{port}.pid"
        self.command = [
            program("redis-server"),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "yes",
            "--pidfile",
            str(self.pid_file),
            "--logfile",
            str(STATE / f"redis-{port}.log"),
        ]

    def start(self):
        STATE.mkdir(parents=True, exist_ok=True)
        if not listening(self.port):
            subprocess.run(self.command, check=True)  # noqa: S603 - fixed arguments
        wait_until(lambda: listening(self.port), f"Redis on port {self.port}", 20)

    def stop(self):
        subprocess.run(  # noqa: S603 - fixed arguments
            [program("redis-cli"), "-p", str(self.port), "shutdown", "nosave"],
            check=False,
            capture_output=True,
        )
        wait_until(lambda: not listening(self.port), f"Redis on port {self.port} stopping", 20)

    def pids(self):
        try:
            return [int(self.pid_file.read_text().strip())]
        except (OSError, ValueError):
            return []


# -- CPU per process -----------------------------------------------------------------------------

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def machine_busy():
    """(busy, total) CPU ticks of the whole machine so far."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


class CpuMeter:
    """CPU seconds per part (process groups) over a measured window, and the machine's."""

    def __init__(self, groups):
        self.groups = groups  # name -> list of pids

    def __enter__(self):
        self.before = {n: sum(cpu_seconds(p) for p in pids) for n, pids in self.groups.items()}
        self.children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.machine_before = machine_busy()
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.started
        self.used = {
            n: round(sum(cpu_seconds(p) for p in pids) - self.before[n], 1)
            for n, pids in self.groups.items()
        }
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wrk_cpu = (after.ru_utime + after.ru_stime) - (
            self.children_before.ru_utime + self.children_before.ru_stime
        )
        self.used["wrk (load generator)"] = round(wrk_cpu, 1)
        busy, total = machine_busy()
        busy0, total0 = self.machine_before
        self.machine_percent = round(100 * (busy - busy0) / max(1, total - total0), 1)
        return False

    def describe(self):
        """Cores used on average per part: CPU seconds / wall seconds."""
        parts = ", ".join(
            f"{name} {used / self.seconds:.2f}" for name, used in self.used.items() if used
        )
        return f"cores used: {parts}; whole machine {self.machine_percent}% busy"


# -- 1. throughput -------------------------------------------------------------------------------


def steps_file(cluster):
    """Learners who went through module-01 (bench.pages --prepare-load), one step page after
    another, learner by learner, as bench/run.py's load test."""
    subprocess.run(  # noqa: S603 - our own interpreter
        [PYTHON, "-m", "bench.pages", "--cleanup-load"], cwd=ROOT, env=cluster.environment()
    )
    subprocess.run(  # noqa: S603 - our own interpreter
        [PYTHON, "-m", "bench.pages", "--prepare-load", "16"],
        cwd=ROOT,
        env=cluster.environment(),
        check=True,
    )
    data = json.loads((OUT / "load-learners.json").read_text())
    path = OUT / "cluster-steps.txt"
    steps = max(len(s["urls"]) for s in data["sessions"])
    with path.open("w") as target:
        for index in range(steps):
            for session in data["sessions"]:
                if index < len(session["urls"]):
                    target.write(f"{session['cookie']}\t{session['urls'][index]}\n")
    return path


def measure(cluster, postgres, redis, instances, lines, seconds, runs, connections):
    cluster.stop_haproxy()
    for index in range(cluster.instances):
        if index < instances and index not in cluster.apps:
            cluster.start_app(index)
        elif index >= instances and index in cluster.apps:
            cluster.stop_app(index)
    cluster.start_haproxy(servers=range(instances))
    wait_until(lambda: cluster.servers_up() == instances, "the app servers behind HAProxy", 30)
    wrk(cluster.port, lines, 3, connections)  # warm-up
    groups = cluster.pids()
    groups.pop("task workers", None)
    groups["postgres"] = postgres.pids() if postgres else []
    groups["redis"] = redis.pids() if redis else []
    results = []
    with CpuMeter(groups) as meter:
        for _run in range(runs):
            results.append(wrk(cluster.port, lines, seconds, connections))
    rps = sorted(r["rps"] for r in results)[len(results) // 2]
    requests = sum(r["requests"] for r in results)
    app_cpu = sum(used for name, used in meter.used.items() if name.startswith("app"))
    per_request = 1000 * app_cpu / max(1, requests)
    describe = f"{meter.describe()}; app servers' CPU per request {per_request:.1f} ms"
    return {"rps": rps, "runs": results, "cpu": meter.used, "describe": describe}


def throughput(results, cluster, postgres, redis, seconds, runs, connections):
    log("throughput through HAProxy: one instance vs two")
    lines = steps_file(cluster)
    measured = {}
    workers_default = cluster.workers
    try:
        for workers in (workers_default, 1):
            cluster.workers = workers
            for index in list(cluster.apps):  # new worker count: new processes
                cluster.stop_app(index)
            for instances in (1, 2):
                log(f"  {instances} instance(s) with {workers} worker(s) each")
                measured[(workers, instances)] = measure(
                    cluster, postgres, redis, instances, lines, seconds, runs, connections
                )
    finally:
        cluster.workers = workers_default
        subprocess.run(  # noqa: S603 - our own interpreter
            [PYTHON, "-m", "bench.pages", "--cleanup-load"], cwd=ROOT, env=cluster.environment()
        )
    how = (
        f"{connections} connections, {runs} runs of {seconds} s, median; wrk --timeout "
        f"{WRK_TIMEOUT}"
    )
    for workers in (workers_default, 1):
        one, two = measured[(workers, 1)], measured[(workers, 2)]
        primary = workers == workers_default
        for instances, figures in ((1, one), (2, two)):
            errors = sum(r["errors"] for r in figures["runs"])
            results.add(
                f"step page throughput via HAProxy, {instances} instance(s) × {workers} "
                "worker(s): errors",
                errors,
                "errors",
                target="= 0",
                limit=0,
                note=error_kinds(figures["runs"]),
            )
        results.add(
            f"step page throughput via HAProxy, 2 vs 1 instance(s), {workers} worker(s) each",
            two["rps"],
            "requests/s",
            one["rps"],
            "≥ 1.6× one instance" if primary else None,
            1.6 if primary else None,
            lower=True,
            note=f"{how}. One instance: {one['describe']}. Two instances: {two['describe']}.",
        )
    return {f"{w} worker(s) × {i} instance(s)": m for (w, i), m in measured.items()}


# -- 2. faults -----------------------------------------------------------------------------------


def run_faulted(cluster, name, learners, threads, fault, fault_at):
    """Load with ``learners`` (prepared now), ``fault(t0)`` called ``fault_at`` seconds in, in
    a thread of its own; then the database check. Returns the scenario's record."""
    prepared_file = OUT / f"cluster-fault-{name}-learners.json"
    subprocess.run(  # noqa: S603 - our own interpreter
        [
            PYTHON,
            "-m",
            "bench.cluster_load",
            "--prepare",
            str(learners),
            "--out",
            str(prepared_file),
        ],
        cwd=ROOT,
        env=cluster.environment(),
        check=True,
    )
    prepared = json.loads(prepared_file.read_text())
    client = cluster_load.LoadClient(cluster.address(), prepared["learners"], threads)
    record = {}
    started = time.monotonic()

    def inject():
        time.sleep(fault_at)
        try:
            record.update(fault(started))
        except Exception as error:  # noqa: BLE001 - reported in the results
            record["fault_error"] = repr(error)

    injector = threading.Thread(target=inject)
    injector.start()
    done = threading.Event()

    def supervise():  # systemd's Restart=always, for the task workers
        while not done.wait(1):
            cluster.supervise()

    supervisor = threading.Thread(target=supervise)
    supervisor.start()
    client.run(started)
    load_seconds = time.monotonic() - started
    injector.join()
    time.sleep(2)
    done.set()
    supervisor.join()
    record["task_workers_running"] = sum(p.poll() is None for p in cluster.task_processes)
    acknowledged_file = OUT / f"cluster-fault-{name}-acks.json"
    acknowledged_file.write_text(json.dumps(client.acknowledged))
    checked = json.loads(
        subprocess.run(  # noqa: S603 - our own interpreter
            [
                PYTHON,
                "-m",
                "bench.cluster_load",
                "--verify",
                str(prepared_file),
                "--acknowledged",
                str(acknowledged_file),
            ],
            cwd=ROOT,
            env=cluster.environment(),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    subprocess.run(  # noqa: S603 - our own interpreter
        [PYTHON, "-m", "bench.cluster_load", "--cleanup", str(prepared_file)],
        cwd=ROOT,
        env=cluster.environment(),
        check=True,
    )
    summary = client.summary()
    fault_time = record.get("fault_at_s", fault_at)
    after = [t for t in summary.pop("error_times_s") if t >= fault_time - 0.5]
    record.update(
        load_seconds=round(load_seconds, 1),
        client=summary,
        database=checked,
        errors_after_fault=len(after),
        last_error_after_fault_s=round(max(after) - fault_time, 2) if after else None,
    )
    return record


def app_log_count(cluster, text):
    total = 0
    for path in cluster.state.glob("app*.log"):
        total += path.read_text(errors="replace").count(text)
    return total


def fault_kill(cluster):
    def fault(started):
        before = cluster.server_stats().get("app1", {})
        in_flight = int(before.get("scur") or 0)
        queued = int(before.get("qcur") or 0)
        killed_at = time.monotonic() - started
        cluster.kill_app(0)
        log(f"  killed app server 1 at {killed_at:.1f} s ({in_flight} requests on it)")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and cluster.server_states().get("app1", "UP")[:2] == "UP":
            time.sleep(0.1)
        marked_down = time.monotonic() - started - killed_at
        time.sleep(5)
        restarted_at = time.monotonic() - started
        cluster.start_app(0)
        wait_until(lambda: cluster.server_states().get("app1", "").startswith("UP"), "app1", 60)
        back = time.monotonic() - started
        log(f"  app server 1 back in HAProxy at {back:.1f} s")
        return {
            "fault_at_s": round(killed_at, 2),
            "in_flight_on_killed_server": in_flight,
            "queued_for_it_in_haproxy": queued,
            "marked_down_after_s": round(marked_down, 2),
            "restarted_at_s": round(restarted_at, 2),
            "back_in_balancer_after_s": round(back - killed_at, 2),
        }

    return fault


def fault_postgres(cluster, postgres, command):
    def app_pids():
        return {n: sorted(p) for n, p in cluster.pids().items() if n.startswith("app")}

    def fault(started):
        pids = app_pids()
        restarts_before = cluster.task_restarts
        at = time.monotonic() - started
        if command:
            subprocess.run(shlex.split(command), check=True)  # noqa: S603 - given by the operator
        else:
            postgres.restart()
        took = time.monotonic() - started - at
        log(f"  PostgreSQL restarted at {at:.1f} s (took {took:.1f} s)")
        time.sleep(3)
        return {
            "fault_at_s": round(at, 2),
            "restart_took_s": round(took, 2),
            "app_processes_unchanged": app_pids() == pids,
            "task_workers_restarted": cluster.task_restarts - restarts_before,
        }

    return fault


def fault_redis(cluster, redis, down_for):
    def fault(started):
        warnings_before = app_log_count(cluster, "Redis cache unavailable")
        at = time.monotonic() - started
        redis.stop()
        log(f"  Redis stopped at {at:.1f} s, for {down_for} s")
        time.sleep(down_for)
        redis.start()
        back = time.monotonic() - started
        time.sleep(6)  # RETRY_AFTER: the app servers try Redis again
        return {
            "fault_at_s": round(at, 2),
            "redis_down_s": round(back - at, 2),
            "cache_warnings_logged": app_log_count(cluster, "Redis cache unavailable")
            - warnings_before,
            "cache_recovered_logged": app_log_count(cluster, "Redis cache answers again"),
        }

    return fault


def faults(results, cluster, postgres, redis, learners, threads, pg_command):
    log("faults under load (learners answering through HAProxy)")
    for index in list(cluster.apps):  # as many workers as the cluster is set up with
        cluster.stop_app(index)
    for index in range(cluster.instances):
        cluster.start_app(index)
    cluster.stop_haproxy()
    cluster.start_haproxy()
    wait_until(lambda: cluster.servers_up() == cluster.instances, "every app server", 30)
    if not cluster.task_processes:
        cluster.start_task_workers()
    records = {}
    log("  a. an app server killed")
    records["app server killed"] = run_faulted(
        cluster, "kill", learners, threads, fault_kill(cluster), fault_at=6
    )
    if postgres is not None or pg_command:
        log("  b. PostgreSQL restarted")
        records["PostgreSQL restarted"] = run_faulted(
            cluster, "postgres", learners, threads, fault_postgres(cluster, postgres, pg_command), 6
        )
    if redis is not None:
        log("  c. Redis down")
        records["Redis down"] = run_faulted(
            cluster, "redis", learners, threads, fault_redis(cluster, redis, 8), 6
        )
    for name, record in records.items():
        client, database = record["client"], record["database"]
        acknowledged = client["answers_acknowledged"]
        kept = database["acknowledged_in_db_once"]
        results.add(
            f"{name}: acknowledged answers in the database exactly once",
            kept,
            "answers",
            acknowledged,
            "1× (all: none lost, none doubled)",
            1,
            lower=True,
            note=f"lost {database['lost']}, doubled {database['doubled']}, in the database "
            f"without acknowledgement {database['in_db_not_acknowledged']}; answers sent "
            f"{client['answers_sent']} (retries included), {database['answers_in_db']} in "
            "the database",
        )
        results.add(
            f"{name}: learners who finished the module",
            client["learners_finished"],
            "learners",
            client["learners"],
            "1× (all)",
            1,
            lower=True,
            note="; ".join(client["learners_stuck"]) or "every learner went on without a new login",
        )
        errors = client["error_count"]
        if name == "app server killed":
            times = [e[0] - record.get("fault_at_s", 0) for e in client["error_events"]]
            later = sum(1 for t in times if t > 1)
            note = (
                f"{record.get('in_flight_on_killed_server')} requests were on the killed server "
                f"by HAProxy's count just before the kill (at most {cluster.workers}, its "
                f"maxconn); {record.get('queued_for_it_in_haproxy')} queued for it; the server "
                f"was marked down {record.get('marked_down_after_s')} s and back in the "
                f"balancer {record.get('back_in_balancer_after_s')} s after the kill; failed "
                f"requests: {client['errors'] or 'none'}, at "
                + (", ".join(f"{t:+.2f} s" for t in times) or "-")
                + " from the kill"
            )
            results.add(
                f"{name}: failed requests at the kill (each retried by the client)",
                errors - later,
                "requests",
                note=note,
            )
            results.add(
                f"{name}: failed requests later than 1 s after the kill",
                later,
                "requests",
                target="= 0 (only requests in flight fail)",
                limit=0,
                note="the balancer sends no request to the dead server once it refused one "
                "connection (observe layer4, on-error mark-down), and retries a refused "
                "connection on the other server",
            )
        else:
            if name == "PostgreSQL restarted":
                note = (
                    f"restart took {record.get('restart_took_s')} s; app servers not "
                    f"restarted: {record.get('app_processes_unchanged')}; task workers that "
                    f"exited and were started again (systemd's Restart=always in production): "
                    f"{record.get('task_workers_restarted')}, running afterwards: "
                    f"{record.get('task_workers_running')}; errors: {client['errors'] or 'none'}"
                )
                target = None
            else:
                note = (
                    f"Redis down {record.get('redis_down_s')} s; warnings logged by the app "
                    f"servers: {record.get('cache_warnings_logged')} 'Redis cache unavailable', "
                    f"{record.get('cache_recovered_logged')} 'answers again'; errors: "
                    f"{client['errors'] or 'none'}"
                )
                target = "= 0"
            results.add(
                f"{name}: failed requests (each retried by the client)",
                errors,
                "requests",
                target=target,
                limit=0 if target else None,
                note=note,
            )
        if record.get("last_error_after_fault_s") is not None:
            results.add(
                f"{name}: recovered (last failed request after the fault)",
                record["last_error_after_fault_s"],
                "s",
                note="seconds from the fault to the last request that failed; every request "
                "after it succeeded",
            )
        if "fault_error" in record:
            results.add(f"{name}: the fault itself failed", None, "", note=record["fault_error"])
    return records


# -- report --------------------------------------------------------------------------------------


def write_results(report):
    (OUT / "cluster-results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    existing = {}
    with contextlib.suppress(OSError, ValueError):
        existing = json.loads(RESULTS.read_text())
    section = {k: v for k, v in report.items() if k != "details"}
    if report.get("only"):  # a part measured again: the other part's rows stay
        fresh = {row["name"] for row in section["results"]}
        kept = [r for r in existing.get("cluster", {}).get("results", []) if r["name"] not in fresh]
        section["results"] = sorted(
            kept + section["results"], key=lambda r: not r["name"].startswith("step page")
        )
    existing["cluster"] = section
    RESULTS.write_text(json.dumps(existing, indent=2, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.02, help="bench data set (400 learners)")
    parser.add_argument("--database-url", help="instead of a PostgreSQL cluster of our own")
    parser.add_argument("--redis-url", help="instead of a Redis server of our own")
    parser.add_argument("--pg-restart-command", help="with --database-url: how to restart it")
    parser.add_argument("--load-seconds", type=int, default=8)
    parser.add_argument("--load-runs", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--learners", type=int, default=40, help="per fault scenario")
    parser.add_argument("--threads", type=int, default=10, help="learners at a time")
    parser.add_argument("--only", choices=("throughput", "faults"), action="append")
    args = parser.parse_args()
    started = time.monotonic()
    STATE.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(exist_ok=True)
    for old_log in STATE.glob("*.log"):  # this run's logs only (warnings are counted in them)
        old_log.unlink()
    postgres = redis = None
    if not args.database_url and os.geteuid() != 0:
        raise SystemExit(
            "make bench-cluster makes a PostgreSQL cluster of its own (pg_createcluster), which "
            "needs root; or give --database-url (and --pg-restart-command) in BENCH_CLUSTER_ARGS"
        )
    if not args.database_url:
        postgres = PrivatePostgres()
        postgres.start()
    if not args.redis_url:
        redis = PrivateRedis()
        redis.start()
    cluster = Cluster(
        args.database_url or postgres.url,
        args.redis_url or redis.url,
        port=free_port(),
        instances=2,
        workers=2,
        task_workers=2,
    )
    results = Results()
    details = {}
    parts = args.only or ("throughput", "faults")
    try:
        cluster.prepare(args.scale, static=False)
        if "throughput" in parts:
            details["throughput"] = throughput(
                results,
                cluster,
                postgres,
                redis,
                args.load_seconds,
                args.load_runs,
                args.connections,
            )
        if "faults" in parts:
            details["faults"] = faults(
                results,
                cluster,
                postgres,
                redis,
                args.learners,
                args.threads,
                args.pg_restart_command,
            )
    finally:
        cluster.stop()
        if redis is not None:
            redis.stop()
        if postgres is not None:
            postgres.stop()
    elapsed = time.monotonic() - started
    report = {
        "generated_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.cluster_bench " + " ".join(sys.argv[1:]),
        "duration_s": round(elapsed),
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "haproxy": haproxy_version(),
        },
        "setup": {
            "balancer": f"HAProxy, round robin, maxconn {cluster.workers} per server, health "
            f"check GET {cluster.health_path}",
            "app servers": f"gunicorn, {cluster.workers} sync workers each",
            "database": "PostgreSQL (a cluster of the benchmark's own)"
            if postgres
            else "PostgreSQL at --database-url",
            "cache": "Redis (a server of the benchmark's own), cms.cache.RedisCache",
            "sessions": "database",
            "task workers": cluster.task_workers,
            "data": f"bench data set at scale {args.scale}",
        },
        "results": results.rows,
        "details": details,
        "only": args.only,
    }
    write_results(report)
    print(table(results.rows))
    missed = [r["name"] for r in results.rows if r["met"] is False]
    print(
        f"\n{len(results.rows)} cluster figures in {elapsed / 60:.1f} min, written to "
        f"{RESULTS.relative_to(ROOT)} (section 'cluster'); targets missed: {len(missed)}"
    )


def haproxy_version():
    from bench.cluster import HAPROXY

    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        text = subprocess.run(  # noqa: S603 - fixed arguments
            [HAPROXY, "-v"], check=True, capture_output=True, text=True
        ).stdout
        match = re.search(r"version (\S+)", text)
        return match.group(1) if match else None
    return None


if __name__ == "__main__":
    main()
