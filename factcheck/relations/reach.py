"""The last position of a window where a match of a frame may start: past it, trying the frame is wasted.

Every match of a frame holds what the frame's cheap tests ask of a whole window (see `screen`), and holds
it inside the match, at or after its start:

- a string of each set of its word gate (`extract.gates`: the strings come from what the pattern consumes,
  never from a look-around), so a match starts at or before the last place where one of the set's strings
  begins;
- as many slot tokens of each tag set as its slot counts say (`slotcount`: slots in a look-around count for
  none), so a match starts at or before the n-th last token of those tags;
- every sentence break of its scope (`match_window` drops a match that crosses fewer), so a pair frame's
  match starts in the first sentence of its window, or at the break after it.

The gate and the counts speak of positions of the lower-cased text, which are those of the window only where
the window is of ASCII and slot marks (`plain`); elsewhere only the breaks bound the start. A frame whose
word gate or counts the window does not meet gets -1.
"""

from __future__ import annotations

from factcheck.extract.gates import Gate
from factcheck.relations.frames import Frame
from factcheck.relations.slotcount import Least
from factcheck.relations.slots import SENTENCE_BREAK, SLOT_OPEN, Window


def positions(text: str, char: str) -> list[int]:
    """Where `char` stands in the text, in order."""
    found, at = [], text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


class Reach:
    """The last start of each frame in one window; each distinct gate and slot count is read once."""

    def __init__(self, window: Window, lowered: str | None) -> None:
        """`lowered`: the window's text lower-cased, or None where its positions are not those of the window."""
        self.length, self.lowered, self.tagged = len(window.text), lowered, window.tagged
        self.breaks = positions(window.text, SENTENCE_BREAK)
        self.slots = positions(window.text, SLOT_OPEN)
        self.gates: dict[Gate | None, int] = {}
        self.counts: dict[Least, int] = {}

    def last(self, frame: Frame) -> int:
        """The last position where a match of the frame may start (-1: nowhere)."""
        last = scope_last(frame.breaks, self.breaks, self.length)
        if self.lowered is None:
            return last
        if frame.gate not in self.gates:
            self.gates[frame.gate] = gate_last(frame.gate, self.lowered)
        if frame.least not in self.counts:
            self.counts[frame.least] = count_last(frame.least, self.slots, self.tagged, self.length)
        return min(last, self.gates[frame.gate], self.counts[frame.least])


def scope_last(needed: int, breaks: list[int], length: int) -> int:
    """The last start of a match that crosses `needed` of the `breaks` of a text of `length` characters."""
    if not needed:
        return length
    return breaks[len(breaks) - needed] if len(breaks) >= needed else -1


def gate_last(gate: Gate | None, lowered: str) -> int:
    """The last start of a match that holds a string of each set of the gate in the lower-cased text."""
    rfind = lowered.rfind
    return min((max(map(rfind, strings), default=-1) for strings in gate or ()), default=len(lowered))


def count_last(least: Least, slots: list[int], tagged: tuple[tuple[str, ...], ...], length: int) -> int:
    """The last start of a match that holds as many slot tokens (at `slots`, their claims' tags `tagged`) of each
    tag set as the counts say."""
    last = length
    for wanted, n in least:
        fitting = [at for at, tags in zip(slots, tagged) if not wanted or not wanted.isdisjoint(tags)]
        last = min(last, fitting[-n] if len(fitting) >= n else -1)
    return last
