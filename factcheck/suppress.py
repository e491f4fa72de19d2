"""Silencing findings: inline comments in the document, and a baseline file of accepted ones.

Inline, in any input format:
- `<!-- factcheck: ignore -->` silences every finding in the next paragraph (from the comment
  to the first blank line after the next non-blank text);
- `<!-- factcheck: ignore ratio, sum -->` only those check types there (lock findings are type "lock");
- `<!-- factcheck: ignore-file -->` (types allowed too) silences the whole document;
- `<!-- factcheck: off -->` … `<!-- factcheck: on -->` silences a region (to the end of the
  document when it is never switched on again); `off ratio` … `on ratio` only those types.
A check type that does not exist is an error naming the comment's line.

A baseline names accepted findings by (document path, check type, fingerprint); the
fingerprint hashes the claims' texts and the sentence, never offsets, so it survives edits
elsewhere in the document.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from factcheck.atomic import rewrite_atomic
from factcheck.errors import InputError
from factcheck.reading import MAX_RECORD_BYTES, read_text
from factcheck.vocabulary import check_types

DIRECTIVE = re.compile(r"<!--\s*factcheck:\s*(ignore-file|ignore|off|on)((?:[\s,]+[A-Za-z_]+)*)[\s,]*-->",
                       re.IGNORECASE)
NEXT_TEXT = re.compile(r"\S")
BLANK_LINE = re.compile(r"\n[^\S\n]*(?:\n|$)")
SPACE = re.compile(r"\s+")
BASELINE_SCHEMA = "factcheck-baseline/1"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Findings of `types` (None: of every type) located in [start, end) are silenced."""

    start: int
    end: int
    types: frozenset[str] | None


class BaselineEntry(NamedTuple):
    path: str
    check_type: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: frozenset[BaselineEntry]


def suppressions(text: str) -> list[Suppression]:
    """Every suppression comment of a document's text, in text order; a check type that does not
    exist is an InputError naming its line, so a misspelling never silences nothing in silence."""
    found = []
    open_regions: dict[frozenset[str] | None, int] = {}
    for directive in DIRECTIVE.finditer(text):
        verb = directive.group(1).lower()
        types = directive_types(text, directive)
        if verb == "ignore-file":
            found.append(Suppression(0, len(text), types))
        elif verb == "ignore":
            found.append(Suppression(directive.start(), paragraph_end(text, directive.end()), types))
        elif verb == "off":
            open_regions.setdefault(types, directive.start())
        elif types in open_regions:
            found.append(Suppression(open_regions.pop(types), directive.end(), types))
    found += [Suppression(start, len(text), types) for types, start in open_regions.items()]
    return sorted(found, key=lambda s: (s.start, s.end))


def directive_types(text: str, directive: re.Match[str]) -> frozenset[str] | None:
    """The check types a directive names (None: all), each one known."""
    names = [name.lower() for name in re.split(r"[\s,]+", directive.group(2)) if name]
    line = text.count("\n", 0, directive.start()) + 1
    return check_types(names, f"line {line}: <!-- factcheck: {directive.group(1).lower()} -->") or None


def paragraph_end(text: str, offset: int) -> int:
    """Where the paragraph that follows `offset` ends: its first blank line, or the text's end."""
    first = NEXT_TEXT.search(text, offset)
    if first is None:
        return len(text)
    blank = BLANK_LINE.search(text, first.start())
    return blank.start() if blank else len(text)


def is_suppressed(found: list[Suppression], check_type: str, offset: int) -> bool:
    """Whether a finding of `check_type` that starts at `offset` is silenced."""
    check_type = check_type.lower()
    return any(s.start <= offset < s.end and (s.types is None or check_type in s.types) for s in found)


def fingerprint(check_type: str, claim_texts: Iterable[str], sentence: str) -> str:
    """Identify a finding by what it says: its type, its claims' texts (any order), its sentence."""
    texts = sorted(collapse(text) for text in claim_texts)
    payload = json.dumps([check_type, texts, collapse(sentence)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def write_baseline(path: Path, findings: Iterable[tuple[str, str, str]], scanned: Iterable[str]) -> None:
    """Record (document path, check type, fingerprint) triples, sorted and unique, atomically.

    The entries of the `scanned` documents are replaced; those of other documents already in
    the file stay (read and merged while no other factcheck writes the file).
    """
    fresh = {BaselineEntry(*finding) for finding in findings}
    replaced = set(scanned)

    def merged() -> str:
        known = read_baseline(path).entries if Path(path).exists() else frozenset()
        entries = sorted(fresh | {entry for entry in known if entry.path not in replaced})
        data = {
            "schema": BASELINE_SCHEMA,
            "findings": [{"path": e.path, "type": e.check_type, "fingerprint": e.fingerprint} for e in entries],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    rewrite_atomic(path, merged)


def read_baseline(path: Path) -> Baseline:
    """Read and validate a baseline file (within MAX_RECORD_BYTES); any defect is a one-line InputError."""
    text = read_text(path, MAX_RECORD_BYTES, "baseline file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a factcheck baseline file: invalid JSON at line {exc.lineno}") from None
    except RecursionError:
        raise InputError(f"{path}: not a factcheck baseline file: nested too deeply") from None
    try:
        return Baseline(frozenset(parse_findings(data)))
    except ValueError as exc:
        raise InputError(f"{path}: not a factcheck baseline file: {exc}") from None


def parse_findings(data: Any) -> list[BaselineEntry]:
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise ValueError(f'expected an object with "schema": "{BASELINE_SCHEMA}"')
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ValueError('"findings" must be a list')
    entries = []
    for index, item in enumerate(findings):
        fields = [item.get(name) for name in ("path", "type", "fingerprint")] if isinstance(item, dict) else []
        if len(fields) != 3 or not all(isinstance(field, str) for field in fields):
            raise ValueError(f"finding {index + 1} needs string path, type and fingerprint")
        entries.append(BaselineEntry(*fields))
    return entries


def in_baseline(baseline: Baseline, finding: tuple[str, str, str]) -> bool:
    """Whether a (document path, check type, fingerprint) finding was accepted in the baseline."""
    return BaselineEntry(*finding) in baseline.entries
