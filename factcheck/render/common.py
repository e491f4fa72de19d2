"""Formatting helpers every renderer shares: numbers, amounts, verdict symbols, locations.

Nothing here decides a verdict or derives a value; it only turns model fields into text.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections.abc import Iterable
from typing import Any

from factcheck.model import SEVERITY_OF, Change, Check, Claim, DiffReport, Quantity, Value

SYMBOL = {"consistent": "✓", "approximate": "≈", "inconsistent": "✗", "unverifiable": "?"}
CHANGE_SYMBOL = {"changed": "~", "added": "+", "removed": "−"}
FINDING_SEVERITIES = ("info", "warning", "error")
# The JSON contract knows only error/warning/info; a consistent check reports "info".
REPORTED_SEVERITY = {verdict: SEVERITY_OF[verdict] if SEVERITY_OF[verdict] != "none" else "info"
                     for verdict in SEVERITY_OF}
EXACT_INT_LIMIT = 2**53


def json_text(data: Any) -> str:
    """Indented JSON (UTF-8 as is, NaN refused) and a final newline, built chunk by chunk into one
    buffer: `json.dumps(indent=...)` keeps every chunk in a list first, several times the output."""
    buffer = io.StringIO()
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False).iterencode(data):
        buffer.write(chunk)
    buffer.write("\n")
    return buffer.getvalue()


def json_number(value: Value) -> Value:
    """A value fit for JSON: non-finite floats become None, whole floats become ints."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < EXACT_INT_LIMIT:
            return int(value)
    return value


def jsonable(value: Any) -> Any:
    """Any `extra` detail as plain JSON data, with dict keys sorted for stable output."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in sorted(value.items(), key=lambda item: str(item[0]))}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (bool, str)) or value is None:
        return value
    if isinstance(value, (int, float)):
        return json_number(value)
    return str(value)


def format_number(value: Value) -> str:
    """'9,000,000', '12.5', '∞'; strings (ISO dates) pass through; None is '—'."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "∞" if value > 0 else "−∞"
        if not value.is_integer():
            return f"{value:,.0f}" if abs(value) >= 1e5 else f"{value:,.6g}"
    return f"{int(value):,}"


def is_currency(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


def format_amount(value: Value, unit: str | None) -> str:
    """A number with its unit: 'USD 9,000,000', '12.5%', '3 pp', '3,500 kilometer'."""
    number = format_number(value)
    if unit is None or not isinstance(value, (int, float)) or not math.isfinite(value):
        return number
    if is_currency(unit):
        return f"{unit} {number}"
    if unit == "percent":
        return f"{number}%"
    if unit == "percentage_point":
        return f"{number} pp"
    return f"{number} {unit}"


def format_claim_value(claim: Claim) -> str:
    """The claim's value as a reader checks it: ranges as 'low … high', rates with their period."""
    if claim.value is None and claim.low is None and claim.extra.get("relative"):
        return "— (relative: not stated)"
    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        text = f"{format_amount(claim.low, claim.unit)} … {format_amount(claim.high, claim.unit)}"
    else:
        text = format_amount(claim.value, claim.unit)
    if claim.kind == "ratio" and isinstance(claim.value, (int, float)):
        text += "×"
    per = claim.extra.get("per")
    if per:
        text += f" (per {per})"
    return text


def format_quantity(quantity: Quantity | None) -> str:
    """'USD 6,496,000,000 [USD 6,440,000,000 … USD 6,552,000,000]'; the interval only when it says more."""
    if quantity is None:
        return "—"
    text = format_amount(quantity.value, quantity.unit)
    bounds = (quantity.low, quantity.high)
    if bounds != (None, None) and bounds != (quantity.value, quantity.value):
        low, high = (format_amount(b, quantity.unit) for b in bounds)
        text += f" [{low} … {high}]"
    return text


def format_deviation(deviation: float | None) -> str:
    """A relative deviation as a signed percentage, '' when there is none."""
    if deviation is None or not math.isfinite(deviation):
        return ""
    return f"{deviation * 100:+.1f}%"


def is_finding(check: Check) -> bool:
    """Whether the check is worth reporting on its own (severity info and above)."""
    return check.severity in FINDING_SEVERITIES


def posix_path(path: str) -> str:
    """The path with forward slashes, as SARIF and GitHub annotations expect."""
    return path.replace("\\", "/")


def claim_end(claim: Claim) -> tuple[int, int]:
    """Line and column (exclusive) where the claim's text ends."""
    breaks = claim.text.count("\n")
    if not breaks:
        return claim.line, claim.column + len(claim.text)
    return claim.line + breaks, len(claim.text) - claim.text.rfind("\n")


def fingerprints(keys: Iterable[Iterable[str]]) -> list[str]:
    """A sha256 per key; repeats of the same key get an occurrence number so none collide."""
    seen: dict[str, int] = {}
    result = []
    for key in keys:
        digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()
        seen[digest] = seen.get(digest, 0) + 1
        result.append(digest if seen[digest] == 1 else f"{digest}:{seen[digest]}")
    return result


def change_place(diff: DiffReport, change: Change) -> tuple[str, Claim]:
    """Where a change is shown: the new figure in the new file, or the old one for a removal."""
    if change.new is not None:
        return diff.new_path, change.new
    if change.old is not None:
        return diff.old_path, change.old
    raise ValueError("a change must name an old or a new claim")
