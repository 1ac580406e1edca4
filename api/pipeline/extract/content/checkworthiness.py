"""Checkworthiness: a simple, explainable score in [0, 1] for how checkable a sentence is.

Start at 0.35. Figures (+0.15), named entities (+0.05 each, at most +0.15), an attribution
(+0.15) and quoted words (+0.05) raise it; first-person opinion outside quotation marks
(-0.2 for "I think"/"we believe", -0.1 for other first-person words), hedges (-0.05 each, at
most -0.15), questions (-0.2) and sentences under six words (-0.1) lower it.
"""
from __future__ import annotations

import re

from ...text import COMMON_HEDGES

_WORD_RE = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?|\d")
_DIGIT_RE = re.compile(r"\d")
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten hundred thousand million
billion trillion percent half dozen""".split())
_FIRST_PERSON = frozenset("i i'm i\u2019m my we our".split())
_OPINION_VERBS = frozenset("think believe feel hope guess suppose wish".split())


def checkworthiness(sentence: str, *, has_speaker: bool, is_quote: bool,
                    quote_spans: list[tuple[int, int]] = (), start: int = 0) -> float:
    """Score one sentence. ``quote_spans`` are absolute offsets (``start`` is the sentence's own
    offset); first-person words inside them are the speaker's, not the writer's, and are not
    counted as opinion."""
    toks = _WORD_RE.findall(sentence)
    lows = [t.lower() for t in toks]
    score = 0.35
    # a digit token is any \d character (no word token holds one)
    if _DIGIT_RE.search(sentence) or not _NUMBER_WORDS.isdisjoint(lows):
        score += 0.15
    entities = sum(1 for t, w in zip(toks[1:], lows[1:]) if t[0].isupper() and w not in _FIRST_PERSON)
    score += min(0.15, 0.05 * entities)
    if has_speaker:
        score += 0.15
    if is_quote:
        score += 0.05
    score -= _first_person_penalty(_outside_quotes(sentence, lows, quote_spans, start))
    if not COMMON_HEDGES.isdisjoint(lows):  # (no hedge: nothing to subtract)
        score -= min(0.15, 0.05 * sum(1 for w in lows if w in COMMON_HEDGES))
    if len(sentence.split()) < 6:
        score -= 0.1
    if sentence.rstrip("\"\u201d\u2019') ").endswith("?"):
        score -= 0.2
    return round(min(1.0, max(0.0, score)), 2)


def _outside_quotes(sentence: str, lows: list[str], quote_spans, start: int) -> list[str]:
    """The lower-case words of the sentence outside its quotation marks (the quoted words are the
    speaker's, not the writer's)."""
    if not quote_spans:
        return lows
    outside = sentence
    for a, b in quote_spans:
        outside = outside[:a - start] + " " * (b - a) + outside[b - start:]
    return [t.lower() for t in _WORD_RE.findall(outside)]


def _first_person_penalty(out_lows: list[str]) -> float:
    """0.2 for a first-person opinion ("I think", "we believe"), 0.1 for other first-person words,
    0 for none (outside quotation marks)."""
    if _FIRST_PERSON.isdisjoint(out_lows):
        return 0
    opinion = any(w in ("i", "we") and k + 1 < len(out_lows) and out_lows[k + 1] in _OPINION_VERBS
                  for k, w in enumerate(out_lows))
    return 0.2 if opinion else 0.1
