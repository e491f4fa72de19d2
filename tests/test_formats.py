"""Input formats: same-length scan text, masking, regions (speakers, cues), front-matter date."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.formats import Prepared, Region, format_of, prepare, region_at
from factcheck.formats.base import CHAR_REFERENCE

DATA = Path(__file__).parent / "data" / "formats"


def scan(path: str, text: str) -> str:
    prepared = prepare(path, text)
    assert len(prepared.scan_text) == len(text)
    return prepared.scan_text


def blank(text: str) -> bool:
    return text.strip() == ""


def kept(scan_text: str, text: str, part: str) -> bool:
    """`part` (found in the original) reads the same at the same offsets of the scan text."""
    start = text.index(part)
    return scan_text[start : start + len(part)] == part


def masked(scan_text: str, text: str, part: str) -> bool:
    start = text.index(part)
    return blank(scan_text[start : start + len(part)])


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()


def glyphs(text: str) -> str:
    """The visible characters in order: a masked link target may split "Railway" from its "."."""
    return "".join(words(text))


# --- dispatch and regions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("a.md", "markdown"),
        ("A.MARKDOWN", "markdown"),
        ("x/page.HTM", "html"),
        ("p.xhtml", "html"),
        ("talk.Srt", "srt"),
        ("talk.vtt", "vtt"),
        ("notes.txt", "plain"),
        ("README", "plain"),
        ("-", "plain"),
    ],
)
def test_format_follows_the_extension(path: str, kind: str) -> None:
    assert format_of(path) == kind


def test_region_at_finds_the_region_holding_an_offset() -> None:
    prepared = Prepared("x" * 30, (Region(2, 10, speaker="A"), Region(10, 20, speaker="B")), None)
    assert region_at(prepared, 1) is None
    assert region_at(prepared, 2).speaker == "A"
    assert region_at(prepared, 9).speaker == "A"
    assert region_at(prepared, 10).speaker == "B"
    assert region_at(prepared, 20) is None


# --- plain text and speaker labels ----------------------------------------------------------

TRANSCRIPT = """Intro line without a label.

The Korea Herald: How big was the trade?

Park Byung-in: It was 58 times larger.

KH: And then?
Park: It fell.

KH: Why?

Park: Sanctions.

MR. SMITH: Objection.
KH: Noted.
"""


def test_plain_text_is_unchanged_without_labels_or_addresses() -> None:
    text = "Growth was 5 percent in 2014.\n\nIt fell to 3 percent.\n"
    prepared = prepare("a.txt", text)
    assert prepared == Prepared(text, (), None)


def test_speaker_labels_are_masked_and_give_regions() -> None:
    prepared = prepare("t.txt", TRANSCRIPT)
    speakers = [region.speaker for region in prepared.regions]
    assert speakers == ["The Korea Herald", "Park Byung-in", "KH", "Park", "KH", "Park", "MR. SMITH", "KH"]
    for label in ("KH:", "Park Byung-in:", "Park:", "MR. SMITH:", "The Korea Herald:"):
        assert masked(prepared.scan_text, TRANSCRIPT, label)
    assert kept(prepared.scan_text, TRANSCRIPT, "How big was the trade?")
    assert kept(prepared.scan_text, TRANSCRIPT, "It was 58 times larger.")
    assert region_at(prepared, TRANSCRIPT.index("Intro")) is None
    answer = region_at(prepared, TRANSCRIPT.index("58 times"))
    assert answer.speaker == "Park Byung-in"
    assert answer.end == TRANSCRIPT.index("KH: And")
    assert prepared.regions[-1].end == len(TRANSCRIPT)


@pytest.mark.parametrize(
    "text",
    [
        "Published : Feb 22, 2015 - 18:33\nUpdated : Feb 22, 2015 - 20:59\n",
        "18:33 was the time.\n",
        "He listed what matters. Note that: prices rose.\n",
        "Trade with North\nKorea: the figures grew.\n",
        "See http://example.com/a:b for details.\nhttps://example.com/x\n",
        "Source: Reuters.\n\nNote: figures are rounded.\n",
        "the minister: no comment.\n",
        "One Two Three Four Five: too many words.\n",
    ],
)
def test_non_labels_are_not_speakers(text: str) -> None:
    prepared = prepare("t.txt", text)
    assert prepared.regions == ()
    assert not any(s != t and not s.isspace() for s, t in zip(prepared.scan_text, text))


def test_question_and_answer_labels_are_speakers() -> None:
    text = "Q: What was the deficit?\nA: $27.7 billion, down 50%.\n"
    prepared = prepare("qa.txt", text)
    assert [(region.speaker, text[region.start : region.end]) for region in prepared.regions] == [
        ("Q", "Q: What was the deficit?\n"),
        ("A", "A: $27.7 billion, down 50%.\n"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Progress in three areas:\n\nEnergy: Imports fell.\n\nTrucking: Rates fell.\n\nAirlines: Fares fell.\n",
        "First: The threat is real.\n\nSecond: We must act.\n",
        "Gentlemen: Among the objects before you.\n",
        "Expenditures: 1946 1947\n",
    ],
)
def test_topic_lists_ordinals_and_table_heads_are_not_speakers(text: str) -> None:
    prepared = prepare("speech.txt", text)
    assert prepared.regions == ()
    assert prepared.scan_text == text


def test_markdown_bold_label_is_a_speaker() -> None:
    text = "**KH:** What happened in 2013?\n\n**Park:** Trade grew.\n"
    prepared = prepare("i.md", text)
    assert [region.speaker for region in prepared.regions] == ["KH", "Park"]
    assert masked(prepared.scan_text, text, "**KH:**")
    assert kept(prepared.scan_text, text, "What happened in 2013?")


def test_bare_urls_and_emails_are_masked_in_plain_text() -> None:
    text = "Read https://example.com/2015/02/22/story.html, then write to desk2015@example.com.\n"
    result = scan("a.txt", text)
    assert masked(result, text, "https://example.com/2015/02/22/story.html")
    assert masked(result, text, "desk2015@example.com")
    assert kept(result, text, ", then write to ")
    assert result.endswith(".\n")


# --- markdown -------------------------------------------------------------------------------

MARKDOWN = """---
title: "Trade: 2015"
date: 2015-02-22
---

# Trade in 2013

Trade was 58 times larger, see [the report](https://example.com/r/2013 "Report 2013") and
[the annex][annex] or <https://example.com/2014>. Use `x = 12` inline.

```python
total = 9 + 103
```

~~~
112
~~~

    indented = 7

- a list item
  continued

    still the list item, 45 tonnes

![chart of 2013 trade](img/chart-2013.png)
<!-- hidden 99 -->
Escaped \\$5 price.<br>

[annex]: https://example.com/annex-77 "Annex 77"
"""


def test_markdown_front_matter_is_masked_and_date_read() -> None:
    prepared = prepare("a.md", MARKDOWN)
    assert prepared.front_matter_date == "2015-02-22"
    front_end = MARKDOWN.index("---\n\n") + 3
    assert blank(prepared.scan_text[:front_end])
    assert prepared.scan_text.count("\n") == MARKDOWN.count("\n")


@pytest.mark.parametrize(
    "part",
    [
        "total = 9 + 103",
        "112",
        "indented = 7",
        "`x = 12`",
        "![chart of 2013 trade](img/chart-2013.png)",
        "<!-- hidden 99 -->",
        "<br>",
        '[annex]: https://example.com/annex-77 "Annex 77"',
        '(https://example.com/r/2013 "Report 2013")',
        "][annex]",
        "<https://example.com/2014>",
    ],
)
def test_markdown_non_prose_is_masked(part: str) -> None:
    assert masked(scan("a.md", MARKDOWN), MARKDOWN, part)


@pytest.mark.parametrize(
    "part",
    ["# Trade in 2013", "Trade was 58 times larger, see ", "the report", "the annex", "still the list item, 45 tonnes"],
)
def test_markdown_prose_is_kept(part: str) -> None:
    assert kept(scan("a.md", MARKDOWN), MARKDOWN, part)


def test_markdown_escape_backslash_is_masked() -> None:
    result = scan("a.md", MARKDOWN)
    start = MARKDOWN.index("\\$5")
    assert result[start : start + 3] == " $5"


def test_markdown_without_closed_front_matter_keeps_it_as_text() -> None:
    text = "---\ndate: 2015-02-22\n\nBody 5 percent.\n"
    prepared = prepare("a.md", text)
    assert prepared.front_matter_date is None
    assert kept(prepared.scan_text, text, "date: 2015-02-22")


def test_markdown_unclosed_fence_runs_to_the_end() -> None:
    text = "Prose 5.\n\n```\ncode 6\n\nmore 7\n"
    result = scan("a.md", text)
    assert kept(result, text, "Prose 5.")
    assert blank(result[text.index("```") :])


def test_markdown_ordered_list_numbers_are_masked() -> None:
    text = "Reasons:\n\n1. Trade grew 58 times.\n2) Debt fell by $10 billion.\n   3. Nested 7 items.\n"
    result = scan("a.md", text)
    assert [line.split()[0] for line in result.splitlines()[2:]] == ["Trade", "Debt", "Nested"]
    assert kept(result, text, "Trade grew 58 times.")


def test_markdown_number_opening_a_wrapped_line_is_prose() -> None:
    text = "Exports peaked in\n2013. After that they fell.\n"
    assert scan("a.md", text) == text


def test_markdown_indented_line_continuing_a_paragraph_is_prose() -> None:
    text = "A paragraph about 2013\n    continued with 58 times.\n"
    assert scan("a.md", text) == text


# --- html -----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Trade 2015</title>
<style>p { margin: 10px; }</style>
<script>var n = 42; if (a < b) { n = 7; }</script></head>
<body class="x">
<h1>Trade</h1><p>North Korea exported $9&nbsp;million &amp; imported $103&#160;million.</p>
<!-- comment 11 -->
<p>It&#8217;s <b>58</b> times<br>larger.</p><pre>code 13</pre>
</body></html>
"""


def test_html_keeps_body_text_at_its_offsets() -> None:
    result = scan("a.html", HTML)
    assert kept(result, HTML, "North Korea exported $9")
    assert kept(result, HTML, "58")
    assert kept(result, HTML, "larger.")


@pytest.mark.parametrize(
    "part",
    ["<title>Trade 2015</title>", "p { margin: 10px; }", "var n = 42; if (a < b) { n = 7; }", "<!-- comment 11 -->",
     'class="x"', "code 13", "<!DOCTYPE html>"],
)
def test_html_markup_head_script_style_and_code_are_masked(part: str) -> None:
    assert masked(scan("a.html", HTML), HTML, part)


def test_html_character_references_become_their_character() -> None:
    result = scan("a.html", HTML)
    start = HTML.index("$9&nbsp;")
    assert result[start : start + len("$9&nbsp;million")] == "$9\xa0     million"
    assert result[HTML.index("&amp;") : HTML.index("&amp;") + 5] == "&    "
    assert result[HTML.index("&#8217;") : HTML.index("&#8217;") + 7] == "’      "
    assert "$103\xa0     million" in result


def test_html_references_leave_gaps_that_extraction_skips() -> None:
    text = "<p>1&#44;000 people, 12&#37; of them, AT&amp;T</p>"
    prepared = prepare("a.html", text)
    comma = text.index("&#44;")
    assert prepared.scan_text[comma : comma + 5] == ",    "
    assert (comma + 1, comma + 5) in prepared.gaps
    assert all(prepared.scan_text[a:b].isspace() for a, b in prepared.gaps)


def test_an_overlong_numeric_reference_is_kept_as_written() -> None:
    """html.unescape reads "&#" and 5,000 digits into an int past Python's limit (ValueError)."""
    for path in ("a.html", "a.md", "a.srt"):
        text = "1\n00:00:01,000 --> 00:00:02,000\n" if path == "a.srt" else ""
        prepare(path, text + "It was &#" + "9" * 5000 + "; people.\n")


def test_markdown_decodes_references_in_prose_not_in_code() -> None:
    text = "Costs rose 12&#37; in `x &#37;` code.\n"
    result = scan("a.md", text)
    assert result[text.index("12&#37;") :].startswith("12%    ")
    assert "&" not in result


def test_html_block_tags_break_paragraphs() -> None:
    result = scan("a.html", HTML)
    assert result[HTML.index("<p>North")] == "\n"
    assert result[HTML.index("<h1>") : HTML.index("<h1>") + 2] == "\n\n"
    assert result[HTML.index("<br>")] == "\n"
    assert blank(result[HTML.index("<b>") : HTML.index("<b>") + 3])


def test_html_without_body_keeps_all_text_outside_skipped_elements() -> None:
    text = "<div>Exports rose 5%.</div><script>x = 3</script>"
    result = scan("frag.htm", text)
    assert kept(result, text, "Exports rose 5%.")
    assert masked(result, text, "x = 3")


def test_html_labels_in_paragraphs_are_speakers() -> None:
    text = "<p><strong>KH:</strong> How large?</p><p><strong>Park:</strong> 58 times.</p>"
    prepared = prepare("i.html", text)
    assert [region.speaker for region in prepared.regions] == ["KH", "Park"]
    assert masked(prepared.scan_text, text, "KH:")


# --- subtitles ------------------------------------------------------------------------------

SRT = """1
00:00:01,000 --> 00:00:03,500
Park: Trade with China was
<i>58 times</i> larger

2
00:00:03,600 --> 00:00:05,000
than with Russia &amp; Japan.

3
00:00:05,100 --> 00:00:07,000
KH: And in 2014?
"""


def test_srt_cues_flow_as_one_paragraph() -> None:
    result = scan("a.srt", SRT)
    assert words(result) == "Trade with China was 58 times larger than with Russia & Japan. And in 2014?".split()
    assert "\n\n" not in result
    assert kept(result, SRT, "Trade with China was\n")
    assert masked(result, SRT, "00:00:01,000 --> 00:00:03,500")
    between = result[SRT.index("larger") + len("larger") : SRT.index("than")]
    assert between == " " * len(between)


def test_srt_regions_carry_cues_as_written_and_speakers() -> None:
    prepared = prepare("a.srt", SRT)
    trade = region_at(prepared, SRT.index("58 times"))
    assert trade.cue == ("00:00:01,000", "00:00:03,500")
    assert trade.speaker == "Park"
    russia = region_at(prepared, SRT.index("Russia"))
    assert (russia.cue, russia.speaker) == (("00:00:03,600", "00:00:05,000"), "Park")
    later = region_at(prepared, SRT.index("2014"))
    assert (later.cue, later.speaker) == (("00:00:05,100", "00:00:07,000"), "KH")
    assert region_at(prepared, SRT.index("00:00:03,600")) is None
    starts = [region.start for region in prepared.regions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(prepared.regions, prepared.regions[1:]))


@pytest.mark.parametrize(("text", "line"), [("This is not a subtitle file at all.\n", 1), ("\n\nJust 5 words.\n", 3)])
def test_a_text_without_any_subtitle_block_is_an_input_error(text: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        prepare("bad.srt", text)
    assert str(caught.value) == f"bad.srt: not a valid SRT file: no subtitle block can be read at line {line}"


def test_a_malformed_srt_block_is_a_warning_with_its_line_and_the_others_are_kept() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nHi 5\n\n2\n00:00:03,000 -> 00:00:04,000\nThere 7\n\n3\n00:00:05,000 --> 00:00:06,000\nBye 9\n"
    prepared = prepare("bad.srt", text)
    assert prepared.warnings == ("line 5: text that is not a subtitle block; not scanned",)
    assert words(prepared.scan_text) == ["Hi", "5", "Bye", "9"]


@pytest.mark.parametrize("hours", ["9" * 30, "9" * 5000])
def test_an_srt_cue_with_an_enormous_hour_is_a_warning(hours: str) -> None:
    """The hour field overflowed inside the subtitle parser (OverflowError; ValueError past 4,300 digits)."""
    text = f"1\n{hours}:00:01,000 --> 00:00:02,000\nLost 5\n\n2\n00:00:03,000 --> 00:00:04,000\nKept 7\n"
    prepared = prepare("big.srt", text)
    assert prepared.warnings == ("line 2: a subtitle whose times cannot be read; not scanned",)
    assert words(prepared.scan_text) == ["Kept", "7"]


VTT = """WEBVTT - interview

STYLE
::cue { color: red; }

NOTE recorded 2015-02-20

intro
00:01.000 --> 00:04.000 align:start
<v Park Byung-in>Trade was 58 times
that of Russia</v>

00:04.500 --> 00:00:07.250
and grew 10-fold.
"""


def test_vtt_keeps_only_cue_text() -> None:
    result = scan("a.vtt", VTT)
    assert words(result) == "Trade was 58 times that of Russia and grew 10-fold.".split()
    for part in ("WEBVTT - interview", "::cue { color: red; }", "NOTE recorded 2015-02-20", "align:start", "intro"):
        assert masked(result, VTT, part)


def test_vtt_regions_carry_cue_times_as_written_and_voice() -> None:
    prepared = prepare("a.vtt", VTT)
    first = region_at(prepared, VTT.index("58"))
    assert first.cue == ("00:01.000", "00:04.000")
    assert first.speaker == "Park Byung-in"
    second = region_at(prepared, VTT.index("10-fold"))
    assert second.cue == ("00:04.500", "00:00:07.250")
    assert second.speaker is None


def test_malformed_vtt_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^bad\.vtt: not a valid WebVTT file: "):
        prepare("bad.vtt", "Just some text, 5 percent.\n")


@pytest.mark.parametrize("path", ["empty.vtt", "empty.srt"])
@pytest.mark.parametrize("text", ["", "\n \n"])
def test_an_empty_subtitle_file_has_no_cues_and_is_no_error(path: str, text: str) -> None:
    prepared = prepare(path, text)  # an empty .vtt was "not a valid WebVTT file"
    assert (prepared.regions, prepared.warnings) == ((), ())


def test_a_vtt_cue_with_a_malformed_timestamp_is_a_warning_with_its_line() -> None:
    """The parser drops such a cue; its text was lost without a word."""
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne 5\n\n00:0x.000 --> 00:03.000\nTwo 7\n\n00:04.000 --> 00:05.000\nThree 9\n"
    prepared = prepare("a.vtt", text)
    assert prepared.warnings == ("line 6: a cue whose timing line cannot be read; not scanned",)
    assert words(prepared.scan_text) == ["One", "5", "Three", "9"]


# --- properties -----------------------------------------------------------------------------

MARKUP = st.sampled_from(
    ["\n", "\n\n", " ", "---\n", "```", "~~~", "    ", "`", "[", "]", "(", ")", "!", "<", ">", "&", ";", "#",
     "&amp;", "&#8217;", "<p>", "</p>", "<br>", "<!--", "-->", "<script>", "</script>", "http://x.y/1",
     "KH: ", "Park Byung-in: ", "date: 2015-02-22\n", "*", "\\", "-", "1.", "Q:", "\t", "\r\n"]
)
TEXTS = st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["a.txt", "a.md"]))
def test_plain_and_markdown_only_blank_characters(text: str, path: str) -> None:
    result = scan(path, text)
    decoded = {at for m in CHAR_REFERENCE.finditer(text) for at in range(*m.span())} if path.endswith(".md") else set()
    assert all(s == t or s == " " or at in decoded for at, (s, t) in enumerate(zip(result, text)))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_html_keeps_the_length(text: str) -> None:
    scan("a.html", text)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(["a.srt", "a.vtt"]))
def test_subtitles_keep_the_length_or_refuse(text: str, path: str) -> None:
    try:
        scan(path, text)
    except InputError as exc:
        assert "\n" not in str(exc)


# --- the passage fixtures -------------------------------------------------------------------


def fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_markdown_passage_reads_as_heading_and_passage() -> None:
    text = fixture("passage.md")
    prepared = prepare("passage.md", text)
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    assert glyphs(prepared.scan_text) == glyphs(heading + fixture("passage.txt"))
    assert prepared.front_matter_date == "2015-02-22"
    assert masked(prepared.scan_text, text, "ratio = 58 * 1000")


def test_srt_passage_reads_as_passage() -> None:
    prepared = prepare("passage.srt", fixture("passage.srt"))
    assert glyphs(prepared.scan_text) == glyphs(fixture("passage.txt"))
    assert words(prepared.scan_text) == words(fixture("passage.txt"))
    assert {region.speaker for region in prepared.regions} == {"Park"}
    assert all(region.cue is not None for region in prepared.regions)


# --- speaker labels: any script, linear time --------------------------------------------------


def test_speaker_labels_in_scripts_without_capitals() -> None:
    arabic = "محمد: لدينا 300 شخص هنا.\n\nأحمد: نعم، 200 فقط.\n\nمحمد: حسنا.\n"
    assert [r.speaker for r in prepare("a.txt", arabic).regions] == ["محمد", "أحمد", "محمد"]
    chinese = "记者：你们有300人吗？\n\n王先生：有，200人。\n\n记者：好。\n"
    prepared = prepare("a.txt", chinese)
    assert [r.speaker for r in prepared.regions] == ["记者", "王先生", "记者"]
    assert prepared.scan_text.startswith("   你们有300人吗")


def test_text_without_colons_has_no_speakers() -> None:
    """10k/20k/40k such lines took 1.8/7.5/38 s: each label match searched the rest of the text for a colon."""
    text = "\n".join("Alpha Beta Gamma Delta " * 3 for _ in range(40_000))
    assert prepare("a.txt", text).regions == ()  # the benchmarks time it


@pytest.mark.parametrize("section", ["<![cooperan x]>", "<![if !IE]>", "<![", "<![CDATA[ 7 ]]>", "<![ ]>"])
def test_an_html_marked_section_is_a_bogus_comment_not_a_crash(section: str) -> None:
    """Found by fuzzing: html.parser raised AssertionError (unknown status keyword in marked section)."""
    text = f"<p>It cost $5 million.</p>{section}<p>And 40,000 tons.</p>"
    result = scan("a.html", text)
    assert "$5 million" in result and "40,000 tons" in result
    assert blank(result[text.index(section) : text.index(section) + len(section)])
