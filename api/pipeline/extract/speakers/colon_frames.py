"""Frames that present a quotation without a speech verb, by layout.

- ``… - Philip Bump: “…”`` (``- More from Jones: “…”``): a name between a dash and a colon, a quotation right after (the
  round-up that credits each quoted passage to its author);
- ``Here's Clinton in December 1992: “…”`` / ``More from Jones: “…”``: a sentence that presents a
  named person's words, a colon, then the quotation;
- ``- Bernie Sanders.``: a signature line, a dash and a name (and a short description), under a
  quotation.

Each gives an :class:`~.cues.Attribution` whose cue is the colon (``how="colon"``) or, for a
signature, the dash (``how="dash"``); the content is what follows the colon.
"""
from __future__ import annotations

from .clause_words import DASHES
from .cues import Attribution
from .names import NP, cap_chain_left, is_name_word, parse_left
from ..sentences.tokens import Tok

_PRESENTERS = (("here", "'s"), ("here", "\u2019s"), ("here", "is"), ("more", "from"))
# Words that may follow the name before the colon: "Here's Clinton *in December 1992*:".
_PRESENT_TAIL = frozenset("in on at during last this".split())


def _named(text: str, toks: list[Tok], i: int, j: int) -> NP | None:
    """A person or organisation named by exactly the capitalised chain toks[i:j]."""
    if j <= i or not all(is_name_word(t) or t.text == "." for t in toks[i:j]):
        return None
    last = j - 1 if toks[j - 1].text != "." else j - 2
    if last < i or cap_chain_left(toks, last) != i:
        return None
    np = parse_left(text, toks, last)
    return np if np is not None and np.i == i and np.kind in ("person", "org") and not np.coordinated else None


def dash_label(text: str, toks: list[Tok]) -> Attribution | None:
    """'… - Philip Bump: “…”' (or '- More from Jones: “…”'): up to four name words between a dash and
    a colon that a quotation follows."""
    for c in range(2, len(toks) - 1):
        if toks[c].text != ":" or toks[c + 1].kind != "q":
            continue
        d = next((d for d in range(c - 1, max(-1, c - 8), -1) if toks[d].text in DASHES), None)
        if d is not None:
            if d + 3 < c and (toks[d + 1].low, toks[d + 2].low) == ("more", "from"):
                d += 2  # "- More from Jones: “…”"
            np = _named(text, toks, d + 1, c)
            if np is not None:
                return Attribution(np, c, True, False, "colon")
    return None


def presented(text: str, toks: list[Tok]) -> Attribution | None:
    """'Here's Clinton in December 1992: “…”', 'More from Jones: “…”': the sentence opens by
    presenting a name, then a short time phrase at most, a colon and a quotation."""
    if len(toks) < 5 or (toks[0].low, toks[1].low) not in _PRESENTERS:
        return None
    c = next((c for c in range(3, min(len(toks) - 1, 12)) if toks[c].text == ":"), None)
    if c is None or toks[c + 1].kind != "q":
        return None
    end = 2
    while end < c and (is_name_word(toks[end]) or toks[end].text == "."):
        end += 1
    if end < c and toks[end].low not in _PRESENT_TAIL:
        return None
    np = _named(text, toks, 2, end)
    return Attribution(np, c, True, False, "colon") if np is not None else None


def signature(text: str, toks: list[Tok]) -> Attribution | None:
    """'- Bernie Sanders.' (or '-Michelle Marks, Philadelphia.', '-President Obama, tweeting after the
    speech.'): a dash, a name and at most a short description after a comma, no quotation."""
    if len(toks) < 2 or toks[0].text not in DASHES or any(t.kind == "q" for t in toks):
        return None
    end = len(toks) - 1 if toks[-1].text == "." else len(toks)
    comma = next((c for c in range(2, end) if toks[c].text == ","), None)
    if comma is not None and end - comma <= 8:
        end = comma
    np = _named(text, toks, 1, end)
    return Attribution(np, 0, True, True, "dash") if np is not None else None
