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

READING = "anchor-starts-1"  # the name the passes are kept under in the pattern store: a new reading, a new name
TOKEN = r"[a-z]+|[0-9]+|[\s\S]"
AFTER = rf"(?=({TOKEN})([\s\S]?))"  # captures the token at the position and the character after it
HEAD = re.compile(rf"({TOKEN})([\s\S]?)")
BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
CACHE_LIMIT = 100_000  # the most keys a pass remembers the anchors of
Ruled = tuple[str, frozenset[str]]  # an anchor, and the characters that cannot come before one of its openings
Table = dict[str, list[list[str]]]  # per anchor, its openings in a pass: text and the characters ruled out before it


def read_passes(sources: dict[str, str]) -> list[list[Any]]:
    """The passes for the anchors' `re` patterns (lower-cased text, no flags) as plain data: each pass's
    finder source, the openings it finds per anchor, and whether it finds word starts. An anchor whose
    openings are not known is in none."""
    kinds: list[Table] = [{}, {}, {}]
    for name, source in sources.items():
        for text, guard in sorted(openings(source, 0, other=True) or ()):
            before = ruled_out(text, guard)
            kind = 0 if WORD <= before and text[0] in WORD else 1 if text[0].isalpha() else 2
            kinds[kind].setdefault(name, []).append([text, "".join(sorted(before))])
    return [[finder(table, kind == 0), table, kind == 0] for kind, table in enumerate(kinds) if table]


def finder(table: Table, words: bool) -> str:
    """The `re` source of a pass. Each match captures the character before the position (the word starts'
    finder consumes it: `re` skips in C to such characters), the token at it and the character after it."""
    if words:
        return f"([^a-z0-9_])(?={trie({text for found in table.values() for text, _ in found})}){AFTER}"
    found = {(text, frozenset(before)) for each in table.values() for text, before in each}
    firsts = "".join(re.escape(c) for c in sorted({text[0] for text, _ in found}))
    return rf"(?=[{firsts}])(?<=([\s\S])){finder_source(found)}{AFTER}"


class Pass:
    """One finder, and the table that names, for what it captures, the anchors whose openings may be there
    (built on first use: a run that scans nothing does not pay for it)."""

    def __init__(self, source: str, table: Table, words: bool, compile: Callable[[str], re.Pattern[str]]) -> None:
        self.source, self.table, self.words, self.compile = source, table, words, compile
        self.compiled: re.Pattern[str] | None = None
        self.closed: dict[tuple[str, str], list[Ruled]] = {}  # a token and the character after it -> anchors
        self.open: dict[str, list[Ruled]] = {}  # the start of a token -> anchors
        self.longest = 0  # the longest token of an opening
        self.known: dict[tuple[str, str, str], tuple[str, ...]] = {}  # what `names` said, by what the finder captured

    def positions(self, lowered: str, found: dict[str, list[int]]) -> None:
        """Add the positions of the lower-cased text (ASCII and OTHER) where each anchor may match, in order."""
        if self.compiled is None:
            self.compiled = self.compile(self.source)
            self.index()
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

    def index(self) -> None:
        """Each opening under its first token: one that goes on past it (`closed`: the token ends there, and the
        character after it is given) or one that may end inside a token (`open`)."""
        for name, found in self.table.items():
            for text, before in found:
                head = HEAD.match(text).group(1)
                if head == text:
                    self.open.setdefault(head, []).append((name, frozenset(before)))
                else:
                    self.closed.setdefault((head, text[len(head)]), []).append((name, frozenset(before)))
        self.longest = max((len(head) for head in [*self.open, *(head for head, _ in self.closed)]), default=0)

    def names(self, key: tuple[str, ...]) -> tuple[str, ...]:
        """The anchors with an opening that may start at a token, for the character before it, the token and
        the character after it (what a finder captures)."""
        if len(self.known) > CACHE_LIMIT:
            self.known.clear()
        before, token, after = key
        if len(token) > self.longest:
            token, after = token[:self.longest + 1], ""  # too long to be a whole opening: only its start counts
        found = [name for name, out in self.closed.get((token, after), ()) if before not in out]
        for end in range(1, min(len(token), self.longest) + 1):
            found.extend(name for name, out in self.open.get(token[:end], ()) if before not in out)
        names = self.known[key] = tuple(dict.fromkeys(found))
        return names


class AnchorStarts:
    """The passes of a rule book's anchors (see the module's docstring); `names` are the anchors they cover."""

    def __init__(self, passes: list[list[Any]], compile: Callable[[str], re.Pattern[str]]) -> None:
        self.passes = [Pass(source, table, words, compile) for source, table, words in passes]
        self.names = frozenset(name for _, table, _ in passes for name in table)

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
