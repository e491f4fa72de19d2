"""Age: someone aged N in year Y was born in Y − N or Y − N − 1."""

from __future__ import annotations

from factcheck.facts import Fact
from factcheck.intervals import Interval
from factcheck.relations.arithmetic.common import CheckOptions, Outcome, counted, year_of
from factcheck.relations.link import Link

OLDEST = 130
AGE_NOUNS = frozenset({None, "year", "yr", "old"})  # the nouns an age may name: "52", "52 years", "fifty-two years old"


def age_birth_year(age: Interval | int, at_year: Interval | int) -> Interval:
    """The birth year of someone aged `age` (whole years) during `at_year`.

    Aged 52 in 2015 -> born in 1962 (birthday still to come) or 1963: [1962, 1963].
    """
    age = age if isinstance(age, Interval) else Interval.exact(age)
    at_year = at_year if isinstance(at_year, Interval) else Interval.exact(at_year)
    return Interval(at_year.low - age.high - 1, at_year.high - age.low, at_year.value - age.value - 0.5)


def evaluate(link: Link, facts: list[Fact], options: CheckOptions) -> list[Outcome]:
    age, born, at = link.one("age"), link.one("born"), link.one("at")
    if age is None or born is None or not isinstance(age.value, (int, float)) or not 0 < age.value < OLDEST:
        return []
    if counted(age) not in AGE_NOUNS:
        return []  # "we've got five restaurants": a count of things is no age
    if born.extra.get("relative"):
        return []  # "born December …", "in March": a month whose year the text does not state
    year = year_of(born)
    date = None if link.meta.get("dated_apart") else link.meta.get("document_date")
    at_year = year_of(at) if at is not None else int(date[:4]) if date else None
    if year is None or at_year is None:
        return []
    expected = age_birth_year(int(age.value), at_year)
    verdict = "consistent" if expected.low <= year <= expected.high else "inconsistent"
    return [Outcome(verdict, expected, Interval.exact(year), None,
                    f"{at_year} − {age.text} = born {int(expected.low)} or {int(expected.high)}; stated {born.text}",
                    f"age {age.text} and birth year {born.text}: {verdict}", tuple(c for c in (age, born, at) if c),
                    dates=True)]
