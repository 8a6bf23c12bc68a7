"""``make bench``: make (or reuse) the bench data sets, run every measurement, print the table and
write ``bench/results.json``, which keeps the latest full run per database: ``{"sqlite": {...},
"postgresql": {...}}`` (a run on one replaces only its own part).

    python -m bench.run                 # the full run (scale 1), under 20 minutes
    python -m bench.run --scale 0.01    # a quick run on a small data set, while developing
                                        # (data in bench/out/data-scale-0.01/ or BENCH_DATA_DIR,
                                        # results in bench/out/results-scale-0.01.json)

Every figure is a median of repeated measurements, next to a baseline measured in the same run
on the same machine: the plain Wagtail home page of the same site for requests, a bare
``csv.writer`` / openpyxl write-only floor for exports.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
RESULTS = BENCH / "results.json"
OUT = BENCH / "out"


def log(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def environment(dataset="province"):
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env["BENCH_DATASET"] = dataset
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_python(args, dataset="province", capture=True):
    completed = subprocess.run(  # noqa: S603
        [PYTHON, *args],
        cwd=ROOT,
        env=environment(dataset),
        check=True,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    return completed.stdout


# -- results -------------------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.rows = []
        self.part = None  # the part of the run (pages, load, exports) that adds rows now

    def add(self, name, value, unit, baseline=None, target=None, limit=None, lower=False, note=""):
        """``limit``: the target as a number; a ratio to the baseline when ``target`` says "×",
        else the value itself. ``lower``: the value must be at least the limit."""
        ratio = None
        if baseline not in (None, 0) and value is not None:
            ratio = round(value / baseline, 2)
        met = None
        if limit is not None and value is not None:
            measured = ratio if target and "×" in target else value
            # No baseline to compare with counts as missed.
            met = measured is not None and (measured >= limit if lower else measured <= limit)
        self.rows.append(
            {
                "name": name,
                "value": _round(value),
                "unit": unit,
                "baseline": _round(baseline),
                "ratio": ratio,
                "target": target,
                "met": met,
                **({"note": note} if note else {}),
                **({"part": self.part} if self.part else {}),
            }
        )


def _round(value):
    if isinstance(value, float):
        return round(value, 3 if abs(value) < 10 else 1)
    return value


def ms(seconds):
    return seconds * 1000


def write_report(path, database, report):
    """Put ``report`` in ``path`` under its database's name, keeping the other database's run:
    both runs (SQLite, PostgreSQL) stay side by side with the same targets."""
    try:
        runs = json.loads(path.read_text())
    except (OSError, ValueError):
        runs = {}
    if "results" in runs:  # the one-run file of before: it was a SQLite run
        runs = {"sqlite": runs}
    if report.get("only") and database in runs:
        report = merge_partial(runs[database], report)
    runs[database] = report
    ordered = {name: runs[name] for name in sorted(runs, key=lambda name: (name != "sqlite", name))}
    path.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n")


def merge_partial(previous, report):
    """A run of some parts (``--only exports``) renews those parts' figures in the full run's
    record and keeps the other parts' figures, saying which figures came from which run. A
    figure of a renewed part that the new run no longer makes is dropped, not kept stale."""
    renewed = set(report["only"])
    rows = [row for row in previous["results"] if row["part"] not in renewed]
    new_rows = {part: [r for r in report["results"] if r["part"] == part] for part in renewed}
    # The parts in the order of a full run, each where its figures stood.
    ordered = []
    for part in ("pages", "load", "exports"):
        ordered += new_rows.get(part) or [row for row in rows if row["part"] == part]
    merged = {**previous, "results": ordered}
    merged["phases_s"] = {**previous.get("phases_s", {}), **report["phases_s"]}
    merged["datasets"] = {
        name: info or previous.get("datasets", {}).get(name)
        for name, info in report["datasets"].items()
    }
    partial = {key: report[key] for key in ("generated_at", "command", "duration_s", "only")}
    partial["figures"] = len(report["results"])
    merged["partial_runs"] = [*previous.get("partial_runs", []), partial]
    return merged


# -- data ----------------------------------------------------------------------------------------


# Which parts of the run read which data set.
DATASET_USERS = {"province": {"pages", "load"}, "export": {"exports"}}


def generate(scale, seed, datasets=("province", "export")):
    for dataset in datasets:
        log(f"data set {dataset} (scale {scale}, seed {seed})")
        run_python(
            ["manage.py", "bench_data", "--scale", str(scale), "--seed", str(seed)],
            dataset=dataset,
            capture=False,
        )


def cache_note():
    """Which cache the bench processes use (Redis, or the database cache when Redis did not
    answer): ``bench.settings.BENCH_CACHE_NOTE``."""
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.BENCH_CACHE_NOTE)"
    return run_python(["-c", code]).strip()


def dataset_info(dataset):
    code = (
        "import django, json; django.setup(); "
        "from bench.dataset import read_marker; from django.db import connection; "
        "marker = read_marker(); marker['database'] = connection.vendor; "
        "marker['database_version'] = '.'.join(map(str, connection.get_database_version())); "
        "print(json.dumps(marker))"
    )
    return json.loads(run_python(["-c", code], dataset=dataset))


# -- requests in process -------------------------------------------------------------------------

MODULE_LABELS = {"module-01": "16-step", "module-02": "5-step", "module-03": "50-step"}


def pages(results, repeat, cache=""):
    log(f"in-process requests (Django test client); {cache}")
    data = json.loads(run_python(["-m", "bench.pages", "--repeat", str(repeat)]))
    for slug, module in data["modules"].items():
        label = f"{MODULE_LABELS.get(slug, slug)} module"
        home_queries = module["home_queries"]
        for key, what in (("get_question", "question"), ("get_feedback", "feedback")):
            value, base = module[key]
            results.add(
                f"step page GET ({what}), {label}: time",
                ms(value),
                "ms",
                ms(base),
                "≤ 1.5× plain Wagtail page",
                1.5,
            )
            results.add(
                f"step page GET ({what}), {label}: queries",
                module[f"{key}_queries"],
                "queries",
                home_queries,
                "≤ 8",
                8,
            )
        value, base = module["post_answer"]
        results.add(
            f"answer POST, {label}: time",
            ms(value),
            "ms",
            ms(base),
            "≤ 2× plain Wagtail page",
            2,
        )
        results.add(
            f"answer POST, {label}: queries",
            module["post_answer_queries"],
            "queries",
            home_queries,
            "≤ 10",
            10,
            note=f"{cache} (the answer rate limit counts in it)",
        )
    board = data["dashboard"]
    value, base = board["time"]
    results.add(
        f"manager dashboard, {board['people']} people: time",
        ms(value),
        "ms",
        ms(base),
        "≤ 3× plain Wagtail page",
        3,
    )
    results.add(
        f"manager dashboard, {board['people']} people: queries",
        board["queries"],
        "queries",
        board["home_queries"],
        "≤ 15",
        15,
    )
    figures = data["insights"]
    value, base = figures["time"]
    results.add(
        "coverage page /leren/inzicht/ (coordinator, province-wide): time",
        ms(value),
        "ms",
        ms(base),
        "≤ 300 ms",
        300,
        note="today's coverage, worked out at most once per INSIGHTS_COVERAGE_CACHE_SECONDS",
    )
    results.add(
        "coverage page /leren/inzicht/ (coordinator, province-wide): queries",
        figures["queries"],
        "queries",
    )
    insight = data.get("signal_insight")
    if insight:
        results.add(
            "signal insight: summary refresh (task worker), "
            f"{insight['responses_read']} responses → {insight['summary_rows']} rows: time",
            insight["refresh_seconds"],
            "s",
            note="background task; the views keep the previous figures meanwhile",
        )
        for view in ("signals", "organisations"):
            figures = insight[view]
            value, base = figures["time"]
            results.add(
                f"signal insight, province-wide ({view}): time",
                ms(value),
                "ms",
                ms(base),
                "≤ 300 ms",
                300,
                note="figures cached until the next refresh",
            )
            results.add(
                f"signal insight, province-wide ({view}): queries",
                figures["queries"],
                "queries",
                None,
                "≤ 15",
                15,
            )
            results.add(
                f"signal insight, province-wide ({view}), first reader after a refresh: time",
                ms(figures["cold_time"]),
                "ms",
                note=f"{figures['cold_queries']} queries; SQL GROUP BY plus disclosure control",
            )
        results.add(
            "signal insight: figures of the signals view without cache: time",
            ms(insight["build_signals_uncached"]),
            "ms",
        )


# -- throughput under load -----------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not listen on 127.0.0.1:{port}")


# wrk counts a request that takes longer than this as a timeout error (wrk's default is 2 s).
# On two shared cores, a step page under 16 connections can take a few seconds without
# anything being wrong; 10 s leaves room for that and still catches a hung request.
WRK_TIMEOUT = "10s"


def wrk(port, lines_file, seconds, connections):
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            WRK_TIMEOUT,
            "-s",
            str(BENCH / "load.lua"),
            f"http://127.0.0.1:{port}",
            "--",
            str(lines_file),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(li for li in output.splitlines() if li.startswith("WRKJSON "))
    data = json.loads(line.removeprefix("WRKJSON "))
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["errors"] = data["not_ok"] + sum(data[k] for k in ("connect", "read", "write", "timeout"))
    data.setdefault("codes", {})
    return data


SERVER_PROBLEMS = {
    "database is locked": "SQLite 'database is locked'",
    "Traceback": "tracebacks",
    "WORKER TIMEOUT": "gunicorn worker timeouts",
}


def server_problems(log_file):
    """What the app server's log says went wrong (it logs warnings and Django's errors)."""
    try:
        text = log_file.read_text(errors="replace")
    except OSError:
        return {}
    return {
        label: text.count(marker) for marker, label in SERVER_PROBLEMS.items() if marker in text
    }


WRK_MISSING = "wrk is not installed (make bench installs it; Debian: apt-get install wrk)."


def throughput(results, learners, seconds, runs, connections):
    if not shutil.which("wrk"):
        raise SystemExit(WRK_MISSING)
    log(f"load test: {learners} logged-in learners, gunicorn with 2 workers, wrk")
    run_python(["-m", "bench.pages", "--cleanup-load"])
    run_python(["-m", "bench.pages", "--prepare-load", str(learners)])
    data = json.loads((OUT / "load-learners.json").read_text())
    steps_file, home_file = OUT / "load-steps.txt", OUT / "load-home.txt"
    # Learner by learner, step by step: consecutive requests come from different learners.
    steps = max(len(s["urls"]) for s in data["sessions"])
    with steps_file.open("w") as target:
        for index in range(steps):
            for session in data["sessions"]:
                if index < len(session["urls"]):
                    target.write(f"{session['cookie']}\t{session['urls'][index]}\n")
    with home_file.open("w") as target:
        for session in data["sessions"]:
            target.write(f"{session['cookie']}\t/\n")
    port = free_port()
    server_log = OUT / "gunicorn.log"
    log_handle = server_log.open("w")
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment(),
        stdout=log_handle,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(port)
        wrk(port, steps_file, 3, connections)  # warm-up: imports, connections, caches
        wrk(port, home_file, 3, connections)
        step_runs, home_runs = [], []
        for _run in range(runs):
            step_runs.append(wrk(port, steps_file, seconds, connections))
            home_runs.append(wrk(port, home_file, seconds, connections))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log_handle.close()
        run_python(["-m", "bench.pages", "--cleanup-load"])
    problems = server_problems(server_log)

    (OUT / "load-runs.json").write_text(json.dumps({"steps": step_runs, "home": home_runs}))

    def median(runs_, key):
        return statistics.median(r[key] for r in runs_)

    how = (
        f"{connections} connections, {runs} runs of {seconds} s, median; wrk --timeout "
        f"{WRK_TIMEOUT}"
    )
    results.add(
        "step page throughput (gunicorn, 2 workers)",
        median(step_runs, "rps"),
        "requests/s",
        median(home_runs, "rps"),
        "≥ 0.7× plain Wagtail page",
        0.7,
        lower=True,
        note=how,
    )
    for key, label in (("p50_us", "p50"), ("p95_us", "p95"), ("p99_us", "p99")):
        results.add(
            f"step page latency under load: {label}",
            median(step_runs, key) / 1000,
            "ms",
            median(home_runs, key) / 1000,
            note=how,
        )
    total = sum(r["requests"] for r in step_runs)
    results.add(
        "step page errors under load",
        sum(r["errors"] for r in step_runs),
        "errors",
        sum(r["errors"] for r in home_runs),
        "= 0",
        0,
        note=f"over {total} step requests: {error_kinds(step_runs)}; home page: "
        f"{error_kinds(home_runs)}; app server log (both): "
        + (", ".join(f"{label} {count}" for label, count in problems.items()) or "no errors"),
    )


def error_kinds(runs):
    """The errors of wrk runs by kind: non-200 responses by status code, socket errors, and
    requests that took longer than ``WRK_TIMEOUT``."""
    codes = {}
    for run in runs:
        for code, count in run["codes"].items():
            codes[code] = codes.get(code, 0) + count
    kinds = [f"HTTP {code} × {count}" for code, count in sorted(codes.items())]
    unexplained = sum(r["not_ok"] for r in runs) - sum(codes.values())
    if unexplained:
        kinds.append(f"non-200 × {unexplained}")
    for key in ("connect", "read", "write"):
        count = sum(r[key] for r in runs)
        if count:
            kinds.append(f"socket {key} errors × {count}")
    count = sum(r["timeout"] for r in runs)
    if count:
        kinds.append(f"timeouts (> {WRK_TIMEOUT}) × {count}")
    return ", ".join(kinds) or "none"


# -- exports -------------------------------------------------------------------------------------


def measure_process(args, dataset):
    """The export's own time (reported by the child), the child's wall time (start-up
    included) and its peak resident memory in MB, read from this child's own resource usage."""
    started = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603
        [PYTHON, *args], cwd=ROOT, env=environment(dataset), stdout=subprocess.PIPE, text=True
    )
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.stdout.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(args)} failed with exit code {child.returncode}")
    seconds = json.loads(output.strip().splitlines()[-1])["seconds"]
    return seconds, usage.ru_maxrss / 1024, wall  # ru_maxrss is in KiB on Linux


def exports(results, repeat, xlsx_repeat, big_repeat, row_counts):
    log("exports (one process per run)")
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:

        def run(variant, file_format, rows):
            output = os.path.join(tmp, f"{variant}.{file_format}")
            figures = measure_process(
                ["-m", "bench.export_run", variant, file_format, rows, output], "export"
            )
            if os.path.exists(output):
                os.remove(output)
            return figures

        startups = [run("startup", "csv", "small") for _i in range(3)]
        start_mb = statistics.median(r[1] for r in startups)
        start_s = statistics.median(r[2] for r in startups)
        measured = {}
        # Runs per variant. Only the 1,000,000-row times and the CSV memory have targets;
        # the 100,000-row XLSX export (a minute a run, its memory the flat-memory baseline,
        # which varies by a few tenths of a MB between runs) and the stock export (no target,
        # for comparison) run once each.
        plan = [
            ("small", "csv", {"ours": repeat, "floor": repeat, "stock": 1}),
            ("small", "xlsx", {"ours": xlsx_repeat, "floor": xlsx_repeat, "stock": 1}),
            ("all", "csv", {"ours": big_repeat, "floor": big_repeat}),
            ("all", "xlsx", {"ours": big_repeat, "floor": big_repeat}),
        ]
        for rows, file_format, variants in plan:
            log(f"export {row_counts[rows]:,} rows {file_format}")
            for index in range(max(variants.values())):
                for variant, times in variants.items():
                    # interleaved, so drift hits every variant alike
                    if index < times:
                        measured.setdefault((rows, file_format, variant), []).append(
                            run(variant, file_format, rows)
                        )
    note = f"peak RSS of the whole process, Django start-up ({start_mb:.0f} MB) included"
    time_note = (
        f"the export itself, in its own process; process start-up ({start_s:.1f} s wall, "
        "the same for every variant) not included"
    )
    results.add("export process start-up (Django set up, no rows)", start_s, "s", note=note)

    def med(key, index):
        return statistics.median(r[index] for r in measured[key])

    def how(key):
        runs = len(measured[key])
        return f"median of {runs} runs" if runs > 1 else "1 run"

    for rows, file_format, variants in plan:
        count = f"{row_counts[rows]:,} rows"
        big = rows == "all"
        upper = file_format.upper()
        # XLSX: openpyxl's write-only workbook is the floor; ours writes with rust_xlsxwriter
        # and must take at most 0.3× the floor's time (issue 16), doing more work per row.
        time_target = (1.5 if file_format == "csv" else 0.3) if big else None
        results.add(
            f"{upper} export, {count}: time",
            med((rows, file_format, "ours"), 0),
            "s",
            med((rows, file_format, "floor"), 0),
            f"≤ {time_target}× floor" if time_target else None,
            time_target,
            note=f"{how((rows, file_format, 'ours'))}; {time_note}",
        )
        memory_target = 1.5 if big and file_format == "csv" else None
        results.add(
            f"{upper} export, {count}: peak memory",
            med((rows, file_format, "ours"), 1),
            "MB",
            med((rows, file_format, "floor"), 1),
            f"≤ {memory_target}× floor" if memory_target else None,
            memory_target,
            note=note,
        )
        if "stock" in variants:
            results.add(
                f"{upper} export, {count}, import-export Resource.export(): time",
                med((rows, file_format, "stock"), 0),
                "s",
                med((rows, file_format, "floor"), 0),
                note="django-import-export's stock export (tablib Dataset in memory) vs. the "
                f"floor; {how((rows, file_format, 'stock'))}; {time_note}",
            )
            results.add(
                f"{upper} export, {count}, import-export Resource.export(): peak memory",
                med((rows, file_format, "stock"), 1),
                "MB",
                med((rows, file_format, "floor"), 1),
                note=note,
            )
    # Flat memory of the XLSX export: 10× the rows, (about) the same peak.
    small = med(("small", "xlsx", "ours"), 1)
    results.add(
        f"XLSX export peak memory, {row_counts['all']:,} vs {row_counts['small']:,} rows",
        med(("all", "xlsx", "ours"), 1),
        "MB",
        small,
        "≤ 1.1× (flat)",
        1.1,
        note="baseline: the same export at a tenth of the rows",
    )


# -- report --------------------------------------------------------------------------------------


def machine(province):
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    database = province.get("database")
    version = province.get("database_version")
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "database": f"{'PostgreSQL' if database == 'postgresql' else 'SQLite'} {version}",
    }


def table(rows):
    header = ("measurement", "value", "baseline", "ratio", "target", "met")
    lines = []
    for row in rows:
        unit = row["unit"]
        value = "" if row["value"] is None else f"{row['value']} {unit}"
        baseline = "" if row["baseline"] is None else f"{row['baseline']} {unit}"
        ratio = "" if row["ratio"] is None else f"{row['ratio']}×"
        met = {True: "yes", False: "NO", None: ""}[row["met"]]
        lines.append((row["name"], value, baseline, ratio, row["target"] or "", met))
    widths = [max(len(str(c)) for c in col) for col in zip(header, *lines, strict=False)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        out.append(
            "| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        )
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=25, help="runs per in-process request")
    parser.add_argument(
        "--export-repeat", type=int, default=3, help="runs per 100,000-row CSV export"
    )
    parser.add_argument(
        "--xlsx-repeat", type=int, default=1, help="runs per 100,000-row XLSX export"
    )
    # A 1,000,000-row XLSX export takes minutes; once each keeps `make bench` under 20 minutes.
    parser.add_argument("--big-export-repeat", type=int, default=1, help="runs per big export")
    parser.add_argument("--load-seconds", type=int, default=12)
    parser.add_argument("--load-runs", type=int, default=3)
    parser.add_argument("--load-learners", type=int, default=16)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", choices=("pages", "load", "exports"), action="append")
    parser.add_argument(
        "--output",
        help=f"default: {RESULTS.relative_to(ROOT)} at scale 1, else "
        "bench/out/results-scale-<scale>.json (a quick run never replaces the full run's file)",
    )
    args = parser.parse_args()
    if not args.output:
        small = OUT / f"results-scale-{args.scale:g}.json"
        args.output = str(RESULTS if args.scale == 1 else small)
    if args.scale != 1 and not os.environ.get("BENCH_DATA_DIR", "").strip():
        # A quick run at another scale keeps its SQLite files apart, so that it does not
        # replace the full-scale data sets in bench/ (which take minutes to make).
        os.environ["BENCH_DATA_DIR"] = str(OUT / f"data-scale-{args.scale:g}")
        Path(os.environ["BENCH_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    phases = {}

    def phase(name, since):
        phases[name] = round(time.monotonic() - since)
        return time.monotonic()

    OUT.mkdir(exist_ok=True)
    parts = args.only or ("pages", "load", "exports")
    if "load" in parts and not shutil.which("wrk"):
        raise SystemExit(WRK_MISSING)  # before minutes of data and pages, not after
    # Only the data sets the chosen parts read: a run of the pages at 10x scale does not make
    # 10,000,000 export rows it would not use.
    datasets = [name for name, users in DATASET_USERS.items() if users & set(parts)]
    generate(args.scale, args.seed, datasets)
    province = dataset_info("province") if "province" in datasets else None
    export = dataset_info("export") if "export" in datasets else None
    cache = cache_note()
    log(cache)
    results = Results()
    mark = phase("data", started)
    if "pages" in parts:
        results.part = "pages"
        pages(results, args.repeat, cache)
        mark = phase("pages", mark)
    if "load" in parts:
        results.part = "load"
        throughput(results, args.load_learners, args.load_seconds, args.load_runs, args.connections)
        mark = phase("load", mark)
    if "exports" in parts:
        results.part = "exports"
        counts = {
            "small": export["counts"]["small_region_completions"],
            "all": export["counts"]["completions"],
        }
        exports(results, args.export_repeat, args.xlsx_repeat, args.big_export_repeat, counts)
        mark = phase("exports", mark)
    elapsed = time.monotonic() - started
    report = {
        "generated_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.run " + " ".join(sys.argv[1:]),
        "duration_s": round(elapsed),
        "duration_min": round(elapsed / 60, 1),
        "phases_s": phases,
        "cache": cache,
        "machine": machine(province or export),
        "datasets": {"province": province, "export": export},
        "results": results.rows,
    }
    if args.only:
        report["only"] = list(parts)
    write_report(Path(args.output), (province or export)["database"], report)
    print(table(results.rows))
    missed = [r["name"] for r in results.rows if r["met"] is False]
    print(
        f"\n{len(results.rows)} figures in {elapsed / 60:.1f} min "
        f"({', '.join(f'{name} {seconds / 60:.1f}' for name, seconds in phases.items())}), "
        f"written to {args.output}; targets missed: {len(missed)}"
    )
    print(f"elapsed: {elapsed / 60:.1f} min ({elapsed:.0f} s); {cache}")


if __name__ == "__main__":
    main()
