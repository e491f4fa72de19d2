"""The figure lock: every figure of every locked document, keyed by its place in its sentence.

`factcheck lock` writes it; `scan --locked` compares the current figures with it, so an edit
that no consistency check can see ("$250 million" -> "$350 million") still fails CI. Entries
hold no offsets or line numbers: moving a paragraph or rewording around a figure changes
nothing. Lock entries and current claims are paired by `align.match`, as `diff` pairs claims.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.align import PLACEHOLDER, claim_figure, contexts, make_figure, match
from factcheck.atomic import rewrite_atomic
from factcheck.errors import InputError
from factcheck.model import KINDS, Claim
from factcheck.reading import MAX_RECORD_BYTES, read_text

SCHEMA = "factcheck-lock/1"
FIELDS = ("key", "kind", "text", "value", "unit", "low", "high", "qualifier", "context")
SNIPPET_WORDS = 4
NUMERAL = re.compile(r"\d+")

Entry = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Lock:
    """The locked figures of each document, keyed by its path relative to `directory` (the lock
    file's folder, so the working directory never matters); without a directory, by the path as given."""

    documents: dict[str, list[Entry]]
    directory: Path | None = None

    def key(self, doc_path: str) -> str:
        return lock_key(doc_path, self.directory) if self.directory is not None else doc_path

    def entries(self, doc_path: str) -> list[Entry]:
        """The entries of one document; empty when the document is not locked."""
        return self.documents.get(self.key(doc_path), [])

    def holds(self, doc_path: str) -> bool:
        return self.key(doc_path) in self.documents


def lock_key(doc_path: str, directory: Path) -> str:
    """The document's path relative to the lock file's folder, with forward slashes (absolute
    where there is no relative path, as between Windows drives)."""
    absolute = Path(doc_path).absolute()
    try:
        return Path(os.path.relpath(absolute, Path(directory).absolute())).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass(frozen=True, slots=True)
class LockFinding:
    """A figure that differs from the lock: `entry` is the locked one, `claim` the current one."""

    kind: str  # "changed", "added", "removed" or "unlocked" (the document has no entry)
    entry: Entry | None
    claim: Claim | None
    message: str


def lock_entries(doc_path: str, claims: list[Claim]) -> list[Entry]:
    """One entry per figure, sorted by key."""
    found = contexts(claims)
    seen: Counter[tuple[str, str]] = Counter()
    entries = []
    for k in sorted(range(len(claims)), key=lambda k: (claims[k].start, claims[k].end)):
        claim, context = claims[k], found[k]
        spot = (claim.kind, NUMERAL.sub("#", context))
        entries.append({
            "key": entry_key(doc_path, *spot, seen[spot]),
            "kind": claim.kind, "text": claim.text, "value": claim.value, "unit": claim.unit,
            "low": claim.low, "high": claim.high, "qualifier": claim.qualifier, "context": context,
        })
        seen[spot] += 1
    return sorted(entries, key=lambda e: e["key"])


def entry_key(doc_path: str, kind: str, context: str, occurrence: int) -> str:
    """A stable key; the context has its numerals masked so editing a neighbour keeps it."""
    digest = hashlib.sha256("\0".join((doc_path, kind, context, str(occurrence))).encode("utf-8"))
    return digest.hexdigest()[:16]


def build_lock(documents: dict[str, list[Claim]]) -> Lock:
    return Lock({path: lock_entries(path, documents[path]) for path in sorted(documents)})


def dump_lock(lock: Lock) -> str:
    """The lock file's text: documents by path, entries by key, fixed field order."""
    documents = {
        path: [{name: entry[name] for name in FIELDS} for entry in sorted(lock.documents[path], key=lambda e: e["key"])]
        for path in sorted(lock.documents)
    }
    return json.dumps({"schema": SCHEMA, "documents": documents}, indent=2, ensure_ascii=False) + "\n"


def read_lock(path: Path) -> Lock:
    """Read and validate a lock file (within MAX_RECORD_BYTES); any defect is a one-line InputError."""
    if not Path(path).exists():
        raise InputError(f"{path}: no lock file; run 'factcheck lock PATH...' to write it")
    text = read_text(path, MAX_RECORD_BYTES, "lock file")
    try:
        data = json.loads(text)
        return Lock(parse_documents(data), Path(path).absolute().parent)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a factcheck lock file: invalid JSON at line {exc.lineno}") from None
    except RecursionError:
        raise InputError(f"{path}: not a factcheck lock file: nested too deeply") from None
    except ValueError as exc:
        raise InputError(f"{path}: not a factcheck lock file: {exc}") from None


def update_lock(path: Path, documents: dict[str, list[Claim]], *, update: bool) -> None:
    """Write the lock of `documents` (paths as given, keyed relative to the lock file's folder);
    with `update`, into the lock on disk, whose other documents stay. Read, merged and written
    while no other factcheck writes `path`."""
    directory = Path(path).absolute().parent
    fresh = build_lock({lock_key(doc_path, directory): claims for doc_path, claims in documents.items()}).documents

    def merged() -> str:
        exists = Path(path).exists()
        if exists and not update:
            raise InputError(f"{path} exists; run 'factcheck lock --update' to accept the current figures")
        known = dict(read_lock(path).documents) if exists else {}
        known.update(fresh)
        return dump_lock(Lock(known))

    rewrite_atomic(path, merged)


def parse_documents(data: Any) -> dict[str, list[Entry]]:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f'expected an object with "schema": "{SCHEMA}"')
    documents = data.get("documents")
    if not isinstance(documents, dict):
        raise ValueError('"documents" must be an object of path -> entries')
    for doc_path, entries in documents.items():
        if not isinstance(entries, list):
            raise ValueError(f"entries of {doc_path!r} must be a list")
        for index, entry in enumerate(entries):
            problem = entry_problem(entry)
            if problem:
                raise ValueError(f"entry {index + 1} of {doc_path!r}: {problem}")
    return documents


def entry_problem(entry: Any) -> str | None:
    """Why `entry` is not a valid lock entry, or None."""
    if not isinstance(entry, dict):
        return "not an object"
    missing = [name for name in FIELDS if name not in entry]
    if missing:
        return f"missing {', '.join(missing)}"
    for name in ("key", "text", "context"):
        if not isinstance(entry[name], str):
            return f"{name} must be a string"
    if entry["kind"] not in KINDS:
        return f"unknown kind {entry['kind']!r}"
    for name in ("unit", "qualifier"):
        if entry[name] is not None and not isinstance(entry[name], str):
            return f"{name} must be a string or null"
    for name in ("value", "low", "high"):
        if isinstance(entry[name], bool) or not isinstance(entry[name], (int, float, str, type(None))):
            return f"{name} must be a number, a string or null"
    return None


def compare(lock: Lock, doc_path: str, claims: list[Claim]) -> list[LockFinding]:
    """How the current claims of `doc_path` differ from its locked entries, in text order; a
    document the lock does not hold, with figures, is one finding that says so."""
    if not lock.holds(doc_path):
        return [unlocked(doc_path, len(claims))] if claims else []
    entries = lock.entries(doc_path)
    locked = [make_figure(e["kind"], e["value"], e["unit"], e["low"], e["high"], e["context"]) for e in entries]
    found = contexts(claims)
    matching = match(locked, [claim_figure(c, context) for c, context in zip(claims, found)])
    findings = [changed(entries[i], claims[j], found[j]) for i, j in matching.changed]
    findings += [added(claims[j], found[j]) for j in matching.added]
    findings += [removed(entries[i]) for i in matching.removed]
    return sorted(findings, key=lambda f: (f.claim is None, f.claim.start if f.claim else 0))


def unlocked(doc_path: str, count: int) -> LockFinding:
    figures = f"{count} figure{'' if count == 1 else 's'}"
    return LockFinding("unlocked", None, None,
                       f"not in the lock: run 'factcheck lock --update {doc_path}' to lock its {figures}")


def changed(entry: Entry, claim: Claim, context: str) -> LockFinding:
    message = f'figure changed: {entry["text"]} → {claim.text} ("{snippet(context, claim.text)}")'
    return LockFinding("changed", entry, claim, message)


def added(claim: Claim, context: str) -> LockFinding:
    return LockFinding("added", None, claim, f'figure added: {claim.text} ("{snippet(context, claim.text)}")')


def removed(entry: Entry) -> LockFinding:
    message = f'figure removed: {entry["text"]} ("{snippet(entry["context"], entry["text"])}")'
    return LockFinding("removed", entry, None, message)


def snippet(context: str, text: str) -> str:
    """A few words either side of the figure, with "…" where the sentence goes on."""
    before, found, after = context.partition(PLACEHOLDER)
    if not found:
        before, after, text = "", context, ""
    head = re.search(rf"(?:^|(?<=\s))(?:\S+\s+){{0,{SNIPPET_WORDS}}}\S*$", before)
    tail = re.match(rf"\S*(?:\s+\S+){{0,{SNIPPET_WORDS}}}", after)
    assert head is not None and tail is not None  # both patterns can match the empty string
    cut_left = "… " if head.start() > 0 else ""
    cut_right = " …" if tail.end() < len(after) else ""
    return f"{cut_left}{head.group()}{text}{tail.group()}{cut_right}".strip()
