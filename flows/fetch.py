"""Getting bytes from a URL, behind a small interface with a live and a recorded version.

``LiveFetcher`` speaks HTTP (httpx): a User-Agent that says who we are, timeouts, a polite
minimum interval between requests to one host, conditional requests (If-None-Match /
If-Modified-Since → 304), redirects followed by hand (so each hop is rate-limited and a loop is
named as such), bodies streamed and cut at a size limit, and retries with exponential backoff for
transient failures only (timeouts, connection errors, 429, 5xx; Retry-After is honoured up to the
backoff cap). It never raises for a failed fetch: every outcome is a ``FetchResult`` with a reason.

``RecordedFetcher`` answers from the raw archive what a live run once received, so a fetch run
can be replayed without the network.

``RobotsRules`` reads each host's robots.txt once per run (through the fetcher, so it is
rate-limited like any request) and says whether a URL may be requested and the host's Crawl-delay
(RFC 9309: a robots.txt that answers 4xx allows everything; one that cannot be read, 5xx or no
answer, allows nothing for this run).
"""
from __future__ import annotations

import datetime as dt
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from pydantic import BaseModel, ConfigDict

from flows.settings import setting
from transforms.pages import charset_of
from warehouse.archive import RawArchive

REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchPolicy(BaseModel):
    """How requests behave (defaults and meanings: the fetch_* settings in flows/settings.py)."""
    model_config = ConfigDict(frozen=True, extra="forbid")

    user_agent: str = setting("fetch_user_agent")
    timeout_seconds: float = setting("fetch_timeout_seconds")              # connect / read / write, each
    total_timeout_seconds: float = setting("fetch_total_timeout_seconds")  # a trickling server is a timeout
    max_bytes: int = setting("fetch_max_bytes")
    max_redirects: int = setting("fetch_max_redirects")
    retries: int = setting("fetch_retries")                  # further attempts after a transient failure
    backoff_seconds: float = setting("fetch_backoff_seconds")             # doubles for each further retry
    backoff_max_seconds: float = setting("fetch_backoff_max_seconds")
    host_interval_seconds: float = setting("fetch_rate_limit_seconds")


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    host_interval_seconds: float | None = None    # a source's own rate limit (or the host's Crawl-delay)
    timeout_seconds: float | None = None          # a source's own connect/read timeout
    retries: int | None = None                    # a source's own number of retries
    deadline: float | None = None                 # time.monotonic() after which no attempt starts or lasts


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: str                    # fetched | not_modified | failed
    reason: str                    # ok | not_modified | timeout | connection_error | http_error | redirect_loop |
    #                                too_many_redirects | too_large | invalid_url | not_recorded
    fetched_at: dt.datetime        # naive UTC, when the answer came
    detail: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    n_attempts: int = 1
    elapsed_ms: int = 0
    n_bytes: int = 0
    is_transient: bool = False     # worth trying again in a later run

    @property
    def charset(self) -> str | None:
        return charset_of(self.content_type)


class Fetcher(Protocol):
    def fetch(self, request: FetchRequest) -> FetchResult: ...

    def close(self) -> None: ...


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class HostRateLimiter:
    """At least ``interval`` seconds between the starts of two requests to one host, across threads."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = interval
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float | None = None) -> None:
        with self._lock:  # reserve a slot, then sleep outside the lock so other hosts go on
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + (self.interval if interval is None else interval)
        if start > now:
            self._sleep(start - now)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - dt.datetime.now(dt.timezone.utc)).total_seconds())
        except (TypeError, ValueError):
            return None


class LiveFetcher:
    def __init__(self, policy: FetchPolicy, client: httpx.Client | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.policy = policy
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(policy.timeout_seconds), follow_redirects=False,
            headers={"User-Agent": policy.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                               "application/xml;q=0.9,*/*;q=0.5"})
        self.limiter = HostRateLimiter(policy.host_interval_seconds, sleep=sleep)
        self._sleep = sleep

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "LiveFetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, request: FetchRequest) -> FetchResult:
        started = time.perf_counter()
        retries = self.policy.retries if request.retries is None else request.retries
        attempt = 0
        while True:
            attempt += 1
            result, retry_after = self._attempt(request)
            if not result.is_transient or attempt > retries:
                break
            delay = min(self.policy.backoff_seconds * 2 ** (attempt - 1), self.policy.backoff_max_seconds)
            if retry_after is not None:
                delay = min(max(delay, retry_after), self.policy.backoff_max_seconds)
            if request.deadline is not None and time.monotonic() + delay >= request.deadline:
                break   # the budget is spent: the next run tries again
            self._sleep(delay)
        return replace(result, n_attempts=attempt, elapsed_ms=round((time.perf_counter() - started) * 1000))

    def _attempt(self, request: FetchRequest) -> tuple[FetchResult, float | None]:
        url, seen = request.url, {request.url}
        total = self.policy.total_timeout_seconds
        timeout = self.policy.timeout_seconds if request.timeout_seconds is None else request.timeout_seconds
        if request.deadline is not None:   # no attempt outlasts the run's or the source's budget
            remaining = max(request.deadline - time.monotonic(), 0.05)
            total, timeout = min(total, remaining), min(timeout, remaining)
        deadline = time.perf_counter() + total

        def failed(reason: str, detail: str, transient: bool = False, **fields) -> FetchResult:
            return FetchResult(request.url, "failed", reason, _utcnow(), detail=detail, final_url=url,
                               is_transient=transient, **fields)

        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        try:
            for _ in range(self.policy.max_redirects + 1):
                host = urlsplit(url).netloc
                if urlsplit(url).scheme not in ("http", "https") or not host:
                    return failed("invalid_url", f"not an http(s) URL: {url}"), None
                self.limiter.wait(host, request.host_interval_seconds)
                with self.client.stream("GET", url, headers=headers, timeout=httpx.Timeout(timeout)) as response:
                    status = response.status_code
                    if status in REDIRECT_STATUSES and response.headers.get("location"):
                        target = urljoin(url, response.headers["location"])
                        if target in seen:
                            return failed("redirect_loop", f"{url} redirects back to {target}", http_status=status), None
                        seen.add(target)
                        url = target
                        continue
                    fields = dict(http_status=status, content_type=response.headers.get("content-type"),
                                  etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
                    if status == 304:
                        return FetchResult(request.url, "not_modified", "not_modified", _utcnow(), final_url=url,
                                           **fields), None
                    if status >= 400:
                        transient = status == 429 or status >= 500
                        return (failed("http_error", f"HTTP {status} {response.reason_phrase}", transient, **fields),
                                _retry_after(response) if transient else None)
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > self.policy.max_bytes:
                        return failed("too_large", f"Content-Length {int(declared):,} bytes "
                                                   f"(limit {self.policy.max_bytes:,})", **fields), None
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > self.policy.max_bytes:
                            return failed("too_large", f"more than {self.policy.max_bytes:,} bytes; stopped reading",
                                          n_bytes=len(body), **fields), None
                        if time.perf_counter() > deadline:
                            return failed("timeout", f"body not complete after {total:g} s",
                                          True, n_bytes=len(body), **fields), None
                    return FetchResult(request.url, "fetched", "ok", _utcnow(), final_url=url, body=bytes(body),
                                       n_bytes=len(body), **fields), None
            return failed("too_many_redirects", f"more than {self.policy.max_redirects} redirects"), None
        except httpx.TimeoutException as exc:
            return failed("timeout", f"{type(exc).__name__} after {timeout:g} s", True), None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            return failed("invalid_url", f"{type(exc).__name__}: {exc}"), None
        except httpx.HTTPError as exc:   # connection refused or reset, DNS, protocol errors
            return failed("connection_error", f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
                          True), None


@dataclass(frozen=True)
class RecordedResponse:
    final_url: str
    archive_path: str
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime
    http_status: int = 200


class RecordedFetcher:
    """Answers from the raw archive with what a live run received (see ``from_warehouse``)."""

    def __init__(self, archive: RawArchive, responses: dict[str, RecordedResponse]):
        self.archive, self.responses = archive, responses

    @classmethod
    def from_warehouse(cls, db_path: Path, raw_dir: Path) -> "RecordedFetcher":
        from warehouse.store import connect_read_only

        con = connect_read_only(db_path)
        try:
            rows = con.execute("""SELECT c.url, c.final_url, r.archive_path, r.content_type, c.etag,
                                         c.last_modified, c.fetched_at, r.http_status
                                  FROM http_cache c JOIN raw_pages r USING (url, content_sha256)""").fetchall()
        finally:
            con.close()
        return cls(RawArchive(raw_dir), {r[0]: RecordedResponse(*r[1:]) for r in rows})

    def close(self) -> None:
        pass

    def fetch(self, request: FetchRequest) -> FetchResult:
        recorded = self.responses.get(request.url)
        if recorded is None:
            return FetchResult(request.url, "failed", "not_recorded", _utcnow(), detail="no recorded response")
        fields = dict(final_url=recorded.final_url, http_status=recorded.http_status,
                      content_type=recorded.content_type, etag=recorded.etag, last_modified=recorded.last_modified)
        if request.etag and request.etag == recorded.etag:
            return FetchResult(request.url, "not_modified", "not_modified", recorded.fetched_at,
                               **{**fields, "http_status": 304})
        try:
            body = self.archive.get(recorded.archive_path)
        except (OSError, ValueError) as exc:
            return FetchResult(request.url, "failed", "not_recorded", recorded.fetched_at,
                               detail=f"archive: {type(exc).__name__}: {exc}")
        return FetchResult(request.url, "fetched", "ok", recorded.fetched_at, body=body, n_bytes=len(body), **fields)


# ---- robots.txt --------------------------------------------------------------------------------

def crawl_delay(robots_txt: str, user_agent: str) -> float | None:
    """The Crawl-delay (seconds, decimals allowed: urllib.robotparser reads whole numbers only) of
    the group that applies to ``user_agent`` (its product token, as urllib.robotparser matches
    it), else of the ``*`` group.

    Example: "User-agent: *\nCrawl-delay: 0.5" -> 0.5 for any agent."""
    token = user_agent.split("/")[0].strip().lower()
    groups: list[tuple[list[str], float | None]] = []
    in_rules = False
    for raw in robots_txt.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules or not groups:
                groups.append(([], None))
                in_rules = False
            groups[-1][0].append(value.lower())
        elif key and groups:
            in_rules = True
            if key == "crawl-delay":
                try:
                    groups[-1] = (groups[-1][0], max(float(value), 0.0))
                except ValueError:
                    pass
    mine = next((d for names, d in groups if any(n != "*" and n in token for n in names)), None)
    return mine if mine is not None else next((d for names, d in groups if "*" in names), None)


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    crawl_delay: float | None = None       # seconds the host asks between requests
    reason: str | None = None              # why not allowed: robots_disallowed | robots_unavailable
    detail: str | None = None


@dataclass
class _HostRobots:
    parser: urllib.robotparser.RobotFileParser | None   # None: everything allowed
    unavailable: str | None = None                       # why robots.txt could not be read
    crawl_delay: float | None = None


class RobotsRules:
    """robots.txt per host, read once per run on first need; thread-safe (one read per host)."""

    def __init__(self, fetcher: Fetcher, user_agent: str, max_crawl_delay: float = 60.0):
        self.fetcher, self.user_agent, self.max_crawl_delay = fetcher, user_agent, max_crawl_delay
        self._hosts: dict[str, _HostRobots] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def robots_url(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}/robots.txt"

    def _rules(self, url: str, deadline: float | None) -> tuple[_HostRobots, FetchResult | None]:
        host = urlsplit(url).netloc
        with self._lock:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            known = self._hosts.get(host)
            if known is not None:
                return known, None
            result = self.fetcher.fetch(FetchRequest(self.robots_url(url), deadline=deadline))
            rules = self._read(result)
            self._hosts[host] = rules
            return rules, result

    def _read(self, result: FetchResult) -> _HostRobots:
        if result.reason == "not_recorded":          # a replay: the recorded run honoured robots.txt
            return _HostRobots(None)
        if result.status == "fetched":
            parser = urllib.robotparser.RobotFileParser()
            try:
                text = (result.body or b"").decode("utf-8", "replace")
            except Exception:  # noqa: BLE001 - unreadable bytes: read as empty (everything allowed)
                text = ""
            parser.parse(text.splitlines())
            delay = crawl_delay(text, self.user_agent)
            return _HostRobots(parser, crawl_delay=min(delay, self.max_crawl_delay) if delay else None)
        if result.http_status is not None and 400 <= result.http_status < 500:
            return _HostRobots(None)                 # RFC 9309 2.3.1.3: "unavailable", everything allowed
        return _HostRobots(None, unavailable=f"{result.reason}: {result.detail or ''}".strip(": "))

    def check(self, url: str, deadline: float | None = None) -> RobotsVerdict:
        return self.check_and_report(url, deadline)[0]

    def crawl_delay_of(self, url: str) -> float | None:
        rules = self._hosts.get(urlsplit(url).netloc)
        return rules.crawl_delay if rules else None

    def check_and_report(self, url: str, deadline: float | None = None) -> tuple[RobotsVerdict, FetchResult | None]:
        """The verdict, and the robots.txt answer when this call was the one that read it (to log)."""
        rules, result = self._rules(url, deadline)
        return self._verdict(url, rules), result

    def _verdict(self, url: str, rules: _HostRobots) -> RobotsVerdict:
        if rules.unavailable:
            return RobotsVerdict(False, None, "robots_unavailable",
                                 f"{self.robots_url(url)} could not be read ({rules.unavailable}); the host is not "
                                 "requested in this run")
        if rules.parser is not None and not rules.parser.can_fetch(self.user_agent, url):
            return RobotsVerdict(False, rules.crawl_delay, "robots_disallowed",
                                 f"{self.robots_url(url)} disallows {urlsplit(url).path or '/'} for "
                                 f"{self.user_agent.split('/')[0]}")
        return RobotsVerdict(True, rules.crawl_delay)
