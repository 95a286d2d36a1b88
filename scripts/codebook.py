"""Write docs/codebook.md from the table declarations (warehouse/tables/), or check it is current.

    .venv/bin/python scripts/codebook.py [PATH]           # write (default docs/codebook.md)
    .venv/bin/python scripts/codebook.py --check [PATH]   # exit 1 when the file is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warehouse.codebook import CODEBOOK_PATH, is_current, write_codebook  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=CODEBOOK_PATH)
    ap.add_argument("--check", action="store_true", help="only check that the file is current")
    args = ap.parse_args()
    if args.check:
        if is_current(args.path):
            print(f"{args.path} is current")
            return 0
        print(f"{args.path} is out of date: run .venv/bin/python scripts/codebook.py", file=sys.stderr)
        return 1
    print(write_codebook(args.path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
