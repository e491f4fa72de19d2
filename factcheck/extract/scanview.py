"""The text rules match: a document's scan text without the padding of decoded references.

An input format decodes "&#44;" to "," and pads it with spaces to keep offsets; those spaces
are the document's `gaps`. Rules read the text with the gaps taken out, so "1&#44;000" reads
"1,000", and every span found maps back to the original text: a match that ends on a decoded
character ends where its reference ends ("12&#37;", not "12&"). A document without gaps is
its own view, at no cost.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from factcheck.document import Document, Sentence


@dataclass(frozen=True, slots=True)
class ScanView:
    text: str
    sentences: list[Sentence]
    gap_ends: tuple[int, ...] = ()  # each gap's end in the document (sorted)
    gap_at: tuple[int, ...] = ()  # each gap's place in the view
    removed: tuple[int, ...] = ()  # characters removed by this gap and those before it
    gap_after: dict[int, int] | None = None  # a gap's start in the document -> its end

    @classmethod
    def of(cls, doc: Document) -> ScanView:
        if not doc.gaps:
            return cls(doc.scan_text, doc.sentences)
        pieces, at, removed, total, cursor = [], [], [], 0, 0
        for start, end in doc.gaps:
            pieces.append(doc.scan_text[cursor:start])
            total += end - start
            at.append(end - total)
            removed.append(total)
            cursor = end
        pieces.append(doc.scan_text[cursor:])
        view = cls("".join(pieces), [], tuple(end for _, end in doc.gaps), tuple(at), tuple(removed), dict(doc.gaps))
        sentences = [Sentence(s.index, view.to_view(s.start), view.to_view(s.end - 1) + 1, s.paragraph)
                     for s in doc.sentences]
        return cls(view.text, sentences, view.gap_ends, view.gap_at, view.removed, view.gap_after)

    def to_view(self, offset: int) -> int:
        """The view offset of a document offset outside the gaps."""
        found = bisect_right(self.gap_ends, offset)
        return offset - (self.removed[found - 1] if found else 0)

    def to_document(self, start: int, end: int) -> tuple[int, int]:
        """The document span of a non-empty view span; a decoded character's span is its reference's."""
        if not self.gap_at:
            return start, end
        last = self.start_in_document(end - 1) + 1
        return self.start_in_document(start), (self.gap_after or {}).get(last, last)

    def start_in_document(self, offset: int) -> int:
        found = bisect_right(self.gap_at, offset)
        return offset + (self.removed[found - 1] if found else 0)
