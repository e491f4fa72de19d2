"""Decode a document, index its lines, split it into sentences and find its date.

Every offset is a code point index into the decoded text. Decoding removes a UTF-8 BOM and
nothing else (line ends stay as they are), so offsets point into the original.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

import regex

from factcheck.charforms import fold_forms

# --- language data -----------------------------------------------------------------------
# Abbreviations are matched exactly as written (case matters: "Ill." is a state, "ill." a word).

NON_FINAL = frozenset("""
    Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Sen Sens Rep Reps Gov Govs Gen Gens Lt Col Maj Capt
    Cmdr Cdr Sgt Adm Rev Hon Pres Supt Fr Msgr Brig Cpl Pvt Insp Atty Amb Mme Mlle
    e.g i.e cf viz vs v ca approx
""".split())
"""Abbreviations that do not end a sentence: titles before a name, "e.g.", "vs."."""

ABBREVIATIONS = frozenset("""
    Jr Sr St Mt Ft Ave Blvd Rd Hwy Co Corp Inc Ltd Bros Dept Univ Assn Govt Intl Natl
    No Nos Vol Vols Fig Figs Ch Sec Art Ed Eds Op
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
    etc al vol vols p pp fig figs ch sec incl esp ibid op cit ed eds ff
    Rs Rp Ksh Tk Php
""".split())
"""Abbreviations that may end a sentence ("... and Co. The") or not ("Jan. 1", "St. Louis")."""

SENTENCE_OPENERS = frozenset("""
    A An The This That These Those There Here It Its He She We They I You His Her Our Their My
    Your But And Or So Yet If When While Although Though Because Since As After Before Once
    In On At For From With By To Of Under During Despite Today Yesterday Now Then Still
    However Meanwhile Also Instead Thus Some Many Most All Both Each Every What Why How Who
    Where Which Not Such Other Another Yes
""".split())
"""Capitalised function words that begin sentences: after an ambiguous abbreviation such a
word shows the abbreviation ended the sentence ("... in the U.S. The"), any other capitalised
word that it did not ("U.S. President")."""

RUN_ON_WORDS = frozenset("""
    a an the of in on at to for from by with into onto about and or but nor as than that which
    who whose whom
""".split())
"""Words a line cannot end with unless the sentence goes on on the next line."""

TERMINATORS = ".?!…‽"
CLOSERS = "\"'”’»)]}"
CONTINUERS = ",;:.?!…)]}%"  # a sentence never starts with one of these
LINE_CONTINUERS = ",;:-‐–—/&+=([{\\"  # a line ending in one of these runs on
BULLETS = "•‣◦▪·*-–—"

SHORT_LINE = 40  # a line this short is always short enough to be a heading
SHORT_SHARE = 0.6  # ... and so is one under this share of the text's typical line length
MAX_SENTENCE = 1000  # a longer run without an end (a table, a list, CSV) is cut at a line break, else a space
TABLE_ROW = re.compile(r"\|[^|\n]*\|[^\n]*|\S\t+\S")  # cells between pipes, or tab-separated

_BOUNDARY = regex.compile(  # `regex`: variable-length lookbehind, and faster here than `re`
    r"(?P<term>[.?!…‽]+)"
    r"(?:(?<=(?:^|[\s\"'“‘«(\[{/-])(?P<before>[^\s\"'“‘«(\[{/-]{1,8})[.?!…‽]+))?"
    r"[\"'”’»)\]}]*(?=\s+[\"'“‘«(\[{]*(?P<next>\w+|\S)|\s*\Z)"
    r"|(?P<para>(?:\r\n?|\n)(?:[^\S\r\n]*(?:\r\n?|\n))+)"
    r"|(?P<line>\r\n?|\n)"
)
"""A terminator run with its closing quotes before whitespace, `before` the word before it
when short enough to be an abbreviation (its part after a hyphen or slash), `next` the word
after it; or a paragraph break; or a line break."""
_NEXT = re.compile(r"\s*(?P<open>[\"'“‘«(\[{]*)(?P<word>\w+|\S)?")
_INITIALISM = re.compile(r"[A-Za-z]{1,3}(?:\.[A-Za-z]{1,3})+")
_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A span of `Document.text` (end exclusive) without surrounding whitespace."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass
class Document:
    """A decoded text with its sentences and date. `sentences` is fixed once constructed."""

    path: str
    text: str
    scan_text: str
    sentences: list[Sentence]
    date: dt.date | None = None
    date_source: str | None = None
    warnings: list[str] = field(default_factory=list)
    gaps: tuple[tuple[int, int], ...] = ()  # padding of decoded character references (formats.base.Prepared)
    _line_starts: list[int] = field(init=False, repr=False, compare=False)
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        self._sentence_starts = [s.start for s in self.sentences]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset; \\r\\n, \\n and \\r end lines."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text (length {len(self.text)})")
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding `offset`; between sentences, the one before (or the first)."""
        if not self.sentences:
            raise ValueError(f"{self.path}: the text has no sentences")
        return self.sentences[max(bisect_right(self._sentence_starts, offset) - 1, 0)]

    def sentence_text(self, sentence: Sentence) -> str:
        """The original text of a sentence (not the masked scan text)."""
        return self.text[sentence.start:sentence.end]

    def paragraph_sentences(self, paragraph: int) -> list[Sentence]:
        """The sentences of one paragraph, in order (empty for a paragraph that does not exist)."""
        key = attrgetter("paragraph")
        lo = bisect_left(self.sentences, paragraph, key=key)
        return self.sentences[lo:bisect_right(self.sentences, paragraph, lo=lo, key=key)]


# --- decoding ----------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of `data` and warnings. UTF-8 (a BOM removed) or UTF-16 with a BOM; other
    bytes decode losslessly as Windows-1252 where they can, else as Latin-1, with a warning."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), []
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        where = f"not valid UTF-8 at byte {exc.start}"
    try:
        return data.decode("cp1252"), [f"{where}; decoded as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{where}; decoded as Latin-1"]


# --- sentences ---------------------------------------------------------------------------

def segment(text: str) -> list[Sentence]:
    """Split `text` into sentences. Blank lines end sentences and paragraphs; a single line
    break ends one after a short line without final punctuation (a heading, a byline) or after
    a table row; no sentence is longer than MAX_SENTENCE, so work per sentence is bounded."""
    sentences: list[Sentence] = []
    start, paragraph, filled = 0, 0, False
    for cut, ends_paragraph in _cuts(text):
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            first = start + len(piece) - len(piece.lstrip())
            for low, high in _bounded(text, first, first + len(stripped)):
                sentences.append(Sentence(len(sentences), low, high, paragraph))
            filled = True
        if ends_paragraph and filled:
            paragraph, filled = paragraph + 1, False
        start = cut
    return sentences


def _cuts(text: str) -> Iterator[tuple[int, bool]]:
    """(offset, ends a paragraph) for each sentence end, the end of the text last."""
    limit = cache(lambda: _short_line_limit(text))
    line_start = 0
    for match in _BOUNDARY.finditer(text):
        term, before, word, para, _ = match.groups()
        if term:
            if _term_ends_sentence(term, before, word):
                yield match.end(), False
            continue
        if para:
            yield match.start(), True
        elif _line_ends_sentence(text, line_start, match.start(), match.end(), limit):
            yield match.start(), False
        line_start = match.end()
    yield len(text), True


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """text[start:end] in pieces of at most MAX_SENTENCE characters without surrounding space,
    each cut at its last line break, else its last space, else at the limit."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = text.rfind("\n", start + 1, limit + 1)
        if cut < 0:
            cut = max(text.rfind(" ", start + 1, limit + 1), text.rfind("\t", start + 1, limit + 1))
        cut = cut if cut > 0 else limit
        piece = text[start:cut].rstrip()
        if piece:
            yield start, start + len(piece)
        start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
    if end > start:
        yield start, end


def _term_ends_sentence(term: str, before: str | None, word: str | None) -> bool:
    """Whether a terminator run ends its sentence, given the short word before it (None when
    long) and the word after it (None at the end of the text)."""
    if word is None:
        return True
    if word[0].islower() or word[0] in CONTINUERS:
        return False
    if before is None or term != ".":
        return True
    if before in NON_FINAL or (before.isupper() and before.capitalize() in NON_FINAL and word.isupper()):
        return False  # "REP. GARLAND:", as transcripts print a speaker's title and name in capitals
    if before in ABBREVIATIONS or _is_initialism(before):
        return word in SENTENCE_OPENERS
    return True


def _is_initialism(word: str) -> bool:
    """An initial ("W") or dotted letters ("U.S", "Ph.D", "a.m")."""
    if len(word) == 1:
        return word.isupper()
    return "." in word and _INITIALISM.fullmatch(word) is not None


def _line_ends_sentence(text: str, line_start: int, start: int, end: int, limit: Callable[[], float]) -> bool:
    """Whether the line break at start:end ends a sentence: after a short line that lacks final
    punctuation and a trailing "of"/"the", before a line that starts like a new unit (capital,
    digit, quote, bullet)."""
    line = text[line_start:start].strip()
    if TABLE_ROW.search(line) or TABLE_ROW.search(text, end, _line_end(text, end)):
        return True
    bare = line.rstrip(CLOSERS)
    if not bare or bare[-1] in TERMINATORS or bare[-1] in LINE_CONTINUERS:
        return False
    if bare.rpartition(" ")[2] in RUN_ON_WORDS:
        return False
    following = _NEXT.match(text, end)
    word = following["word"]
    if word is not None and not (following["open"] or word[0].isupper() or word[0].isdigit()
                                 or word[0] in BULLETS):
        return False
    return len(line) < limit()


def _line_end(text: str, start: int) -> int:
    found = _LINE_BREAK.search(text, start)
    return found.start() if found else len(text)


def _short_line_limit(text: str) -> float:
    """Line length under which a line counts as short: a share of the 90th-percentile length
    of the non-blank lines, so hard-wrapped prose is not mistaken for headings."""
    lengths = sorted(len(line) for line in text.splitlines() if line and not line.isspace())
    typical = lengths[len(lengths) * 9 // 10] if lengths else 0
    return max(SHORT_LINE, SHORT_SHARE * typical)


# --- document date -----------------------------------------------------------------------

HEAD_LINES = 40  # the published line or dateline must be this near the top
HEADER_LINE_MAX = 120  # a "Published ..." line is a short header, not prose
HEADER_DATE_GAP = 48  # its date ends this near the keyword ("Posted on Sunday, 10:30 a.m., ...")

MONTHS = {name: number for number, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (rf"(?<!\d)(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?!\d)"
         rf"|\b(?P<am>{_MONTH})\.?\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{{4}})\b"
         rf"|\b(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<bm>{_MONTH})\.?,?\s+(?P<by>\d{{4}})\b")
_DATE_RE = re.compile(_DATE)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(?P<body>.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_FRONT_DATE = re.compile(r"^(?:date|published|pub_?date|publish_?date|created)[ \t]*:(?P<value>.*)$",
                         re.M | re.I)
_HEADER = re.compile(r"\W*(?:(?P<first>(?:first\s+)?published|posted|dated?)"
                     r"|(?:last\s+)?updated|modified|revised)\b(?P<rest>.*)", re.I)
_PLACE = r"[A-Z][\w.'’() -]{0,40}?,\s*"
_AGENCY = r"(?:\s*\([^)\n]{1,30}\))?"
_DATELINE = re.compile(rf"\W{{0,3}}(?:{_PLACE}){{0,2}}(?:{_DATE}){_AGENCY}\s*(?:--|[-–—―:])")


def find_document_date(text: str) -> tuple[dt.date | None, str | None]:
    """The date a text states for itself and where it came from: front matter, a
    "Published ..." header line (preferred to "Updated ..."), or a news dateline."""
    front = _FRONT_MATTER.match(text)
    if front:
        for key in _FRONT_DATE.finditer(front["body"]):
            found = _first_date(key["value"])
            if found:
                return found, "front-matter"
    head = _LINE_BREAK.split(text, maxsplit=HEAD_LINES)[:HEAD_LINES]
    found = _header_date(head)
    if found:
        return found, "published-line"
    for line in head:
        match = _DATELINE.match(line.strip())
        found = _date_of(match) if match else None
        if found:
            return found, "dateline"
    return None, None


def _header_date(lines: list[str]) -> dt.date | None:
    """The date of the first "Published"-like header line, else of the first "Updated" one."""
    later = None
    for line in lines:
        header = _HEADER.match(line.strip()) if len(line) <= HEADER_LINE_MAX else None
        date = _DATE_RE.search(header["rest"], 0, HEADER_DATE_GAP) if header else None
        found = _date_of(date) if date else None
        if found and header["first"]:
            return found
        later = later or found
    return later


def _first_date(text: str) -> dt.date | None:
    for match in _DATE_RE.finditer(text):
        found = _date_of(match)
        if found:
            return found
    return None


def _date_of(match: re.Match[str]) -> dt.date | None:
    """The date of a match of _DATE, or None when it names no real day (Feb 30)."""
    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    elif match["am"]:
        year, month, day = int(match["ay"]), MONTHS[match["am"][:3].lower()], int(match["ad"])
    else:
        year, month, day = int(match["by"]), MONTHS[match["bm"][:3].lower()], int(match["bd"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- loading -----------------------------------------------------------------------------

def load(path: str, data: bytes, *, date: dt.date | None = None, scan_text: str | None = None) -> Document:
    """Decode `data` and build its Document (see load_text); decoding warnings come first."""
    text, warnings = decode(data)
    doc = load_text(path, text, date=date, scan_text=scan_text)
    doc.warnings[:0] = warnings
    return doc


def load_text(path: str, text: str, *, date: dt.date | None = None, scan_text: str | None = None,
              gaps: tuple[tuple[int, int], ...] = ()) -> Document:
    """A Document over `text`. Sentences and the stated date come from `scan_text` (the text
    with markup masked, same length, its character forms folded by `charforms`); a `date`
    given wins over the stated one."""
    scan = fold_forms(text if scan_text is None else scan_text)
    if len(scan) != len(text):
        raise ValueError(f"{path}: scan text has {len(scan)} code points, the text {len(text)}")
    found, source = (date, "option") if date else find_document_date(scan)
    return Document(path=path, text=text, scan_text=scan, sentences=segment(scan),
                    date=found, date_source=source, gaps=gaps)
