"""Cues that are phrases rather than a subject and its verb.

"in X's view" / "in the words of X" (:func:`in_view`), "X's claim that …" (:func:`claim_noun`),
"…, with X saying …" (:func:`with_frame`), and :func:`group_phrase`, the holder after "according
to" or "in the view of" when it is not a name ("according to a senior White House official").
"""
from __future__ import annotations

from .adjuncts import DASH_TOKENS, skip_left
from .cues import SPEECH_VERBS, Attribution
from .names import NP, is_name_word, parse_left, parse_right
from .sources import agentive
from ..sentences.tokens import Tok

_CLAIM_NOUN_MODS = frozenset("""earlier latest recent repeated own new initial previous public private
frequent oft-repeated widely-reported false baseless central main""".split())
_RELATIVE_NEXT = frozenset("""is are was were has have had will would can could should may might must
be been being did does do""".split())


def claim_noun(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """A claim noun with its holder before it and a "that" clause after it: "*Trump's* claim
    that …", "*a New York Times* report that …", "*Mr. Obama's* bet is that …"."""
    if not _that_clause_after(toks, k):
        return None
    j = k - 1
    while j >= 1 and toks[j].kind == "w" and toks[j].text.islower() and toks[j].low in _CLAIM_NOUN_MODS:
        j -= 1
    np = _claim_holder(text, toks, j)
    if np is None or np.kind == "pron" or not agentive(toks, np):
        return None
    return Attribution(np, k, False, False, "noun", True)


def _that_clause_after(toks: list[Tok], k: int) -> bool:
    """True when a "that" clause (not a relative clause: "the report that was released")
    follows the noun at ``k``, directly or after "is"/"was" ("X's bet is that")."""
    n = len(toks)
    c = k + 1
    if c + 1 < n and toks[c].low in ("is", "was") and toks[c + 1].low == "that":
        c += 1
    if c + 1 >= n or toks[c].low != "that":
        return False
    nxt = toks[c + 1]
    if nxt.kind not in ("w", "q"):
        return False
    return not (nxt.text.islower() and (nxt.low in _RELATIVE_NEXT or nxt.low.endswith("ed")))


def _claim_holder(text: str, toks: list[Tok], j: int) -> NP | None:
    """Who holds the claim, ending at token ``j``: a possessor ("Trump's claim", "the Tulsa
    police's earlier claim") or a named organisation or person ("a New York Times report")."""
    if toks[j].kind == "s" and j >= 1:
        return parse_left(text, toks, j - 1, 2)
    if is_name_word(toks[j]) or toks[j].text.isupper() and len(toks[j].text) > 1:
        np = parse_left(text, toks, j, 2)
        return np if np is not None and np.kind in ("org", "person") else None
    return None


_VIEW_NOUNS = frozenset("""view views opinion words estimation judgment judgement assessment telling
account""".split())


def in_view(text: str, toks: list[Tok], k: int) -> NP | None:
    """The holder in "in *X's* view/opinion/words" or "in the view/words of *X*" at ``k`` ("in"),
    followed by a comma or the end of the sentence."""
    n = len(toks)
    if toks[k + 1].low == "the" and toks[k + 2].low in _VIEW_NOUNS and k + 4 < n and toks[k + 3].low == "of":
        np = parse_right(text, toks, k + 4) or group_phrase(text, toks, k + 4)  # the phrase names a holder
        if np is not None and np.kind == "group" and np.j - np.i > 6:
            return None
    else:
        np = _possessor_view(text, toks, k)
    if np is None or np.kind == "pron":
        return None
    if np.j < n and toks[np.j].text not in (",", ".", ";"):
        return None
    return np


def _possessor_view(text: str, toks: list[Tok], k: int) -> NP | None:
    """"in *X's* view": the possessor right after "in" at ``k``, spanning to the view noun."""
    n = len(toks)
    c = next((c for c in range(k + 2, min(n, k + 8)) if toks[c].kind == "s"), None)
    if c is None or c + 1 >= n or toks[c + 1].low not in _VIEW_NOUNS:
        return None
    np = parse_left(text, toks, c - 1, 2)
    if np is None or np.i != k + 1:
        return None
    np = NP(np.i, c + 2, np.text, np.kind, np.name, np.role, np.possessor)
    return None if np.kind == "pron" or not agentive(toks, np) else np


def with_frame(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """"…, with *analysts* saying that …", "…, with *one poll* showing her ahead": the subject of an
    absolute phrase opened by "with" (a dash-bounded insert after it is skipped)."""
    j = k - 1
    if toks[j].text in DASH_TOKENS:
        c = next((c for c in range(j - 1, max(0, j - 25), -1) if toks[c].text in DASH_TOKENS), None)
        if c is None:
            return None
        j = c - 1
    j = skip_left(toks, j)
    np = parse_left(text, toks, j) if j >= 1 else None
    if np is None or np.kind == "pron" or np.i < 2 or toks[np.i - 1].low != "with" or not agentive(toks, np):
        return None
    if toks[np.i - 2].text != "," and toks[np.i - 2].text not in DASH_TOKENS:
        return None  # "a candidate with supporters claiming …" modifies a noun
    return Attribution(np, k, False, False, "with", toks[k].low not in SPEECH_VERBS)


def group_phrase(text: str, toks: list[Tok], i: int) -> NP | None:
    """The words after "according to" up to the next punctuation, as a group speaker."""
    j = i
    while j < len(toks) and toks[j].kind in ("w", "n", "s") and j - i < 15:
        j += 1
    if j == i:
        return None
    return NP(i, j, text[toks[i].start:toks[j - 1].end], "group")
