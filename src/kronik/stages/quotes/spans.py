"""Where the quoted passages and the sentences of a body are, as character offsets into ``body``.

Quotation marks are paired within a paragraph only, so an unbalanced mark can never make a quote
swallow the rest of the article: an opening mark with no closing one runs to the paragraph's end
(the newspaper convention for a quote that goes on in the next paragraph) and is reported.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

#: Marks that open and close a quotation. ASCII and typographic double quotes, guillemets and
#: typographic single quotes; a bare apostrophe (') opens only before a letter after a space.
_MARKS = re.compile(r"[\"“”„«»‘’']")
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
#: Abbreviations after which a full stop does not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:dr|drs|dra|ir|prof|no|hlm|jl|jln|kol|letjen|mayjen|brigjen|jend|kapt|bpk|ny|sdr|st|tn|vol|dll|dsb|dkk|"
    r"mr|mrs|ms|jr|sr|h|hj|kh|a\.?n|u\.?p|vs|etc|inc|ltd|co|corp|no|tbk|pt|cv|s\.?h|s\.?e|m\.?si|m\.?m|ph\.?d|[a-z])\.)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int  # offset of the paragraph in the body
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Quoted:
    """A stretch of text between quotation marks (offsets of the content, marks excluded)."""

    start: int
    end: int
    paragraph: int
    closed: bool
    open_mark: int  # offset of the opening mark

    def words(self, body: str) -> int:
        return len(_WORD.findall(body[self.start : self.end]))


def paragraphs(parts: list[str]) -> list[Paragraph]:
    out, pos = [], 0
    for i, text in enumerate(parts):
        out.append(Paragraph(i, pos, text))
        pos += len(text) + 2  # joined by a blank line
    return out


def _is_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    ch = text[i]
    if ch in "“„«‘":
        return not after.isspace()
    if ch in "»":
        return False
    if ch in "'’":
        return (before.isspace() or before in "([") and after.isalpha()
    # " and ” open when they stand before a word after a space (some outlets use ” both ways)
    return (before.isspace() or before in "([:") and not after.isspace()


def _is_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "“„«‘":
        return False
    if text[i] in "'’":
        return not before.isspace() and (after.isspace() or after in ".,;:!?)")
    return not before.isspace()


def quoted_spans(para: Paragraph) -> tuple[list[Quoted], bool]:
    """The quotations of one paragraph and whether one was left open (unbalanced)."""
    text = para.text
    spans: list[Quoted] = []
    open_at: int | None = None
    open_ch = ""
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if open_at is None:
            if _is_open(text, i):
                open_at, open_ch = i, ch
            continue
        single = open_ch in "'‘"
        if single != (ch in "'’") or not _is_close(text, i):
            continue
        spans.append(Quoted(para.start + open_at + 1, para.start + i, para.index, True, para.start + open_at))
        open_at = None
    unbalanced = open_at is not None
    if open_at is not None and open_ch not in "'‘":
        spans.append(Quoted(para.start + open_at + 1, para.end, para.index, False, para.start + open_at))
    return spans, unbalanced


def sentences(para: Paragraph, masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans (body offsets) of a paragraph; no sentence ends inside a masked (quoted) stretch."""
    text = para.text
    cuts = [0]
    # a stop before a space and a capital, or glued to the next sentence after a word or bracket ("(20/10).Ia")
    for m in re.finditer(r"[.!?]+[\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|(?<=[a-z)])\.(?=[A-Z][a-z])", text):
        pos = para.start + m.start()
        if any(s <= pos < e for s, e in masked):
            continue
        if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 6) : m.start() + 1]):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            out.append((para.start + a, para.start + b))
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)
