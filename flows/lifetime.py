"""Child processes that cannot outlive `ruaz`: the temporary Prefect server and extraction workers.

A `ruaz` killed with SIGKILL (or by the OOM killer) runs no clean-up, so each child must notice on
its own. The server asks the kernel for a signal when its parent ends (``die_with_parent``, Linux);
a worker process of the extraction pool, which its executor may start from any thread (the
kernel's notice follows the starting thread, not the process), watches its parent instead
(``exit_when_orphaned``).
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
import time

_PR_SET_PDEATHSIG = 1
ORPHAN_POLL_SECONDS = 1.0


def die_with_parent(parent_pid: int) -> None:
    """Run in a child before it executes (Popen's preexec_fn): SIGTERM when the thread that started
    it ends. Elsewhere than Linux, nothing."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:      # the parent died before the request took effect
        os._exit(1)


def exit_when_orphaned(parent: int) -> None:
    """Run once in a worker process (a process pool's initializer, with the pid of the process that
    made the pool): end the process as soon as that parent is gone (the worker is then adopted, and
    its parent id changes), also when it went while the worker was starting."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="ruaz-orphan-watch", daemon=True).start()
