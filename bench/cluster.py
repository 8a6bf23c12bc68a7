"""``make cluster``: the platform as it runs on several app servers, on one machine.

    python -m bench.cluster                  # start, print the address; Ctrl-C stops it all
    python -m bench.cluster --instances 1    # one app server behind the balancer

What runs (each a process of its own, stopped in reverse order on Ctrl-C):

* PostgreSQL at ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/bench_cluster``;
  the database is created when missing, and the bench data set is made in it at ``--scale``);
* Redis at ``REDIS_URL`` (default ``redis://127.0.0.1:6379/14``) for the cache and rate limits;
  sessions are in the database, so they outlive any app server;
* two gunicorn instances (``--instances``, ``--workers`` each) on ports of their own;
* HAProxy (Debian's) in front: health check on ``/health/`` (the database decides 200 or 503;
  ``/`` on a version without it), round robin, at most ``--workers`` requests at a time
  per instance (the rest wait in HAProxy's queue, not in a dead server's backlog), a refused
  connection retried on the other instance;
* two task workers (``manage.py db_worker``) on the task queue in the database, started again
  when they exit (as systemd's ``Restart=always`` does in production);
* one media folder shared by all (``MEDIA_ROOT``, default bench/out/cluster/media).

Logs are in bench/out/cluster/. ``bench.cluster_bench`` (``make bench-cluster``) uses the same
``Cluster`` for the load test and the fault proofs. Settings: ``bench.cluster_settings``.
"""

import argparse
import contextlib
import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
STATE = BENCH / "out" / "cluster"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_cluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"  # Debian puts it in /usr/sbin
PASSWORD = "Bench-2026-niet-geheim"  # noqa: S105 - bench.dataset.PASSWORD, bench accounts only


def log(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def wait_until(check, what, timeout=60, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(interval)
    raise SystemExit(f"{what} did not come up within {timeout} s (logs: {STATE})")


def http_status(port, path, timeout=5):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as reply:  # noqa: S310 - our own local server
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def ensure_database(url):
    """Create the database of ``url`` when it does not exist yet (PostgreSQL)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            log(f"creating database {name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def children_of(pid):
    """Every descendant of ``pid`` (from /proc), for the CPU figures per process."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for child in parents.get(current, []):
            found.append(child)
            todo.append(child)
    return found


class Cluster:
    """The processes of the cluster; each started in a session of its own, so that Ctrl-C in
    the terminal reaches only this script, which stops them in order."""

    def __init__(
        self,
        database_url=DEFAULT_DATABASE_URL,
        redis_url=DEFAULT_REDIS_URL,
        port=8080,
        instances=2,
        workers=2,
        task_workers=2,
        media_root=None,
        state=STATE,
    ):
        self.database_url = database_url
        self.redis_url = redis_url
        self.port = port
        self.instances = instances
        self.workers = workers
        self.task_workers = task_workers
        self.state = Path(state)
        self.media_root = Path(media_root or self.state / "media")
        self.app_ports = [free_port() for _i in range(instances)]
        self.apps = {}
        self.task_processes = []
        self.task_restarts = 0
        self.haproxy = None
        self.health_path = None  # chosen once an app server answers: choose_health_path
        self.logs = []

    # -- environment and set-up ----------------------------------------------------------------

    def environment(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="bench.cluster_settings",
            BENCH_DATASET="province",
            PYTHONPATH=str(ROOT),
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            MEDIA_ROOT=str(self.media_root),
        )
        return env

    def manage(self, *args, capture=False):
        return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.environment(),
            check=True,
            stdout=subprocess.PIPE if capture else None,
            text=True,
        ).stdout

    def prepare(self, scale, seed=2026, static=True):
        """The database (created when missing), its tables and the bench data set, the static
        files (served by WhiteNoise from every instance)."""
        self.state.mkdir(parents=True, exist_ok=True)
        self.media_root.mkdir(parents=True, exist_ok=True)
        ensure_database(self.database_url)
        log(f"bench data set at scale {scale} in {redact(self.database_url)}")
        self.manage("bench_data", "--scale", str(scale), "--seed", str(seed))
        if static:
            self.manage("collectstatic", "--noinput", "-v0")

    def _log(self, name):
        handle = (self.state / f"{name}.log").open("a")
        self.logs.append(handle)
        return handle

    def _spawn(self, name, args):
        handle = self._log(name)
        handle.write(f"--- started {datetime.datetime.now():%H:%M:%S}: {' '.join(args)}\n")
        handle.flush()
        return subprocess.Popen(  # noqa: S603 - fixed programs and arguments
            args,
            cwd=ROOT,
            env=self.environment(),
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    # -- app servers -----------------------------------------------------------------------------

    def start_app(self, index, wait=True):
        port = self.app_ports[index]
        self.apps[index] = self._spawn(
            f"app{index + 1}",
            [
                str(BIN / "gunicorn"),
                "cms.wsgi:application",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "--graceful-timeout",
                "10",
                # One control socket per user by default: instances would share it.
                "--no-control-socket",
            ],
        )
        if wait:
            wait_until(lambda: listening(port), f"app server {index + 1}")

    def kill_app(self, index, sig=signal.SIGKILL):
        """The server lost: the gunicorn master and its workers, all at once (SIGKILL)."""
        process = self.apps.pop(index)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        process.wait()

    def stop_app(self, index):
        process = self.apps.pop(index, None)
        if process is not None:
            stop(process)

    # -- task workers and balancer ---------------------------------------------------------------

    def _task_worker(self, number):
        return self._spawn(
            f"tasks{number + 1}",
            [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "1"],
        )

    def start_task_workers(self):
        for number in range(self.task_workers):
            self.task_processes.append(self._task_worker(number))

    def supervise(self):
        """Start a task worker again when it exited, as systemd's ``Restart=always`` does in
        production (docs/deployment.md): django-tasks-db's worker exits when the database
        goes away under it (a PostgreSQL restart). Returns how many were started again."""
        restarted = 0
        for number, process in enumerate(self.task_processes):
            if process.poll() is not None:
                log(f"task worker {number + 1} exited ({process.returncode}); starting it again")
                self.task_processes[number] = self._task_worker(number)
                restarted += 1
        self.task_restarts += restarted
        return restarted

    def choose_health_path(self):
        """``/health/`` where the app has it, else the home page."""
        port = self.app_ports[min(self.apps)]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the workers load the app after listening
            statuses = {path: http_status(port, path, timeout=20) for path in ("/health/", "/")}
            for path, status in statuses.items():
                if status == 200:
                    self.health_path = path
                    return path
            time.sleep(0.5)
        raise SystemExit(f"app server 1 answers neither /health/ nor / with 200 ({STATE})")

    def haproxy_config(self, servers=None):
        servers = range(self.instances) if servers is None else servers
        lines = [
            "global",
            "    maxconn 2048",
            f"    stats socket {self.state / 'haproxy.sock'} mode 600 level admin",
            "    log stdout format raw local0 info",
            "defaults",
            "    mode http",
            "    log global",
            "    option httplog",
            "    option dontlog-normal",  # errors, retries and state changes only
            "    timeout connect 2s",
            "    timeout client 60s",
            "    timeout server 60s",
            "    timeout queue 30s",
            "    timeout http-request 10s",
            # A health check waits behind the requests a busy server is working on; a dead
            # server refuses the connection at once, so a long check timeout does not slow
            # down noticing it.
            "    timeout check 10s",
            # A refused connection (a dead server) is tried again, on the other server: the
            # request never reached the dead one. Requests in flight on it are not retried by
            # the balancer (an answer POST may not be sent twice blindly); the client retries.
            "    retries 3",
            "    option redispatch 1",
            "    retry-on conn-failure",
            "frontend web",
            f"    bind 127.0.0.1:{self.port}",
            "    default_backend app",
            "backend app",
            # Round robin, so that a retry after a refused connection goes to the other server
            # (least connections would pick the dead one again: it has none).
            "    balance roundrobin",
            f"    option httpchk GET {self.health_path}",
            "    http-check expect status 200",
            # One request per gunicorn worker: the rest queue in HAProxy, so a server that dies
            # takes only the requests it was working on with it.
            # A refused connection marks the server down at once (observe layer4), before
            # the next health check would.
            f"    default-server inter 1s fastinter 500ms fall 2 rise 2 maxconn {self.workers} "
            "observe layer4 error-limit 1 on-error mark-down",
        ]
        for index in servers:
            lines.append(f"    server app{index + 1} 127.0.0.1:{self.app_ports[index]} check")
        return "\n".join(lines) + "\n"

    def start_haproxy(self, servers=None):
        if self.health_path is None:
            self.choose_health_path()
        config = self.state / "haproxy.cfg"
        config.write_text(self.haproxy_config(servers))
        self.haproxy = self._spawn("haproxy", [HAPROXY, "-db", "-f", str(config)])
        wait_until(lambda: listening(self.port), "HAProxy")
        wait_until(lambda: self.servers_up() >= 1, "an app server behind HAProxy", timeout=30)

    def stop_haproxy(self):
        if self.haproxy is not None:
            stop(self.haproxy)
            self.haproxy = None

    def haproxy_command(self, command):
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(2)
            client.connect(str(self.state / "haproxy.sock"))
            client.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := client.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def server_stats(self):
        """HAProxy's figures per app server (``show stat``): {"app1": {"status": "UP",
        "scur": "2", ...}, ...}; scur is the requests it is working on now."""
        try:
            text = self.haproxy_command("show stat")
        except OSError:
            return {}
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            return {}
        names = lines[0].lstrip("# ").split(",")
        stats = {}
        for row in lines[1:]:
            values = dict(zip(names, row.split(","), strict=False))
            if values.get("pxname") == "app" and values.get("svname", "").startswith("app"):
                stats[values["svname"]] = values
        return stats

    def server_states(self):
        """Each server's state as HAProxy sees it: {"app1": "UP", "app2": "DOWN", ...}."""
        return {name: values.get("status", "") for name, values in self.server_stats().items()}

    def servers_up(self):
        return sum(1 for state in self.server_states().values() if state.startswith("UP"))

    # -- all of it -------------------------------------------------------------------------------

    def start(self):
        self.state.mkdir(parents=True, exist_ok=True)
        for index in range(self.instances):
            self.start_app(index, wait=False)
        for index in range(self.instances):
            wait_until(lambda i=index: listening(self.app_ports[i]), f"app server {index + 1}")
        self.choose_health_path()
        self.start_task_workers()
        self.start_haproxy()
        wait_until(
            lambda: self.servers_up() == self.instances, "every app server behind HAProxy", 30
        )

    def stop(self):
        self.stop_haproxy()
        for index in list(self.apps):
            self.stop_app(index)
        while self.task_processes:
            stop(self.task_processes.pop())
        for handle in self.logs:
            handle.close()
        self.logs = []

    def pids(self):
        """The process ids per part, for the CPU figures."""
        found = {}
        for index, process in self.apps.items():
            found[f"app{index + 1} (gunicorn)"] = [process.pid, *children_of(process.pid)]
        if self.haproxy is not None:
            found["haproxy"] = [self.haproxy.pid, *children_of(self.haproxy.pid)]
        if self.task_processes:
            found["task workers"] = [p.pid for p in self.task_processes]
        return found

    def address(self):
        return f"http://127.0.0.1:{self.port}/"


def stop(process, timeout=20):
    """SIGTERM to the process's session (a gunicorn master and its workers), then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def redact(url):
    parts = urlsplit(url)
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    user = f"{parts.username}@" if parts.username else ""
    return parts._replace(netloc=user + host).geturl()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLUSTER_PORT", 8080)))
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    parser.add_argument("--task-workers", type=int, default=2)
    parser.add_argument("--scale", type=float, default=0.02, help="bench data set scale")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("make cluster runs on PostgreSQL: set DATABASE_URL to a postgres:// URL")
    redis_url = os.environ.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL
    if listening(args.port):
        raise SystemExit(f"Port {args.port} is in use: CLUSTER_PORT=... make cluster")
    cluster = Cluster(
        database_url,
        redis_url,
        port=args.port,
        instances=args.instances,
        workers=args.workers,
        task_workers=args.task_workers,
        media_root=os.environ.get("MEDIA_ROOT", "").strip() or None,
    )
    cluster.prepare(args.scale)

    def terminate(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        cluster.start()
        ports = ", ".join(str(p) for p in cluster.app_ports)
        print(
            f"\nThe cluster runs at {cluster.address()}\n"
            f"  HAProxy -> {args.instances} gunicorn instances (ports {ports}, {args.workers} "
            f"workers each), health check GET {cluster.health_path}\n"
            f"  {args.task_workers} task workers (db_worker), database {redact(database_url)}, "
            f"cache {redact(redis_url)}, media {cluster.media_root}\n"
            f"  log in as learner00001 (or bench-manager) with password {PASSWORD}\n"
            f"  logs: {cluster.state}/*.log. Ctrl-C stops it all.\n",
            flush=True,
        )
        while True:
            time.sleep(1)
            cluster.supervise()
            if cluster.haproxy is not None and cluster.haproxy.poll() is not None:
                raise SystemExit(f"HAProxy stopped (see {cluster.state}/haproxy.log)")
    except KeyboardInterrupt:
        log("stopping the cluster")
    finally:
        cluster.stop()
        log("stopped")


if __name__ == "__main__":
    main()
