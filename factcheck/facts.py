"""Reference facts (`--facts FILE`): named figures a check can compare an implied value with.

A facts file is data, in TOML (`[[fact]]` tables) or CSV (a header row), with the fields
name, value, unit, period, identity (the words that identify it) and source. A fact
matches a figure when every word of its identity and its period occur in the words
that describe the figure.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

from factcheck.errors import InputError
from factcheck.rulebook import fold

FIELDS = ("name", "value", "unit", "period", "identity", "source")
WORD = regex.compile(r"[\p{L}][\p{L}\d’'\-]*|\d{4}")
POSSESSIVE = regex.compile(r"[’']s$")
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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read facts file: {exc}") from None
    rows = csv_rows(path, text) if path.suffix.lower() == ".csv" else toml_rows(path, text)
    return [to_fact(path, number, row) for number, row in rows]


def toml_rows(path: Path, text: str) -> list[tuple[int, dict[str, object]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    unknown = set(data) - {"fact"}
    if unknown or not isinstance(data.get("fact", []), list):
        raise InputError(f"{path}: a facts file holds only [[fact]] tables")
    return list(enumerate(data.get("fact", []), start=1))


def csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "value" not in reader.fieldnames:
        raise InputError(f"{path}:1: a facts CSV needs a header row with at least name, value and identity")
    return [(number, dict(row)) for number, row in enumerate(reader, start=2)]


def to_fact(path: Path, number: int, row: dict[str, object]) -> Fact:
    where = f"{path}:{number}" if path.suffix.lower() == ".csv" else f"{path}: fact {number}"
    if not isinstance(row, dict) or set(row) - set(FIELDS):
        raise InputError(f"{where}: a fact has only the fields {', '.join(FIELDS)}")
    try:
        value = float(str(row.get("value", "")).replace(",", ""))
    except ValueError:
        raise InputError(f"{where}: value must be a number, not {row.get('value')!r}") from None
    identity = str(row.get("identity") or row.get("name") or "")
    if not identity.strip():
        raise InputError(f"{where}: a fact needs an identity (or a name) to be matched by")
    period = str(row["period"]) if row.get("period") not in (None, "") else None
    words = identity_words(identity) | (identity_words(period) if period else frozenset())
    return Fact(str(row.get("name") or identity), value, str(row["unit"]) if row.get("unit") else None,
                period, frozenset(words), str(row["source"]) if row.get("source") else None)


def matching_fact(facts: list[Fact], description: set[str], unit: str | None) -> Fact | None:
    """The fact whose identity words all describe the figure, in the same unit; the most specific wins."""
    words = identity_words(" ".join(description))
    fitting = [f for f in facts if f.identity <= words and (f.unit is None or unit is None or f.unit == unit)]
    return max(fitting, key=lambda f: len(f.identity)) if fitting else None
