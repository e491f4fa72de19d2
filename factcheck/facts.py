"""Reference facts (`--facts FILE`): named figures a check can compare an implied value with.

A facts file is data, in TOML (`[[fact]]` tables) or CSV (a header row), with the fields
name, value, unit, period, identity (the words that identify it) and source. A fact
matches a figure when every word of its identity and its period occur in the words
that describe the figure.
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

from factcheck.errors import InputError
from factcheck.reading import MAX_DATA_BYTES, read_text
from factcheck.extract.rulebook import fold

FIELDS = ("name", "value", "unit", "period", "identity", "source")
WORD = regex.compile(r"[\p{L}][\p{L}\d’'\-]*|\d{4}")
POSSESSIVE = regex.compile(r"[’']s$")
FACT_TABLE = re.compile(r"^[ \t]*\[\[[ \t]*fact[ \t]*\]\]", re.MULTILINE)
MAX_FACT = 1e308
IGNORED = frozenset({"the", "of", "and", "in", "between", "with", "to", "a", "an", "for"})


@dataclass(frozen=True, slots=True)
class Fact:
    name: str
    value: float
    unit: str | None
    period: str | None
    identity: frozenset[str]
    source: str | None


def identity_words(text: str) -> frozenset[str]:
    """The words of an identity or description, folded, hyphenated names split."""
    words = set()
    for word in WORD.findall(text):
        words.update(part for part in POSSESSIVE.sub("", fold(word)).strip("’'").split(" ") if part)
    return frozenset(words - IGNORED)


def load_facts(path: Path) -> list[Fact]:
    """The facts of a TOML or CSV file (UTF-8, a BOM accepted, within the data size limit);
    every defect is one InputError at `file:line`."""
    text = read_text(path, MAX_DATA_BYTES, "facts file")
    rows = csv_rows(path, text) if path.suffix.lower() == ".csv" else toml_rows(path, text)
    return [to_fact(where, row) for where, row in rows]


def toml_rows(path: Path, text: str) -> list[tuple[str, dict[str, object]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise InputError(f"{path}: invalid TOML: nested too deeply") from None
    except ValueError as exc:  # an integer past Python's limit of 4,300 digits
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    unknown = set(data) - {"fact"}
    if unknown or not isinstance(data.get("fact", []), list):
        raise InputError(f"{path}: a facts file holds only [[fact]] tables")
    headers = [text.count("\n", 0, m.start()) + 1 for m in FACT_TABLE.finditer(text)]
    rows = data.get("fact", [])
    return [(f"{path}:{headers[n]}" if len(headers) == len(rows) else f"{path}: fact {n + 1}", row)
            for n, row in enumerate(rows)]


def csv_rows(path: Path, text: str) -> list[tuple[str, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        if not reader.fieldnames or "value" not in reader.fieldnames:
            raise InputError(f"{path}:1: a facts CSV needs a header row with at least name, value and identity")
        return [(f"{path}:{reader.line_num}", dict(row)) for row in reader]
    except csv.Error as exc:  # a field over csv's limit of 128 KB, a NUL byte ...
        raise InputError(f"{path}:{reader.reader.line_num}: not a CSV row: {exc}") from None


def to_fact(where: str, row: dict[str, object]) -> Fact:
    if not isinstance(row, dict) or set(row) - set(FIELDS):
        raise InputError(f"{where}: a fact has only the fields {', '.join(FIELDS)}")
    value = fact_value(where, row.get("value", ""))
    identity = str(row.get("identity") or row.get("name") or "")
    if not identity.strip():
        raise InputError(f"{where}: a fact needs an identity (or a name) to be matched by")
    period = str(row["period"]) if row.get("period") not in (None, "") else None
    words = identity_words(identity) | (identity_words(period) if period else frozenset())
    return Fact(str(row.get("name") or identity), value, str(row["unit"]) if row.get("unit") else None,
                period, frozenset(words), str(row["source"]) if row.get("source") else None)


def fact_value(where: str, raw: object) -> float:
    """A finite number of at most 1e308: a NaN or an infinity would silently void every check it meets."""
    try:
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise ValueError
        value = float(raw.replace(",", "")) if isinstance(raw, str) else float(raw)
    except OverflowError:  # an integer past a float's range
        value = math.inf
    except ValueError:
        raise InputError(f"{where}: value must be a number, not {shown(raw)}") from None
    if not math.isfinite(value) or abs(value) > MAX_FACT:
        raise InputError(f"{where}: value must be a finite number of at most 1e308, not {shown(raw)}")
    return value


def shown(raw: object) -> str:
    if isinstance(raw, int) and raw.bit_length() > 128:
        return "an integer of more than 38 digits"
    return repr(raw)[:40]


def matching_fact(facts: list[Fact], description: set[str], unit: str | None) -> Fact | None:
    """The fact whose identity words all describe the figure, in the same unit; the most specific wins."""
    words = identity_words(" ".join(description))
    fitting = [f for f in facts if f.identity <= words and (f.unit is None or unit is None or f.unit == unit)]
    return max(fitting, key=lambda f: len(f.identity)) if fitting else None
