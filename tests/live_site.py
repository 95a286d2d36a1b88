"""A real HTTP server on 127.0.0.1 serving feeds and pages the tests write, and misbehaving on request.

Each ``LiveSite`` is one host (its own port). Routes answer with a status, headers and a body;
they can honour conditional requests, sleep, redirect, fail a number of times, or stream a body
of any size without holding it in memory. Every request is recorded with its headers and time.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None              # honour If-None-Match
    last_modified: str | None = None     # honour If-Modified-Since
    delay: float = 0.0                   # seconds before answering
    location: str | None = None          # redirect target (with status 301/302)
    fail_times: int = 0                  # answer 503 this many times first
    stream_bytes: int = 0                # a body of this many bytes, generated
    declare_length: bool = True          # send Content-Length for streamed bodies


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    at: float                            # time.monotonic()


class LiveSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site._answer(self)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> "LiveSite":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "LiveSite":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def add(self, path: str, body: bytes | str = b"", **route) -> str:
        self.routes[path] = Route(body=body.encode("utf-8") if isinstance(body, str) else body, **route)
        return self.url(path)

    def hits_of(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path]

    def paths_hit(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?")[0]
        with self._lock:
            self.hits.append(Hit(path, {k.lower(): v for k, v in request.headers.items()}, time.monotonic()))
            route = self.routes.get(path)
            failing = route is not None and route.fail_times > 0
            if failing:
                route.fail_times -= 1
        try:
            if route is None:
                return self._send(request, 404, b"<html><body>Not found</body></html>", "text/html")
            if route.delay:
                time.sleep(route.delay)
            if failing:
                return self._send(request, 503, b"busy", "text/plain", {"Retry-After": "0"})
            if route.location:
                return self._send(request, route.status, b"", "text/html", {"Location": route.location})
            validators = {}
            if route.etag:
                validators["ETag"] = route.etag
            if route.last_modified:
                validators["Last-Modified"] = route.last_modified
            if ((route.etag and request.headers.get("If-None-Match") == route.etag)
                    or (route.last_modified and request.headers.get("If-Modified-Since") == route.last_modified)):
                return self._send(request, 304, b"", None, validators)
            if route.stream_bytes:
                return self._stream(request, route)
            self._send(request, route.status, route.body, route.content_type, {**validators, **route.headers})
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client gave up (timeout, size limit): what the test wanted

    @staticmethod
    def _send(request, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        request.send_response(status)
        if content_type:
            request.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            request.send_header(key, value)
        if status != 304:
            request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        if status != 304:
            request.wfile.write(body)

    @staticmethod
    def _stream(request, route: Route) -> None:
        request.send_response(route.status)
        request.send_header("Content-Type", route.content_type)
        if route.declare_length:
            request.send_header("Content-Length", str(route.stream_bytes))
        request.end_headers()
        chunk = b"<p>" + b"x" * 65_529 + b"</p>"
        sent = 0
        while sent < route.stream_bytes:
            piece = chunk[:route.stream_bytes - sent]
            request.wfile.write(piece)
            sent += len(piece)


def closed_port_url(path: str = "/") -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def page(title: str, text: str, *, lang: str | None = None, published: str | None = None,
         charset_meta: str | None = "utf-8") -> str:
    """A news page: navigation, the article's paragraphs, a footer (trafilatura finds the article)."""
    sentences = [p.strip() for p in text.split(". ") if p.strip()]
    paragraphs = "\n".join(f"<p>{p if p.endswith('.') else p + '.'}</p>" for p in sentences)
    return f"""<!DOCTYPE html>
<html{f' lang="{lang}"' if lang else ''}>
<head>{f'<meta charset="{charset_meta}">' if charset_meta else ''}
<title>{title}</title>
{f'<meta property="article:published_time" content="{published}">' if published else ''}
</head>
<body>
<header><nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/economy">Economy</a></nav></header>
<main><article>
<h1>{title}</h1>
{paragraphs}
</article></main>
<footer><p>© 2026 Test News. All rights reserved.</p></footer>
</body>
</html>"""


def rss(items: list[tuple[str, str, str]], *, title: str = "Test News") -> str:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    body = "\n".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
                     for link, t, date in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link><description>news</description>\n{body}\n</channel></rss>")


def atom(items: list[tuple[str, str, str]], *, title: str = "Test News") -> str:
    """An Atom feed of (link, title, ISO 8601 updated) entries."""
    body = "\n".join(f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>{updated}</updated></entry>'
                     for link, t, updated in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:test</id><updated>2026-04-05T10:00:00Z</updated>\n{body}\n</feed>")


def outlet_page(title: str, text: str, *, markup: str = "article", lang: str | None = None,
                site: str = "Xəbər Portalı", today_widget: str | None = "Bu gün: 07.12.2026",
                byline: str | None = None, byline_tag: str = "div", meta_published: str | None = None,
                json_ld_published: str | None = None, promo: str | None = None,
                related: list[tuple[str, str, str]] | None = None, comments: list[str] | None = None,
                charset_meta: str | None = "utf-8", extra_head: str = "") -> str:
    """A page built like a real outlet's: a cookie banner, a header with the site's logo, a menu
    and a "today" widget, the article (headline, a date line under it, paragraphs, a promo line
    the site repeats inside the article container), a sidebar of related news (each with its
    date, naming both countries), comments and a footer.

    markup: "article" (<main><article><h1>…) or "div" (plain divs, the headline outside the text
    block). byline: the date shown under the headline ("04.12.2026 18:00"); byline_tag "time"
    puts it in <time datetime>. related: (href, title, date shown) items of the sidebar."""
    sentences = [p.strip() for p in text.split(". ") if p.strip()]
    paragraphs = "\n".join(f"<p>{p if p.endswith('.') else p + '.'}</p>" for p in sentences)
    if promo:
        paragraphs += f'\n<p class="promo-line"><b>{promo}</b></p>'
    if byline and byline_tag == "time":
        date_html = f'<time datetime="{byline}">{byline}</time>'
    elif byline:
        date_html = f'<div class="news-date"><span>{byline}</span></div>'
    else:
        date_html = ""
    related_html = "".join(f'<li><a href="{href}">{t}</a><span class="date">{d}</span></li>'
                           for href, t, d in related or [])
    comments_html = "".join(f'<div class="comment"><p>{c}</p><span class="date">06.12.2026 09:12</span></div>'
                            for c in comments or [])
    head = [f'<meta charset="{charset_meta}">' if charset_meta else "", f"<title>{title} | {site}</title>",
            f'<meta property="og:title" content="{title}">']
    if meta_published:
        head.append(f'<meta property="article:published_time" content="{meta_published}">')
    if json_ld_published:
        head.append('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "datePublished": json_ld_published}, ensure_ascii=False) + "</script>")
    header = f"""<div id="cookie-banner" class="cookie">Saytımız kukilərdən istifadə edir. <button>Razıyam</button></div>
<header class="site-header"><div class="logo"><a href="/">{site}</a></div>
<div class="today">{today_widget or ''}</div>
<nav class="menu"><ul><li><a href="/">Ana səhifə</a></li><li><a href="/siyaset">Siyasət</a></li>
<li><a href="/iqtisadiyyat">İqtisadiyyat</a></li><li><a href="/dunya">Dünya</a></li></ul></nav></header>"""
    sidebar = f"""<aside class="sidebar"><h3>Digər xəbərlər</h3><ul class="related-news">{related_html}</ul>
<div class="currency">USD 1.7000 | EUR 1.8500 | RUB 0.0210</div></aside>"""
    footer = f"""<section class="comments"><h3>Şərhlər</h3>{comments_html}</section>
<footer><p>© 2011-2026 {site}. Bütün hüquqlar qorunur.</p><p>Əlaqə: info@example.invalid</p></footer>"""
    if markup == "article":
        body = f"""{header}
<main><article class="news-item"><h1>{title}</h1>{date_html}
<div class="news-text">{paragraphs}</div>
<div class="share">Paylaş: Facebook | Twitter | Telegram</div></article></main>
{sidebar}{footer}"""
    else:
        body = f"""{header}
<div class="container"><div class="col-main"><div class="title-box"><h1 class="news-title">{title}</h1>{date_html}</div>
<div class="content-wrap"><div class="news-body">{paragraphs}</div></div>
<div class="share">Paylaş: Facebook | Twitter | Telegram</div></div>
<div class="col-side">{sidebar}</div></div>{footer}"""
    return f"""<!DOCTYPE html>
<html{f' lang="{lang}"' if lang else ''}>
<head>{''.join(head)}{extra_head}</head>
<body>{body}</body>
</html>"""
