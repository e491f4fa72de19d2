"""The frame screen passes exactly the frames whose needs, word gate and slot counts a window meets,
in their order, testing each distinct set of needs once and reading a frame's counts only where its needs are met."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.gates import admits_all
from factcheck.relations.screen import FrameScreen
from factcheck.relations.slotcount import enough

TAGS = ["money", "percent", "count", "level", "change", "year"]
tag_sets = st.frozensets(st.sampled_from(TAGS), min_size=1, max_size=3)
frames = st.lists(st.builds(
    lambda needs, gate, least: SimpleNamespace(needs=needs, gate=gate, least=least),
    st.lists(tag_sets, max_size=2).map(tuple),
    st.none() | st.lists(st.lists(st.sampled_from(["of", "to", "rose", "total"]), min_size=1, max_size=2).map(tuple),
                         min_size=1, max_size=2).map(tuple),
    st.lists(st.tuples(st.frozensets(st.sampled_from(TAGS), max_size=2), st.integers(1, 3)), max_size=2).map(tuple),
), max_size=12)


def one_by_one(frames, tags, folded, tagged):
    return [f for f in frames if not any(need.isdisjoint(tags) for need in f.needs)
            and admits_all(f.gate, folded) and enough(f.least, tagged)]


windows = st.lists(st.tuples(st.lists(st.lists(st.sampled_from(TAGS), max_size=3).map(tuple), max_size=4),
                             st.text(alphabet="ofrsetal ", max_size=20)), min_size=1, max_size=4)


@given(frames, windows)
def test_the_screen_passes_the_frames_each_test_would_pass_in_their_order(frames, windows):
    screen = FrameScreen(frames)  # one screen for the windows of a document, as `find_links` keeps it
    for tagged, folded in windows:
        tags = frozenset(tag for tags in tagged for tag in tags)
        assert screen.passing(tags, folded, tagged) == one_by_one(frames, tags, folded, tagged)


class Counted(SimpleNamespace):
    """A frame that counts how often its slot counts are asked for (reading them costs a parse)."""

    asked = 0

    @property
    def least(self):
        Counted.asked += 1
        return self.counts


def test_frames_sharing_their_needs_are_tested_together_and_counts_are_read_only_where_needs_are_met():
    money, percent = frozenset({"money"}), frozenset({"percent"})
    shared = [SimpleNamespace(needs=(money,), gate=None, least=()) for _ in range(3)]
    other = Counted(needs=(percent,), gate=None, counts=())
    counted = SimpleNamespace(needs=(money,), gate=None, least=((money, 2),))
    screen = FrameScreen([shared[0], other, shared[1], counted, shared[2]])
    assert screen.needs == [(money,), (percent,)]
    assert screen.passing(frozenset({"money"}), "", [("money",)]) == shared
    assert Counted.asked == 0
    assert screen.passing(frozenset({"percent"}), "", [("percent",)]) == [other]
    assert Counted.asked == 1
