"""Character spans of pieces: token ranges to offsets, trimmed edges and quotation marks, size tests."""
from __future__ import annotations

import re

from .tokens import Tok

# Punctuation stripped from the edges of a piece (a hyphen only when it stands alone).
_EDGE = ",;:\u2014\u2013\u2015"
MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"


def substantive_text(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` has at least two words."""
    return len(text[a:b].split()) >= 2


def has_alnum(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds a letter or a digit."""
    return _ALNUM_RE.search(text, a, b) is not None


_ALNUM_RE = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop whitespace and dangling commas, colons, semicolons and dashes at both ends."""
    while a < b:
        c = text[a]
        if c.isspace() or c in _EDGE or c == "-" and (a + 1 == b or text[a + 1].isspace()):
            a += 1
        else:
            break
    while b > a:
        c = text[b - 1]
        if c.isspace() or c in _EDGE or c == "-" and (b - 1 == a or text[b - 2].isspace()):
            b -= 1
        else:
            break
    return a, b


def unquote(text: str, a: int, b: int, quote_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """When one quotation covers the whole of ``text[a:b]`` (marks and punctuation aside), its
    quoted material only; otherwise ``(a, b)`` unchanged."""
    for qa, qb in quote_spans:
        lo, hi = max(a, qa), min(b, qb)
        if hi <= lo:
            continue
        if _only_marks(text, a, lo) and _only_marks(text, hi, b):
            return _strip(text, lo, hi)
    return a, b


def _only_marks(text: str, a: int, b: int) -> bool:
    return all(c.isspace() or c in MARKS or c in _EDGE or c in ".!?-()" for c in text[a:b])


def clean(text: str, a: int, b: int, quote_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """``text[a:b]`` stripped of edge punctuation and, when one quotation is all of it, of its marks;
    an empty span ``(a, a)`` when nothing alphanumeric is left."""
    a, b = _strip(text, a, b)
    if b <= a or not has_alnum(text, a, b):
        return a, a
    return unquote(text, a, b, quote_spans)


def word_count(toks: list[Tok], i: int, j: int) -> int:
    """How many words and numbers ``toks[i:j]`` holds."""
    return sum(1 for t in toks[i:j] if t.kind in ("w", "n"))


def substantive(toks: list[Tok], i: int, j: int) -> bool:
    """Enough of a clause to be a claim: a quotation or at least two words (or numbers)."""
    words = 0
    for t in toks[i:j]:  # stops at the first quotation or the second word
        if t.kind == "q":
            return True
        if t.kind in ("w", "n"):
            words += 1
            if words == 2:
                return True
    return False


def span(toks: list[Tok], i: int, j: int, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [i, j); to the sentence end when j is the last token."""
    a = toks[i].start if i < len(toks) else end
    b = toks[j - 1].end if j - 1 < len(toks) - 1 else end
    return max(a, start), min(b, end)
