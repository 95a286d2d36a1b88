"""The Prefect API a command's flows talk to: the one PREFECT_API_URL names, or a temporary server
that this process starts and that cannot outlive it.

Prefect on its own starts a temporary ("ephemeral") server as a child process and stops it at
exit. Three things went wrong with it: a killed `ruaz` (SIGKILL, the OOM killer) left the server
running (~200 MB); Ctrl-C reached the server too (same process group), so the flow engine then
spent a minute retrying a dead API before giving up; and SIGTERM likewise. This server instead

- runs in its own session, so a Ctrl-C or a signal to `ruaz`'s process group does not stop it
  while the flow engine still reports to it;
- asks the kernel to send it SIGTERM when the thread that started it (the main thread of
  `ruaz`) ends, however it ends (Linux PR_SET_PDEATHSIG; elsewhere it is only stopped at exit);
- is stopped at exit after Prefect's own exit handlers, which still send it the last logs.
"""
from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from flows.lifetime import die_with_parent
from transforms.errors import RuazError

STARTUP_TIMEOUT_SECONDS = 120.0
STOP_WAIT_SECONDS = 5.0


class PrefectApiError(RuazError):
    """No Prefect API: PREFECT_API_URL does not answer, or the temporary server did not start."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryServer:
    """A Prefect server on 127.0.0.1 for the life of this process (see the module docstring)."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self, timeout: float = STARTUP_TIMEOUT_SECONDS) -> None:
        parent = os.getpid()
        # The command and environment Prefect itself uses for its temporary server
        # (prefect.server.api.server.SubprocessASGIServer), with no UI. Prefect is not imported here:
        # it reads PREFECT_API_URL when it is imported, after this.
        packages = Path(importlib.util.find_spec("prefect").origin).parent.parent
        command = [sys.executable, "-m", "uvicorn", "--app-dir", str(packages),
                   "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
                   "--port", str(self.port), "--log-level", "error", "--lifespan", "on"]
        environment = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                       "PREFECT__SERVER_FINAL": "1"}
        environment.pop("PREFECT_API_URL", None)
        self.process = subprocess.Popen(command, env=environment, start_new_session=True, stdin=subprocess.DEVNULL,
                                        preexec_fn=lambda: die_with_parent(parent))
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while True:
                if self.process.poll() is not None:
                    raise PrefectApiError(f"the temporary Prefect server exited at start (code {self.process.returncode})")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    self.stop()
                    raise PrefectApiError(f"the temporary Prefect server did not answer within {timeout:.0f} s")
                time.sleep(0.1)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def check_api(url: str, timeout: float = 5.0) -> None:
    """Raise PrefectApiError unless the Prefect API at ``url`` answers its health check."""
    try:
        response = httpx.get(f"{url.rstrip('/')}/health", timeout=timeout)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise PrefectApiError(f"the Prefect API at {url} does not answer ({type(exc).__name__}: {exc}); "
                              f"start it, or unset PREFECT_API_URL to use a temporary one") from None


_server: TemporaryServer | None = None


def ensure_api() -> str:
    """The URL of the Prefect API for this process's flows: PREFECT_API_URL when set (checked), else
    a temporary server started now (once per process), exported as PREFECT_API_URL before Prefect
    is imported (Prefect reads it then; worker processes inherit it). When Prefect is already
    imported with an API of its own (the test harness), that one."""
    global _server
    url = os.environ.get("PREFECT_API_URL")
    if not url and "prefect" in sys.modules:
        from prefect.settings import get_current_settings

        url = get_current_settings().api.url
        if not url:
            raise RuntimeError("ensure_api() must run before Prefect is imported")
    if url:
        check_api(url)
        return url
    if _server is None:
        server = TemporaryServer()
        server.start()
        _server = server
    os.environ["PREFECT_API_URL"] = _server.api_url
    return _server.api_url
