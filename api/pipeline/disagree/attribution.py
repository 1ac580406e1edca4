"""Speakers: comparing who a mention credits, and the ``attribution`` detector.

A speaker is reduced to its name words: titles, roles and function words are dropped
("Israeli Prime Minister Benjamin Netanyahu" -> {israeli, benjamin, netanyahu}, "Netanyahu's
office" -> {netanyahu}) and the rest stemmed. Two speakers are compatible when either is
missing or has no name words (a pronoun), or when they share a name word. Incompatible speakers
on both sides of the same claim are an attribution disagreement.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..text import STOPWORDS, stem, words
from ..types import Disagreement, MentionText, Span
from .lexicon import PRONOUNS, TITLES, canon

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment, Side


@lru_cache(maxsize=4096)
def name_words(speaker: str | None) -> frozenset[str]:
    """Stemmed name words of a speaker string (titles, roles, pronouns removed)."""
    if not speaker:
        return frozenset()
    return frozenset(stem(canon(w)) for w in words(speaker)
                     if w not in TITLES and w not in STOPWORDS and w not in PRONOUNS
                     and not w.isdigit())


def compatible(s1: str | None, s2: str | None) -> bool:
    """True unless both speakers are named and share no name word."""
    n1, n2 = name_words(s1), name_words(s2)
    return not n1 or not n2 or bool(n1 & n2)


def _name_part(side: "Side", k: int, neighbour: int) -> bool:
    """True when token k is a capitalised name word written right next to token ``neighbour``
    (only a space between), so that 'Isaac Herzog' is named whole but 'October, Blinken' not."""
    t, n = side.toks[k], side.toks[neighbour]
    lo, hi = (t.end, n.start) if k < neighbour else (n.end, t.start)
    return (t.cap and t.content and not t.month and t.word not in TITLES
            and side.text[lo:hi].strip() == "")


def _speaker_span(side: "Side", m: MentionText) -> Span:
    """Where the speaker is named in the text, else the quoted part, else the whole text."""
    names = name_words(m.speaker)
    hits = [k for k, t in enumerate(side.toks) if t.cap and stem(t.word) in names]
    if hits:
        i = j = hits[0]
        while i > 0 and _name_part(side, i - 1, i):
            i -= 1
        while j + 1 < len(side.toks) and _name_part(side, j + 1, j):
            j += 1
        return side.span(i, j + 1)
    if m.quotes:
        s, e = m.quotes[0]
        return Span(s, e, m.text[s:e])
    return Span(0, len(m.text), m.text)


def find_attribution(al: "Alignment", a: MentionText, b: MentionText) -> Disagreement | None:
    """The same claim credited to two incompatible speakers, or None."""
    if not a.speaker or not b.speaker or compatible(a.speaker, b.speaker):
        return None
    return Disagreement(
        "attribution", _speaker_span(al.a, a), _speaker_span(al.b, b),
        f"A credits these words to {a.speaker}, B to {b.speaker}")
