"""Values read from a rule's or a frame's pattern the first time a scan asks for them.

Reading a gate, the openings or the slot counts of a pattern costs a parse of it, as much as compiling
it; on a cold pattern store that is most of a start. A run asks only for those of the rules and frames
its text reaches (a sentence with the rule's anchors, a window with the frame's needs), so it pays for
those alone; the store keeps what was read for the next run.
"""

from __future__ import annotations

from typing import Any, Callable


class Later:
    """Named values, each made by its maker on first use and kept."""

    __slots__ = ("makers", "values")

    def __init__(self, **makers: Callable[[], Any]) -> None:
        self.makers, self.values = makers, {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.values:
            self.values[name] = self.makers.pop(name)()
        return self.values[name]


class ExamplesLater:
    """A rule's or a frame's examples and counter-examples, its `later` value "examples": only `rules test` and
    `explain` read them, so a scan does not."""

    __slots__ = ()
    later: Later | None

    @property
    def examples(self) -> list[Any]:
        return self.later["examples"][0] if self.later is not None else []

    @property
    def counter_examples(self) -> list[Any]:
        return self.later["examples"][1] if self.later is not None else []
