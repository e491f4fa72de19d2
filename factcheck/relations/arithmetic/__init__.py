"""One small module per arithmetic: what the figures a frame binds imply, as interval outcomes."""

from __future__ import annotations

from typing import Callable

from factcheck.facts import Fact
from factcheck.relations.arithmetic import (
    age, anniversary, conversion, date_order, difference, multiplier, part_of_whole, percent_change, ranges, ratio,
    share, sums,
)
from factcheck.relations.arithmetic.common import CheckOptions, Outcome
from factcheck.relations.link import Link

Evaluator = Callable[[Link, list[Fact], CheckOptions], list[Outcome]]
EVALUATORS: dict[str, Evaluator] = {
    "ratio": ratio.evaluate,
    "multiplier": multiplier.evaluate,
    "percent_change": percent_change.evaluate,
    "part_of_whole": part_of_whole.evaluate,
    "share": share.evaluate,
    "sum": sums.evaluate,
    "difference": difference.evaluate,
    "conversion": conversion.evaluate,
    "anniversary": anniversary.evaluate,
    "age": age.evaluate,
    "range": ranges.evaluate,
    "date_order": date_order.evaluate,
}
