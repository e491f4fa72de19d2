"""The characters a match of an anchor can start with, so that `re` drops a position after one test.

An anchor such as the months' starts with a word boundary and then branches into many
alternatives: at every position of the text `re` tests the boundary and then each branch (where a
pattern starts with a literal or a class, or branches that each start with a literal, `re` skips
to the places that hold one; not where it starts with an assertion). Where every match starts with one of a few characters (the first
letters of the month names), such an anchor runs as `(?=[those])(?:anchor)`, which matches the
same spans and fails at once at any other position. `first_characters` reads them from `re`'s own parse of the pattern: a literal or a
class is a first character; a zero-width assertion passes on to what follows; a group, an
alternation or a repeat gives those of its body (and of what follows, where it can match
nothing). Anything else (a negated class, any character, a backreference, inline flags) makes
them unknown, and the anchor runs as it is.

`re` still enters its matcher at every position to test the look-ahead. `charset_hint` lets it skip
in C to the positions that hold one of those characters instead, as it does for a pattern that
opens with a class: while it is in force, a pattern whose first item is a look-ahead for one class
(and no case-folding flag) gets that class as the character set of its search. Positions outside
it could only fail the look-ahead, so the spans are the same.
"""

from __future__ import annotations

import re
import re._compiler as sre_compile
import re._constants as sre
import re._parser as sre_parse
from contextlib import contextmanager
from typing import Any, Iterator

CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
              sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class Unknown(Exception):
    """A construct whose first characters are not read here."""


def gated(pattern: str) -> str:
    """The pattern behind a look-ahead for its first characters where `re` does not skip to them itself;
    else, or when they are unknown or it can match the empty string, the pattern itself."""
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags != sre.SRE_FLAG_UNICODE or skips(list(parsed.data)):
            return pattern
        found, empty = first(list(parsed.data))
    except (Unknown, re.error, RecursionError):
        return pattern
    return pattern if empty else f"(?=[{''.join(sorted(found))}])(?:{pattern})"


def skips(items: list[tuple[Any, Any]]) -> bool:
    """Whether `re` itself skips to the places a match can start: where a literal or a class opens the
    pattern, or an alternation whose every branch opens with a literal (inside any groups that open it)."""
    while items and items[0][0] is sre.SUBPATTERN:
        items = list(items[0][1][3])
    if not items:
        return True
    op, av = items[0]
    return op in (sre.LITERAL, sre.IN) or op is sre.BRANCH and all(b and b[0][0] is sre.LITERAL for b in av[1])


def first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The class items (as pattern text) a match of the sequence can start with, and whether it can be empty."""
    found: set[str] = set()
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return found | {escape(av)}, False
        if op is sre.IN:
            return found | {member(o, a) for o, a in av}, False
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            body = av if op is sre.ATOMIC_GROUP else av[3]
            if op is sre.SUBPATTERN and (av[1] or av[2]):
                raise Unknown  # flags scoped to the group
            more, empty = first(list(body))
        elif op is sre.BRANCH:
            each = [first(list(branch)) for branch in av[1]]
            more, empty = set().union(*(f for f, _ in each)), any(e for _, e in each)
        elif op in REPEATS:
            more, empty = first(list(av[2]))
            empty = empty or av[0] == 0
        else:
            raise Unknown
        found |= more
        if not empty:
            return found, False
    return found, True


def member(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return escape(av)
    if op is sre.RANGE:
        return f"{escape(av[0])}-{escape(av[1])}"
    if op is sre.CATEGORY and av in CATEGORIES:
        return CATEGORIES[av]
    raise Unknown  # a negated class, or another construct


def escape(code: int) -> str:
    """The character as a class member that needs no escaping rules: its code point."""
    return f"\\U{code:08x}"


@contextmanager
def charset_hint() -> Iterator[None]:
    """While in force, `re` compiles a pattern that opens with a look-ahead for one class with that class
    as its search's character set (see the module's docstring); `re`'s own choice stands otherwise."""
    own = sre_compile._get_charset_prefix
    sre_compile._get_charset_prefix = lambda pattern, flags: own(pattern, flags) or lookahead_class(pattern, flags)
    try:
        yield
    finally:
        sre_compile._get_charset_prefix = own


def lookahead_class(pattern: Any, flags: int) -> list[tuple[Any, Any]] | None:
    """The items of the class a parsed pattern's opening look-ahead asks for, or None."""
    if flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE) or not pattern.data:
        return None
    op, av = pattern.data[0]
    if op is not sre.ASSERT or av[0] != 1 or len(av[1].data) != 1 or av[1].data[0][0] is not sre.IN:
        return None
    return list(av[1].data[0][1])
