"""A screenshot of a page of the HTML report (the README's docs/report.png), taken with the system
Chromium: an article page with the pointer on one of its mentions, so its note shows.

    .venv/bin/ruaz run --input samples --db /tmp/s.duckdb --no-export
    .venv/bin/ruaz report --db /tmp/s.duckdb --out /tmp/report
    .venv/bin/python scripts/report_screenshot.py /tmp/report docs/report.png --article sample-en-01
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.report import page_name  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path, help="a folder written by `ruaz report`")
    ap.add_argument("out", type=Path, help="the PNG to write")
    ap.add_argument("--article", default="sample-en-01", help="the article whose page is shown")
    ap.add_argument("--hover", default="mark.m-date", help="CSS selector of the mention the pointer rests on")
    ap.add_argument("--width", type=int, default=1000)
    ap.add_argument("--height", type=int, default=620)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
        page.goto((args.report / page_name(args.article)).resolve().as_uri())
        page.locator(args.hover).first.hover()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
