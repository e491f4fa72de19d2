"""Date order: an event told as past lies before the document date; a target "by 2020" still ahead of it.

A frame's `mode` is `past`, `deadline` or `scheduled` (a present tense that states a schedule: "the wing
opens in January 2022"; a date more than a year before the document is then a historical present, not
judged). A date whose year the text does not state (a year taken from the document, an assumed weekday)
is never judged; a day and month alone ("on June 29", "will vote Sept. 17") or a month alone ("will reopen in
September") are only confirmed: the tense places them in the year before or after the document date, and where
that lies within half a year of it the check is `consistent`. Further off, the tense may have been misread as
easily as the date: no verdict. So is a day the document's month places ("the 17th instant"). A
stretch of time ("the spring of 2019") is past when it began before the document date, and still ahead when
it ends after it. A year told beside the words that name it from the document date ("next year, 1943", mode
`restated`) must be the year they name.
"""

from __future__ import annotations

import datetime as dt

import regex

from factcheck.facts import Fact
from factcheck.model import Claim
from factcheck.relations.arithmetic.common import YEAR_TOLD, CheckOptions, Outcome, year_of
from factcheck.relations.link import Link
from factcheck.relations.slots import named_day, yearless_day, yearless_month

SCHEDULED_BACK = 1  # years: a schedule told in the present ("the wing opens in") dated further back is a narrative
# a sentence that names a year, or one apart from the document's, may place a day told without a year in it
OTHER_YEAR = regex.compile(r"(?<![\d,.])(?:1[5-9]|20)\d\d(?!\d)|[\x27’]\d\d\b|\b(?:last|that|previous|preceding|prior|next|"
                           r"following|ensuing|coming|same)\s+(?:year|season|term|session)\b|\byears?\s+(?:ago|before|earlier|later)\b",
                           regex.IGNORECASE)
# a sentence that tells a story or what someone said: its "next year" is counted from another time
OTHER_TIME = regex.compile(r"[\"“”‘]|\b(?:the next|the last|the following|said|says|told|tells|wrote|writes|novel|film|story)\b",
                           regex.IGNORECASE)
YEARLESS_REACH = 183  # days: a day told without a year that its tense places this close to the document is confirmed
NAMED_REACH = 366  # days: and one the word after it places ("the 27th of July last", "the 4th of March next")
# a sentence that names another month or year may tell "instant" or "ultimo" of a letter's month, not the document's
OTHER_DATE = regex.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|"
                           r"apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\b(?:1[5-9]|20)\d\d\b|\b(?:dated|despatch|dispatch|"
                           r"letter|wrote|writes|telegram)\b", regex.IGNORECASE)
# a month told alone names one of no particular year in a habit, a life, a rule, a condition or a story: "we always
# went to the sea in August", "born in June", "if the vote had been held in March", "In the film, … in October"
ANY_YEAR = regex.compile(r"\b(?:always|usually|often|every|each|typically|normally|traditionally|generally|used to|would|"
                         r"born|birthday|if|unless|had been|rules?|film|novel|story|play|book|year after next|"
                         r"year before last)\b|\bwhen (?:I|we|he|she|they) (?:was|were)\b", regex.IGNORECASE)
# a month told alone behind the document date is a recent one only with words of the recent past: "since the
# Committee met in March", "so far this year", "has risen since May"; "The Titanic sank in April" is of no recent year
RECENT = regex.compile(r"\b(?:since|so far|this year|earlier this|recent|recently|ago|has|have|lately|latest|"
                       r"past (?:few|several|two|three|six) months|year to date)\b", regex.IGNORECASE)
# a day the document's month or year places: "the 10th of this month", "the 17th instant", "June 30, this year"
MONTH_PLACED = regex.compile(r"\b(?:month|instant|inst|ultimo|ult|proximo|prox|(?:this|the present|the current) year)\b",
                            regex.IGNORECASE)
YEARLESS_MONTHS, NAMED_MONTHS = 6, 12  # months: the same reaches for a month told alone ("in September", "October next")


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    claim = link.one("date")
    doc_date = link.meta.get("document_date")
    if link.meta.get("mode") == "restated":
        return restated(claim, link.one("named"))
    if claim is not None and doc_date and (yearless_day(claim) or yearless_month(claim) or named_day(claim)):
        ahead, told = link.meta.get("mode") in ("deadline", "scheduled"), dt.date.fromisoformat(doc_date)
        if len(str(claim.value)) == 7:
            return confirmed_month(claim, ahead, told, tuple(link.meta.get("years_before") or ()))
        return confirmed_day(claim, ahead, told)
    if claim is not None and doc_date and MONTH_PLACED.search(claim.text) and len(str(claim.value)) == 10:
        return placed_in_month(claim, link.meta.get("mode") in ("deadline", "scheduled"), doc_date)
    if claim is None or not doc_date or year_of(claim) is None or claim.extra.get("relative"):
        return []  # a relative date ("last year", "next month") lies where the document's date puts it
    span = ends(claim)
    if span is None:
        return []
    first, last = span
    if link.meta.get("mode") in ("deadline", "scheduled"):
        ahead = last >= doc_date[: len(last)]
        if link.meta["mode"] == "scheduled" and not ahead and int(doc_date[:4]) - int(last[:4]) > SCHEDULED_BACK:
            return []  # a historical present: "the diary opens in January 1942"
        return [Outcome("consistent" if ahead else "inconsistent", None, None, None,
                        f"deadline {last}, document dated {doc_date}",
                        f"deadline {claim.text} {'lies ahead' if ahead else 'had passed when this was written'}",
                        (claim,), dates=True)]
    before = first <= doc_date[: len(first)]
    return [Outcome("consistent" if before else "inconsistent", None, None, None,
                    f"told as past, dated {first}, {'not after' if before else 'after'} the document's {doc_date}",
                    f"{claim.text} {'lies before' if before else 'is after'} the document date", (claim,), dates=True)]


def placed_in_month(claim: Claim, ahead: bool, doc_date: str) -> list[Outcome]:
    """A day of a month the document date names ("the 10th of this month", "the 17th instant", "the 3d ultimo"):
    the words place it, and only the tense says on which side of the document date it lies. Confirmed where the
    two agree; nothing otherwise, as a tense is misread more often than such a day is miswritten."""
    day = str(claim.value)
    if (day >= doc_date) != ahead or day == doc_date or OTHER_DATE.search(claim.sentence.replace(claim.text, "")):
        return []  # "a despatch dated January 20 reports that the riot occurred on the 3d instant": its own month
    way = "ahead of" if ahead else "before"
    return [Outcome("consistent", None, None, None, f"{claim.text} is {day}, {way} the document's {doc_date}",
                    f"{claim.text} lies {way} the document date", (claim,), dates=True)]


def restated(claim: Claim | None, named: Claim | None) -> list[Outcome]:
    """A year told beside the words that name it from the document date ("next year, 1943"): the two must agree.
    Not "the next year" (counted from a year the story is at), nor in a sentence that names another year or
    reports what someone said, wrote or will say, whose "next year" is not the document's."""
    if claim is None or named is None or claim.extra.get("relative") or not named.extra.get("relative") \
            or not isinstance(named.value, str) or len(named.value) != 4 or year_of(claim) is None \
            or named.text.lower().startswith("the ") or OTHER_TIME.search(claim.sentence) \
            or {int(y) for y in YEAR_TOLD.findall(claim.sentence)} - {year_of(claim)}:
        return []
    agree = year_of(claim) == int(named.value)
    return [Outcome("consistent" if agree else "inconsistent", None, None, None,
                    f"{named.text} is {named.value}; stated {claim.text}",
                    f"{claim.text} {'is' if agree else 'is not'} {named.text}", (claim, named), dates=True)]


def ends(claim: Claim) -> tuple[str, str] | None:
    """The first and the last day, month or year a date covers: its value twice, or the ends of its stretch."""
    if claim.low is None and claim.high is None:
        return str(claim.value), str(claim.value)
    if isinstance(claim.low, str) and isinstance(claim.high, str):
        return claim.low, claim.high
    return None


def placed_by(claim: Claim, word: str) -> bool:
    """Whether the day's last or next word is `word`: "the 27th of July last" lies behind, "June 6 next" ahead."""
    at = claim.sentence.find(claim.text)
    after = claim.sentence[at + len(claim.text):].lstrip(" ,").lower() if at >= 0 else ""
    return named_day(claim) == word or regex.match(rf"{word}\b", after) is not None


def confirmed_month(claim: Claim, ahead: bool, doc_date: dt.date, years_before: tuple[int, ...]) -> list[Outcome]:
    """As `confirmed_day`, for a month told alone ("will reopen in September", "in October next"): the nearest such
    month ahead of the document's (or this one) or behind it, within YEARLESS_MONTHS (NAMED_MONTHS where "last" or
    "next" after it agrees); a bare month not where the sentence before names another year (`years_before`)."""
    named = named_day(claim)
    if another_year(claim, named, ahead, doc_date) or placed_by(claim, "last" if ahead else "next") \
            or not named and (ANY_YEAR.search(claim.sentence) or not ahead and not RECENT.search(claim.sentence)):
        return []
    month, now = int(str(claim.value)[5:7]), doc_date.year * 12 + doc_date.month - 1
    apart = (month - 1 - now % 12) % 12 if ahead else (now % 12 - (month - 1)) % 12
    if named and not apart:
        apart = 12  # "in December last" said in December is a year back
    if apart > (NAMED_MONTHS if placed_by(claim, "next" if ahead else "last") else YEARLESS_MONTHS):
        return []
    year, index = divmod(now + (apart if ahead else -apart), 12)
    if not named and set(years_before) - {year}:
        return []  # "… in April 1945. Then, in July, …": the sentence before names the year meant
    way = "ahead of" if ahead else "before"
    return [Outcome("consistent", None, None, None,
                    f"{claim.text}, told without a year, read as {year:04d}-{index + 1:02d}: {apart} month{'s' * (apart != 1)} {way} the "
                    f"document's {doc_date.isoformat()}", f"{claim.text} lies {way} the document date", (claim,), dates=True)]


def another_year(claim: Claim, named: str | None, ahead: bool, doc_date: dt.date) -> bool:
    """Whether the sentence may place the day or month in another year than the document's: it names a year, or
    words of another year ("In 1944 … landed on June 6", "Last year the plant closed on Sept. 21"); not where the
    day's own "last" or "next" places it. Of a day told ahead, a year told after it and not before the document's
    is a later event's ("will begin on June 3, with completion targeted for late 2025")."""
    if named:
        return False
    at = claim.sentence.find(claim.text)
    return any(not (ahead and at >= 0 and found.start() > at and found.group().isdigit()
                    and int(found.group()) >= doc_date.year) for found in OTHER_YEAR.finditer(claim.sentence))


def confirmed_day(claim: Claim, ahead: bool, doc_date: dt.date) -> list[Outcome]:
    """A day told without a year, placed by its tense in the nearest such day ahead of the document date or behind
    it: `consistent` where that lies within YEARLESS_REACH days (NAMED_REACH where "last" or "next" after it agrees),
    nothing otherwise, nor where the sentence names a year or another year than the document's (unless the day's own
    "last" or "next" places it: "on the 1st day of July last …, an increase of 1,670 during the preceding year")."""
    named = named_day(claim)
    if another_year(claim, named, ahead, doc_date) or placed_by(claim, "last" if ahead else "next"):
        return []
    month, day = int(str(claim.value)[5:7]), int(str(claim.value)[8:10])
    years = (doc_date.year - 1, doc_date.year, doc_date.year + 1)
    for year in years if ahead else reversed(years):
        try:
            placed = dt.date(year, month, day)
        except ValueError:
            continue
        if placed == doc_date and named:
            continue  # "the 3d of December last" said on December 3 is a year back
        if (placed >= doc_date) if ahead else (placed <= doc_date):
            break
    else:
        return []
    days = abs((placed - doc_date).days)
    if days > (NAMED_REACH if placed_by(claim, "next" if ahead else "last") else YEARLESS_REACH):
        return []
    way = "ahead of" if ahead else "before"
    return [Outcome("consistent", None, None, None,
                    f"{claim.text}, told without a year, read as {placed.isoformat()}: {days} days {way} the document's "
                    f"{doc_date.isoformat()}", f"{claim.text} lies {way} the document date", (claim,), dates=True)]
