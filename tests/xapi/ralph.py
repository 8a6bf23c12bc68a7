"""Ralph, a real xAPI Learning Record Store, for the tests: run from its own virtual environment
(.venv-ralph, made by scripts/install-ralph from scripts/ralph-requirements.txt) with the file
backend (RALPH_RUNSERVER_BACKEND=fs) and a basic-auth credentials file, on a free port of
127.0.0.1. Stopping and starting it again (same port, same files) is the LRS going down and
coming back."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-ralph"
USERNAME = "platform"
PASSWORD = "ralph-test-password"  # noqa: S105 - a throwaway LRS on 127.0.0.1


def install():
    """Makes .venv-ralph when it is missing (about a minute, once)."""
    subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "scripts" / "install-ralph"), sys.executable], check=True, cwd=ROOT
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ralph:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.endpoint = f"{self.url}/xAPI/"
        self.process = None
        self.log = self.directory / "ralph.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("RALPH_")},
            "RALPH_APP_DIR": str(self.directory / "app"),
            "RALPH_AUTH_FILE": str(self.directory / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.directory / "statements"),
        }

    def write_credentials(self):
        """The basic-auth credentials file, written by Ralph's own ``ralph auth``."""
        subprocess.run(  # noqa: S603 - the LRS's own command line
            [
                str(VENV / "bin" / "ralph"),
                "auth",
                "--username", USERNAME,
                "--password", PASSWORD,
                "--scope", "all",
                "--agent-ifi-account", "platform", "https://training.example.org",
                "--write-to-disk",
            ],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip

    def start(self, timeout=60):
        log = self.log.open("a")
        self.process = subprocess.Popen(  # noqa: S603 - uvicorn serving Ralph's API
            [
                str(VENV / "bin" / "uvicorn"),
                "ralph_app:app",  # Ralph's API, its file backend appending (lrs_app/ralph_app.py)
                "--app-dir", str(Path(__file__).parent / "lrs_app"),
                "--host", "127.0.0.1",
                "--port", str(self.port),
                "--no-access-log",
            ],
            env=self.env,
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped at start:\n{self.log.read_text()[-3000:]}")
            try:
                if requests.get(f"{self.url}/__heartbeat__", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"Ralph did not answer in {timeout} s:\n{self.log.read_text()[-3000:]}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self.process = None

    def statements(self, **params):
        """Every statement the LRS holds (GET /xAPI/statements, following ``more``)."""
        found = []
        url = f"{self.url}/xAPI/statements"
        while url:
            response = requests.get(
                url,
                params=params if url.endswith("/statements") else None,
                auth=(USERNAME, PASSWORD),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=10,
            )
            response.raise_for_status()
            body = response.json()
            found.extend(body["statements"])
            more = body.get("more")
            url = f"{self.url}{more}" if more else None
        return found
