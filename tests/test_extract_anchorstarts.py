"""Anchor starts: three passes over the lower-cased text name the positions where each anchor may match,
and each anchor tried there with `match` must find exactly what its `finditer` over the whole text finds."""

from __future__ import annotations

import marshal
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.anchorstarts import AnchorStarts, read_passes
from factcheck.extract.patterncache import plain
from factcheck.extract.rulebook import load_rulebook
from factcheck.extract.starts import matches


def starts(sources: dict[str, str]) -> AnchorStarts:
    return AnchorStarts(read_passes(sources), re.compile)


def found(passes: AnchorStarts, sources: dict[str, str], text: str) -> dict[str, list[tuple[int, int]]]:
    positions = passes.positions(text)
    return {name: [m.span() for m in matches(re.compile(sources[name]), positions.get(name, []), text, len(text))]
            for name in sources if name in passes.names}


def expected(sources: dict[str, str], text: str) -> dict[str, list[tuple[int, int]]]:
    return {name: [m.span() for m in re.finditer(source, text)] for name, source in sources.items()}


def test_each_anchor_is_named_only_where_one_of_its_openings_is():
    sources = {"word": r"\b(?:ten|one)\b", "digits": r"(?<![\d.])\d+", "sign": r"\$\d", "inside": r"teen"}
    positions = starts(sources).positions("often ten, 15 or $5: one fifteen")
    assert positions == {"word": [6, 21], "digits": [11, 18], "sign": [17], "inside": [28]}


def test_the_first_position_has_no_character_before():
    sources = {"today": r"\btoday\b", "after": r"(?<![a-z ])today"}
    assert found(starts(sources), sources, "today, and today") == {"today": [(0, 5), (11, 16)], "after": [(0, 5)]}


def test_a_word_followed_by_a_space_is_named_only_before_one():
    passes = starts({"in": r"\bin\s+\d"})
    assert passes.positions("in 5, in-5, inside 5") == {"in": [0]}


def test_characters_beyond_ascii_open_where_a_class_may_match_them():
    sources = {"fraction": "[\u00bc-\u00be]", "after": r"\d\s*[°º]", "spaced": r"\bage\s+\d"}
    text = "½ or 5 ° or 20º at age\u00a07 and age 8"
    assert found(starts(sources), sources, text) == expected(sources, text)


def test_the_passes_name_the_same_anchors_when_the_store_gives_their_tables_back():
    sources = {"word": r"\b(?:ten|one)\b", "digits": r"(?<![\d.])\d+", "sign": r"\$\d", "inside": r"teen"}
    kept = AnchorStarts(marshal.loads(marshal.dumps(plain(read_passes(sources)))), re.compile)
    text = "ten, often ten, 15 or $5: one fifteen"
    assert kept.positions(text) == starts(sources).positions(text) and kept.names == set(sources)


def test_an_anchor_whose_openings_are_unknown_is_in_no_pass():
    passes = starts({"spaces": r"\s+\d", "word": r"\bten\b"})
    assert passes.names == {"word"}


PIECES = ["a", "b", "ab", "to", " ", r"\d", r"\d+", "[a-c]", "(?:a|bc)", "(?:to|fro)", "x?", "(?:ab)?", "(?:ab)+",
          r"\s+", "(?=a)", "(?<!b)", r"(?<![\w])", r"(?<![a-z$])", r"\b", "(?>a|to)", "(?:[ab]|x)?", "(?:one|two)",
          r"\$", "(?<=a)", "(?!b)", ".", r"[^a]", r"(?:(?<!\w)|(?=\d))", r"(?=[a1])", r"(?:(?=t)|\b)", "[\u00e9\u00bd]",
          r"\w", "\u00e9t"]


@settings(max_examples=400)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4), min_size=1, max_size=3),
       st.text(alphabet="abtofrx $15onetw\n\u00e9\u00bd\u00a0", max_size=30))
def test_trying_each_anchor_at_its_positions_finds_what_finditer_finds(patterns, text):
    sources = {f"a{i}": "".join(pieces) for i, pieces in enumerate(patterns)}
    passes = starts(sources)
    assert found(passes, sources, text) == {name: spans for name, spans in expected(sources, text).items()
                                            if name in passes.names}


def test_every_shipped_anchor_finds_on_the_rules_examples_what_finditer_finds():
    book = load_rulebook()
    assert book.anchor_starts is not None and book.anchor_starts.names == set(book.anchor_regexes)
    texts = [text.replace("«", "").replace("»", "").lower() for rule in book.rules
             for example in [*rule.examples, *rule.counter_examples] for text in example.texts]
    joined = "\n".join(texts)
    positions = book.anchor_starts.positions(joined)
    for name, anchor in book.anchor_regexes.items():
        found = matches(anchor.fast, positions.get(name, []), joined, len(joined))
        assert [m.span() for m in found] == [m.span() for m in anchor.fast.finditer(joined)], name
