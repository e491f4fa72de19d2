"""Links across sentences by identity, never by distance: a declared composite measure, and one event.

A ratio or multiplier frame may leave its compared figure unbound ("58 times that of Russia
and North Korea"); when the frame says `resolve = "measure"`, the figure is looked up here:
a sentence of the paragraph (or the document, for a multiplier's earlier level) that names one
of the compared parties and states the same measure, directly ("trade of $112 million") or as
the sum of its declared parts ("exported $9 million ... imported $103 million"). Stated
periods must agree. Anniversaries of one event (same words, or "the event" referring back) are
tied together so that their years can be compared. A frame with `fill = "noun"` names its whole by
the noun it counts ("8,100 of those pupils"): the one figure of the window that counts it, or that its sentence's
subject named by the noun came to ("the deaths numbered 6,412"), fills it. A frame with `fill = "phrase"` names
its whole by the words of a phrase ("Of the 1963 request, …" takes the figure the Administration "requested"),
or, where no figure is told with those words, by its place: the only figure of the part's kind and unit before it.
"""

from __future__ import annotations

import bisect
import regex

from factcheck.document import Document
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import before_of, counted, singular
from factcheck.relations.link import Link
from factcheck.relations.said_once import plain
from factcheck.extract.rulebook import Composite, fold

WORD = regex.compile(r"[\p{L}][\p{L}\d’'\-]*|\d{4}")
NAME = regex.compile(r"(?<![\p{L}])(?-i:\p{Lu})[\p{L}\-]+")
YEAR = regex.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
STOPWORDS = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been being that this these those "
    "it its their his her our your my we they he she i you which who whom what when where while than then so such "
    "also not no all any each per about over under more less into onto upon up down out off will would could should "
    "can may might must has have had do does did there here".split()
)
ANAPHORS = frozenset({"event", "occasion", "it", "this", "that", "day", "anniversary"})
SAME_EVENT_OVERLAP = 0.5
WORDS_BEFORE = 6
# the verb that ends a subject on the figure it came to; a figure or a clause before it (years aside) makes it no subject's
SUBJECT_CAME_TO = regex.compile(r"\b(?:was|were|numbered|amounted\s+to|totall?ed|reached|stood\s+at)\s+(?:(?:about|some|nearly|over|upwards\s+of)\s+)?$",
                                regex.IGNORECASE)
STATED_AT = regex.compile(r"[\d;]")
# "the $6,403,342,689 of the year preceding": a stretch of time names when, not what a figure came to
TIMES = frozenset("year month week day quarter decade century period season term session".split())
DAY = regex.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b")


def content_words(text: str) -> set[str]:
    return {fold(w).strip("’'") for w in WORD.findall(text)} - STOPWORDS


def names_in(text: str) -> set[str]:
    """Capitalised words (named parties), minus capitalised stop words."""
    return {n for n in NAME.findall(text) if n.lower() not in STOPWORDS}


class Sentences:
    """A document's claims by sentence, for the lookups of this module."""

    def __init__(self, doc: Document, claims: list[Claim]) -> None:
        self.doc, self.claims = doc, claims
        self.by_sentence: dict[int, list[Claim]] = {}
        for claim in self.claims:
            self.by_sentence.setdefault(claim.sentence_index, []).append(claim)
        self.starts = [c.start for c in self.claims]

    def text(self, index: int) -> str:
        sentence = self.doc.sentences[index]
        return self.doc.scan_text[sentence.start:sentence.end]

    def words_before(self, claim: Claim) -> set[str]:
        """The few words right before a claim, not reaching back past the previous figure."""
        sentence = self.doc.sentences[claim.sentence_index]
        at = bisect.bisect_left(self.starts, claim.start) - 1
        begin = sentence.start
        if at >= 0 and self.claims[at].sentence_index == claim.sentence_index:
            begin = self.claims[at].end
        return {fold(w) for w in WORD.findall(self.doc.scan_text[begin:claim.start])[-WORDS_BEFORE:]}

    def paragraph_order(self, index: int) -> list[int]:
        """The other sentences of the paragraph, nearest first (later before earlier at equal distance)."""
        paragraph = self.doc.sentences[index].paragraph
        found = [i for i in range(len(self.doc.sentences)) if i != index and self.doc.sentences[i].paragraph == paragraph]
        return sorted(found, key=lambda i: (abs(i - index), i < index))

    def document_order(self, index: int) -> list[int]:
        return sorted((i for i in range(len(self.doc.sentences)) if i != index), key=lambda i: (abs(i - index), i < index))


def measure_named(text: str, composites: dict[str, Composite]) -> Composite | None:
    folded = " " + " ".join(fold(w) for w in WORD.findall(text)) + " "
    for composite in composites.values():
        if any(f" {word} " in folded for word in composite.words):
            return composite
    return None


def comparable(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind and a.unit == b.unit and isinstance(a.value, (int, float)) and isinstance(b.value, (int, float))


def measure_figures(ctx: Sentences, measure: Composite, index: int, like: Claim | None) -> tuple[Claim, ...] | None:
    """The measure stated in one sentence: one figure right after its words, or one figure per declared part."""
    candidates = [c for c in ctx.by_sentence.get(index, []) if c.kind in ("money", "count", "quantity", "distance")
                  and isinstance(c.value, (int, float)) and (like is None or comparable(c, like))]
    direct = [c for c in candidates if ctx.words_before(c) & set(measure.words)]
    if len(direct) == 1:
        return (direct[0],)
    parts = []
    for words in measure.parts:
        hits = [c for c in candidates if ctx.words_before(c) & set(words)]
        if len(hits) != 1:
            return None
        parts.append(hits[0])
    if len(parts) >= 2 and all(comparable(parts[0], p) for p in parts[1:]):
        return tuple(parts)
    return None


def resolve_measure(ctx: Sentences, composites: dict[str, Composite], link: Link, before: str, after: str,
                    sentences: list[int], like: Claim | None, same_period: bool) -> tuple[Claim, ...] | None:
    """The figures of the measure named before the trigger, for the parties named after it.

    The parties are the names after the trigger that are not before it ("trade between China
    and North Korea was 58 times that of Russia and North Korea": Russia), or every name of the
    sentence. The first sentence (in the order given) that names one of them, states the measure
    and, with `same_period`, states no year other than those of the trigger's sentence, wins.
    """
    measure = measure_named(before, composites)
    if measure is None:
        return None
    own, other = names_in(before), names_in(after)
    parties = (other - own) or (own | other)
    periods = set(YEAR.findall(before)) | set(YEAR.findall(after)) if same_period else set()
    for index in sentences:
        text = ctx.text(index)
        if parties and not parties & names_in(text):
            continue
        stated = set(YEAR.findall(text))
        if periods and stated and not periods & stated:
            continue
        found = measure_figures(ctx, measure, index, like)
        if found:
            link.meta["description"] = sorted({*link.meta.get("description", ()), measure.name})
            return found
    return None


def tie_anniversaries(links: list[Link]) -> None:
    """Give each anniversary the first earlier anniversary of the same event ('the event' refers back)."""
    seen: list[Link] = []
    for link in (x for x in links if x.type == "anniversary"):
        event = {w for w in content_words(link.meta.get("event_words", "")) if not w.isdigit()}
        link.meta["event_set"] = event
        if event <= ANAPHORS and seen:  # "the event", or no event named: the one just spoken of
            link.meta["event_set"] = seen[-1].meta["event_set"]
            link.meta["first"] = seen[-1].meta.get("first", seen[-1])
        else:
            same = next((s for s in seen if same_event(event, s.meta["event_set"])), None)
            if same is not None:
                link.meta["first"] = same.meta.get("first", same)
        if "first" in link.meta:
            link.meta["first"].meta["followed"] = True
        seen.append(link)


def same_event(a: set[str], b: set[str]) -> bool:
    if not a or not b or a <= ANAPHORS or b <= ANAPHORS:
        return False
    return len(a & b) / min(len(a), len(b)) >= SAME_EVENT_OVERLAP


def told_of(claim: Claim, noun: str, others: tuple[Claim, ...] = ()) -> bool:
    """Whether the figure is what its sentence's subject, the noun, came to: "The deaths registered in the
    city during the year numbered 6,412", "The number of deaths … was 31,408", or what it is "of" ("an excess of
    exports of $176,000,000"); not where another of the
    `others` stands between ("The receipts … were $583,885,247, and the disbursements … were $570,841,700")."""
    if noun in STOPWORDS or noun in TIMES or claim.sentence.count(claim.text) != 1:
        return False
    before = claim.sentence[:claim.sentence.index(claim.text)]
    if noun not in GENERIC and counted(claim) in (None, noun) and regex.search(
            rf"\b{regex.escape(noun)}(?:e?s)?\s+(?:of\s+(?:[\w’'-]+\s+){{1,3}}?)?of\s+(?:(?:about|some|nearly|over)\s+)?$",
            before, regex.IGNORECASE):
        return True  # "an excess of exports of $176,000,000": the figure names the noun's amount ("the sum of": any)
    named = [m.end() for m in regex.finditer(rf"\b{regex.escape(noun)}(?:e?s)?\b", before, regex.IGNORECASE)]
    if not named or SUBJECT_CAME_TO.search(before) is None or STATED_AT.search(YEAR.sub("", DAY.sub("", before))) is not None:
        return False
    between = before[named[-1]:]
    return not any(other.id != claim.id and other.sentence_index == claim.sentence_index and other.text in between
                   for other in others)


def fill_by_noun(link: Link) -> Link | None:
    """The link with each free role bound to the one earlier candidate that counts the noun the frame
    read (group `noun`: "of those pupils" takes "7,850 pupils"), or, where it reads none, the noun its
    trigger counts ("610 practices, or 28 per cent" takes "2,150 GP practices"); None where none or several do."""
    noun = str(link.meta.get("noun") or "").split()[-1:]
    wanted = singular(noun[0].lower()) if noun else counted(link.trigger)
    if not wanted:
        return None
    roles = dict(link.roles)
    for role, found in link.open.items():
        named = [c for c in found if (counted(c) == wanted or told_of(c, wanted, found)) and c.start < link.trigger.start]
        if len(named) != 1:
            return None
        roles[role] = (named[0],)
    return Link(link.type, link.rule, link.trigger, roles, link.meta)


# words of a phrase that name no particular whole: "Of the whole number", "Of the total amount"
GENERIC = frozenset("number numbers total totals whole amount amounts sum sums aggregate quantity entire said "
                    "same above remaining figure figures count".split())
# words of a phrase that name a time ("Of the present members"): the whole of that time may be one the text does not tell
TIMED = regex.compile(r"\b(?:present|current|new|old|former|latter|previous|prior|last|this|next|latest|earlier|later|recent|"
                      r"existing|today[’']?s?|year[’']?s?|month[’']?s?|week[’']?s?|quarter[’']?s?|january|february|march|april|"
                      r"may|june|july|august|september|october|november|december)\b", regex.IGNORECASE)
TYPICAL = regex.compile(r"\b(?:average|averaged|averaging|median|mean|typical|typically)\b[^,;]*$", regex.IGNORECASE)
POINTING_BACK = regex.compile(r"\bof (?:those|these|them|which|whom)\b", regex.IGNORECASE)
ANAPHOR_AFTER = 12  # characters after a part that may hold its own anaphor ("forty of them")
STEM = 4  # letters a word keeps when an ending is cut ("request" of "requested")
STEM_PREFIX = 6  # a stem this long that begins another names the same thing ("produc", "product")
ENDINGS = ("ations", "ation", "itions", "ition", "ments", "ment", "ings", "ing", "ions", "ion", "ers", "er", "ed", "al", "e")
AROUND_BEFORE, AROUND_AFTER = 12, 4  # words read before a figure (back to the level before it) and after it (to a stop)
LEVEL_KINDS = frozenset({"money", "count", "distance", "quantity", "percent"})
# told as a gap ("exceeds the crop … by 910,000 bushels"), never a whole; or as a change, a whole only where named
GAP_BEFORE = regex.compile(r"\bby\s+(?:(?:about|some|nearly|almost|over|only|just|roughly)\s+)?$", regex.IGNORECASE)
CHANGE_BEFORE = regex.compile(r"\b(?:increase|decrease|reduction|rise|fall|gain|loss|decline|growth|excess|difference|"
                              r"augmentation|diminution|surplus|deficit)\s+(?:(?:\w+\s+){0,3}?of|[^,;]{0,60}?\b(?:was|were|is|are|"
                              r"will\s+be|would\s+be|amounted\s+to|totall?ed))\s+(?:(?:about|some|nearly|almost|over|only|just|"
                              r"roughly)\s+)?$", regex.IGNORECASE)


def stem(word: str) -> str:
    """A word without its plural and a common ending: "requested" and "request" give "request", "produced"
    gives "produc" and "production" "product" (see `alike_stems`)."""
    word = singular(word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM:
            return word[:-len(ending)]
    return word


def stems(words: set[str]) -> set[str]:
    return {stem(w) for w in words if w and not w.isdigit() and w not in TIMES}


def alike_stems(named: set[str], said: set[str]) -> bool:
    """Two sets of stems share one: equal, or one of at least STEM_PREFIX letters begins the other ("produc" and
    "product"; not "gener", of "general", and "generat", of "generated")."""
    return any(a == b or min(len(a), len(b)) >= STEM_PREFIX and (a.startswith(b) or b.startswith(a))
               for a in named for b in said)


AFTER_STOP = regex.compile(r"[,.;:()—–]|\b(?:and|but|or|nor|while|whereas|than|as)\b", regex.IGNORECASE)


def told_with(claim: Claim, others: tuple[Claim, ...]) -> set[str]:
    """The content words a figure is told with: those before it, back to the level before it in its sentence
    (at most AROUND_BEFORE), and those after it up to a stop, a comma or a word that joins another clause ("40 homes in
    Paradise and damaged 120 more": not "damaged"), at most AROUND_AFTER; years among them."""
    if claim.sentence.count(claim.text) != 1:
        return set()
    at = claim.sentence.index(claim.text)
    before = claim.sentence[:at]
    for other in others:
        if other.id != claim.id and other.kind in LEVEL_KINDS and other.sentence_index == claim.sentence_index:
            found = before.rfind(other.text)
            if found >= 0 and before.count(other.text) == 1:
                before = before[found + len(other.text):]
    after = AFTER_STOP.split(claim.sentence[at + len(claim.text):], maxsplit=1)[0]
    return content_words(" ".join(WORD.findall(own_clause(before))[-AROUND_BEFORE:] + WORD.findall(after)[:AROUND_AFTER]))


def own_clause(before: str) -> str:
    """The words before a figure in its own clause: back to a comma, semicolon, colon, dash or bracket, passing over
    a date set off by commas ("There were admitted …, June 30, 1921, 805,228 aliens"); "…, 86 resumed" has none."""
    pieces = CLAUSE_MARK.split(before)
    while len(pieces) > 2 and not pieces[-1].strip() and DATE_PIECE.fullmatch(pieces[-2].strip()):
        del pieces[-2:]
    return pieces[-1]


CLAUSE_MARK = regex.compile(r"[,;:()—–]")
DATE_PIECE = regex.compile(r"(?:\p{L}+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|\d{4})", regex.IGNORECASE)
# a preposition before a figure places it ("located in 15 States"); "consists of", "a total of" tell the whole itself
PLACED_BEFORE = regex.compile(r"(?<!\b(?:consists?|consisted|consisting|composed|comprised|made\s+up|total|sum|aggregate|amount)\s+)"
                              r"\b(?:in|of|at|from|with|by|on|among|across|than|over|under|into|within|between)\s+"
                              r"(?:(?:the|about|some|nearly|almost|over|only|just|roughly)\s+)?$", regex.IGNORECASE)
YEAR_FIRST = regex.compile(r"(?:1[5-9]|20)\d\d(?![\d,.])")  # "in 1849 amount to": a year read as a count


def of_kind(whole: Claim, part: Claim) -> bool:
    """A whole the part is of the kind of: the same kind and unit, or any level for a plain number, which takes
    the whole's measure ("400 acres, 120 of it")."""
    return comparable(whole, part) or plain(part) and isinstance(whole.value, (int, float))


def fill_by_place(link: Link) -> Link | None:
    """The link with its free role bound to the level right before its part in the part's sentence ("588 vessels,
    and of these 75", "31,423,886, making the total 344,580,000 dollars, of which 56,278,749": the dollars), if it
    is the only one there of the part's kind and unit ("388 were admitted, making the number 1,534; of these, 141"
    may mean either) and is told after no preposition ("28 banks, located in 15 States, of which 12": the banks);
    None where it is not."""
    part, roles = link.trigger, dict(link.roles)
    for role, found in link.open.items():
        before = [c for c in found if c.start < part.start and c.sentence_index == part.sentence_index
                  and not YEAR_FIRST.match(c.text)]
        if not before or not of_kind(before[-1], part) or PLACED_BEFORE.search(before_of(before[-1])) \
                or any(of_kind(c, part) for c in before[:-1]) or pointed_past(before[-1], part):
            return None
        roles[role] = (before[-1],)
    return Link(link.type, link.rule, link.trigger, roles, link.meta)


def pointed_past(level: Claim, part: Claim) -> bool:
    """Two anaphors between the level and the words after the part: the first points back past the level ("Roughly
    sixteen, yes, and most of those, about forty of them": those are not the sixteen)."""
    at = part.sentence.find(level.text)
    end = part.sentence.find(part.text, at + len(level.text)) if at >= 0 else -1
    return end >= 0 and len(POINTING_BACK.findall(part.sentence[at + len(level.text):end + len(part.text) + ANAPHOR_AFTER])) > 1


def names(claim: Claim, named: set[str], nouns: set[str], years: set[str], others: tuple[Claim, ...]) -> bool:
    """Whether a figure is told with every word of the phrase (`named`, as stems) and every year it names, counts
    no other thing than the phrase's nouns (`nouns`, its words but participles: "homes" of "homes damaged"), and is
    told as no gap and after no preposition."""
    said, noun = told_with(claim, others), counted(claim)
    if noun and nouns and not alike_stems(nouns, stems({noun})) or PLACED_BEFORE.search(before_of(claim)):
        return False  # "homes in 4 towns … Of the homes damaged": the figure counts towns, or is a place
    known = stems(said | {noun or ""})
    return all(alike_stems({word}, known) for word in named) and years <= said and not GAP_BEFORE.search(before_of(claim))


def fill_by_phrase(link: Link) -> Link | None:
    """The link with its free role bound to the one earlier figure of the part's kind and unit told with every word
    of the phrase the frame read (group `noun`) and its year ("Of the 2025 request"); none where the phrase names
    another time ("Of the present members", "of the cars sold last year"). A phrase that names nothing ("Of the
    whole number") takes the only such figure of the window, if it is no gap or change. Never a rate or an average;
    None where none or several are."""
    part = link.trigger
    if link.meta.get("anaphor"):
        return fill_by_place(link)
    phrase = str(link.meta.get("noun") or "")
    words = {w for w in content_words(phrase) if w not in GENERIC and not TIMED.fullmatch(w)}
    named, years = stems(words), set(YEAR.findall(phrase))
    nouns = stems({w for w in words if not w.endswith(("ed", "en"))})
    if TIMED.search(phrase) and not years:
        return None
    roles = dict(link.roles)
    for role, found in link.open.items():
        earlier = tuple(c for c in found if c.start < part.start and comparable(c, part) and not YEAR_FIRST.match(c.text)
                        and not c.extra.get("per") and not TYPICAL.search(before_of(c)))
        told = [c for c in earlier if named and names(c, named, nouns, years, found)]
        if len(told) == 1 and not years and len(earlier) > 1 and len(set(YEAR.findall(told[0].sentence))) > 1:
            return None  # "$40 million in taxes in 1921 and $52 million in 1922. Of the taxes collected": which year?
        if not named and len(earlier) == 1:
            told = [c for c in earlier if not GAP_BEFORE.search(before_of(c)) and not CHANGE_BEFORE.search(before_of(c))]
        if len(told) != 1:
            return None
        roles[role] = (told[0],)
    return Link(link.type, link.rule, link.trigger, roles, link.meta)
