"""The live fetcher against a real HTTP server on 127.0.0.1: every failure has its reason, retries
only for transient failures, conditional requests, a per-host rate limit, a size limit."""
from __future__ import annotations

import time

import pytest

from flows.fetch import FetchPolicy, FetchRequest, HostRateLimiter, LiveFetcher
from live_site import LiveSite, closed_port_url

UA = "ruaz-test/1.0 (+mailto:tests@example.invalid)"


def policy(**over) -> FetchPolicy:
    settings = dict(user_agent=UA, timeout_seconds=0.3, total_timeout_seconds=2.0, max_bytes=1_000_000,
                    max_redirects=4, retries=2, backoff_seconds=0.05, backoff_max_seconds=0.5,
                    host_interval_seconds=0.0)
    return FetchPolicy(**{**settings, **over})


@pytest.fixture()
def site():
    with LiveSite() as s:
        yield s


@pytest.fixture()
def fetcher():
    with LiveFetcher(policy()) as f:
        yield f


def test_page_is_fetched_with_our_user_agent(site, fetcher):
    url = site.add("/a", "<html>hello</html>", etag='"v1"', last_modified="Tue, 14 Apr 2026 10:00:00 GMT")
    result = fetcher.fetch(FetchRequest(url))
    assert (result.status, result.reason, result.http_status, result.body) == ("fetched", "ok", 200, b"<html>hello</html>")
    assert (result.etag, result.last_modified, result.n_attempts) == ('"v1"', "Tue, 14 Apr 2026 10:00:00 GMT", 1)
    assert result.charset == "utf-8" and result.n_bytes == 18
    assert site.hits_of("/a")[0].headers["user-agent"] == UA


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_conditional_request_gets_304_and_no_body(site, fetcher, validator):
    url = site.add("/feed", "<rss/>", etag='"abc"' if validator == "etag" else None,
                   last_modified="Tue, 14 Apr 2026 10:00:00 GMT" if validator == "last_modified" else None)
    first = fetcher.fetch(FetchRequest(url))
    second = fetcher.fetch(FetchRequest(url, etag=first.etag, last_modified=first.last_modified))
    assert (second.status, second.http_status, second.body) == ("not_modified", 304, None)
    sent = site.hits_of("/feed")[1].headers
    assert sent.get("if-none-match" if validator == "etag" else "if-modified-since") == (
        '"abc"' if validator == "etag" else "Tue, 14 Apr 2026 10:00:00 GMT")


def test_404_is_recorded_and_not_retried(site, fetcher):
    result = fetcher.fetch(FetchRequest(site.url("/missing")))
    assert (result.status, result.reason, result.http_status, result.is_transient) == ("failed", "http_error", 404, False)
    assert result.n_attempts == 1 and len(site.hits_of("/missing")) == 1
    assert result.detail == "HTTP 404 Not Found"


def test_500_is_retried_with_exponential_backoff_then_recorded(site, fetcher):
    url = site.add("/broken", "oops", status=500)
    result = fetcher.fetch(FetchRequest(url))
    assert (result.status, result.reason, result.http_status, result.is_transient) == ("failed", "http_error", 500, True)
    hits = site.hits_of("/broken")
    assert result.n_attempts == len(hits) == 3
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1        # 0.05 s, then doubled


def test_transient_failure_then_success(site, fetcher):
    url = site.add("/flaky", "<html>at last</html>", fail_times=2)
    result = fetcher.fetch(FetchRequest(url))
    assert (result.status, result.body, result.n_attempts) == ("fetched", b"<html>at last</html>", 3)


def test_retry_after_is_honoured_up_to_the_cap(site):
    url = site.add("/busy", "slow down", status=429, headers={"Retry-After": "0.3"})
    with LiveFetcher(policy(retries=1, backoff_seconds=0.01)) as fetcher:
        result = fetcher.fetch(FetchRequest(url))
    hits = site.hits_of("/busy")
    assert (result.http_status, result.n_attempts) == (429, 2)
    assert hits[1].at - hits[0].at >= 0.3


def test_timeout_is_retried_and_recorded(site):
    url = site.add("/slow", "<html>late</html>", delay=1.0)
    with LiveFetcher(policy(retries=1, backoff_seconds=0.01)) as fetcher:
        result = fetcher.fetch(FetchRequest(url))
    # the client gave up on both attempts (the server would have answered after 1 s)
    assert (result.status, result.reason, result.is_transient, result.n_attempts) == ("failed", "timeout", True, 2)


def test_dead_host_is_a_connection_error(fetcher):
    result = fetcher.fetch(FetchRequest(closed_port_url("/rss.xml")))
    assert (result.status, result.reason, result.is_transient, result.n_attempts) == (
        "failed", "connection_error", True, 3)


def test_redirects_are_followed_and_a_loop_is_named(site, fetcher):
    site.add("/old", status=301, location="/new")
    site.add("/new", "<html>moved here</html>")
    moved = fetcher.fetch(FetchRequest(site.url("/old")))
    assert (moved.status, moved.final_url, moved.body) == ("fetched", site.url("/new"), b"<html>moved here</html>")
    site.add("/loop/a", status=302, location="/loop/b")
    site.add("/loop/b", status=302, location=site.url("/loop/a"))
    loop = fetcher.fetch(FetchRequest(site.url("/loop/a")))
    assert (loop.status, loop.reason, loop.is_transient) == ("failed", "redirect_loop", False)
    assert len(site.hits_of("/loop/a")) == 1 and len(site.hits_of("/loop/b")) == 1


def test_too_many_redirects(site, fetcher):
    for i in range(6):
        site.add(f"/hop{i}", status=302, location=f"/hop{i + 1}")
    result = fetcher.fetch(FetchRequest(site.url("/hop0")))
    assert (result.status, result.reason) == ("failed", "too_many_redirects")


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_20_mb_page_is_cut_at_the_size_limit(site, fetcher, declare_length):
    url = site.add("/huge", stream_bytes=20_000_000, declare_length=declare_length)
    result = fetcher.fetch(FetchRequest(url))
    assert (result.status, result.reason, result.body, result.is_transient) == ("failed", "too_large", None, False)
    assert result.n_bytes <= 1_000_000 + 65_536      # stopped at the limit, never read the 20 MB


def test_requests_to_one_host_keep_the_interval_and_other_hosts_do_not_wait():
    with LiveSite() as one, LiveSite() as other:
        one.add("/p", "<html>1</html>")
        other.add("/p", "<html>2</html>")
        with LiveFetcher(policy(host_interval_seconds=0.3)) as fetcher:
            for target in (one, other, one, one):
                assert fetcher.fetch(FetchRequest(target.url("/p"))).status == "fetched"
        hits_one, [hit_other] = one.hits_of("/p"), other.hits_of("/p")
    # arrival times at the server: the jitter of a loaded machine either way is allowed (a fetcher
    # that ignored the interval sends them milliseconds apart)
    assert [b.at - a.at >= 0.2 for a, b in zip(hits_one, hits_one[1:])] == [True, True]
    assert hit_other.at - hits_one[0].at < 0.25      # the other host was not held back


def test_a_source_may_ask_for_a_slower_rate(site, fetcher):
    url = site.add("/p", "<html>1</html>")
    for _ in range(2):
        fetcher.fetch(FetchRequest(url, host_interval_seconds=0.3))
    first, second = site.hits_of("/p")
    assert second.at - first.at >= 0.2              # 0.3 s, less the arrival jitter of a loaded machine


def test_rate_limiter_reserves_slots_per_host():
    now = [100.0]
    slept: list[float] = []
    limiter = HostRateLimiter(2.0, clock=lambda: now[0], sleep=slept.append)
    for host in ("a", "a", "b", "a"):
        limiter.wait(host)
    assert slept == [2.0, 4.0]          # a at 100, a at 102, b at once, a at 104


def test_invalid_url_is_not_requested(fetcher):
    result = fetcher.fetch(FetchRequest("ftp://example.invalid/feed"))
    assert (result.status, result.reason, result.n_attempts) == ("failed", "invalid_url", 1)


# ---- a source's own timeout and retries; the budget; robots.txt ------------------------------------

def test_a_request_may_have_its_own_timeout_and_retries(site, fetcher):
    url = site.add("/slow", "late", delay=0.5)
    result = fetcher.fetch(FetchRequest(url, timeout_seconds=0.1, retries=0))
    assert (result.reason, result.n_attempts) == ("timeout", 1) and "0.1 s" in result.detail
    flaky = site.add("/flaky", "ok", fail_times=5)
    assert fetcher.fetch(FetchRequest(flaky, retries=4)).n_attempts == 5


def test_no_retry_starts_past_the_deadline(site):
    url = site.add("/down", "x", fail_times=10)
    with LiveFetcher(policy(retries=5, backoff_seconds=0.2, backoff_max_seconds=0.2)) as fetcher:
        result = fetcher.fetch(FetchRequest(url, deadline=time.monotonic() + 0.1))
    assert (result.reason, result.is_transient, result.n_attempts) == ("http_error", True, 1)


ROBOTS = """# the site's rules
User-agent: BadBot
Disallow: /

User-agent: *
Disallow: /private/
Crawl-delay: 0.5
"""


def test_robots_txt_is_read_once_per_host_and_says_what_may_be_fetched(site, fetcher):
    from flows.fetch import RobotsRules

    site.add("/robots.txt", ROBOTS, content_type="text/plain")
    rules = RobotsRules(fetcher, UA)
    verdict, answer = rules.check_and_report(site.url("/private/1"))
    assert (verdict.allowed, verdict.reason, verdict.crawl_delay) == (False, "robots_disallowed", 0.5)
    assert answer.status == "fetched"
    verdict, answer = rules.check_and_report(site.url("/news/1"))
    assert (verdict.allowed, answer) == (True, None)                    # read once
    assert len(site.hits_of("/robots.txt")) == 1
    assert RobotsRules(fetcher, "BadBot/2.0").check(site.url("/news/1")).allowed is False


@pytest.mark.parametrize("status,allowed,reason", [(404, True, None), (403, True, None),
                                                   (503, False, "robots_unavailable")])
def test_robots_txt_that_cannot_be_read(site, status, allowed, reason):
    from flows.fetch import RobotsRules

    site.add("/robots.txt", "no", status=status)
    with LiveFetcher(policy(retries=0)) as fetcher:
        verdict = RobotsRules(fetcher, UA).check(site.url("/news/1"))
    assert (verdict.allowed, verdict.reason) == (allowed, reason)       # RFC 9309: 4xx allows all, 5xx none


@pytest.mark.parametrize("text,agent,expected", [
    ("User-agent: *\nCrawl-delay: 0.2", "ruaz/0.1", 0.2),
    ("User-agent: googlebot\nCrawl-delay: 5\n\nUser-agent: ruaz\nUser-agent: other\nCrawl-delay: 1.5\n"
     "User-agent: *\nCrawl-delay: 9", "ruaz/0.1 (+mailto:x)", 1.5),
    ("User-agent: googlebot\nCrawl-delay: 5", "ruaz/0.1", None),
    ("User-agent: *\nCrawl-delay: soon\nDisallow: /x", "ruaz/0.1", None),
    ("User-agent: *\nDisallow: /x  # comment\nCrawl-delay: 3 # seconds", "ruaz/0.1", 3.0),
])
def test_crawl_delay(text, agent, expected):
    from flows.fetch import crawl_delay

    assert crawl_delay(text, agent) == expected


def test_fetch_progress_says_each_source_every_ten_pages():
    import io

    from flows import progress
    from flows.live import FetchProgress

    out = io.StringIO()
    with progress.reporting(progress.LogReporter(out)):
        reporter = FetchProgress(n_sources=1)
        reporter.wanted("site-az", 25, "feed: 25 links, 25 new or updated")
        for n in range(1, 26):
            reporter.page_done("site-az", n, 25)
    lines = out.getvalue().splitlines()
    assert [line.split(": ", 1)[1].split(" in ")[0] for line in lines] == ["0/25 pages", "10/25 pages", "20/25 pages"]
    assert lines[0].endswith("site-az: feed: 25 links, 25 new or updated") and lines[2].endswith("site-az: 20/25 pages")
