"""A sentence as frames see it: its words, with every claim replaced by one typed slot token.

"Receipts were $61,337,574 and payments $12,703,329" becomes
"Receipts were ⟨money level number #0⟩ and payments ⟨money level number #1⟩", where ⟨ and ⟩
are the private-use characters SLOT_OPEN and SLOT_CLOSE and the number indexes the claims of
the window. Runs of whitespace become one space, so a space in a frame pattern is a space
here. Hedge words stay words ("about", "more than"): a slot may take them before its token, and
a frame may read them as words of its own ("$2 million more than $7 million"). A pair window
joins two sentences of one paragraph with SENTENCE_BREAK.
"""

from __future__ import annotations

import math

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from factcheck.document import CLOSERS, Document
from factcheck.extract import units
from factcheck.intervals import numeral_in
from factcheck.model import Claim

if TYPE_CHECKING:
    from factcheck.extract.rulebook import Rulebook

SLOT_OPEN, SLOT_CLOSE, SENTENCE_BREAK = "\ue000", "\ue001", "\ue002"
MARKS = SLOT_OPEN + SLOT_CLOSE + SENTENCE_BREAK  # the only characters of a window that are not its sentences
TOKEN = regex.compile(f"{SLOT_OPEN}[^{SLOT_CLOSE}]*#(\\d+){SLOT_CLOSE}")
# a figure told with its year ("$239,000,000 in 1930"), and one a change starts from ("from 31 cents")
DATED = regex.compile(f"{SLOT_OPEN}[^{SLOT_CLOSE}]*#(\\d+){SLOT_CLOSE},? (?:in|for|during) (?:the )?"
                      f"{SLOT_OPEN} date year[^{SLOT_CLOSE}]*#(\\d+){SLOT_CLOSE}")
CHANGE_START = regex.compile(f"\\bfrom (?:(?:about|nearly|some|roughly|around|approximately) )?"
                             f"{SLOT_OPEN}[^{SLOT_CLOSE}]*#(\\d+){SLOT_CLOSE}", regex.IGNORECASE)
RESERVED = regex.compile("[\ue000-\ue002]")
SPACES = regex.compile(r"\s+")
# the point of an abbreviation that ends a figure's words ("48 per cent. of the gross", "98 cts. a bushel"): before
# a word in lower case it ends nothing, so a window reads on past it (after digits, "$371,403,277.66. the", it ends
# a sentence the text failed to capitalise)
ABBREVIATION_POINT = regex.compile(r"^\.(?= \p{Ll})")
# a hesitation ("1,140 vacancies, er, of which 410"): the words read on as if it were not said, and so does the
# comma before it where that comma only opened the pause, after a word that cannot end a clause ("a jump of, um, 50%") or a
# verb whose object the pause holds back ("so we added, uh, 160 people")
_HES = r"\s+(?:uh|um|umm|er|erm|uhm|ah),(?=\s)"
HESITATION = regex.compile(
    r"(?<=\b(?:of|from|to|by|is|was|were|are|be|been|the|a|an|at|about|around|and|or|than|with|for|in|on|its|it[\x27’]s|that[\x27’]s"
    r"|added|lost|gained|hired|had|have|has|got|made|hit|reached|paid|spent|raised|sold|took|roughly|nearly|almost|maybe|another"
    r"|I[\x27’]m|we[\x27’]re|you[\x27’]re|they[\x27’]re|he[\x27’]s|she[\x27’]s))\s*,"
    + _HES + r"|(?<=,)" + _HES + r"|(?<=[^\W\d])" + _HES, regex.IGNORECASE)
# a word said twice across a comma or a dash ("went from 1,800 to — to 2,700", "it's, it's five times"): read once
# ("from eleven minutes to, uh, to eight": once the pause is out, a short word said twice in a row), but not
# written prose's "disposed of, of which"
STUTTER = regex.compile(r"\b(\p{L}+(?:[\x27’]\p{L}+)?)(?!\s*,\s*of\s+(?:which|whom)\b)\s*(?:,|—|–|--|…|\.\.\.)\s*(?=\1\b)"
                        r"|\b(to|from|of|the|an?|at|by|in|on|for|with|and|or)\s+(?=\2\b(?![-\x27’]))", regex.IGNORECASE)
SPOKEN_PAIR = regex.compile(r"\s*(?:,|,?\s+or|\s*(?:—|–|--))\s*")  # "thirty-two, thirty-three percent", "5 or 6 percent"
SPOKEN_PAIR_GAP = 5  # the two of such a pair lie this close
NAMED_DAY = regex.compile(r",?\s+(last|next)$", regex.IGNORECASE)
MONTH_ALONE = regex.compile(r"(?:the\s+month\s+of\s+)?\p{L}+\.?", regex.IGNORECASE)  # "September", "the month of May"
TOOK = regex.compile(r"\b(?:in|over|within|inside)\s+(?:(?:just|only|under|less\s+than)\s+)?$", regex.IGNORECASE)
LEVEL_KINDS = frozenset({"money", "count", "distance", "quantity"})
NUMERIC_KINDS = LEVEL_KINDS | {"percent", "ratio", "ordinal"}
AGE = regex.compile(r"\b(?:old|of age)$", regex.IGNORECASE)
HALVING = regex.compile(r"\bhalv(?:ed|ing|es)\b", regex.IGNORECASE)
ANNIVERSARY = regex.compile(r"\b(?:anniversar(?:y|ies)|birthday|jubilee)$", regex.IGNORECASE)
BIRTHDAY = regex.compile(r"\bbirthdays?$", regex.IGNORECASE)
AGO = regex.compile(r"\byears?\s+ago$", regex.IGNORECASE)
HENCE = regex.compile(r"\byears?\s+(?:from\s+now|hence|from\s+today)$", regex.IGNORECASE)
COMPOUND = regex.compile(r"[\w\d]-(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\p{L}+teen|twenty|thirty|forty|"
                          r"fifty|sixty|seventy|eighty|ninety|strong)$)\p{L}+$", regex.IGNORECASE)
# not "twenty-nine", "three-ten" (310, said in pairs), nor "a 15,600-strong workforce" (a head count)
LIMITS = frozenset({"before", "no later than"})  # the bound words of a date that is a deadline
ARTICLE = regex.compile(r"^an?\s+", regex.IGNORECASE)
QUOTIENT = regex.compile(r"\s(?:in|out\s+of|over)\s", regex.IGNORECASE)
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "quarter"})
INFERRED = ("year_inferred", "month_inferred", "assumed", "year_unstated")
BRACKETED = regex.compile(r"[(\[] ?(?:(?:about|roughly|some|approximately|around|nearly|almost|or|c\.|ca\.) )?$", regex.IGNORECASE)

FILLER_WORDS = 6  # at most this many words make a sentence with no figure a filler between two that have them
QUESTION_WORDS = 12  # at most this many words make a question with no figure part of the window it falls in
ECHO_WORDS = 5  # at most this many words make a sentence that only repeats figures an echo (see `echoes`)


@dataclass(frozen=True, slots=True)
class Window:
    """Slot text of one sentence (or two), and the claims its tokens index."""

    text: str
    claims: tuple[Claim, ...]
    sentences: tuple[int, ...]
    tags: frozenset[str]  # every tag of its claims: a frame that needs others cannot match here
    tagged: tuple[tuple[str, ...], ...]  # the tags of each claim


def tags(claim: Claim, periods: frozenset[str] | dict[str, object] = frozenset(),
         anniversaries: frozenset[str] | dict[str, object] = frozenset()) -> tuple[str, ...]:
    """The words a frame slot can ask for: the kind, and what kind of figure the claim is.

    `periods` are the nouns that make a count a duration ("the remaining three quarters");
    `anniversaries` the words that are an anniversary with its number ("centenary", "golden jubilee").
    """
    found = [claim.kind]
    if claim.extra.get("relative") and claim.kind != "date" or claim.value is None and claim.low is None:
        return (*found, "unstated")
    ranged = claim.low is not None and claim.high is not None
    duration = claim.kind == "quantity" and claim.unit in TIME_UNITS or claim.kind == "count" and last_word(claim) in periods
    if claim.kind in NUMERIC_KINDS and isinstance(claim.value, (int, float)) and not ranged:
        found.append("number")
        if quotient(claim):
            found.append("fraction")  # "one in four": a share of something, not a count of it
        elif claim.kind == "count" and COMPOUND.search(claim.text):
            found.append("attribute")  # "six-party talks", "a three-year plan": a modifier, not an amount
        elif claim.kind in LEVEL_KINDS and not duration:
            found.append("level")  # a stretch of time ("over five years") is when, not how much
        if claim.kind == "count" and bare(claim.text):
            found.append("bare")  # "I'm 58", "Seventy-seven.": a number told with no noun, as an age is
    if ranged:
        found.append("range")
    if claim.kind == "ratio" and isinstance(claim.value, (int, float)):
        if claim.value > 1 or HALVING.search(claim.text):
            found.append("multiple")  # "tripled", "58 times", "halved": a factor, not a share of something
        elif 0 < claim.value < 1:
            found.append("fraction")
    if claim.kind == "percent" and claim.unit == "percentage_point":
        found.append("points")
    if claim.kind == "date" and date_value(claim)[:4].isdigit():
        found.append("inferred" if any(claim.extra.get(k) for k in INFERRED) else "year")
        if yearless_day(claim) or yearless_month(claim):
            found.append("yearless")  # "on June 29", "in September": a day or month, which only a tense places in a year
        elif named := named_day(claim):
            found.append(f"told{named}")  # "the 27th of July last": the word after it places it
        if claim.extra.get("relative"):
            found.append("relative")
        if claim.extra.get("bound") in LIMITS:
            found.append("limit")  # "before January 1, 1915": a date set as the latest time for something
        if claim.extra.get("bound") == "since":
            found.append("since")  # "since 2015": a date a span runs from up to the time of speaking
    if claim.extra.get("per"):
        found.append("rate")
    if duration:
        found.append("duration")
        if claim.unit == "year":
            found.append("years")  # "87 years since 1776": a span a date can be checked against
    if claim.kind == "ordinal" and (ANNIVERSARY.search(claim.text) or " ".join(claim.text.casefold().split()) in anniversaries):
        found.append("anniversary")
        if BIRTHDAY.search(claim.text):
            found.append("birthday")  # a person's: read against a year of birth, whatever else its sentence dates
    if claim.kind == "date" and claim.extra.get("relative") and AGO.search(claim.text):
        found.append("ago")  # "fifty years ago": a year counted back from the time of speaking
    if claim.kind == "date" and claim.extra.get("relative") and HENCE.search(claim.text):
        found.append("hence")  # "27 years from now": a year counted on from the time of speaking
    if claim.kind == "quantity" and AGE.search(claim.text):
        found.append("age")
    return tuple(found)


def restatement(before: Claim, claim: Claim, between: str) -> bool:
    """Whether a figure in brackets restates the one before it in another unit ("1.1 million pounds of food
    (about 900,000 kilograms)", "£900 (about $1,150)"): it is no level of its own, so frames read past it."""
    if claim.kind != before.kind or claim.unit == before.unit or not (claim.unit and before.unit):
        return False
    if claim.kind != "money" and units.factor(before.unit, claim.unit) is None:
        return False
    return BRACKETED.search(between) is not None


def first_of_spoken_pair(before: Claim, claim: Claim, between: str) -> bool:
    """Whether a bare number is the first of two near percentages said with one sign ("thirty-two, thirty-three
    percent"): a hedge of the percentage, no amount of its own, so frames read it as words."""
    return (before.kind == "count" and claim.kind == "percent" and bare(before.text)
            and isinstance(before.value, (int, float)) and isinstance(claim.value, (int, float))
            and SPOKEN_PAIR.fullmatch(between) is not None and 0 < abs(claim.value - before.value) <= SPOKEN_PAIR_GAP)


def bare(text: str) -> bool:
    """Whether a figure is its numeral alone, an article aside ("58", "Seventy-seven", "A hundred and one")."""
    numeral = numeral_in(text)
    return numeral is not None and ARTICLE.sub("", text.strip()) == numeral


def quotient(claim: Claim) -> bool:
    """A count stated as one number in, out of or over another, below one: "one in four", "1 out of 3"."""
    return (claim.kind == "count" and isinstance(claim.value, (int, float)) and 0 < claim.value < 1
            and QUOTIENT.search(claim.text) is not None)


def date_value(claim: Claim) -> str:
    """A date claim's value, or the start of its range ("last summer", "1950-53")."""
    for value in (claim.value, claim.low):
        if isinstance(value, str):
            return value
    return ""


def last_word(claim: Claim) -> str:
    return claim.text.rsplit(None, 1)[-1].lower() if " " in claim.text else ""


def words_of(text: str, claims: tuple[Claim, ...]) -> str:
    """Slot text as the words it stands for: each slot token is its claim's text again."""
    return TOKEN.sub(lambda m: claims[int(m.group(1))].text, text).replace(SENTENCE_BREAK, " ")


def yearless_day(claim: Claim) -> bool:
    """A day and month told without a year ("on June 29", "Sept. 17"): the extractor placed it in the document's year."""
    return (claim.kind == "date" and bool(claim.extra.get("year_inferred")) and not claim.extra.get("relative")
            and not any(claim.extra.get(k) for k in INFERRED if k != "year_inferred")
            and isinstance(claim.value, str) and len(claim.value) == 10 and claim.low is None)


def yearless_month(claim: Claim) -> bool:
    """A month told alone ("in September", "the month of May"): the extractor placed it in the document's year."""
    return (claim.kind == "date" and bool(claim.extra.get("relative")) and isinstance(claim.value, str)
            and len(claim.value) == 7 and claim.low is None and MONTH_ALONE.fullmatch(claim.text) is not None)


def named_day(claim: Claim) -> str | None:
    """"last" or "next" for a day or a month told without a year and placed by the word after it ("the 27th of July
    last", "June 30 next", "October next"); else None."""
    if (claim.kind != "date" or not claim.extra.get("relative") or not isinstance(claim.value, str)
            or len(claim.value) not in (7, 10)):
        return None
    found = NAMED_DAY.search(claim.text)
    return found.group(1).lower() if found else None


def tally_side(claim: Claim) -> bool:
    """A number joined by a dash to another, as a vote or a score is told ("voted 5-2", "won 91-84"), wherever its
    sentence tells it: "finished 9-3 and won 9 of its 12 games" tells the 9 once more as a count."""
    digits = regex.escape(claim.text)
    every = regex.findall(rf"(?<![\d.,]){digits}(?![\d]|[.,]\d)", claim.sentence)
    sides = regex.findall(rf"(?<![\d.,]){digits}(?=[-–]\d)|(?<=\d[-–]){digits}(?![\d]|[.,]\d)", claim.sentence)
    return bool(sides) and len(sides) == len(every)


def claim_tags(claim: Claim, book: Rulebook) -> tuple[str, ...]:
    found = tags(claim, book.tables.get("period_noun", {}), book.tables.get("anniversary_word", {}))
    noun_tag = book.tables.get("noun_tag", {}).get(last_word(claim)) if claim.kind == "count" else None
    return (*found, str(noun_tag)) if noun_tag else found


def plain(text: str) -> str:
    return SPACES.sub(" ", STUTTER.sub("", HESITATION.sub("", RESERVED.sub(" ", text))))


Skips = dict[int, int]  # stretches of the text a window leaves out: start -> end (a figure taken back, see `retraction`)


def words_between(doc: Document, start: int, end: int, skips: Skips | None) -> str:
    """The words of the text from `start` to `end`, without the stretches of `skips` that begin there."""
    if not skips:
        return plain(doc.scan_text[start:end])
    pieces, at = [], start
    for cut, resume in sorted(skips.items()):
        if at <= cut < end:
            pieces.append(doc.scan_text[at:cut])
            at = min(max(resume, at), end)
    pieces.append(doc.scan_text[at:end])
    return plain("".join(pieces))


@dataclass(frozen=True, slots=True)
class Slotted:
    """One sentence cut at the claims that are its slots: the words around them and the tags of each."""

    words: tuple[str, ...]  # before the first slot, between two, after the last
    claims: tuple[Claim, ...]
    tagged: tuple[tuple[str, ...], ...]

    def text(self, first: int) -> str:
        """The sentence's slot text, its token numbers starting at `first`."""
        parts = [self.words[0]]
        for number, (claim, found, words) in enumerate(zip(self.claims, self.tagged, self.words[1:]), first):
            parts.append(f"{SLOT_OPEN} {' '.join(found)} #{number}{SLOT_CLOSE}")
            parts.append(ABBREVIATION_POINT.sub("", words) if claim.text[-1:].isalpha() else words)
        return "".join(parts).strip()


class Windows:
    """The windows of one document's sentences, given its claims by sentence. A sentence stands in its own
    window and in those of up to two pairs and three triples: its words and its claims' tags are read once."""

    def __init__(self, doc: Document, by_sentence: dict[int, list[Claim]], book: Rulebook, skips: Skips | None = None) -> None:
        self.doc, self.by_sentence, self.book, self.skips = doc, by_sentence, book, skips
        self.made: dict[int, Slotted] = {}

    def slotted(self, index: int) -> Slotted:
        if index not in self.made:
            self.made[index] = self.cut(index)
        return self.made[index]

    def cut(self, index: int) -> Slotted:
        sentence = self.doc.sentences[index]
        words, used, at = [], [], sentence.start
        for claim in self.by_sentence.get(index, ()):
            if claim.start < at:
                continue  # a claim that starts inside another is not a slot of its own
            words.append(words_between(self.doc, at, claim.start, self.skips))
            used.append(claim)
            at = max(claim.end, at)
        words.append(words_between(self.doc, at, max(at, sentence.end), self.skips))
        tagged = [claim_tags(claim, self.book) for claim in used]
        for i in range(1, len(used)):
            if restatement(used[i - 1], used[i], words[i]):
                tagged[i] = (*(t for t in tagged[i] if t != "level"), "restated")
            if first_of_spoken_pair(used[i - 1], used[i], words[i]):
                tagged[i - 1] = (*(t for t in tagged[i - 1] if t != "level"), "unstated")
        return Slotted(tuple(words), tuple(used), tuple(tagged))

    def restated(self) -> frozenset[str]:
        """The figures in brackets that restate the one before them in another unit, in every sentence (see
        `restatement`): a list need not take them."""
        return frozenset(c.id for slotted in map(self.slotted, self.by_sentence)
                         for c, tagged in zip(slotted.claims, slotted.tagged) if "restated" in tagged)

    def sentence(self, index: int) -> Window:
        """The slot text of one sentence."""
        return self.joined((index,))

    def run(self, index: int, size: int) -> Window | None:
        """The `size` sentences with claims that end with `index` (every frame of a pair or a triple binds a
        figure in each), all of one paragraph, joined by sentence breaks."""
        picked = window_sentences(self.doc, index, self.by_sentence, size)
        return None if picked is None else self.joined(picked)

    def joined(self, picked: tuple[int, ...]) -> Window:
        texts: list[str] = []
        claims: list[Claim] = []
        tagged: list[tuple[str, ...]] = []
        for i in picked:
            slotted = self.slotted(i)
            texts.append(slotted.text(len(claims)))
            claims.extend(slotted.claims)
            tagged.extend(slotted.tagged)
        return Window(f" {SENTENCE_BREAK} ".join(texts), tuple(claims), picked, frozenset(t for found in tagged for t in found),
                      tuple(tagged))


class WindowMarks:
    """What sole readings note of a window, read once however many triggers it holds: the claims a
    semicolon sets off together, the figures told with a year and those a change starts from."""

    def __init__(self, window: Window) -> None:
        self.window = window

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        return [(m.start(), int(m.group(1))) for m in TOKEN.finditer(self.window.text)]

    @cached_property
    def dated(self) -> dict[str, str]:
        """The figures told with a year right after them ("$239,000,000 in 1930"), and that year's text."""
        claims = self.window.claims
        return {claims[int(m.group(1))].id: claims[int(m.group(2))].text
                for m in DATED.finditer(self.window.text, overlapped=True)}

    @cached_property
    def starts(self) -> frozenset[str]:
        """The figures a change starts from ("corn from 31 cents to 50 1/4 cents")."""
        return frozenset(self.window.claims[int(m.group(1))].id for m in CHANGE_START.finditer(self.window.text))

    def clause_mates(self, index: int) -> frozenset[str]:
        """The claims of the clause of the `index`th claim where a semicolon sets that clause off, as one
        item of a list is told ("2.96 per cent in Germany; 37,496 …"); else every claim of the window."""
        text = self.window.text
        at = next(start for start, i in self.tokens if i == index)
        before, after = text.rfind(";", 0, at), text.find(";", at)
        low = max(before, text.rfind(SENTENCE_BREAK, 0, at))
        high = min((e for e in (after, text.find(SENTENCE_BREAK, at)) if e >= 0), default=len(text))
        if not (0 <= before == low or 0 <= after == high):
            return frozenset(c.id for c in self.window.claims)
        return frozenset(self.window.claims[i].id for start, i in self.tokens if low < start < high)


def window_sentences(doc: Document, index: int, by_sentence: dict[int, list[Claim]], size: int) -> tuple[int, ...] | None:
    """The `size` sentences with claims that end with `index`, of one paragraph. A short sentence with no
    figure but a stretch of time between them is passed over, as speakers say "Think about that." or
    "In one year!" between two figures; a short question with no figure ("Of those, how many are
    affordable?") and a speaker's echo of a figure just said ("he had six. Six homers.") stay in the
    window but are not counted."""
    if not by_sentence.get(index):
        return None
    picked, counted = [index], 1
    at = index - 1
    while counted < size:
        if at < 0 or doc.sentences[at].paragraph != doc.sentences[index].paragraph:
            return None
        if not filler(doc, at, by_sentence.get(at, ())):
            if echoes(doc, at, by_sentence):
                picked.append(at)
            elif by_sentence.get(at):
                picked.append(at)
                counted += 1
            elif asks(doc, at) and at == picked[-1] - 1:
                picked.append(at)
            else:
                return None
        at -= 1
    return tuple(reversed(picked))


def echoes(doc: Document, index: int, by_sentence: dict[int, list[Claim]]) -> bool:
    """A sentence of a few words whose every figure repeats one of the sentence before ("Eleven hundred.",
    "Four point one, yes."): what speakers say to stress or confirm a figure, not a new one."""
    claims, before = by_sentence.get(index, ()), by_sentence.get(index - 1, ())
    sentence = doc.sentences[index]
    if not claims or not before or len(doc.text[sentence.start:sentence.end].split()) > ECHO_WORDS:
        return False
    return all(any(b.kind == c.kind and said_again(b, c) for b in before) for c in claims)


def said_again(first: Claim, again: Claim) -> bool:
    """The same value, or the same number without the scale word it had ("three point two million. Three point two.")."""
    if first.value == again.value:
        return True
    return (isinstance(first.value, (int, float)) and isinstance(again.value, (int, float)) and again.unit is None
            and any(math.isclose(first.value, again.value * 10 ** power) for power in (3, 6, 9)))


def asks(doc: Document, index: int) -> bool:
    """A question of a few words, with no figure: what a speaker asks between a figure and its answer."""
    said = doc.text[doc.sentences[index].start:doc.sentences[index].end]
    return len(said.split()) <= QUESTION_WORDS and is_question(said)


def is_question(said: str) -> bool:
    return said.rstrip(CLOSERS + " ").endswith("?")


def filler(doc: Document, index: int, claims: Sequence[Claim] = ()) -> bool:
    """A sentence of a few words and no figure but a stretch of time that something took: "Think about that.",
    "In one year!" (not "Thirty-one years.", the answer to how long); or a short question that asks only when,
    by the time of speaking: "And five years ago?", "And today?" (its answer is the figure; "The bridge opened in
    1897?" states one)."""
    sentence = doc.sentences[index]
    said = doc.text[sentence.start:sentence.end]
    if len(said.split()) > FILLER_WORDS:
        return False
    question = is_question(said)
    return all(c.kind == "quantity" and c.unit in TIME_UNITS and TOOK.search(doc.text, sentence.start, c.start)
               or question and c.kind == "date" and c.extra.get("relative") for c in claims)
