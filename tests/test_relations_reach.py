"""The last start of a frame in a window: no match that the frame's gate, slot counts and scope let through
starts after it."""

from __future__ import annotations

from types import SimpleNamespace

import regex
from hypothesis import given
from hypothesis import strategies as st

from factcheck.document import load_text
from factcheck.extract.gates import required_all
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.budgets import FrameBudgets
from factcheck.relations.frames import SCOPES, SLOT, expand_slots
from factcheck.relations.matcher import WINDOW_ALPHABET
from factcheck.relations.reach import Reach, count_last, gate_last, positions, scope_last
from factcheck.relations.slotcount import as_least, least_slots, marked
from factcheck.relations.slots import SENTENCE_BREAK, SLOT_CLOSE, SLOT_OPEN
from frame_windows import matched_windows


def test_the_positions_of_a_character_are_in_order():
    assert positions("a \ue002 b \ue002 c", SENTENCE_BREAK) == [2, 6]
    assert positions("no break", SENTENCE_BREAK) == []


def test_a_wider_frame_starts_at_the_latest_at_the_first_break_it_must_cross():
    assert scope_last(0, [], 12) == 12
    assert scope_last(1, [4], 12) == 4
    assert scope_last(2, [4, 9], 15) == 4
    assert scope_last(1, [4, 9], 15) == 9  # a pair frame on a longer window still crosses one break
    assert scope_last(2, [4], 12) == -1


def test_a_match_starts_at_the_latest_where_a_string_of_each_gate_set_last_begins():
    gate = (("rose", "fell"), ("to ",))
    assert gate_last(gate, "it rose to 5, then fell to 4") == 19  # "fell" begins last; "to " later still
    assert gate_last(gate, "it rose 5") == -1
    assert gate_last(None, "any text") == 8


def test_a_match_starts_at_the_latest_at_the_nth_last_token_of_a_counted_tag_set():
    least = as_least([("level", 2), ("", 3)])
    slots, tagged = [0, 10, 20, 30], (("money", "level"), ("percent",), ("count", "level"), ("date",))
    assert count_last(least, slots, tagged, 40) == 0  # two levels: the first of them; three of any: the second
    assert count_last(as_least([("level", 3)]), slots, tagged, 40) == -1
    assert count_last((), slots, tagged, 40) == 40


GATE_PIECES = ["rose", "fell", " to ", "(?:up|down) ", "(?=to)", "(?<=s)", "(?<!x)by", "(?:of )?", "[ab]c", r"\w+",
               r"\d+", ".*?", " ", "(?:that|this) ", "(?!fell)"]


@given(st.lists(st.sampled_from(GATE_PIECES), min_size=1, max_size=6),
       st.text(alphabet="rosefltupdwnbyacxhi 12", max_size=40))
def test_no_match_starts_after_the_last_place_its_gate_can_be_met(pieces, text):
    pattern = "".join(pieces)
    gate = required_all(pattern, regex.IGNORECASE)
    last = gate_last(gate, text.lower())
    assert all(m.start() <= last for m in regex.finditer(pattern, text, regex.IGNORECASE, overlapped=True)), (pattern, gate)


TAGS = ["money level", "percent number", "count level", "date year"]
SLOT_PIECES = ["{level:a}", "{percent:p}", "{level|percent:b}", "{slot}", " and ", " to ", "(?:, {level:c})*",
               "(?:{percent:q} )?", "(?:{level:d}|{year:y})", "(?:{level:e}){2}", "(?=.*{year:z})"]


@given(st.lists(st.sampled_from(SLOT_PIECES), min_size=1, max_size=5), st.lists(st.sampled_from(TAGS), max_size=5),
       st.lists(st.sampled_from([" and ", " to ", ", ", " "]), min_size=5, max_size=5))
def test_no_match_starts_after_the_last_place_its_slot_counts_can_be_met(pieces, tags, words):
    pattern = "".join(pieces).replace("{slot}", f"{SLOT_OPEN}[^{SLOT_CLOSE}]*{SLOT_CLOSE}")
    text = "".join(f"{SLOT_OPEN} {t} #{i}{SLOT_CLOSE}{words[i]}" for i, t in enumerate(tags))
    least = as_least(least_slots(marked(pattern, SLOT)))
    last = count_last(least, positions(text, SLOT_OPEN), tuple(tuple(t.split()) for t in tags), len(text))
    matches = regex.finditer(expand_slots(pattern)[0], text, overlapped=True)
    assert all(m.start() <= last for m in matches), (pattern, text, least)


BREAK_PIECES = ["a", " ", SENTENCE_BREAK, f"[^{SENTENCE_BREAK}]*", f"(?:a|{SENTENCE_BREAK})", "\\w+", "(?<=a)", ".*?", "b?"]


@given(st.lists(st.sampled_from(BREAK_PIECES), min_size=1, max_size=6), st.text(alphabet=f"ab {SENTENCE_BREAK}", max_size=24),
       st.sampled_from(["pair", "triple"]))
def test_the_matches_up_to_the_last_start_are_all_that_cross_the_breaks_of_the_scope(pieces, text, scope):
    frame = SimpleNamespace(id="f", scope=scope, bounded=False, compiled=regex.compile("".join(pieces)))
    budgets, window = FrameBudgets(load_text("t.txt", "x"), []), SimpleNamespace(text=text, claims=())
    needed = SCOPES[scope] - 1
    last = scope_last(needed, positions(text, SENTENCE_BREAK), len(text))
    every = [m.span() for m in frame.compiled.finditer(text, overlapped=True) if m.group().count(SENTENCE_BREAK) >= needed]
    for starts in (None, list(range(len(text) + 1))):
        found = budgets.matches(frame, window, starts, last)
        assert [m.span() for m in found if m.group().count(SENTENCE_BREAK) >= needed] == every


def test_no_match_of_a_shipped_frame_on_its_examples_starts_after_its_last_start():
    book = load_rulebook()
    for frame, text, window in matched_windows(book):
        plain = WINDOW_ALPHABET.fullmatch(window.text) is not None
        last = Reach(window, window.text.lower() if plain else None).last(frame)
        needed = frame.breaks
        matches = [m for m in frame.compiled.finditer(window.text, overlapped=True)
                   if m.group().count(SENTENCE_BREAK) >= needed]
        assert matches and all(m.start() <= last for m in matches), (frame.id, text)
