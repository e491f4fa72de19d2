"""Which patterns of a rulebook a user supplied, and compiling those under a time budget.

The shipped rule files are trusted: their patterns are compiled and matched without limits.
A pattern is the user's when its own file is a user file, or when it uses a fragment, table or
anchor that a user file defined or changed (a user `{number}` makes every built-in rule that
reads `{number}` the user's). User patterns are compiled by `saferegex.compile_bounded` and
matched with a per-document `saferegex.MatchBudget` (see `extractor`).
"""

from __future__ import annotations

from typing import Any

import regex

from factcheck.errors import RuleError
from factcheck.extract.patterncache import Store
from factcheck.extract.saferegex import PatternError, compile_bounded

REF = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_][A-Za-z0-9_]*)\}")  # {name}; \p{Lu} is a property, not a fragment


def references(fragments: dict[str, str], pattern: str) -> set[str]:
    """Every fragment and table name a pattern uses, through fragments that use others."""
    found: set[str] = set()
    todo = REF.findall(pattern)
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(REF.findall(fragments.get(name, "")))
    return found


GROUP_NAME = regex.compile(r"(?<!\\)(?:\\\\)*\(\?P?<([^\W\d]\w*)>")  # (?P<name> or (?<name>, not after a lone backslash


def group_names(expanded: str) -> list[str]:
    """The names of a pattern's groups, in order, read from its text without parsing it (a built-in
    pattern is compiled on first use; a character class holding "(?P<" would fool this)."""
    return list(dict.fromkeys(GROUP_NAME.findall(expanded)))


def kept_group_names(store: Store, expanded: str, written: str) -> list[str]:
    """`group_names(expanded)`, kept in the store by `written`, a short text that fixes the expanded pattern in
    the store's rule files (reading them anew costs a warm start 50 ms)."""
    kept = store.derive("group-names", expanded, group_names, source=written)
    return kept if isinstance(kept, list) else group_names(expanded)


def is_users(book: Any, builtin: bool, pattern: str) -> bool:
    """Whether a pattern (from a built-in file or not) holds anything a user supplied."""
    return not builtin or bool(book.user_names and references(book.fragments, pattern) & book.user_names)


def compile_pattern(expanded: str, flags: int, users: bool, where: str, what: str = "pattern",
                    store: Store | None = None) -> Any:
    """Compile a rule's or anchor's expanded pattern through the store of compiled patterns: a built-in
    one on first use, a user's now, within the compile budget, unless the store has compiled it before
    (it passed then)."""
    store = store or Store(None, {})
    try:
        if users and not store.has(expanded, flags):
            compile_bounded(expanded, flags, compile=store.compile)
        compiled = store.compile(expanded, flags)
        if users:
            compiled.compiled()  # now, as it passed the trial: the store keeps it, and no later run tries it again
        return compiled
    except (regex.error, PatternError, OverflowError, RecursionError) as exc:
        raise RuleError(f"{where}: bad {what}: {exc}") from None
