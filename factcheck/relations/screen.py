"""Which frames are worth matching on a window: their cheap tests, each distinct one tested once.

A frame runs on a window only where the window's claims carry the tags it needs, its claims are
enough for its slot counts (see `slotcount`) and its word gate is in the text. Many frames share one
set of needs, one gate or one count: a screen tests each distinct set of needs once per window and
reaches only the frames it admits, so that a window's cost grows with the frames that could match it
rather than with all of them; of those, each distinct count and gate is tested once. The counts go
before the gates: they turn away most frames (two thirds on SOTU) for a few sums over the window's
claims, where a gate searches its text for many words. It passes the frames that `match_window` would
run, in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.extract.gates import Gate, admits_all
from factcheck.relations.frames import Frame
from factcheck.relations.slotcount import Least, enough

Needs = tuple[frozenset[str], ...]


@dataclass(slots=True)
class FrameScreen:
    frames: list[Frame]
    needs: list[Needs] = field(default_factory=list)  # each distinct set of needs once
    by_needs: list[list[int]] = field(default_factory=list)  # the frames (positions in `frames`) of each
    met: dict[frozenset[str], list[int]] = field(default_factory=dict)  # by a window's tags, in order

    def __post_init__(self) -> None:
        index: dict[Needs, int] = {}
        for position, frame in enumerate(self.frames):
            if frame.needs not in index:
                index[frame.needs] = len(self.needs)
                self.needs.append(frame.needs)
                self.by_needs.append([])
            self.by_needs[index[frame.needs]].append(position)

    def passing(self, tags: frozenset[str], folded: str, tagged: Sequence[tuple[str, ...]]) -> list[Frame]:
        """The frames, in order, whose needs the window's `tags` meet, whose slot counts its claims' tags
        (`tagged`) fill and whose gate is in the `folded` text. A frame's counts and gate are read from
        its pattern when first asked for, so only for frames whose needs some window meets."""
        counts: dict[Least, bool] = {}
        gates: dict[Gate | None, bool] = {}
        kept = []
        for position in self.needs_met(tags):
            frame = self.frames[position]
            least = frame.least
            if least not in counts:
                counts[least] = enough(least, tagged)
            if not counts[least]:
                continue
            if frame.gate not in gates:
                gates[frame.gate] = admits_all(frame.gate, folded)
            if gates[frame.gate]:
                kept.append(frame)
        return kept

    def needs_met(self, tags: frozenset[str]) -> list[int]:
        """The frames (positions, in order) whose needs `tags` meet; windows of one document share a few sets
        of tags, so each set is tested once."""
        if tags not in self.met:
            self.met[tags] = sorted(position for needs, frames in zip(self.needs, self.by_needs)
                                    if not any(need.isdisjoint(tags) for need in needs) for position in frames)
        return self.met[tags]
