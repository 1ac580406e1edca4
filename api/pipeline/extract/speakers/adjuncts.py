"""What sits between a subject and its verb, and skipping it leftwards.

Adverbs and auxiliaries ("Blinken *also* said", "X *has repeatedly* argued"), time phrases ("X *last
week* said"), catenative verbs ("protesters *continued to* call for"), venue and date phrases ("X *in
a televised interview* appeared to blame"), parentheticals ("Sen. Lindsey Graham *(R-S.C.)* said")
and the dashes that bound an insert.
"""
from __future__ import annotations

from ..lexicon import VENUE_NOUNS, WEEKDAYS
from ..sentences.tokens import Tok

# Negated auxiliaries, one token each: "X *isn't* saying", "X *didn't* deny".
NEGATED_AUX = frozenset(a + suffix for a in """is are was were has have had does do did would could should
must need""".split() for suffix in ("n't", "n\u2019t")) | frozenset(
    "won't can't ain't won\u2019t can\u2019t ain\u2019t cannot".split())


# Words between a subject and its speech verb that are skipped: "Blinken on Monday warned".
SKIP_LEFT = frozenset("""
also later earlier then previously has have had was is were would will did does do not never again
further reportedly repeatedly publicly privately recently often once simply already last this next
on since just still even n't subsequently initially separately quickly directly flatly explicitly
all both each themselves himself herself too now still openly are am been long almost
can could should may might must
""".split()) | WEEKDAYS | NEGATED_AUX
# Sentence adverbs that sit between a subject and its speech verb, bare or between commas: "Carter
# *however* said", "Sanders*, meanwhile,* said", "Sanders*, meanwhile,* who …, said" (skipped by
# subjects.left_subject for a speech verb only: "His visit, though, threatens …" has no speaker).
SENTENCE_ADVERBS = frozenset("however meanwhile instead likewise nonetheless nevertheless though therefore".split())
TIME_NOUNS = frozenset("week month year night morning afternoon evening weekend day time".split())
TIME_LEAD = frozenset("last this next that earlier on".split())


CATENATIVE = frozenset("""continue continues continued plan plans planned seem seems seemed tend tends tended
try tries tried begin begins began want wants wanted need needs needed appear appears appeared going""".split())


def skip_left(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``j`` that is not an adverb, auxiliary or time phrase
    (or a catenative verb: "protesters *continued to* call for …")."""
    while j >= 0:
        t = toks[j]
        if t.kind != "w":
            pp = _venue_pp(toks, j)
            if pp is None:
                break
            j = pp - 1
            continue
        if t.low == "to" and j >= 1 and toks[j - 1].low in CATENATIVE:
            j -= 2
            continue
        if t.low in SKIP_LEFT and not _capitalised_inside(toks, j) \
                or (t.low in TIME_NOUNS and j > 0 and toks[j - 1].low in TIME_LEAD) or adverb(t):
            j -= 1
            continue
        pp = _venue_pp(toks, j)
        if pp is None:
            break
        j = pp - 1
    return j


def _capitalised_inside(toks: list[Tok], j: int) -> bool:
    """A capitalised auxiliary or adverb after the sentence's first word is a name ("George *Will*
    wrote", '"…," *Will* wrote'): inside a sentence, "will" or "long" is written in lower case."""
    t = toks[j]
    return j > 0 and t.text[0].isupper() and t.low not in WEEKDAYS


_VENUE_PREPS = frozenset("in at during on via through".split())


def _venue_pp(toks: list[Tok], j: int) -> int | None:
    """Start of a short prepositional phrase of venue or date ending at ``j`` that sits between a
    subject and its verb: "X *in a televised interview* appeared to blame", "a panel *in 2001* found",
    "X *on Twitter* wrote". None when ``toks[j]`` does not end one."""
    t = toks[j]
    if t.kind == "n" and len(t.text) == 4 and t.text.isdigit() and j >= 1 and toks[j - 1].low == "in":
        return j - 1  # "in 2001"
    if t.kind != "w" or not (t.low in VENUE_NOUNS or t.low == "twitter" or t.low in WEEKDAYS):
        return None
    for c in range(j - 1, max(0, j - 7), -1):
        x = toks[c]
        if x.kind == "w" and x.low in _VENUE_PREPS and x.text.islower():
            return c if c >= 1 and toks[c - 1].kind == "w" else None
        if x.kind not in ("w", "n", "s") or x.text.islower() and x.low in SKIP_LEFT - {"on", "this", "last"} \
                or x.low in ("that", "which", "who"):
            return None
    return None


_LY_NOUNS = frozenset("family ally rally assembly supply anomaly monopoly bully belly jelly reply".split())


def adverb(t: Tok) -> bool:
    """A lower-case -ly adverb ("forcefully told")."""
    return t.text.islower() and len(t.low) > 4 and t.low.endswith("ly") and t.low not in _LY_NOUNS


DASH_TOKENS = frozenset({"--", "\u2014", "\u2013", "\u2015"})


def skip_paren(toks: list[Tok], j: int) -> int:
    """The index before a parenthetical ending at ``j`` ("(R-S.C.)"), else ``j``; -1 when unclosed."""
    if j < 0 or toks[j].text != ")":
        return j
    c = next((c for c in range(j - 1, max(-1, j - 12), -1) if toks[c].text == "("), None)
    return -1 if c is None or c < 1 else c - 1


ADVERBS = frozenset("""not n't never also still now again once even just already reportedly repeatedly long
publicly privately recently often simply further""".split())


def skip_adverbs(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``j`` (inclusive) that is not an adverb."""
    while j >= 0 and toks[j].kind == "w" and (toks[j].low in ADVERBS or adverb(toks[j])):
        j -= 1
    return j
