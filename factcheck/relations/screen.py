"""Which frames are worth matching on a window: their cheap gates, each distinct one tested once.

A frame runs on a window only where the window's claims carry the tags it needs, its word gate is
in the text and its claims are enough for its slot counts (see `slotcount`). Many frames
share one set of needs, one gate or one count: a screen tests each distinct set of needs
once per window and reaches only the frames whose needs hold, so that a window's cost grows with
the frames that could match it rather than with all of them. It passes the frames that `match_window`
would run, in the same order.
"""

from __future__ import annotations

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

    def __post_init__(self) -> None:
        index: dict[Needs, int] = {}
        for position, frame in enumerate(self.frames):
            if frame.needs not in index:
                index[frame.needs] = len(self.needs)
                self.needs.append(frame.needs)
                self.by_needs.append([])
            self.by_needs[index[frame.needs]].append(position)

    def passing(self, tags: frozenset[str], folded: str, tagged: list[tuple[str, ...]]) -> list[Frame]:
        """The frames, in order, whose needs the window's `tags` meet, whose gate is in the `folded` text
        and whose slot counts its claims' tags (`tagged`) fill."""
        positions = sorted(p for needs, frames in zip(self.needs, self.by_needs)
                           if all(not need.isdisjoint(tags) for need in needs) for p in frames)
        gates: dict[Gate | None, bool] = {}
        counts: dict[Least, bool] = {}
        kept = []
        for position in positions:
            frame = self.frames[position]
            if frame.gate not in gates:
                gates[frame.gate] = admits_all(frame.gate, folded)
            if not gates[frame.gate]:
                continue
            if frame.least not in counts:
                counts[frame.least] = enough(frame.least, tagged)
            if counts[frame.least]:
                kept.append(frame)
        return kept
