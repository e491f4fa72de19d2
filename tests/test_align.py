from __future__ import annotations

from factcheck.align import PLACEHOLDER, context, contexts, diff_claims
from factcheck.model import DiffReport

from claim_factory import Fig, claims_in, document, money, sample


def diff(old_paragraphs, new_paragraphs) -> DiffReport:
    return diff_claims(document(old_paragraphs), document(new_paragraphs), "old.txt", "new.txt")


def described(report: DiffReport) -> list[tuple[str, str | None, str | None]]:
    return [(c.change, c.old.text if c.old else None, c.new.text if c.new else None) for c in report.changes]


def edit(paragraphs, index, old_surface, new_fig):
    """`paragraphs` with one figure of paragraph `index` replaced by `new_fig`."""
    result = list(paragraphs)
    text, figs = result[index]
    result[index] = (text.replace(old_surface, new_fig.surface, 1),
                     [new_fig if f.surface == old_surface else f for f in figs])
    return result


def test_a_text_against_itself_has_no_change():
    report = diff(sample(), sample())
    assert report.changes == []
    assert report.unchanged == 10
    assert (report.old_path, report.new_path) == ("old.txt", "new.txt")


def test_moving_paragraphs_changes_nothing():
    old = sample()
    report = diff(old, [old[2], old[0], old[1]])
    assert report.changes == []
    assert report.unchanged == 10


def test_rewording_a_sentence_without_touching_its_figures_changes_nothing():
    old = sample()
    new = list(old)
    new[0] = ("Last year Moscow put $250 million into the railway scheme, officials said. "
              "Trade between the two countries reached $112 million in 2014.", old[0][1])
    report = diff(old, new)
    assert report.changes == []
    assert report.unchanged == 10


def test_same_value_written_differently_is_unchanged():
    old = sample()
    new = edit(old, 0, "$250 million", money("$250,000,000", 250_000_000.0, qualifier="approximately"))
    assert diff(old, new).changes == []


def test_one_edited_figure_is_one_changed_entry():
    old = sample()
    new = edit(old, 0, "$250 million", money("$350 million", 350_000_000))
    report = diff(old, new)
    assert described(report) == [("changed", "$250 million", "$350 million")]
    assert report.changes[0].old.value == 250_000_000 and report.changes[0].new.value == 350_000_000
    assert report.unchanged == 9
    assert report.summary() == {"changed": 1, "added": 0, "removed": 0, "unchanged": 9}


def test_edited_figure_in_a_reworded_and_moved_sentence_is_still_one_change():
    old = sample()
    new = [old[2], ("Trade between the two countries reached $112 million in 2014. "
                    "Russia also invested a total of $350 million in the railway project last year.",
                    [money("$112 million", 112_000_000), Fig("2014", "date", "2014"),
                     money("$350 million", 350_000_000)]), old[1]]
    assert described(diff(old, new)) == [("changed", "$250 million", "$350 million")]


def test_unit_change_is_a_change():
    old = sample()
    new = edit(old, 0, "$250 million", money("€250 million", 250_000_000, unit="EUR"))
    assert described(diff(old, new)) == [("changed", "$250 million", "€250 million")]


def test_two_edited_figures_in_one_sentence_pair_by_position():
    old = [("Exports rose from $5 million to $8 million over the decade.",
            [money("$5 million", 5e6), money("$8 million", 8e6)])]
    new = [("Exports rose from $6 million to $9 million over the decade.",
            [money("$6 million", 6e6), money("$9 million", 9e6)])]
    assert described(diff(old, new)) == [
        ("changed", "$5 million", "$6 million"),
        ("changed", "$8 million", "$9 million"),
    ]


def test_figures_of_a_lengthened_sentence_pair_by_their_neighbouring_words():
    old = [("Exports rose from $5 million to $8 million.", [money("$5 million", 5e6), money("$8 million", 8e6)])]
    new = [("Over the last decade, exports rose from $6 million to $9 million.",
            [money("$6 million", 6e6), money("$9 million", 9e6)])]
    assert described(diff(old, new)) == [
        ("changed", "$5 million", "$6 million"),
        ("changed", "$8 million", "$9 million"),
    ]


def test_swapping_two_figures_of_a_sentence_changes_no_value():
    old = [("Exports rose from $5 million to $8 million over the decade.",
            [money("$5 million", 5e6), money("$8 million", 8e6)])]
    new = [("Exports rose from $8 million to $5 million over the decade.",
            [money("$8 million", 8e6), money("$5 million", 5e6)])]
    report = diff(old, new)
    assert report.changes == [] and report.unchanged == 2  # equal values are unchanged wherever they stand


def test_a_new_paragraph_is_added_and_a_dropped_one_removed():
    old = sample()
    extra = ("Pyongyang plans to build 3,500 kilometers of track.",
             [Fig("3,500 kilometers", "distance", 3500, "kilometer")])
    report = diff(old, [old[0], old[2], extra])
    assert described(report) == [
        ("added", None, "3,500 kilometers"),
        ("removed", "$11 billion", None),
        ("removed", "$10 billion", None),
        ("removed", "$1 billion", None),
        ("removed", "20 years", None),
    ]
    assert report.unchanged == 6


def test_a_figure_that_vanishes_from_a_sentence_is_removed():
    old = [("The plant employs 400 people and cost $9 million.",
            [Fig("400", "count", 400), money("$9 million", 9e6)])]
    new = [("The plant employs many people and cost $9 million.", [money("$9 million", 9e6)])]
    assert described(diff(old, new)) == [("removed", "400", None)]


def test_a_different_kind_is_not_a_change_of_value():
    old = [("Output grew 5 percent this year.", [Fig("5 percent", "percent", 5, "percent")])]
    new = [("Output grew 5-fold this year.", [Fig("5-fold", "ratio", 5)])]
    assert described(diff(old, new)) == [("added", None, "5-fold"), ("removed", "5 percent", None)]


def test_an_edit_next_to_a_new_copy_of_the_old_value_is_a_change_and_an_addition():
    old = [("The treaty was signed in 2015 after long talks.", [Fig("2015", "date", "2015")]),
           ("Nobody expected the parliament to agree.", [])]
    new = [("The treaty was signed in 2016 after long talks.", [Fig("2016", "date", "2016")]),
           ("Nobody expected the parliament to agree in 2015.", [Fig("2015", "date", "2015")])]
    assert described(diff(old, new)) == [("changed", "2015", "2016"), ("added", None, "2015")]


def test_a_figure_moved_into_an_unrelated_sentence_is_unchanged():
    old = [("The fund held $7 million at the start.", [money("$7 million", 7e6)])]
    new = [("Auditors later confirmed reserves of $7 million remained.", [money("$7 million", 7e6)])]
    report = diff(old, new)
    assert report.changes == [] and report.unchanged == 1


def test_unrelated_sentences_of_one_kind_are_not_paired_as_a_change():
    old = [("The fund held $7 million at the start.", [money("$7 million", 7e6)])]
    new = [("Auditors later confirmed reserves of $8 million remained.", [money("$8 million", 8e6)])]
    assert described(diff(old, new)) == [("added", None, "$8 million"), ("removed", "$7 million", None)]


def test_changes_follow_the_new_text():
    old = sample()
    new = edit(edit(old, 2, "2020", Fig("2025", "date", "2025")), 0, "$112 million",
               money("$113 million", 113e6))
    assert described(diff(old, [new[2], new[0], new[1]])) == [
        ("changed", "2020", "2025"),
        ("changed", "$112 million", "$113 million"),
    ]


def test_context_replaces_the_standalone_occurrence_only():
    assert context("It cost $250 million, or 5 times  more.", "5", 0) == f"It cost $250 million, or {PLACEHOLDER} times more."
    assert context("Rates of 2.5 percent and 5 percent.", "5 percent", 0) == f"Rates of 2.5 percent and {PLACEHOLDER}."
    assert context("No figure here.", "7", 0) == "No figure here."


def test_repeated_text_in_a_sentence_gets_its_own_occurrence():
    claims = claims_in("He paid $5 and then $5 again.", [money("$5", 5), money("$5", 5)])
    assert contexts(claims) == [f"He paid {PLACEHOLDER} and then $5 again.", f"He paid $5 and then {PLACEHOLDER} again."]
    assert contexts(list(reversed(claims))) == list(reversed(contexts(claims)))
