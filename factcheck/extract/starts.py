"""Where a rule's match can start: the first step of a token layer.

On a stretch `regex` tries a rule at every position its first characters allow, which for a rule that
opens with a number word is every word start, and at each it runs the rule's look-behinds and the
trie of its tables. `opening_finder` reads from the pattern (from `regex`'s own parse, as `gates` does)
the short texts every match opens with: "$", the digits, "a " (of "a hundred"), "twenty" ... and,
where the pattern first asserts that no letter comes before (a look-behind for a class of every
letter, or `\\b` before a letter), that a text starting with a letter opens a word. Those become one
small `re` pattern over the lower-cased stretch (the finder), which lists the positions where a match
may start; the rule is then tried with `match` only there (`matches`), which finds what `finditer`
finds: its leftmost match starts at one of them, and the next is looked for from its end.

The texts are read on ASCII text only (the extractor uses a finder only on an ASCII stretch): each
character of the pattern stands for the ASCII characters it matches, with `regex`'s case variants
where case is ignored (the Kelvin sign matches "k"), lower-cased. The reading is kept sound by giving
up (None, the rule runs as before) on whatever it does not follow: a pattern that can match the empty
string, back-references, conditionals, fuzzy matching, verbs, `\\G`, `\\K`, full case folding, the
version-1, reverse and POSIX flags, and any node it does not know.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import regex

LIMIT = 256  # the most opening texts kept; beyond it they are cut to shorter prefixes
LOWER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
GIVE_UP_SOURCE = re.compile(r"\\[GK]|\(\*|\(\?[a-zA-Z-]*[rfpbeVLw]|\\L<")  # \G, \K, verbs, flags it does not follow
Opening = tuple[str, bool]  # lower-case ASCII text a match opens with; whether the character before is no letter


class Unknown(Exception):
    """A construct whose openings are not read here."""


def opening_finder(pattern: str, flags: int) -> str | None:
    """The `re` pattern (for lower-cased ASCII text) of the positions where a match of the pattern may
    start, or None when they are not known."""
    if flags & ~(regex.IGNORECASE | regex.UNICODE) or GIVE_UP_SOURCE.search(pattern):
        return None
    try:
        from regex import _regex_core as core

        source = core.Source(pattern)
        info = core.Info(flags, source.char_type, {})
        info.guess_encoding = core.UNICODE
        node = core._parse_pattern(source, info)
        if info.flags & (core.FULLCASE | core.REVERSE | core.VERSION1 | core.POSIX):
            return None
        found, empty = Reader(core).openings(node, False)
    except (Unknown, RecursionError):
        return None
    except Exception:  # a version of regex whose parser differs: the rule runs as before
        return None
    return None if empty else finder_source(shortened(found))


class Reader:
    """Reads the openings of one parsed pattern; `memo` keeps each node's texts, as a run asks again for
    the texts of the parts of a part."""

    def __init__(self, core: Any) -> None:
        self.core = core
        self.repeats = (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)
        self.characters = (core.Character, core.Property, core.Range, core.SetUnion, core.SetInter, core.SetDiff,
                           core.SetSymDiff)
        self.memo: dict[int, set[str] | None] = {}
        self.sets: dict[Any, frozenset[str]] = {}

    def openings(self, node: Any, guarded: bool) -> tuple[set[Opening], bool]:
        """The openings of every match of the node, and whether it can match the empty string."""
        core, kind = self.core, type(node)
        if kind is core.Sequence:
            return self.sequence_openings(node.items, guarded)
        if kind in (core.Group, core.Atomic):
            return self.openings(node.subpattern, guarded)
        if kind is core.Branch:
            found: set[Opening] = set()
            empty = False
            for branch in node.branches:
                more, can_be_empty = self.openings(branch, guarded)
                found |= more
                empty = empty or can_be_empty
            return found, empty
        if kind in self.repeats:
            found, empty = self.openings(node.subpattern, guarded)
            return found, empty or node.min_count == 0
        texts = self.exact(node)
        if texts is None:
            raise Unknown
        return {(t, guarded) for t in texts if t}, "" in texts

    def sequence_openings(self, items: list[Any], guarded: bool) -> tuple[set[Opening], bool]:
        """A run of items of few texts opens the match with one of their joined texts (cut before the
        first item of many); where the run may be empty, what follows it opens the match too."""
        found: set[Opening] = set()
        for index, item in enumerate(items):
            if self.zero_width(item):
                guarded = guarded or self.is_guard(item)
                continue
            run = self.exact(item)
            if run is None:
                more, empty = self.openings(item, guarded)
                found |= more
                if not empty:
                    return found, False
                continue
            end = index + 1
            while end < len(items) and "" not in run:
                texts, last = self.next_texts(items[end])
                if texts is None or len(run) * len(texts) > LIMIT:
                    break
                run = {a + b for a in run for b in texts}
                end += 1
                if last:
                    break
            found |= {(t, guarded) for t in run if t}
            if "" not in run:
                return found, False
            more, empty = self.sequence_openings(items[index + 1:], guarded)
            return found | more, empty
        return found, True

    def next_texts(self, item: Any) -> tuple[set[str] | None, bool]:
        """The texts of the next item of a run, and whether the run ends with it: a repeat of one or more
        adds one of its body's texts (what follows it is not known)."""
        texts = self.exact(item)
        if texts is not None:
            return texts, False
        if type(item) in self.repeats and item.min_count >= 1:
            body = self.exact(item.subpattern)
            if body is not None and "" not in body:
                return body, True
        return None, False

    def exact(self, node: Any) -> set[str] | None:
        """Every text the node can match on ASCII text (lower case), when they are at most LIMIT; else None."""
        if id(node) not in self.memo:
            self.memo[id(node)] = self.texts_of(node)
        return self.memo[id(node)]

    def texts_of(self, node: Any) -> set[str] | None:
        core, kind = self.core, type(node)
        if self.zero_width(node):
            return {""}
        if kind in self.characters:
            return set(self.ascii_matches(node))
        if kind in (core.Any, core.AnyAll, core.AnyU):
            return {chr(code).lower() for code in range(128)}
        if kind in (core.Group, core.Atomic):
            return self.exact(node.subpattern)
        if kind in self.repeats:
            body = self.exact(node.subpattern) if node.max_count == 1 else None
            return None if body is None else body | ({""} if node.min_count == 0 else set())
        if kind is core.Branch:
            found: set[str] = set()
            for branch in node.branches:
                texts = self.exact(branch)
                if texts is None or len(found | texts) > LIMIT:
                    return None
                found |= texts
            return found
        if kind is core.Sequence:
            run = {""}
            for item in node.items:
                texts = self.exact(item)
                if texts is None or len(run) * len(texts) > LIMIT:
                    return None
                run = {a + b for a in run for b in texts}
            return run
        return None

    def ascii_matches(self, node: Any) -> frozenset[str]:
        """The ASCII characters (lower-cased) a one-character node matches, with `regex`'s case variants
        where it ignores case (the Kelvin sign matches "k")."""
        key = node._key
        if key not in self.sets:
            case_flags = getattr(node, "case_flags", 0)
            if case_flags & self.core.FULLCASE:
                raise Unknown
            found = set()
            for code in range(128):
                variants = CASES[code] if case_flags & self.core.IGNORECASE else (code,)
                if any(node.matches(v) for v in variants):
                    found.add(chr(code).lower())
            self.sets[key] = frozenset(found)
        return self.sets[key]

    def zero_width(self, node: Any) -> bool:
        core = self.core
        if type(node) in (core.SearchAnchor, core.Keep, core.Skip, core.Prune, core.Failure):
            raise Unknown  # they make a match at a position differ from a search's
        return isinstance(node, (core.ZeroWidthBase, core.LookAround)) and type(node) is not core.LookAroundConditional

    def is_guard(self, node: Any) -> bool:
        """Whether the assertion fails where the character before is an ASCII letter and a letter follows:
        a word boundary, or a negative look-behind for one character of a class that holds every letter."""
        core = self.core
        if type(node) in (core.Boundary, core.StartOfWord):
            return bool(node.positive)
        if type(node) is not core.LookAround or not node.behind or node.positive:
            return False
        body = node.subpattern
        if type(body) is core.Sequence and len(body.items) == 1:
            body = body.items[0]
        return type(body) in self.characters and LOWER_LETTERS <= self.ascii_matches(body)


CASES = [tuple(regex._regex.get_all_cases(regex.IGNORECASE | regex.UNICODE, code)) + (code,) for code in range(128)]


def shortened(found: set[Opening]) -> set[Opening]:
    """The openings, cut to shorter prefixes until at most LIMIT remain (a prefix of an opening still opens the match)."""
    length = max((len(text) for text, _ in found), default=0)
    while len(found) > LIMIT and length > 1:
        length -= 1
        found = {(text[:length], guarded) for text, guarded in found}
    return found


def finder_source(found: set[Opening]) -> str:
    """A look-ahead that holds at each position of lower-cased text where one of the openings starts;
    one opening with a letter and a guard needs no letter before it."""
    guarded = {text for text, guard in found if guard and text[0] in LOWER_LETTERS}
    free = {text for text, _ in found} - guarded
    parts = [f"(?<![a-z]){trie(guarded)}" if guarded else "", trie(free) if free else ""]
    alternatives = "|".join(part for part in parts if part)
    return f"(?=(?:{alternatives}))" if alternatives else "(?!)"


def trie(texts: set[str]) -> str:
    """The texts as one `re` alternation that shares their common prefixes, so `re` tests each first character once."""
    if "" in texts:
        return ""  # a shorter opening is already there: the finder needs only a prefix
    by_first: dict[str, set[str]] = {}
    for text in texts:
        by_first.setdefault(text[0], set()).add(text[1:])
    branches = [re.escape(first) + trie(tails) for first, tails in sorted(by_first.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def matches(pattern: Any, finder: re.Pattern[str], text: str, lowered: str, start: int, end: int) -> list[Any]:
    """The matches `pattern.finditer(text, start, end)` gives, trying the pattern only where the finder
    holds in `lowered` (the stretch text[start:end] lower-cased, ASCII)."""
    found = []
    resume = start
    for position in finder.finditer(lowered):
        at = start + position.start()
        if at < resume:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            found.append(match)
            resume = match.end()
    return found
