"""Where the prefilter's anchors may match: three `re` passes over a lower-cased text in place of one per anchor.

Each anchor that runs as `re` on the lower-cased text (`rulebook.fast_pattern`) has openings, read from its
pattern as `starts` reads a rule's: short texts every match opens with, and the characters that cannot come
before them. The openings of all anchors make three finders: one for the openings that begin a word (it
skips in C to a character that is not part of a word and looks at what follows it), one for the other
openings that begin with a letter, one for the rest (digits, signs). Where a finder stops, three things
name by table lookup the anchors whose openings may be there: the token that starts there (the run of
letters or of digits, else the one character), the character after it and the one before. Each of those
anchors is then tried with `match` at its positions only (`starts.matches`), which finds what its
`finditer` over the whole text finds: its leftmost match starts at one of them.

The passes read a text in which every character beyond ASCII is OTHER, and the openings are read with
OTHER standing for any such character (see `starts`). An anchor whose openings are not known runs on its
own as before, and so does a user's anchor (under its time budget).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from factcheck.extract.starts import OTHER, WORD, finder_source, openings, ruled_out, trie

READING = "anchor-starts-2"  # the name the passes are kept under in the pattern store: a new reading, a new name
TOKEN = r"[a-z]+|[0-9]+|[\s\S]"
AFTER = rf"(?=({TOKEN})([\s\S]?))"  # captures the token at the position and the character after it
HEAD = re.compile(rf"({TOKEN})([\s\S]?)")
BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
CACHE_LIMIT = 100_000  # the most keys a pass remembers the anchors of
Table = dict[str, list[list[str]]]  # per anchor, its openings in a pass: text and the characters ruled out before it
Ruled = list[str]  # an anchor, and the characters that cannot come before one of its openings
Open = dict[str, list[Ruled]]  # the start of a token -> anchors with an opening that may end inside it
Closed = dict[tuple[str, str], list[Ruled]]  # a token and the character after it -> anchors with an opening past it


def read_passes(sources: dict[str, str]) -> list[list[Any]]:
    """The passes for the anchors' `re` patterns (lower-cased text, no flags) as plain data, kept in the store
    as they are (building the tables at every start cost a scan 15 ms): each pass's finder source, the
    openings it finds (`index`) and whether it finds word starts. An anchor whose openings are not known is in none."""
    kinds: list[Table] = [{}, {}, {}]
    for name, source in sources.items():
        for text, guard in sorted(openings(source, 0, other=True) or ()):
            before = ruled_out(text, guard)
            kind = 0 if WORD <= before and text[0] in WORD else 1 if text[0].isalpha() else 2
            kinds[kind].setdefault(name, []).append([text, "".join(sorted(before))])
    return [[finder(table, kind == 0), *index(table), kind == 0] for kind, table in enumerate(kinds) if table]


def index(table: Table) -> tuple[Open, Closed]:
    """Each opening under its first token: one that may end inside a token (`Open`), or one that goes on past
    it (`Closed`: the token ends there, and the character after it is given)."""
    found_open: Open = {}
    closed: Closed = {}
    for name, found in table.items():
        for text, before in found:
            head = HEAD.match(text).group(1)
            if head == text:
                found_open.setdefault(head, []).append([name, before])
            else:
                closed.setdefault((head, text[len(head)]), []).append([name, before])
    return found_open, closed


def finder(table: Table, words: bool) -> str:
    """The `re` source of a pass. Each match captures the character before the position (the word starts'
    finder consumes it: `re` skips in C to such characters), the token at it and the character after it."""
    if words:
        return f"([^a-z0-9_])(?={trie({text for found in table.values() for text, _ in found})}){AFTER}"
    found = {(text, frozenset(before)) for each in table.values() for text, before in each}
    firsts = "".join(re.escape(c) for c in sorted({text[0] for text, _ in found}))
    return rf"(?=[{firsts}])(?<=([\s\S])){finder_source(found)}{AFTER}"


class Pass:
    """One finder, and the tables that name, for what it captures, the anchors whose openings may be there
    (see `index`; the finder is compiled on first use: a run that scans nothing does not pay for it)."""

    def __init__(self, source: str, found_open: Open, closed: Closed, words: bool,
                 compile: Callable[[str], re.Pattern[str]]) -> None:
        self.source, self.open, self.closed, self.words, self.compile = source, found_open, closed, words, compile
        self.compiled: re.Pattern[str] | None = None
        self.longest = max(map(len, [*found_open, *(head for head, _ in closed)]), default=0)  # of an opening's tokens
        self.known: dict[tuple[str, str, str], tuple[str, ...]] = {}  # what `names` said, by what the finder captured

    def positions(self, lowered: str, found: dict[str, list[int]]) -> None:
        """Add the positions of the lower-cased text (ASCII and OTHER) where each anchor may match, in order."""
        if self.compiled is None:
            self.compiled = self.compile(self.source)
        at_start = HEAD.match(lowered)
        if at_start:
            for name in self.names(("", *at_start.groups())):
                found.setdefault(name, []).append(0)
        known, words = self.known, self.words
        for match in self.compiled.finditer(lowered):
            names = known.get(match.groups())
            at = match.end() if words else match.start()  # the word starts' finder consumes the character before
            for name in self.names(match.groups()) if names is None else names:
                found.setdefault(name, []).append(at)

    def names(self, key: tuple[str, ...]) -> tuple[str, ...]:
        """The anchors with an opening that may start at a token, for the character before it, the token and
        the character after it (what a finder captures; none before the text's first)."""
        if len(self.known) > CACHE_LIMIT:
            self.known.clear()
        before, token, after = key
        if len(token) > self.longest:
            token, after = token[:self.longest + 1], ""  # too long to be a whole opening: only its start counts
        found = [name for name, out in self.closed.get((token, after), ()) if not before or before not in out]
        for end in range(1, min(len(token), self.longest) + 1):
            found.extend(name for name, out in self.open.get(token[:end], ()) if not before or before not in out)
        names = self.known[key] = tuple(dict.fromkeys(found))
        return names


class AnchorStarts:
    """The passes of a rule book's anchors (see the module's docstring); `names` are the anchors they cover."""

    def __init__(self, passes: list[list[Any]], compile: Callable[[str], re.Pattern[str]]) -> None:
        self.passes = [Pass(*each, compile) for each in passes]
        self.names = frozenset(name for each in self.passes for found in (*each.open.values(), *each.closed.values())
                               for name, _ in found)

    def positions(self, lowered: str) -> dict[str, list[int]]:
        """Where in a lower-cased text each anchor may match, in order (a position may repeat)."""
        lowered = lowered if lowered.isascii() else BEYOND_ASCII.sub(OTHER, lowered)
        found: dict[str, list[int]] = {}
        for each in self.passes:
            more: dict[str, list[int]] = {}
            each.positions(lowered, more)
            for name, at in more.items():
                found[name] = sorted(found[name] + at) if name in found else at
        return found
