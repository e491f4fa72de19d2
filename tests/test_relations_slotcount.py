"""Slot counts: how many claims of which tags every match of a frame binds, so that a window with
fewer need not be searched. A count may let through a window without a match, never the reverse."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.frames import SLOT, expand_slots
from factcheck.relations.slotcount import ANY, as_least, enough, least_slots, marked
from factcheck.relations.slots import SLOT_CLOSE, SLOT_OPEN, claim_tags
from frame_windows import matched_windows


def least(pattern: str) -> list[tuple[str, int]]:
    return least_slots(marked(pattern, SLOT))


def test_a_sequence_adds_a_branch_takes_the_least_and_a_repeat_its_minimum():
    assert least("{level:total}: {level:parts}(?:, {level:parts}){1,8}") == [("level", 3), (ANY, 3)]
    assert least("{level:a} rose to {level:b}|{percent:p} more") == [(ANY, 1)]  # each branch needs another tag
    assert least("{level:a}(?: and {level:b})?") == [("level", 1), (ANY, 1)]


def test_a_slot_of_fewer_tags_counts_for_a_tag_set_that_holds_them():
    assert least("{level:a} to {level|percent:b}") == [("level", 1), ("level|percent", 2), (ANY, 2)]


def test_a_spelled_out_slot_token_counts_for_any_claim_and_a_lookaround_for_none():
    assert least(f"{SLOT_OPEN}[^{SLOT_CLOSE}]*{SLOT_CLOSE} and {{level:a}}(?!{SLOT_OPEN})") == [("level", 1), (ANY, 2)]


def test_a_pattern_with_a_group_named_like_a_slot_is_not_counted():
    assert marked("{level:a} (?P<slot_x>and) {level:b}", SLOT) is None
    assert marked("{level:a} and {level:b}", SLOT).count("(?P<slot_level>") == 2


def test_a_pattern_regex_cannot_parse_asks_for_no_claims():
    assert least_slots("(") == []
    assert as_least([]) == () and enough((), [])


def test_a_window_is_enough_when_it_holds_as_many_claims_of_each_tag_set():
    counts = as_least([("level", 2), ("level|percent", 3), (ANY, 3)])
    assert enough(counts, [("money", "level"), ("count", "level"), ("percent", "number")])
    assert not enough(counts, [("money", "level"), ("percent", "number"), ("percent", "number")])  # one level
    assert not enough(counts, [("money", "level"), ("count", "level")])  # two claims


TAGS = ["money level", "percent number", "count level", "date year"]
PIECES = ["{level:a}", "{percent:p}", "{level|percent:b}", "{slot}", " and ", " to ", "(?:, {level:c})*",
          "(?:{percent:q} )?", "(?:{level:d}|{year:y})", "(?:{level:e}){2}"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5), st.lists(st.sampled_from(TAGS), max_size=5),
       st.lists(st.sampled_from([" and ", " to ", ", ", " "]), min_size=5, max_size=5))
def test_a_count_never_turns_away_a_window_that_holds_a_match(pieces, tags, words):
    pattern = "".join(pieces).replace("{slot}", f"{SLOT_OPEN}[^{SLOT_CLOSE}]*{SLOT_CLOSE}")
    compiled = regex.compile(expand_slots(pattern)[0])
    text = "".join(f"{SLOT_OPEN} {t} #{i}{SLOT_CLOSE}{words[i]}" for i, t in enumerate(tags))
    if compiled.search(text):
        assert enough(as_least(least(pattern)), [tuple(t.split()) for t in tags]), (pattern, text)


def test_the_counts_never_drop_a_match_of_any_shipped_frame_on_its_examples():
    book = load_rulebook()
    assert any(frame.least for frame in book.frames)
    for frame, text, window in matched_windows(book):
        assert enough(frame.least, [claim_tags(c, book) for c in window.claims]), (frame.id, text)
