"""Quotation spans: which stretches of a paragraph are someone's own words.

Marks may be straight (``"``), curly (“ ”), low (``„``), guillemets, or mismatched (a straight
closing mark after a curly opening one). A straight mark is read as opening or closing from
the characters around it. An opening mark with no closing mark in its paragraph runs to the
end of the paragraph; when the next paragraph opens with a mark again, the quotation goes on
there (the news convention for quotations spanning paragraphs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .splitting import strip_span

OPENERS = "\u201c\u201e\u00ab"
CLOSERS = "\u201d\u00bb"
STRAIGHT = '"'
ALL_MARKS = OPENERS + CLOSERS + STRAIGHT
# A mark, or two apostrophes ('' used as one): the same as "''|[marks]", written to start with a
# character class so that the search skips straight to the next candidate.
_MARK_RE = re.compile("['" + ALL_MARKS + "](?:(?<=')'|(?<!'))")
_LABEL_RE = re.compile(r"[A-Z][A-Z.'\u2019 -]{1,30}:\s")
_BEFORE_OPEN = set(" \t([{\u2014\u2013-/:")  # characters after which a straight mark opens


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation inside one paragraph.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` are the quoted material.
    ``unclosed``: no closing mark before the paragraph end. ``continued``: this span carries on
    an unclosed quotation from the previous paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    para: int
    unclosed: bool = False
    continued: bool = False


def _kind(text: str, i: int, start: int, end: int, is_open: bool, width: int = 1) -> str:
    """'open' or 'close' for the mark at ``text[i:i+width]`` given whether a quotation is open."""
    ch = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + width] if i + width < end else " "
    if ch in OPENERS:
        # a curly opening mark used as a closing one: 'here.“ He'
        return "close" if is_open and not prev.isspace() and (nxt.isspace() or i + 1 == end) else "open"
    if ch in CLOSERS:
        # a curly closing mark used as an opening one at a paragraph or word start: '”Mr. Trump'
        return "open" if not is_open and (prev.isspace() or i == start) and nxt.isalnum() else "close"
    if is_open:
        return "close"
    if prev in _BEFORE_OPEN or i == start:
        return "open"
    if nxt.isspace() or nxt in ".,;:!?)":
        return "close"
    return "open"


def find_quotes(text: str, paras: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quotation span in the given paragraphs, in text order."""
    out: list[QuoteSpan] = []
    carry = False  # previous paragraph ended inside an open quotation
    for p, (a, b) in enumerate(paras):
        carry = _paragraph_quotes(text, a, b, p, carry, out)
    return out


def _paragraph_quotes(text: str, a: int, b: int, p: int, carry: bool, out: list[QuoteSpan]) -> bool:
    """Append the quotations of paragraph ``p`` (``text[a:b]``) to ``out``; ``carry``: the
    paragraph before ended inside an open quotation. Returns whether this one does."""
    open_at = None
    open_len = 1
    first = True
    depth = 0  # curly quotations nested inside the open one: “… what he calls “hell” than …”
    for m in _MARK_RE.finditer(text, a, b):
        i = m.start()
        if i == a and _LABEL_RE.match(text, m.end(), b):
            continue  # '"WALLACE: …' : a stray mark before a transcript label
        width = m.end() - i  # 2 for ''doubled apostrophes''
        kind = _kind(text, i, a, b, open_at is not None, width)
        if kind == "open":
            if open_at is None:
                open_at, open_len = i, width
            elif text[i] in OPENERS and text[open_at] in OPENERS:
                depth += 1
        elif open_at is not None and depth and text[i] in CLOSERS:
            depth -= 1
        elif open_at is not None:
            ia, ib = strip_span(text, open_at + open_len, i)
            continued = carry and first and text[a:open_at].strip() == ""
            out.append(QuoteSpan(open_at, i + width, ia, ib, p, False, continued))
            open_at, first = None, False
        elif carry and first:  # closing mark of a quotation opened a paragraph earlier
            ia, ib = strip_span(text, a, i)
            out.append(QuoteSpan(a, i + width, ia, ib, p, False, True))
            first = False
    if open_at is None:
        return False
    ia, ib = strip_span(text, open_at + open_len, b)
    if ib > ia:
        continued = carry and first and text[a:open_at].strip() == ""
        out.append(QuoteSpan(open_at, b, ia, ib, p, True, continued))
    return True

