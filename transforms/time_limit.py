"""A time limit for one piece of pure computation (the extraction of one article), in any thread.

``with time_limit(seconds): ...`` raises ``TimeLimitExceeded`` inside the block once the thread
has spent ``seconds`` of CPU time in it. CPU time of the thread, not wall time: a machine busy with
other work does not make an article fail, and what is limited is what the article costs. (Where a
thread's CPU clock cannot be read, wall time is used.)

How: one watchdog thread per process checks the registered threads every ``POLL_SECONDS`` and
raises the exception in a thread over its limit (CPython's PyThreadState_SetAsyncExc), between two
Python steps. A single long call into C (one regular-expression search) ends before the
exception is seen; the extractors make many short calls. The exception derives from
BaseException, so an ``except Exception`` inside the limited code cannot swallow it; it is raised
again every ``POLL_SECONDS`` while the block runs on.
"""
from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

POLL_SECONDS = 0.05


class TimeLimitExceeded(BaseException):
    """The block ran past its time limit (a BaseException: only the code that set the limit catches it)."""


@dataclass
class _Watch:
    thread_id: int
    clock: int | None          # the thread's CPU clock (time.pthread_getcpuclockid), None: wall time
    deadline: float            # on that clock
    fired_at: float | None = None


_lock = threading.Lock()
_watches: dict[int, _Watch] = {}
_watchdog: threading.Thread | None = None


def _now(clock: int | None) -> float:
    return time.monotonic() if clock is None else time.clock_gettime(clock)


def _thread_clock() -> int | None:
    try:
        return time.pthread_getcpuclockid(threading.get_ident())
    except (AttributeError, OSError):   # not POSIX threads
        return None


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else ctypes.c_void_p(0))


def _watch_forever() -> None:
    while True:
        time.sleep(POLL_SECONDS)
        with _lock:
            for watch in _watches.values():
                try:
                    now = _now(watch.clock)
                except OSError:          # the thread ended without leaving its block (cannot happen in a with)
                    continue
                if now >= watch.deadline and (watch.fired_at is None or now - watch.fired_at >= POLL_SECONDS):
                    watch.fired_at = now
                    _raise_in(watch.thread_id, TimeLimitExceeded)


def _start_watchdog() -> None:
    global _watchdog
    if _watchdog is None or not _watchdog.is_alive():   # a forked worker process starts its own
        _watchdog = threading.Thread(target=_watch_forever, name="ruaz-time-limit", daemon=True)
        _watchdog.start()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block once this thread has spent ``seconds`` of CPU time in it
    (None: no limit). Blocks do not nest: the inner one replaces the outer one's limit."""
    if seconds is None:
        yield
        return
    thread_id = threading.get_ident()
    clock = _thread_clock()
    with _lock:
        _start_watchdog()
        _watches[thread_id] = _Watch(thread_id, clock, _now(clock) + seconds)
    exceeded_at_the_end = False
    try:
        yield
    finally:
        while True:   # the exception may arrive while this runs: then unregister again
            try:
                with _lock:
                    watch = _watches.pop(thread_id, None)
                    if watch is not None and watch.fired_at is not None:
                        # fired as the block ended: it must not surface after the block
                        _raise_in(thread_id, None)
                break
            except TimeLimitExceeded:
                exceeded_at_the_end = True
    if exceeded_at_the_end:
        raise TimeLimitExceeded


def _after_fork_in_child() -> None:
    """A forked process has none of its parent's threads: no watchdog, nothing to watch, and a lock
    that the parent's watchdog may have held at the fork."""
    global _lock, _watchdog
    _lock = threading.Lock()
    _watches.clear()
    _watchdog = None


os.register_at_fork(after_in_child=_after_fork_in_child)
