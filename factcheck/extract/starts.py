"""Where a match of a rule or a frame can start: the first step of a token layer.

On a stretch `regex` tries a rule at every position its first characters allow, which for a rule that
opens with a number word is every word start, and at each it runs the rule's look-behinds and the
trie of its tables. `opening_finder` reads from the pattern (from `regex`'s own parse, as `gates` does)
the short texts every match opens with ("$", the digits, "a " of "a hundred", "twenty", a frame's slot
mark), and what the assertions tested where a match starts say: a negative look-behind for a class
rules out the characters before ("(?<![\\d.,])": not after a digit), `\\b` rules out a word character
before one that opens, a look-ahead for a class narrows the first character, and an alternation of
assertions is read path by path. Those become one small `re` pattern over the lower-cased text (the
finder) that lists the positions where a match may start; the pattern is then tried with `match` only
there (`matches`), which finds what `finditer` finds: its leftmost match starts at one of them, and the
next is looked for from its end (a frame's overlapped search tries each of them: `budgets.matches_at`).

The texts are read for text of ASCII characters (and the `extra` characters a caller names: the frames'
slot marks), with OTHER standing for every character beyond ASCII (`other`): the extractor and the frame
matcher give a finder their text so (`gates.gate_text`, `matcher.finder_text`), and a curly quote or a dash
no longer makes a rule or a frame run at every position. Each character of the pattern stands for the
characters of that alphabet it matches, with `regex`'s case variants where case is ignored (the Kelvin sign
matches "k"), lower-cased. The reading gives up (None: the pattern runs as
before) on whatever it does not follow: a pattern that can match the empty string, conditionals, fuzzy
matching, verbs, `\\G`, `\\K`, full case folding, the version-1, reverse and POSIX flags, and any node it
does not know; and on an opening of spaces only, where trying the pattern after every word costs more
than its own search.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import regex

from factcheck.extract.regexparse import parse

READING = "openings-7"  # the name its finders are kept under in the pattern store: a new reading, a new name
LIMIT = 1024  # the most opening texts kept; beyond it they are cut to shorter prefixes
WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # ASCII word characters, lower case
BOUNDARY = "\\b"  # in a guard: no word character before, where a word character opens the match
GIVE_UP_SOURCE = re.compile(r"\\[GK]|\(\*|\(\?[a-zA-Z-]*[rfpbeVLw]|\\L<")  # \G, \K, verbs, flags it does not follow
Guard = frozenset[str]  # the (lower-cased) characters that cannot come before the match, and BOUNDARY
Opening = tuple[str, Guard]  # lower-case ASCII text a match opens with, and its guard
Path = tuple[Guard, "frozenset[str] | None"]  # a guard, and the characters a look-ahead lets the match open with
MAX_PATHS = 8  # the most ways an alternation of assertions is read in
OTHER = "\x80"  # in text read with `other`, it stands for every character beyond ASCII
OTHER_CODE = ord(OTHER)


class Unknown(Exception):
    """A construct whose openings are not read here."""


def opening_finder(pattern: str, flags: int, extra: str = "", other: bool = False) -> str | None:
    """The `re` pattern (for lower-cased text of ASCII and the `extra` characters, which must have no other
    case, and with `other` OTHER too) of the positions where a match of the pattern may start, or None when
    they are not known."""
    found = openings(pattern, flags, extra, other)
    return None if found is None else finder_source(found)


def openings(pattern: str, flags: int, extra: str = "", other: bool = False) -> set[Opening] | None:
    """The openings of every match of the pattern on lower-cased text of ASCII and the `extra` characters,
    at most LIMIT of them; None when they are not known, or where they would not pay (see the docstring).
    With `other`, the text may hold OTHER too, standing for any character beyond ASCII (see `Reader`)."""
    if flags & ~(regex.IGNORECASE | regex.UNICODE) or GIVE_UP_SOURCE.search(pattern):
        return None
    try:
        from regex import _regex_core as core

        node, info = parse(pattern, flags)
        if info.flags & (core.FULLCASE | core.REVERSE | core.VERSION1 | core.POSIX):
            return None
        found, empty = Reader(core, extra + OTHER * other, info, node).openings(node, (frozenset(), None))
    except Exception:  # a construct not read here (Unknown), or a version of regex whose parser differs
        return None
    found = shortened(found)
    if empty or any(text.isspace() for text, _ in found):
        return None  # an opening of spaces only: the pattern would be tried after every word, at more cost than a search
    return found


class Reader:
    """Reads the openings of one parsed pattern; `memo` keeps each node's texts, as a run asks again for
    the texts of the parts of a part. Where the alphabet holds OTHER, a node matches it when it may match
    some character beyond ASCII (any node but an ASCII literal), and no guard rules it out."""

    def __init__(self, core: Any, extra: str, info: Any = None, root: Any = None) -> None:
        self.core, self.info, self.root = core, info, root  # the parser's info and tree, for calls
        self.alphabet = (*range(128), *map(ord, extra))  # the characters the text is made of
        self.repeats = (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)
        self.characters = (core.Character, core.Property, core.Range, core.SetUnion, core.SetInter, core.SetDiff,
                           core.SetSymDiff)
        self.memo: dict[int, set[str] | None] = {}
        self.sets: dict[Any, frozenset[int]] = {}
        self.groups: dict[int, Any] | None = None  # each group's body by its number, for calls (`called`)

    def called(self, call: Any) -> Any:
        """The body of the group a call (`(?&name)`, as `frames` calls its hedge) runs."""
        if self.groups is None:
            self.groups = group_bodies(self.core, self.root) if self.root is not None else {}
        name = str(call.group)
        number = int(name) if name.isdigit() else self.info.group_index.get(name) if self.info is not None else None
        if number not in self.groups:
            raise Unknown
        return self.groups[number]

    def openings(self, node: Any, path: Path) -> tuple[set[Opening], bool]:
        """The openings of every match of the node reached on the path, and whether it can match the empty string."""
        core, kind = self.core, type(node)
        if kind is core.Sequence:
            return self.sequence_openings(node.items, path)
        if kind in (core.Group, core.Atomic):
            return self.openings(node.subpattern, path)
        if kind is core.CallGroup:
            return self.openings(self.called(node), path)
        if kind is core.Branch:
            found: set[Opening] = set()
            empty = False
            for branch in node.branches:
                more, can_be_empty = self.openings(branch, path)
                found |= more
                empty = empty or can_be_empty
            return found, empty
        if kind in self.repeats:
            found, empty = self.openings(node.subpattern, path)
            return found, empty or node.min_count == 0
        texts = self.exact(node)
        if texts is None:
            raise Unknown
        return opened(texts, path), "" in texts

    def sequence_openings(self, items: list[Any], path: Path) -> tuple[set[Opening], bool]:
        """A run of items of few texts opens the match with one of their joined texts (cut before the
        first item of many); where the run may be empty, what follows it opens the match too. Assertions
        before it narrow the path; an alternation of assertions parts it."""
        found: set[Opening] = set()
        for index, item in enumerate(items):
            paths = self.assertion_paths(item) if self.zero_width(item) or self.exact(item) == {""} else None
            if paths is not None:
                if len(paths) == 1:
                    path = joined(path, paths[0])
                    continue
                empty = False
                for each in paths:
                    more, can_be_empty = self.sequence_openings(items[index + 1:], joined(path, each))
                    found |= more
                    empty = empty or can_be_empty
                return found, empty
            run = self.exact(item)
            if run is None:
                more, empty = self.openings(item, path)
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
            found |= opened(run, path)
            if "" not in run:
                return found, False
            more, empty = self.sequence_openings(items[index + 1:], path)
            return found | more, empty
        return found, True

    def assertion_paths(self, node: Any) -> list[Path] | None:
        """What an item of assertions only says where the match starts: one path per way it can hold
        (at most MAX_PATHS, else one that keeps what they all say); None for any other item."""
        core, kind = self.core, type(node)
        if self.zero_width(node):
            return [(self.guard_of(node), self.ahead_of(node))]
        if kind in (core.Group, core.Atomic):
            return self.assertion_paths(node.subpattern)
        if kind is core.Branch:
            paths: list[Path] = []
            for branch in node.branches:
                more = self.assertion_paths(branch)
                if more is None:
                    return None
                paths.extend(more)
        elif kind is core.Sequence:
            paths = [(frozenset(), None)]
            for item in node.items:
                more = self.assertion_paths(item)
                if more is None:
                    return None
                paths = [joined(a, b) for a in paths for b in more]
        else:
            return None
        return paths if len(paths) <= MAX_PATHS else [merged(paths)]

    def ahead_of(self, node: Any) -> frozenset[str] | None:
        """The characters (lower case) a match may open with, where a look-ahead says; else None."""
        if type(node) is not self.core.LookAround or node.behind or not node.positive:
            return None
        try:
            found, empty = self.openings(node.subpattern, (frozenset(), None))
        except Unknown:
            return None
        return None if empty else frozenset(text[0] for text, _ in found)

    def next_texts(self, item: Any) -> tuple[set[str] | None, bool]:
        """The texts of the next item of a run, and whether the run ends with it: an item of many texts
        that cannot be empty adds one of its own openings (what follows them is not known)."""
        texts = self.exact(item)
        if texts is not None:
            return texts, False
        try:
            found, empty = self.openings(item, (frozenset(), None))
        except Unknown:
            return None, False
        return (None, False) if empty or not found else ({text for text, _ in found}, True)

    def exact(self, node: Any) -> set[str] | None:
        """Every text the node can match on text of the alphabet (lower case), when they are at most LIMIT; else None."""
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
            return {chr(code).lower() for code in self.alphabet}
        if kind in (core.Group, core.Atomic):
            return self.exact(node.subpattern)
        if kind is core.CallGroup:
            return self.exact(self.called(node))
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
        """The characters of the alphabet (lower-cased) a one-character node matches."""
        return frozenset(chr(code).lower() for code in self.ascii_codes(node))

    def ascii_codes(self, node: Any) -> frozenset[int]:
        """The codes of the alphabet a one-character node matches, with `regex`'s case variants where it
        ignores case (the Kelvin sign matches "k" and "K")."""
        key = node._key
        if key not in self.sets:
            case_flags = int(getattr(node, "case_flags", 0))  # a plain int: `&` of regex's flag enum is slow
            if case_flags & int(self.core.FULLCASE):
                raise Unknown
            cases = CASES if case_flags & int(self.core.IGNORECASE) else {}
            self.sets[key] = frozenset(code for code in self.alphabet if (
                beyond_ascii(self.core, node, cases) if code == OTHER_CODE else any(
                    node.matches(v) for v in cases.get(code, (code,)))))
        return self.sets[key]

    def zero_width(self, node: Any) -> bool:
        core = self.core
        if type(node) in (core.SearchAnchor, core.Keep, core.Skip, core.Prune, core.Failure):
            raise Unknown  # they make a match at a position differ from a search's
        return isinstance(node, (core.ZeroWidthBase, core.LookAround)) and type(node) is not core.LookAroundConditional

    def guard_of(self, node: Any) -> Guard:
        """What an assertion tested where the match starts says of the character before: a word boundary
        (BOUNDARY), or a negative look-behind for one character of a class, none of the characters all of
        whose cases it holds (on lower-cased text, "a" only when it holds both "a" and "A")."""
        core = self.core
        if type(node) in (core.Boundary, core.StartOfWord):
            return frozenset([BOUNDARY]) if node.positive else frozenset()
        if type(node) is not core.LookAround or not node.behind or node.positive:
            return frozenset()
        body = node.subpattern
        if type(body) is core.Sequence and len(body.items) == 1:
            body = body.items[0]
        if type(body) not in self.characters:
            return frozenset()
        codes = self.ascii_codes(body)
        return frozenset(chr(code) for code in codes if code != OTHER_CODE and (
            chr(code).upper() == chr(code).lower() or chr(code).islower() and ord(chr(code).upper()) in codes))


def group_bodies(core: Any, node: Any) -> dict[int, Any]:
    """The body of each numbered group in a parse tree, by its number."""
    found: dict[int, Any] = {}
    todo = [node]
    while todo:
        node = todo.pop()
        if type(node) is core.Group and isinstance(node.group, int):
            found[node.group] = node.subpattern
        for name in ("items", "branches"):
            todo.extend(getattr(node, name, ()))
        todo.extend(getattr(node, name) for name in ("subpattern", "yes_item", "no_item") if hasattr(node, name))
    return found


def beyond_ascii(core: Any, node: Any, cases: dict[int, tuple[int, ...]]) -> bool:
    """Whether a one-character node may match a character beyond ASCII: any but an ASCII literal whose
    case variants, where case is ignored, are ASCII too."""
    if type(node) is not core.Character or not node.positive or node.value >= 128:
        return True
    return any(code >= 128 for code in cases.get(node.value, ()))

def opened(texts: set[str], path: Path) -> set[Opening]:
    """The texts as openings on the path (those a look-ahead of the path lets open)."""
    guard, allowed = path
    return {(text, guard) for text in texts if text and (allowed is None or text[0] in allowed)}


def joined(path: Path, more: Path) -> Path:
    """Both paths' assertions holding at one position."""
    allowed = path[1] if more[1] is None else more[1] if path[1] is None else path[1] & more[1]
    return path[0] | more[0], allowed


def merged(paths: list[Path]) -> Path:
    """What every one of the paths says."""
    guard = frozenset.intersection(*(p[0] for p in paths))
    allowed = None if any(p[1] is None for p in paths) else frozenset().union(*(p[1] for p in paths))
    return guard, allowed


CASES = {code: (*regex._regex.get_all_cases(regex.IGNORECASE | regex.UNICODE, code), code) for code in range(128)}


def shortened(found: set[Opening]) -> set[Opening]:
    """The openings, cut to shorter prefixes until at most LIMIT remain (a prefix of an opening still opens the match)."""
    length = max((len(text) for text, _ in found), default=0)
    while len(found) > LIMIT and length > 1:
        length -= 1
        found = {(text[:length], guard) for text, guard in found}
    return found


def finder_source(found: set[Opening]) -> str:
    """A look-ahead that holds at each position of lower-cased text where one of the openings starts and
    the character before (if the text shows it) is none its guard rules out."""
    by_guard: dict[frozenset[str], set[str]] = {}
    for text, guard in found:
        by_guard.setdefault(ruled_out(text, guard), set()).add(text)
    parts = [(f"(?<![{''.join(re.escape(c) for c in sorted(before))}])" if before else "") + trie(texts)
             for before, texts in sorted(by_guard.items(), key=lambda item: sorted(item[0]))]
    return f"(?=(?:{'|'.join(parts)}))" if parts else "(?!)"


def ruled_out(text: str, guard: Guard) -> frozenset[str]:
    """The characters that cannot come right before an opening with this guard."""
    return guard - {BOUNDARY} | (WORD if BOUNDARY in guard and text[0] in WORD else frozenset())


def trie(texts: set[str]) -> str:
    """The texts as one `re` alternation that shares their common prefixes, so `re` tests each first character once."""
    if "" in texts:
        return ""  # a shorter opening is already there: the finder needs only a prefix
    by_first: dict[str, set[str]] = {}
    for text in texts:
        by_first.setdefault(text[0], set()).add(text[1:])
    branches = [re.escape(first) + trie(tails) for first, tails in sorted(by_first.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


class Finder:
    """A finder's `re` pattern (`source`), compiled (or rebuilt from the pattern store) by `compile` on its
    first use: a start that reaches few rules and frames does not pay for the others'."""

    __slots__ = ("source", "compile", "compiled")

    def __init__(self, source: str, compile: Callable[[str], re.Pattern[str]]) -> None:
        self.source, self.compile = source, compile
        self.compiled: re.Pattern[str] | None = None

    def positions(self, lowered: str, start: int) -> list[int]:
        """Where in the text a match may start, for `lowered`, the stretch of it from `start` lower-cased (of
        the finder's alphabet)."""
        if self.compiled is None:
            self.compiled = self.compile(self.source)
        return [start + found.start() for found in self.compiled.finditer(lowered)]


def matches(pattern: Any, starts: list[int], text: str, end: int) -> list[Any]:
    """The matches `pattern.finditer(text, starts[0], end)` gives when every match starts at one of `starts`
    (in order): the pattern is tried there only, and after a match from its end on."""
    found = []
    resume, try_at = 0, pattern.match
    for at in starts:
        if at < resume:
            continue
        match = try_at(text, at, end)
        if match is not None:
            found.append(match)
            resume = match.end()
    return found
