"""Figures a speaker takes back: "thirty-one thousand — sorry, twenty-eight thousand".

In a transcript a speaker corrects a figure in passing; the first figure is then no claim of the
text any more, and the frames see only the second (the report still lists both: both were said).
The words between the two figures that make the first a slip are data, the rule files' fragment
`retraction`; without one, nothing is taken back.

A figure said again only to ask or confirm it is an echo, and is left out the same way: "… a
twenty-five percent increase. COUNCILOR: Twenty-five? TREASURER: Twenty-five, yes, and of that total
…". The echo stands alone in a question, or opens a sentence (after a speaker's label) followed by
"yes" or "that's right", with the numeral of a figure of the ECHO_REACH sentences before.

A figure asked about is taken back the same way when the answer corrects it: "… sixty years old
now? GUEST: Sixty-five." The question must end on the figure (within three words: "…, what, two
million?"; "Of our 2,840 pupils, how many …?" asks no figure); the answering sentence opens, after the
words of the fragment `answer` (a speaker's label, "No,", "More like"), with a figure that ends its
words ("Sixty-five.", "Closer to 45 per cent, I think"), of the question's kind (or a bare count,
which names no unit), different from it but not more than twice or less than half of it.

The figures of a sentence the next one only denies ("… the budget went up twelve percent. It didn't.") are
left out too: the text holds them as what others said.
"""

from __future__ import annotations

import regex

from factcheck.document import Document
from factcheck.extract.rulebook import Rulebook, expand
from factcheck.intervals import BOUNDS, numeral_in
from factcheck.model import Claim

FRAGMENT = "retraction"
LABEL = "label"  # the fragment of a speaker's label that opens a turn ("FOSS:", "MS. ADEYEMI:")
ANSWER = "answer"
LONGEST = 60  # characters between a slip and its correction
# a figure said again, the same, after the words it corrects: "one point one to staffing — sorry, one point one to …"
WORDS_BEFORE = r"(?:\s+[\p{L}\x27’]+){1,4}?"
CLOSE_YEARS = 10  # a year an answer corrects another with lies this close to it
ASKED = regex.compile(r"(?:\s+[^\s?]+){0,3}?\s*\?[\s\"”’]*")  # a question's last words after the figure it asks about
BOUND_WORDS = regex.compile(r"(?:(?:more|less|fewer|greater|higher|lower)\s+than|over|under|above|below|at\s+least|at\s+most|"
                            r"upwards\s+of|well\s+over|well\s+under)\s*$", regex.IGNORECASE)
ALONE = regex.compile(r"[ \t]*(?:[.!?;,:—–]|--|\r?\n|$)")  # an answering figure that ends its words
# "how many of the 14 pumps …?" asks how many of a figure, not whether the figure is right
OF_WHOLE = regex.compile(r"\bhow\s+(?:many|much)\s+of\s+(?:(?:the|our|your|their|its|his|her|my|those|these)\s+)?(?:[^\s?]+\s+){0,2}$", regex.IGNORECASE)
# "Of our 18,600 students, how many …?": the figure is the whole the question asks of
OF_WHOLE_FIRST = regex.compile(r"\b(?:of|out\s+of)\s+(?:the|our|your|their|its|his|her|my|those|these|all)\s+(?:[^\s?]+\s+){0,2}$", regex.IGNORECASE)
ECHO_REACH = 3  # sentences back an echoed figure may be
ECHO_ASKED = regex.compile(r"\s*\?[\s\"”’]*")  # a figure that is all its question
CONFIRMED = regex.compile(r"[ \t]*(?:[,.!;]|--|—|–)?[ \t]*(?:yes|yeah|yep|that[\x27’]s right|right|correct|exactly)\b",
                          regex.IGNORECASE)
# a sentence that only denies the figures of the one before: "It didn't.", "No, that's not true." ("That is wrong." in a
# speech judges what was told, and denies no figure)
DENIAL = regex.compile(r"\s*(?:[\p{Lu}][\p{L}.\x27’\- ]{0,40}:\s*)?(?:no[,.!]?\s+)?(?:(?:it|they)\s+(?:didn[\x27’]t|did\s+not|"
                       r"wasn[\x27’]t|was\s+not|weren[\x27’]t|were\s+not|hasn[\x27’]t|has\s+not|haven[\x27’]t|have\s+not)|"
                       r"(?:that[\x27’]s|that\s+is|it[\x27’]s|it\s+is)\s+(?:not\s+(?:true|correct|accurate)|false|untrue)|"
                       r"not\s+true)[.!]?\s*", regex.IGNORECASE)
HOW_MANY = regex.compile(r"[^?]*\bhow\s+(?:many|much)\b", regex.IGNORECASE)


def retracted(doc: Document, claims: list[Claim], book: Rulebook) -> dict[str, tuple[int, int]]:
    """The claims that the next figure of their kind corrects: each claim's id, with the stretch a window
    leaves out (from its start to the correction's in one sentence; the figure alone after a question)."""
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    return {**slips(doc, ordered, book), **answered(doc, ordered, book), **echoes(doc, ordered, book), **denied(doc, ordered)}


def denied(doc: Document, ordered: list[Claim]) -> dict[str, tuple[int, int]]:
    """The figures of a sentence the next one denies outright ("people keep saying the budget went up twelve percent.
    It didn't."): the figure is what others said, not what the text holds."""
    sentences = doc.sentences
    return {c.id: (c.start, c.end) for c in ordered if c.sentence_index + 1 < len(sentences)
            and DENIAL.fullmatch(doc.text, sentences[c.sentence_index + 1].start, sentences[c.sentence_index + 1].end)}


def echoes(doc: Document, ordered: list[Claim], book: Rulebook) -> dict[str, tuple[int, int]]:
    """Figures said again to ask or confirm an earlier one: "Twenty-five?", "Twenty-five, yes, and …"."""
    label = fragment(book, LABEL)
    if label is None:
        return {}
    found: dict[str, tuple[int, int]] = {}
    for at, claim in enumerate(ordered):
        sentence = doc.sentences[claim.sentence_index]
        if not (label.fullmatch(doc.scan_text, sentence.start, claim.start)
                and (ECHO_ASKED.fullmatch(doc.text, claim.end, sentence.end) or CONFIRMED.match(doc.text, claim.end))):
            continue
        numeral = (numeral_in(claim.text) or "").lower()
        if numeral and any((numeral_in(c.text) or "").lower() == numeral for c in ordered[:at]
                           if 0 < claim.sentence_index - c.sentence_index <= ECHO_REACH):
            found[claim.id] = (claim.start, claim.end)
    return found


def slips(doc: Document, ordered: list[Claim], book: Rulebook) -> dict[str, tuple[int, int]]:
    """Figures corrected in passing, in their own sentence, by one of their kind or a bare number of their
    size ("four hundred and twelve million dollars — sorry, four hundred and twenty-one million"), or said
    again the same after a few words that the correction is of ("one point one to staffing — sorry, one
    point one to capital projects")."""
    pattern, worded = fragment(book, FRAGMENT), fragment(book, FRAGMENT, WORDS_BEFORE)
    if pattern is None or worded is None:
        return {}
    return {first.id: (first.start, second.start) for first, second in zip(ordered, ordered[1:])
            if first.sentence_index == second.sentence_index and 0 < second.start - first.end <= LONGEST
            and ((first.kind == second.kind and near(first.value, second.value) is not False
                  or corrects(first, second, ALONE.match(doc.text, second.end) is not None, shares=True))
                 and pattern.fullmatch(doc.scan_text, first.end, second.start) is not None
                 or (first.kind, first.value, first.unit) == (second.kind, second.value, second.unit)
                 and worded.fullmatch(doc.scan_text, first.end, second.start) is not None)}


def answered(doc: Document, ordered: list[Claim], book: Rulebook) -> dict[str, tuple[int, int]]:
    """Figures a question ends on ("…, what, sixty years old now?") that the first figure of the answering
    sentence corrects: said alone ("Sixty-five.", "more like $2.6 million, I think"), not more than twice or
    less than half the asked one (a figure asked about is a guess; "Of our 2,840 pupils, how many …?" and "how many
    of the 14 pumps …?" ask of a whole, not a guess)."""
    pattern = fragment(book, ANSWER)
    if pattern is None:
        return {}
    opening: dict[int, Claim] = {}
    for claim in ordered:
        opening.setdefault(claim.sentence_index, claim)
    found: dict[str, tuple[int, int]] = {}
    for claim in ordered:
        sentence = doc.sentences[claim.sentence_index]
        answer = opening.get(claim.sentence_index + 1)
        if (answer is None or not ASKED.fullmatch(doc.text, claim.end, sentence.end) or not corrects(claim, answer)
                or asks_of(doc.text, sentence.start, claim)):
            continue
        start = doc.sentences[answer.sentence_index].start
        before = doc.scan_text[start:answer.start]
        if answer.qualifier in BOUNDS:
            before = BOUND_WORDS.sub("", before)
        if pattern.fullmatch(before) and ALONE.match(doc.text, answer.end):
            found[claim.id] = (claim.start, claim.end)
    return found


def asks_of(text: str, start: int, claim: Claim) -> bool:
    """Whether the question asks how many of the figure ("how many of the 14 pumps …?", "Of our 18,600
    students, how many …?"): the figure is then the whole, not a guess."""
    return bool(OF_WHOLE.search(text, start, claim.start)
                or OF_WHOLE_FIRST.search(text, start, claim.start) and HOW_MANY.match(text, claim.end))


def corrects(asked: Claim, answer: Claim, alone: bool = True, shares: bool = False) -> bool:
    """Whether an answer's figure can be the asked one said again, differently: of one kind (or one of them
    a bare count, which names no unit; a year only by another year, or by a bare count below 100 that names
    its last two digits and ends its words, `alone`), and of its size (within a factor of two; a year within
    CLOSE_YEARS; with `shares`, for a slip its words mark as one, a fraction and a percentage as one measure: "a cut
    of more than half, sorry, of about forty percent", where an answer "Seventy-seven per cent, yes" to "So what,
    three-quarters?" only says it more closely). "May 1941" does not correct "1941": it says the same year more
    closely. The same figure with a bound ("tenfold? — More than tenfold.") corrects it."""
    if asked.kind == "date" or answer.kind == "date":
        if answer.kind == "date":
            return asked.kind == "date" and other_year(str(asked.value), str(answer.value))
        return alone and other_year(str(asked.value), same_century(asked, answer))
    bare = any(c.kind == "count" and not c.unit for c in (asked, answer))
    shares = shares and {asked.kind, answer.kind} == {"ratio", "percent"} and all(fraction_or_percent(c) for c in (asked, answer))
    values = (in_percent(asked), in_percent(answer)) if shares else (asked.value, answer.value)
    if not (asked.kind == answer.kind or bare or shares):
        return False
    if values[0] == values[1]:
        return answer.qualifier in BOUNDS and asked.qualifier is None  # "tenfold? — More than tenfold."
    return near(*values) is True


def near(one: object, other: object) -> bool | None:
    """Whether two positive amounts lie within a factor of two of each other, as a slip and its correction do and
    a tally does not ("60 votes yes, 38 no, of 100 senators"); None where one is no positive amount."""
    if not (isinstance(one, (int, float)) and isinstance(other, (int, float)) and one > 0 and other > 0):
        return None
    return max(one, other) <= 2 * min(one, other)


def fraction_or_percent(claim: Claim) -> bool:
    """A share said as a fraction ("more than half") or as a percentage: one measure, said either way."""
    return isinstance(claim.value, (int, float)) and (claim.kind == "percent" and claim.unit == "percent"
                                                      or claim.kind == "ratio" and 0 < claim.value < 1)


def in_percent(claim: Claim) -> float:
    return claim.value * 100 if claim.kind == "ratio" else claim.value


def same_century(asked: Claim, answer: Claim) -> str:
    """A bare count below 100 after a year, as the year of that century it names ("born in thirty-five, no,
    thirty-two": 1932); else nothing."""
    century = str(asked.value)[:2]
    plain = asked.kind == "date" and answer.kind == "count" and not answer.unit and century.isdigit()
    return f"{century}{int(answer.value):02d}" if plain and answer.value in range(100) else ""


def other_year(asked: str, answer: str) -> bool:
    """Whether two dates name different years, not far apart."""
    years = asked[:4], answer[:4]
    return all(y.isdigit() for y in years) and years[0] != years[1] and abs(int(years[0]) - int(years[1])) <= CLOSE_YEARS


def fragment(book: Rulebook, name: str, before: str = "") -> regex.Pattern[str] | None:
    """The rule files' fragment, compiled; `before` is a pattern of what may come ahead of it."""
    if name not in book.fragments:
        return None
    return book.store.compile(before + expand(book, "{" + name + "}", f"fragment '{name}'"), regex.IGNORECASE)
