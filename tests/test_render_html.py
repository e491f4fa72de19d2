"""`--format html`: one self-contained page with the text, its figures, the checks and a findings panel."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from render_fixtures import PATH, TEXT, sample_report

from factcheck.render.html import render_html


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text, to assert on."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def reading(page: str) -> str:
    """What a reader sees of the documents with every badge closed."""
    body = page[page.index("<main>"):]
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<details.*?</details>", "", body)))


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


def test_the_page_is_self_contained():
    page = render_html(sample_report(), {PATH: TEXT})
    assert page.startswith("<!doctype html>") and page.endswith("</html>\n")
    assert not re.search(r"<(script|link|img|iframe)\b", page) and "http" not in page


def test_the_text_is_whole_with_every_figure_marked_by_kind_and_its_value_on_hover():
    elements = parsed(render_html(sample_report(), {PATH: TEXT}))
    marks = [attrs for tag, attrs in elements.tags if tag == "mark"]
    assert len(marks) == len(sample_report().documents[0].claims)
    assert {"class": "kind-money", "title": "money: USD 9,000,000"} in marks
    assert TEXT in reading(render_html(sample_report(), {PATH: TEXT}))


def test_every_check_is_a_badge_that_opens_onto_its_arithmetic_and_the_panel_links_to_findings():
    page = render_html(sample_report(), {PATH: TEXT})
    elements = parsed(page)
    badges = {attrs["id"]: attrs["class"] for tag, attrs in elements.tags if tag == "details"}
    assert badges == {"d1-k1": "check verdict-unverifiable", "d1-k2": "check verdict-consistent",
                      "d1-k3": "check verdict-inconsistent", "d1-k4": "check verdict-approximate"}
    links = [attrs["href"] for tag, attrs in elements.tags if tag == "a" and attrs.get("href", "").startswith("#d1-")]
    assert links == ["#d1-k3", "#d1-k4", "#d1-k1"]  # errors, then warnings, then info
    assert "58 × ($9M + $103M) = $6.50B" in page and "deviation +792.9%" in page


def test_without_the_text_the_sentences_stand_in_and_several_documents_get_an_index():
    page = render_html(sample_report(), {})
    elements = parsed(page)
    assert [attrs["href"] for tag, attrs in elements.tags if tag == "a" and attrs.get("href") in ("#d1", "#d2")] == [
        "#d1", "#d2"]
    assert sum(tag == "details" for tag, _ in elements.tags) == 4
    for sentence in TEXT.splitlines():
        assert sentence in reading(page)


def test_document_text_is_escaped():
    report = sample_report()
    page = render_html(report, {PATH: TEXT.replace("Trade", "<b>Trade")[: len(TEXT)]})
    assert "<b>" not in page
