"""A rule pattern with each long fragment written once and called where it is used (`(?&name)`).

Expanding `{name}` inlines the fragment at every use, so a rule that reads nine numbers (a length in
three units, each a range) holds the 13,000 characters of `{number}` nine times. `regex` builds a
pattern object from its opcodes in time linear in their number, and rebuilding the patterns a scan
uses was the largest part of a warm start. The compiled form therefore defines each long fragment or
table once, in a `(?(DEFINE)…)` group at the pattern's end, and calls it. A call matches, and is
backtracked into, as the inlined text would be; its groups report nothing.

A fragment stays inline where a call would not mean the same: inside a group that sets flags for its
own span (`(?-i:…)`: the called text takes the pattern's flags) and when its text holds groups,
back-references, conditionals or a frame's slot with a role (what it captures would be lost). Gates,
starts and group names are still read from the fully inlined pattern (see `rulebook`, `frames`).
"""

from __future__ import annotations

from typing import Callable

import regex

from factcheck.extract.regexparse import syntax
from factcheck.extract.ruletrust import REF

MIN_CALLED = 400  # shorter fragments are inlined: a call costs more than the text it saves
SUFFIX = "__"  # the defined groups' names are the fragments' names with this, which no rule names a group
SCOPED_FLAGS = regex.compile(r"\(\?(?:[a-zA-Z]+(?:-[a-zA-Z]*)?|-[a-zA-Z]+):")  # (?i:…) (?-i:…), not (?:…)
NOT_CALLABLE = regex.compile(r"\(\?P?<[^\W\d]|\(\?P[=>]|\(\?\(|\(\?&|\\g<|\\[1-9]"  # groups, back-references, conditionals, calls
                             r"|(?<!\\[pPN])\{[a-z|]+[!+]?:(?!_\})[a-z_]+\}")  # a frame's slot with a role: a group once expanded


class CalledForms:
    """The called form of patterns over one rulebook's fragments and tables."""

    def __init__(self, fragments: dict[str, str], tables: dict[str, object], expand: Callable[[str], str]) -> None:
        self.fragments, self.tables, self.expand = fragments, tables, expand
        self.bodies: dict[str, tuple[str, frozenset[str]]] = {}  # a fragment's text with calls, and the names it calls
        self.inline: dict[str, str] = {}  # a fragment's fully inlined text, as `expand` gives it
        self.calls: dict[str, bool] = {}  # whether a fragment is called (see `callable`)

    def pattern(self, written: str) -> str:
        """The pattern as written with each callable long fragment called, its definitions appended."""
        text, called = self.with_calls(written)
        if not called:
            return text
        defined, todo = {}, sorted(called)
        while todo:
            name = todo.pop()
            if name not in defined:
                body, inner = self.bodies[name]
                defined[name] = body
                todo.extend(sorted(inner - defined.keys()))
        groups = "".join(f"(?P<{name}{SUFFIX}>{defined[name]})" for name in sorted(defined))
        return f"{text}(?(DEFINE){groups})"

    def with_calls(self, text: str) -> tuple[str, frozenset[str]]:
        """`text` with its references replaced, and the names of the fragments it calls."""
        scoped = scoped_spans(text)
        called: set[str] = set()
        parts, at = [], 0
        for match in REF.finditer(text):
            parts.append(text[at:match.start()])
            name = match.group(1)
            if any(low <= match.start() < high for low, high in scoped):
                parts.append(self.inlined(name))
            elif self.callable(name):
                parts.append(f"(?&{name}{SUFFIX})")
                called.add(name)
            else:
                body, inner = self.body(name)
                parts.append(body)
                called.update(inner)
            at = match.end()
        parts.append(text[at:])
        return "".join(parts), frozenset(called)

    def inlined(self, name: str) -> str:
        if name not in self.inline:
            self.inline[name] = self.expand("{" + name + "}")
        return self.inline[name]

    def callable(self, name: str) -> bool:
        """Whether a call may stand for the fragment: long, and nothing in it that a call would change."""
        if name not in self.calls:
            full = self.inlined(name)
            self.calls[name] = len(full) >= MIN_CALLED and not NOT_CALLABLE.search(full)
        if self.calls[name]:
            self.body(name)
        return self.calls[name]

    def body(self, name: str) -> tuple[str, frozenset[str]]:
        """The fragment's text in a group, with its own long fragments called; a table's alternation."""
        if name not in self.bodies:
            if name in self.fragments:
                text, inner = self.with_calls(self.fragments[name])
                self.bodies[name] = ("(?:" + text + ")", inner)
            else:
                self.bodies[name] = (self.inlined(name), frozenset())
        return self.bodies[name]


def scoped_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the groups that set flags for themselves (`(?i:…)`), read without parsing (see `syntax`)."""
    spans, stack = [], []
    for at, char in syntax(text):
        if char == "(":
            stack.append((at, bool(SCOPED_FLAGS.match(text, at))))
        elif char == ")" and stack:
            start, scoped = stack.pop()
            if scoped:
                spans.append((start, at + 1))
    return spans
