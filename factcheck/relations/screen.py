"""Which frames are worth matching on a window: their cheap tests, each distinct one tested once.

A frame runs on a window only where the window's claims carry the tags it needs, its claims are
enough for its slot counts (see `slotcount`) and its word gate is in the text. Many frames share one
set of needs and counts, one gate or one count: a screen tests each distinct pair of needs and counts
once per window and reaches only the frames that pair admits, so that a window's cost grows with the
frames that could match it rather than with all of them. The counts go before the gates: they turn
away most frames (two thirds on SOTU) for a few sums over the window's claims, where a gate searches
its text for many words. It passes the frames that `match_window` would run, in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.extract.gates import Gate, admits_all
from factcheck.relations.frames import Frame
from factcheck.relations.slotcount import Least, enough

Needs = tuple[frozenset[str], ...]
Tests = tuple[Needs, Least]


@dataclass(slots=True)
class FrameScreen:
    frames: list[Frame]
    tests: list[Tests] = field(default_factory=list)  # each distinct pair of needs and slot counts once
    by_tests: list[list[int]] = field(default_factory=list)  # the frames (positions in `frames`) of each
    met: dict[frozenset[str], list[tuple[Least, list[int]]]] = field(default_factory=dict)  # by a window's tags

    def __post_init__(self) -> None:
        index: dict[Tests, int] = {}
        for position, frame in enumerate(self.frames):
            tests = (frame.needs, frame.least)
            if tests not in index:
                index[tests] = len(self.tests)
                self.tests.append(tests)
                self.by_tests.append([])
            self.by_tests[index[tests]].append(position)

    def passing(self, tags: frozenset[str], folded: str, tagged: Sequence[tuple[str, ...]]) -> list[Frame]:
        """The frames, in order, whose needs the window's `tags` meet, whose slot counts its claims' tags
        (`tagged`) fill and whose gate is in the `folded` text."""
        counts: dict[Least, bool] = {}
        positions: list[int] = []
        for least, frames in self.needs_met(tags):
            if least not in counts:
                counts[least] = enough(least, tagged)
            if counts[least]:
                positions.extend(frames)
        gates: dict[Gate | None, bool] = {}
        kept = []
        for position in sorted(positions):
            frame = self.frames[position]
            if frame.gate not in gates:
                gates[frame.gate] = admits_all(frame.gate, folded)
            if gates[frame.gate]:
                kept.append(frame)
        return kept

    def needs_met(self, tags: frozenset[str]) -> list[tuple[Least, list[int]]]:
        """The slot counts and frames of the tests whose needs `tags` meet; windows of one document share
        a few sets of tags, so each set is tested once."""
        if tags not in self.met:
            self.met[tags] = [(least, frames) for (needs, least), frames in zip(self.tests, self.by_tests)
                              if not any(need.isdisjoint(tags) for need in needs)]
        return self.met[tags]
