"""Hand-built reports and diffs for the renderer tests.

Claims are cut from a small text so that `text == TEXT[start:end]` holds as it does
for real extractor output; checks carry every verdict, an infinite bound and a rate.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factcheck.model import Change, Check, Claim, DiffReport, DocumentReport, Quantity, Report

SENTENCES = (
    "Trade was $9 million in exports and $103 million in imports; China's was 58 times that.",
    "The war of 1950-53 cost about $1 billion a year | [bold]or so[/bold].",
    "Sales rose 12.5% to 40,000 tons.",
)
TEXT = "\n".join(SENTENCES) + "\n"
PATH = "articles/trade.txt"


def position(offset: int, text: str = TEXT) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def claim(cid: str, kind: str, surface: str, value: Any, *, occurrence: int = 1, text: str = TEXT,
          sentences: tuple[str, ...] = SENTENCES, **fields: Any) -> Claim:
    """A claim for the `occurrence`-th appearance of `surface` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(surface, start + 1)
    line, column = position(start, text)
    defaults: dict[str, Any] = dict(unit=None, low=None, high=None, qualifier=None,
                                    rule=f"{kind}.test", extra={})
    defaults.update(fields)
    return Claim(id=cid, kind=kind, text=surface, start=start, end=start + len(surface), line=line,
                 column=column, sentence=sentences[line - 1], sentence_index=line - 1, value=value,
                 **defaults)


def check(cid: str, ctype: str, verdict: str, claims: list[Claim], *, expected: Quantity | None = None,
          stated: Quantity | None = None, deviation: float | None = None, explanation: str = "",
          message: str = "") -> Check:
    """A check located on its claims, from the first one's start to the last one's end."""
    first, last = claims[0], claims[-1]
    end_line, end_column = position(last.end)
    return Check(id=cid, type=ctype, verdict=verdict, claims=tuple(c.id for c in claims),
                 expected=expected, stated=stated, deviation=deviation, explanation=explanation,
                 message=message or f"{ctype} is {verdict}", start=first.start, end=last.end,
                 line=first.line, column=first.column, end_line=end_line, end_column=end_column,
                 sentence=first.sentence)


def sample_claims() -> list[Claim]:
    return [
        claim("c1", "money", "$9 million", 9000000, unit="USD", rule="money.symbol-scale"),
        claim("c2", "money", "$103 million", 103000000, unit="USD", rule="money.symbol-scale"),
        claim("c3", "ratio", "58 times", 58, rule="ratio.times"),
        claim("c4", "date", "1950-53", None, low="1950", high="1953", rule="date.year-range"),
        claim("c5", "money", "$1 billion a year", 1000000000.0, unit="USD", qualifier="approximately",
              extra={"per": "year"}),
        claim("c6", "percent", "12.5%", 12.5, unit="percent"),
        claim("c7", "quantity", "40,000 tons", 40000, unit="metric_ton",
              extra={"ambiguous": "short, long or metric ton", "score": float("nan")}),
    ]


def sample_checks(claims: list[Claim]) -> list[Check]:
    c = {x.id: x for x in claims}
    return [
        check("k1", "ratio", "unverifiable", [c["c1"], c["c2"], c["c3"]],
              expected=Quantity(6496000000.0, 6.44e9, 6.552e9, "USD"),
              explanation="58 × ($9M + $103M) = $6.50B", message="China trade implied at $6.50B"),
        check("k2", "range", "consistent", [c["c4"]], expected=Quantity("1950", "1950", "1953", None),
              stated=Quantity("1953", None, None, None), explanation="1950 ≤ 1953",
              message="range runs forwards"),
        check("k3", "sum", "inconsistent", [c["c1"], c["c5"]],
              expected=Quantity(112000000.0, 112000000.0, float("inf"), "USD"),
              stated=Quantity(1e9, 9.5e8, 1.05e9, "USD"), deviation=7.928571428571429,
              explanation="$9M + $103M = $112M, not $1B", message="total does not add up"),
        check("k4", "percent_change", "approximate", [c["c6"], c["c7"]],
              expected=Quantity(11.2, 11.15, 11.25, "percent"), stated=Quantity(12.5, 12.45, 12.55, "percent"),
              deviation=0.12, explanation="40,000 / 35,970 − 1 = 11.2%", message="rise rounded generously"),
    ]


def sample_document(path: str = PATH) -> DocumentReport:
    claims = sample_claims()
    return DocumentReport(path=path, document_date="2015-02-22", claims=claims, checks=sample_checks(claims),
                          warnings=["'ton' is ambiguous"], date_source="text")


def empty_document(path: str = "notes/empty.md") -> DocumentReport:
    return DocumentReport(path=path, document_date=None, claims=[], checks=[],
                          warnings=["no document date"])


def sample_report() -> Report:
    return Report(documents=[sample_document(), empty_document()])


def sample_diff() -> DiffReport:
    old = claim("c9", "money", "$250 million", 250000000, text="It cost $250 million.\n",
                sentences=("It cost $250 million.",), unit="USD")
    new = replace(old, text="$350 million", end=old.end, value=350000000,
                  sentence="It cost $350 million.")
    added = claim("c2", "count", "four", 4, text="Later, four summits.\n", sentences=("Later, four summits.",))
    removed = claim("c3", "ordinal", "70th", 70, text="The 70th year.\n", sentences=("The 70th year.",))
    return DiffReport(old_path="old/a.txt", new_path="new/a.txt",
                      changes=[Change("changed", old, new), Change("added", None, added),
                               Change("removed", removed, None)],
                      unchanged=5)
