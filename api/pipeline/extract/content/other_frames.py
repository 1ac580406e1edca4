"""Pieces for a sentence's other speakers: frames besides the governing one.

A later frame splits a content piece in two ("X said A, and Y warned that B" → A for X, B for Y),
or turns the outlet's piece that holds it into its speaker's words ("…, when the state stated that
B"); an earlier one gives a leading clause to its speaker ("While X said that A, …" → A for X).
"""
from __future__ import annotations

from ..speakers.clause_words import CLAUSE_SUBORDINATORS, CLAUSE_VERBS, NOUN_OBJECT_WHOLE
from .end import content_after
from .start import skip_frame, start_after_cue
from ..speakers.cues import QUOTE_ONLY, Attribution
from ..sentences.spans import substantive, substantive_text


def second_frame(text, start, end, toks, found, other: Attribution, who):
    """Split the content piece holding a later frame ("…, and Y warned that B") in two: the
    first speaker's words up to the frame, Y's words after it."""
    i = other.np.i
    b = i
    while b > 0 and (toks[b - 1].low in ("and", "but", "while", "whereas", "with")
                     or toks[b - 1].text in (",", ";")):
        b -= 1
    if b == i or b == 0:
        if i > 0 and toks[i - 1].low in CLAUSE_SUBORDINATORS:
            # "…, when the state wrongly stated that B": the clause was kept as the outlet's piece
            return _own_clause_frame(toks, start, end, found, other, who)
        return found  # not a clause of its own: "said that Y warned …" stays one piece
    named = _named_quotation(toks, other)
    if named is not None:  # "…, and Trump called it a "great meeting."": the quotation is Y's
        return _split_at(text, toks, found, b, i, other, [(toks[named].start, toks[named].end)], who)
    if other.how == "with":  # "…, with one poll showing her ahead": what follows the participle
        p, kind = start_after_cue(toks, other.cue), "clause"
    else:
        p, kind, _ = skip_frame(toks, other.cue + 1, toks[other.cue].low)
        if kind == "none" and other.stance:  # "…, and Republicans want policies that …": the object
            p, kind = start_after_cue(toks, other.cue), "object"
        elif toks[other.cue].low in _COMMISSIVES and other.cue + 2 < len(toks) and toks[other.cue + 1].low == "to":
            p, kind = other.cue + 1, "object"  # "…, and Y vowed to "bomb …"": the promise is Y's
    if kind not in ("that", "colon", "quote", "clause", "object") or kind == "clause" \
            and toks[other.cue].low not in CLAUSE_VERBS and other.how != "with" or p >= len(toks) \
            or not substantive(toks, p, len(toks)):
        return found
    kind = "clause" if kind == "object" else kind
    cut, resume = toks[b - 1].end, toks[i].start
    out = []
    after = toks[other.cue].end
    for a, z, own, w in found:
        if not own and w is None and a >= after:
            # the piece already cut after the later frame ("…," X said, and Y agreed that *B*): Y's
            out.append((a, z, own, who))
            continue
        if own or not (a <= resume < z) or not substantive_text(text, a, cut):
            out.append((a, z, own, w))
            continue
        out.append((a, cut, own, w))
        for a2, z2, _ in content_after(toks, p, kind, start, min(z, end)):
            out.append((a2, z2, False, who))
    return out


# Speech verbs of promising or threatening, whose infinitive is what was said ("vowed to …").
_COMMISSIVES = frozenset("""vow vows vowed promise promises promised pledge pledges pledged threaten threatens
threatened swear swears swore""".split())


def _named_quotation(toks, other: Attribution) -> int | None:
    """The quotation token a quote-only verb of a later frame names ('Y called it a "great
    meeting"', 'Y dubbed him "a stiff"'), within four words of the verb; else None."""
    k = other.cue
    if other.how != "verb" or toks[k].low not in QUOTE_ONLY or other.np.kind == "pron":
        return None
    for c in range(k + 1, min(len(toks), k + 6)):
        if toks[c].kind == "q":
            return c
        if toks[c].kind == "p":
            return None
    return None


def _split_at(text, toks, found, b, i, other: Attribution, spans, who):
    """Cut the content piece holding the later frame at its clause start (token ``b``) and add
    ``spans`` as the later speaker's pieces."""
    cut, resume, after = toks[b - 1].end, toks[i].start, toks[other.cue].end
    out = []
    for a, z, own, w in found:
        if own or not (a <= resume < z) or not substantive_text(text, a, cut):
            out.append((a, z, own, w))
            continue
        out.append((a, cut, own, w))
        out.extend((a2, z2, False, who) for a2, z2 in spans if a2 >= after and z2 <= z)
    return out


def _own_clause_frame(toks, start, end, found, other: Attribution, who):
    """An outlet's piece that opens with the later frame's subject ("the state stated that B")
    becomes B, with that frame's speaker."""
    p, kind, _ = skip_frame(toks, other.cue + 1, toks[other.cue].low)
    if kind not in ("that", "colon", "quote", "clause") or kind == "clause" and toks[other.cue].low not in \
            CLAUSE_VERBS or p >= len(toks) or not substantive(toks, p, len(toks)):
        return found
    resume = toks[other.np.i].start
    out = []
    for a, z, own, w in found:
        if not own or a != resume or toks[p].start >= z:
            out.append((a, z, own, w))
            continue
        out.extend((a2, z2, False, who) for a2, z2, _ in content_after(toks, p, kind, start, min(z, end)))
    return out


def first_frame(toks, start, end, found, other: Attribution, who):
    """Give the leading clause "While X said that A, …" (kept as the outlet's words) to X: A."""
    sub = toks[other.np.i - 1]
    p, kind, _ = skip_frame(toks, other.cue + 1, toks[other.cue].low)
    cue = toks[other.cue].low
    if kind == "none" and cue not in CLAUSE_VERBS and cue not in NOUN_OBJECT_WHOLE:
        p, kind = start_after_cue(toks, other.cue), "object"  # "Although X has admitted using …, …"
    if kind not in ("that", "colon", "quote", "clause", "object") or kind == "clause" and cue not in CLAUSE_VERBS \
            or p >= len(toks):
        return found
    kind = "clause" if kind == "object" else kind
    out = []
    for a, z, own, w in found:
        if not own or not (a <= sub.start and toks[p].start < z) or not substantive(toks, p, len(toks)):
            out.append((a, z, own, w))
            continue
        out.extend((a2, z2, False, who) for a2, z2, _ in content_after(toks, p, kind, start, min(z, end)))
    return out
