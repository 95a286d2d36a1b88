"""Progress of long work: each stage of a run with its article count and rate, each source of a fetch.

The flows time their stages with a ``StageClock`` and tell the current reporter. The command line
chooses the reporter (``for_stream``): a progress bar when stderr is a terminal, plain lines when
it is a log. Otherwise (library calls, deployments) the lines go to the ``ruaz.progress`` logger.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO

# the stages that advance chunk by chunk over the run's articles
CHUNKED_STAGES = ("extract", "validate", "load")


class Reporter(Protocol):
    def update(self, stage: str, done: int | None, total: int | None, seconds: float, unit: str = "articles",
               detail: str | None = None) -> None:
        """``stage`` has handled ``done`` of ``total`` ``unit`` in ``seconds`` so far."""

    def close(self) -> None: ...


def describe(stage: str, done: int | None, total: int | None, seconds: float, unit: str = "articles",
             detail: str | None = None) -> str:
    """One line: 'extract: 5,000/10,000 articles in 6.2 s (806 articles/s)'."""
    line = f"{stage}:"
    if done is not None:
        line += f" {done:,}" + (f"/{total:,}" if total is not None else "") + f" {unit}"
    line += f" in {seconds:.1f} s"
    if done and seconds > 0 and unit == "articles":
        line += f" ({done / seconds:,.0f} {unit}/s)"
    return f"{line}: {detail}" if detail else line


class LogReporter:
    """Plain lines on a stream (a log file, a pipe)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self._lock = threading.Lock()

    def update(self, stage, done, total, seconds, unit="articles", detail=None) -> None:
        with self._lock:
            print(describe(stage, done, total, seconds, unit, detail), file=self.stream, flush=True)

    def close(self) -> None:
        pass


class LoggerReporter:
    """Lines on the ``ruaz.progress`` logger (the default outside the command line)."""

    logger = logging.getLogger("ruaz.progress")

    def update(self, stage, done, total, seconds, unit="articles", detail=None) -> None:
        self.logger.info(describe(stage, done, total, seconds, unit, detail))

    def close(self) -> None:
        pass


class BarReporter:
    """A bar per stage on a terminal (rich, already a dependency of Prefect and of the CLI library);
    details (one per fetched source) are printed above the bars."""

    def __init__(self, stream: TextIO):
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        self._progress = Progress(TextColumn("{task.description:<9}"), BarColumn(), TextColumn("{task.fields[count]}"),
                                  TextColumn("{task.fields[seconds]:>8}"), TextColumn("{task.fields[rate]}"),
                                  console=Console(file=stream), transient=False)
        self._tasks: dict[str, int] = {}
        self._lock = threading.Lock()
        self._progress.start()

    def update(self, stage, done, total, seconds, unit="articles", detail=None) -> None:
        fields = {"count": "" if done is None else f"{done:,}" + (f"/{total:,}" if total is not None else "") + f" {unit}",
                  "seconds": f"{seconds:.1f} s",
                  "rate": f"{done / seconds:,.0f} {unit}/s" if done and seconds > 0 and unit == "articles" else ""}
        # a stage without a count (publish, export) is done when it is reported
        completed, size = (1, 1) if done is None else (done, total if total is not None else max(done, 1))
        with self._lock:
            if stage not in self._tasks:
                self._tasks[stage] = self._progress.add_task(stage, total=size, **fields)
            self._progress.update(self._tasks[stage], completed=completed, total=size, **fields)
            if detail:
                self._progress.console.print(f"  {stage}: {detail}")

    def close(self) -> None:
        self._progress.stop()


_current: Reporter = LoggerReporter()
_current_lock = threading.Lock()


def current() -> Reporter:
    return _current


@contextmanager
def reporting(reporter: Reporter) -> Iterator[Reporter]:
    """Send the progress of the flows run inside this block to ``reporter``."""
    global _current
    with _current_lock:
        previous, _current = _current, reporter
    try:
        yield reporter
    finally:
        reporter.close()
        with _current_lock:
            _current = previous


def for_stream(stream: TextIO) -> Reporter:
    """A bar on a terminal, plain lines otherwise."""
    return BarReporter(stream) if stream.isatty() else LogReporter(stream)


class StageClock:
    """Seconds per stage of a run (summed over chunks), and the articles each stage has handled;
    every lap is reported."""

    def __init__(self, log: Callable[[str], None] | None = None) -> None:
        self.log = log                      # also each lap as a line (the flow's run logger: Prefect's run logs)
        self.timings: dict[str, float] = {}
        self.done: dict[str, int] = {}
        self.total: int | None = None       # articles the chunked stages will handle
        self._last = time.perf_counter()

    def lap(self, stage: str, n: int | None = None, detail: str | None = None) -> None:
        """The time since the last lap was spent on ``stage``, which handled ``n`` more articles."""
        now = time.perf_counter()
        self.timings[stage] = round(self.timings.get(stage, 0.0) + now - self._last, 3)
        self._last = now
        if n is not None:
            self.done[stage] = self.done.get(stage, 0) + n
        total = self.total if stage in CHUNKED_STAGES else None
        current().update(stage, self.done.get(stage), total, self.timings[stage], detail=detail)
        if self.log is not None:
            self.log(describe(stage, self.done.get(stage), total, self.timings[stage], detail=detail))
