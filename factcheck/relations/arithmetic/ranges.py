"""Range: a stated range runs forwards, its start not after its end ("1993-97", "$10-20 million")."""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.relations.arithmetic.common import CheckOptions, Outcome
from factcheck.relations.link import Link


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    claim = link.one("range")
    if claim is None or claim.low is None or claim.high is None or claim.extra.get("relative"):
        return []
    low, high = claim.low, claim.high
    if isinstance(low, str) != isinstance(high, str):
        return []
    forwards = str(low) <= str(high) if isinstance(low, str) else float(low) <= float(high)
    words = f"{low} … {high} runs {'forwards' if forwards else 'backwards'}"
    return [Outcome("consistent" if forwards else "inconsistent", None, None, claim.unit, words,
                    f"range {claim.text}: {'ok' if forwards else 'its start is after its end'}", (claim,))]
