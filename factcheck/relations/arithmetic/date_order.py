"""Date order: an event told as past lies before the document date; a target "by 2020" still ahead of it.

A frame's `mode` is `past` or `deadline`. A date whose year the text does not state (a year
taken from the document, an assumed weekday) is never checked.
"""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, year_of
from factcheck.relations.link import Link


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    claim = link.one("date")
    doc_date = link.meta.get("document_date")
    if claim is None or not doc_date or year_of(claim) is None or claim.low is not None or claim.extra.get("relative"):
        return []  # a relative date ("last year", "in November") lies where the document's date puts it
    value = str(claim.value)
    same_grain = doc_date[: len(value)]
    if link.meta.get("mode") == "deadline":
        ahead = value >= same_grain
        return [Outcome("consistent" if ahead else "inconsistent", None, None, None,
                        f"deadline {value}, document dated {doc_date}",
                        f"deadline {claim.text} {'lies ahead' if ahead else 'had passed when this was written'}",
                        (claim,), dates=True)]
    before = value <= same_grain
    return [Outcome("consistent" if before else "inconsistent", None, None, None,
                    f"told as past, dated {value}, {'not after' if before else 'after'} the document's {doc_date}",
                    f"{claim.text} {'lies before' if before else 'is after'} the document date", (claim,), dates=True)]
