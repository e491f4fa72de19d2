import regex

from factcheck.extract.calls import MIN_CALLED, SUFFIX, CalledForms, scoped_spans
from factcheck.extract.ruletrust import REF

LONG = "(?:" + "|".join(f"w{i:03d}" for i in range(MIN_CALLED // 5 + 1)) + ")"  # a long alternation without groups


def forms(fragments: dict[str, str], tables: dict[str, object] | None = None) -> CalledForms:
    def expand(pattern: str) -> str:
        return REF.sub(lambda m: "(?:" + expand(fragments[m.group(1)]) + ")", pattern)
    return CalledForms(fragments, tables or {}, expand)


def inlined(fragments: dict[str, str], pattern: str) -> str:
    return forms(fragments).expand(pattern)


def same_matches(fragments: dict[str, str], pattern: str, texts: list[str], flags: int = regex.IGNORECASE) -> None:
    called = regex.compile(forms(fragments).pattern(pattern), flags)
    full = regex.compile(inlined(fragments, pattern), flags)
    for text in texts:
        got = [(m.span(), m.groupdict().get("a")) for m in called.finditer(text)]
        assert got == [(m.span(), m.groupdict().get("a")) for m in full.finditer(text)], text


def test_a_long_fragment_used_twice_is_defined_once_and_called():
    fragments = {"word": LONG}
    pattern = forms(fragments).pattern(r"(?P<a>{word})-{word}")
    assert pattern.count(f"(?&word{SUFFIX})") == 2
    assert pattern.count("w017") == 1 and pattern.endswith("))")
    same_matches(fragments, r"(?P<a>{word})-{word}", ["w001-w017 and w0-w1", "W003-w003"])


def test_a_call_is_backtracked_into_as_the_inlined_text():
    fragments = {"digits": r"\d+|\d+x" + "|" + LONG}
    same_matches(fragments, r"a(?P<a>{digits})x", ["a12x", "a12xx", "aw005x"])


def test_a_short_fragment_stays_inline():
    pattern = forms({"short": "ab|cd"}).pattern("{short}!")
    assert "(?&" not in pattern and pattern == "(?:ab|cd)!"


def test_a_fragment_with_a_group_or_a_back_reference_stays_inline():
    for body in (f"(?P<g>{LONG})", f"{LONG}(\\w)\\1"):
        assert "(?&" not in forms({"f": body}).pattern("x{f}")


def test_a_fragment_holding_a_frame_slot_with_a_role_stays_inline_and_one_without_is_called():
    assert "(?&" not in forms({"f": LONG + "{level:whole}"}).pattern("{f}")  # the slot becomes a group
    assert forms({"f": LONG + "{level:_}"}).pattern("{f} {f}").count("(?&f") == 2


def test_a_fragment_inside_a_group_with_its_own_flags_stays_inline():
    fragments = {"word": LONG.replace("w001", "Cap")}
    pattern = forms(fragments).pattern("(?-i:{word}) {word}")
    assert pattern.count(f"(?&word{SUFFIX})") == 1
    same_matches(fragments, "(?-i:{word}) {word}", ["Cap CAP", "CAP Cap", "cap cap"])


def test_long_fragments_inside_a_long_fragment_are_called_and_defined_once():
    fragments = {"word": LONG, "pair": "{word} {word}" + "|" + LONG.replace("w", "v")}
    pattern = forms(fragments).pattern("{pair};{word}")
    assert pattern.count(f"(?P<word{SUFFIX}>") == 1 and pattern.count(f"(?P<pair{SUFFIX}>") == 1
    same_matches(fragments, "{pair};{word}", ["w001 w002;w003", "v004;w005", "w001;w002"])


def test_a_long_table_is_called():
    table = {f"t{i:03d}": 1 for i in range(200)}
    called = forms({}, {"t": table})
    called.expand = lambda pattern: pattern.replace("{t}", "(?:" + "|".join(table) + ")")
    assert f"(?&t{SUFFIX})" in called.pattern("{t} {t}")


def test_scoped_spans_skip_escapes_and_character_classes():
    assert scoped_spans(r"(?:a)(?i:b)") == [(5, 11)]
    assert scoped_spans(r"\(?i:a\)[(?i:]") == []
    assert scoped_spans(r"[]](?-i:x)") == [(3, 10)]
