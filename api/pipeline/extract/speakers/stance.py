"""Stance cues: stance verbs, stance adjectives and passives with an agent.

Stance verbs ("wants to …", "opposed the resolution", "a poll found that …") are weaker cues than
speech verbs: they count only with a subject to their left that can hold a view, and a bare base
form only with a plural subject ("Democrats want …", not "Republican support …"). Also "X is
concerned that …" (:func:`stance_adjective`) and "… is supported by X" (:func:`by_agent`).
"""
from __future__ import annotations

from .adjuncts import NEGATED_AUX, adverb, skip_adverbs, skip_left
from .cues import STANCE_BASES, Attribution
from .names import NP, parse_right
from .sources import NOT_HEAD_PP, OPEN_STOP, QUANTIFIERS, agentive, opening_subject
from .subjects import left_subject, main_subject
from ..sentences.tokens import Tok

_BE = frozenset("is are was were be been being am".split())
_DO_MODAL = frozenset("do does did will would can could should may might must to 'll".split()) | NEGATED_AUX


_COLLECTIVE = frozenset("police people media public staff clergy military personnel youth".split())


_BE_LIKE = _BE | frozenset("remain remains remained seem seems seemed appear appears appeared grew become "
                           "became".split())


def stance_adjective(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """"X is concerned that …", "Republicans were willing to …": the subject of the copula."""
    j = skip_adverbs(toks, k - 1)
    if j < 1 or toks[j].low not in _BE_LIKE or k + 1 >= len(toks):
        return None
    nxt = toks[k + 1]
    if not (nxt.low in ("that", "about", "over", "with", "of", "to") or nxt.text == ":"):
        return None
    np = left_subject(text, toks, j)
    if np is None or not agentive(toks, np):
        return None
    strong = np.i == 0 or toks[np.i - 1].kind in ("p", "q")
    return Attribution(np, k, strong, False, "verb", True)


def by_agent(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """A passive cue with its agent: "… is supported by *a coalition of leaders*" (the whole
    sentence is the agent's view)."""
    b = k + 1
    while b < len(toks) and adverb(toks[b]):
        b += 1
    if b + 1 >= len(toks) or toks[b].low != "by":
        return None
    np = parse_right(text, toks, b + 1)
    if np is None:  # "by an unusual coalition of leaders"
        i = e = b + 1
        while e < len(toks) and e - i < 8 and toks[e].kind in ("w", "n", "s") and not (
                toks[e].text.islower() and (toks[e].low in OPEN_STOP or toks[e].low in NOT_HEAD_PP
                                            and toks[e].low not in ("of", "a", "an", "the", "and"))):
            e += 1
        while e > i and toks[e - 1].low in ("of", "and", "a", "an", "the"):
            e -= 1
        if e == i:
            return None
        np = NP(i, e, text[toks[i].start:toks[e - 1].end], "group")
    if np.kind == "pron" or not agentive(toks, np):
        return None
    return Attribution(np, k, False, False, "passive", True)


def passive(toks: list[Tok], k: int) -> bool:
    """A past participle after a form of "be": "was criticized", "has been told"."""
    if toks[k].low.endswith("ing"):
        return False
    j = skip_adverbs(toks, k - 1)
    return j >= 0 and toks[j].kind == "w" and toks[j].low in _BE


def stance_verb(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """A stance verb with a subject to its left: "Clinton did not want to …", "Protesters are
    demanding …", "X, who …, opposed …". Passives ("was criticized") and bare participles
    ("supporters opposing the bill") are not cues."""
    t = toks[k]
    j = skip_adverbs(toks, k - 1)
    before = toks[j] if j >= 0 else None
    if before is not None and before.kind == "w" and before.low in _BE:
        if not t.low.endswith("ing"):
            return by_agent(text, toks, k)  # passive: "was criticized by …"
    elif t.low.endswith("ing") and t.low not in STANCE_BASES:
        return _participle_stance(text, toks, k, before)
    np = left_subject(text, toks, k)
    how = "verb"
    if np is None:
        j = skip_left(toks, k - 1)
        if j >= 1 and toks[j].low in ("and", "but"):
            np, how = main_subject(text, toks[:k]), "coord"
        else:
            np = opening_subject(text, toks, k)
    if np is None or not agentive(toks, np):
        return None
    if t.low in STANCE_BASES and not any(x.low in _DO_MODAL for x in toks[np.j:k]) \
            and not _plural_subject(toks, np):
        return None  # a bare base form needs a plural subject: "Democrats want …", not "Republican support …"
    strong = np.i == 0 or toks[np.i - 1].kind in ("p", "q")
    return Attribution(np, k, strong and how == "verb", False, how, True)


def _participle_stance(text: str, toks: list[Tok], k: int, before: Tok | None) -> Attribution | None:
    """"…, accusing Clinton of …": the main subject holds the stance (after a comma only)."""
    if before is None or before.text != "," or k < 2:
        return None
    np = main_subject(text, toks[:k])
    if np is None or not agentive(toks, np):
        return None
    return Attribution(np, k, False, False, "ing", True)


def _plural_subject(toks: list[Tok], np: NP) -> bool:
    """Whether a subject is plural: a plural pronoun, a plural head ("Data from the Survey",
    "A majority of voters"), a coordination or a collective noun ("Police")."""
    if np.kind == "pron":
        return np.text.lower() in ("they", "we")
    head = next((toks[c - 1] for c in range(np.i + 1, np.j) if toks[c].low in ("of", "for", "by", "from")),
                toks[np.j - 1])  # "Data from the Survey show"
    return (np.kind in ("group", "org") or head is not toks[np.j - 1]) and (
        head.low.endswith("s") or head.low == "data" or any(t.low == "and" for t in toks[np.i:np.j])
        or head.low in QUANTIFIERS and toks[np.j - 1].low.endswith("s")  # "A majority of voters"
        or head.low in _COLLECTIVE)  # "Police fear"
