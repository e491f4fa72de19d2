"""Draw real paragraphs with several figures from the State of the Union and FOMC corpora into a passage file
for a helper to annotate (benchmarks/blind/format.toml gives the relations to add).

    python benchmarks/blind/real_paragraphs.py PREFIX [--seed N] [--count 55] > passages_real_PREFIX.toml

Paragraphs of 200 to 1,100 characters with three or more numerals; about 55% from addresses before 1934, 33% from
later ones and 12% from FOMC statements, each with the document date `real_checks.py` gives it. Paragraphs already
in tests/data/passages_real_*.toml or tests/data/unread/ are left out, so a new draw never repeats an annotated
one.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from real_checks import SHARED, document_date  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
NUMERAL = re.compile(r"\d[\d,.]*")
SHARES = (("old", 0.55), ("new", 0.33), ("fomc", 0.12))


def annotated() -> set[str]:
    files = DATA.rglob("passages_real_*.toml")
    return {p["text"] for f in files for p in tomllib.loads(f.read_text("utf-8"))["passage"]}


def paragraphs(seen: set[str]) -> dict[str, list[tuple[str, str, str]]]:
    """The candidate paragraphs by stratum: (corpus/file, date, text)."""
    found: dict[str, list[tuple[str, str, str]]] = {"old": [], "new": [], "fomc": []}
    for corpus in (SHARED / "corpus" / "sotu", SHARED / "corpus" / "fomc"):
        for path in sorted(corpus.glob("*.txt")):
            date = document_date(path.name)
            for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
                text = " ".join(para.split())
                if not 200 <= len(text) <= 1100 or len(NUMERAL.findall(text)) < 3 or text in seen or date is None:
                    continue
                stratum = "fomc" if corpus.name == "fomc" else "old" if date.year < 1934 else "new"
                found[stratum].append((f"{corpus.name}/{path.name}", date.isoformat(), text))
                seen.add(text)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefix")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=55)
    args = parser.parse_args()
    rng, pool = random.Random(args.seed), paragraphs(annotated())
    chosen = [p for stratum, share in SHARES for p in rng.sample(pool[stratum], round(args.count * share))]
    rng.shuffle(chosen)
    print(f"# Real paragraphs (State of the Union, FOMC), prefix {args.prefix}: relations to be annotated")
    for n, (source, date, text) in enumerate(chosen, 1):
        genre = "news" if source.startswith("fomc") else "historical"
        print(f'\n[[passage]]\nid = "{args.prefix}{n:03d}"\nsource = "{source}"\ndate = "{date}"\ngenre = "{genre}"\n'
              f'text = """{text.replace(chr(92), chr(92) * 2)}"""')


if __name__ == "__main__":
    main()
