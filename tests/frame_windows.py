"""Every window of a shipped frame's example texts that the frame's pattern matches: the cases a
prefilter of frames (word gates, slot counts) must never turn away."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import Rulebook
from factcheck.relations.frames import SCOPES, Frame
from factcheck.relations.slots import Window, Windows


def matched_windows(book: Rulebook) -> Iterator[tuple[Frame, str, Window]]:
    for frame in book.frames:
        for example in frame.examples:
            for text in example.texts:
                doc = load_text("t.txt", text, date=dt.date.fromisoformat(example.date or "2020-01-01"))
                by_sentence: dict[int, list] = {}
                for claim in extract(doc, book)[0]:
                    by_sentence.setdefault(claim.sentence_index, []).append(claim)
                windows = Windows(doc, by_sentence, book)
                for index in sorted(by_sentence):
                    window = (windows.run(index, SCOPES[frame.scope]) if frame.scope != "sentence"
                              else windows.sentence(index))
                    if window is not None and frame.compiled.search(window.text):
                        yield frame, text, window
