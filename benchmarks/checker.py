"""Score the consistency checker on passage sets (tests/data/passages*.toml).

For each passage with an expected verdict: was a check of its type found (relation found),
did one carry the expected verdict (verdict right); over all passages that are not meant to
be inconsistent: did any check say inconsistent anyway (false alarm).

    python benchmarks/checker.py [FILE ...] [--show]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tomllib
from pathlib import Path

from factcheck.document import load_text
from factcheck.pipeline import scan_document
from factcheck.rulebook import load_rulebook

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def score(path: Path, book: object, show: bool) -> dict[str, int]:
    passages = tomllib.loads(path.read_text(encoding="utf-8"))["passage"]
    tally = {"passages": len(passages), "with_relation": 0, "found": 0, "right": 0, "calm": 0, "false_alarms": 0}
    for passage in passages:
        date = dt.date.fromisoformat(passage["date"]) if passage.get("date") else None
        checks = scan_document(load_text(passage["id"], passage["text"], date=date), book).checks
        types = {passage["type"], passage.get("alt_type")}
        if passage["expect"] != "inconsistent":
            tally["calm"] += 1
            alarms = [c for c in checks if c.verdict == "inconsistent"
                      or (passage["expect"] == "none" and c.verdict == "approximate")]
            tally["false_alarms"] += bool(alarms)
        if passage["type"] == "none":
            continue
        tally["with_relation"] += 1
        found = [c for c in checks if c.type in types]
        tally["found"] += bool(found)
        right = any(c.verdict == passage["expect"] for c in found)
        tally["right"] += right
        if show and not right:
            print(f"  miss {passage['id']}: {[(c.type, c.verdict) for c in checks]}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted(DATA.glob("passages*.toml")))
    parser.add_argument("--show", action="store_true", help="list the passages whose verdict was missed")
    args = parser.parse_args(argv)
    book = load_rulebook()
    print(f"{'file':28} {'passages':>8} {'relations':>9} {'found':>6} {'right':>6} {'calm':>5} {'false alarms':>12}")
    for path in args.files:
        t = score(path, book, args.show)
        print(f"{path.name:28} {t['passages']:>8} {t['with_relation']:>9} {t['found']:>6} {t['right']:>6} "
              f"{t['calm']:>5} {t['false_alarms']:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
