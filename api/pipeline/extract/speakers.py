"""Who is said to speak in one sentence: speech verbs and the phrase that is their subject.

Patterns handled (quotations are single ``q`` tokens here): ``"…," said X``, ``"…," X said``,
``X said "…"``, ``X said: "…"``, ``X said (Tuesday) that …``, ``…, sources said.``,
``according to X``, ``X told reporters``, ``X's office said in a statement``,
``X issued a statement: "…"``, ``X, the …, said``, ``X, who …, said``, ``"…" ― X`` and
transcript labels (``WALLACE: …``).
"""
from __future__ import annotations

from dataclasses import dataclass

from .names import NP, cap_chain_left, is_name_word, parse_left, parse_right, WEEKDAYS
from .tokens import Tok

_IRREGULAR = {
    "say": "says said saying", "tell": "tells told telling", "write": "writes wrote writing written",
    "think": "thinks thought thinking", "find": "finds found finding", "show": "shows showed showing shown",
    "speak": "speaks spoke speaking spoken", "admit": "admits admitted admitting",
    "quip": "quips quipped quipping", "testify": "testifies testified testifying",
    "reply": "replies replied replying", "worry": "worries worried worrying",
    "deny": "denies denied denying", "signal": "signals signaled signalled signaling",
    "predict": "predicts predicted predicting", "read": "reads read reading",
}
_REGULAR = """
add state tweet argue claim warn insist note explain ask declare announce report acknowledge suggest
contend assert maintain promise pledge vow urge confirm respond remark recall complain concede
emphasize emphasise stress criticize criticise blast slam accuse allege estimate believe
hope fear agree disagree observe mention conclude counter retort joke boast lament recommend
demand propose question wonder indicate reveal caution reiterate post charge contend muse
exclaim whisper shout scoff lash reason posit opine concur affirm attest inform brief proclaim
cite condemn praise attack decry denounce tout welcome applaud mock dismiss scold thank blame
exhort
""".split()

# A verb that needs a particle to report speech: "called for", "pointed out".
_PHRASAL = {"call": ("for", "on"), "point": ("out",), "write": ("in",)}
_STATEMENT_VERBS = frozenset("issued issues released releases put puts published publishes".split())
_STATEMENT_NOUNS = frozenset("statement statements memo letter release tweet post".split())


def _forms(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base].split()}
    s3 = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
    past = base + ("d" if base.endswith("e") else "ed")
    ing = (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"
    return {base, s3, past, ing}


def forms_of(bases: str) -> frozenset[str]:
    """Every form of the whitespace-separated base verbs: "say tell" → say, says, said, saying, tell, …"""
    return frozenset(f for b in bases.split() for f in _forms(b))


# Base forms that are more often nouns ("the report", "a claim") are not cues on their own.
_NOUNISH = frozenset("""
report state claim post tweet question charge hope fear demand attack welcome brief reason thank
blame praise mention estimate remark promise pledge vow signal muse counter caution stress repeat
lash shout whisper scoff joke boast lament reveal show find read write quip reply worry
""".split())
SPEECH_VERBS = frozenset(f for b in list(_IRREGULAR) + _REGULAR for f in _forms(b)
                         if not (f == b and b in _NOUNISH))
# Verbs that report words only with a quotation after them: 'Trump called it "a disgrace"'.
_QUOTE_ONLY = frozenset(f for b in """call brand dub label term hail describe continue refer liken rate compare
chant""".split() for f in _forms(b) if f != b)
PHRASAL_VERBS = {f: parts for b, parts in _PHRASAL.items() for f in _forms(b)}

# Words between a subject and its speech verb that are skipped: "Blinken on Monday warned".
_SKIP_LEFT = frozenset("""
also later earlier then previously has have had was is were would will did does do not never again
further reportedly repeatedly publicly privately recently often once simply already last this next
on since just still even n't subsequently initially separately quickly directly flatly explicitly
all both each themselves himself herself too
""".split()) | WEEKDAYS
_TIME_NOUNS = frozenset("week month year night morning afternoon evening weekend day time".split())
_TIME_LEAD = frozenset("last this next that earlier on".split())
_CLAUSE_LEFT = frozenset("and but that as while because so or when though although after before if since "
                         "where than whereas nor yet".split())
# Words that open an insert between a subject and its verb: "X, who …, said", "X, in a statement, said".
_REL_OPENERS = frozenset({"who", "which", "whose", "the", "a", "an", "whom", "now", "then", "at", "in", "on",
                          "during", "after", "speaking", "himself", "herself", "too", "however"})


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase and the index of its cue token (``strong``: a main-clause attribution)."""

    np: NP
    cue: int
    strong: bool
    final: bool
    # how the cue was found: 'verb' (X said / said X), 'coord' (X did …, and said …),
    # 'ing' (X spoke, saying …), 'according', 'label' (WALLACE: …) or 'dash' ("…" ― X)
    how: str = "verb"


def _skip_left(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``j`` that is not an adverb, auxiliary or time phrase."""
    while j >= 0:
        t = toks[j]
        if t.kind != "w":
            break
        if t.low in _SKIP_LEFT or (t.low in _TIME_NOUNS and j > 0 and toks[j - 1].low in _TIME_LEAD) \
                or _adverb(t):
            j -= 1
        else:
            break
    return j


_LY_NOUNS = frozenset("family ally rally assembly supply anomaly monopoly bully belly jelly reply".split())


def _adverb(t: Tok) -> bool:
    """A lower-case -ly adverb ("forcefully told")."""
    return t.text.islower() and len(t.low) > 4 and t.low.endswith("ly") and t.low not in _LY_NOUNS


def _boundary_ok(toks: list[Tok], i: int) -> bool:
    """Whether a phrase starting at token ``i`` can be a clause subject."""
    if i == 0:
        return True
    p = toks[i - 1]
    return p.kind in ("p", "q") and p.text not in ("'", "\u2019") or p.low in _CLAUSE_LEFT or p.low == "even"


def _left_subject(text: str, toks: list[Tok], k: int) -> NP | None:
    """The subject of the verb at ``k`` reading leftwards (appositives and relatives skipped)."""
    j = _skip_left(toks, k - 1)
    if j < 0:
        return None
    if toks[j].text == ",":
        np = parse_left(text, toks, j - 1)  # "The campaign's chairman, Phil Lovas, said"
        if np is not None and np.kind == "person" and np.i >= 1 and toks[np.i - 1].text == ",":
            return np
        # "X, the top diplomat, said" / "X, who ..., said": look for the comma that opens the insert
        commas = [c for c in range(j - 1, max(-1, j - 40), -1) if toks[c].text in (",", "(")]
        for c in commas[:5]:
            nxt = toks[c + 1]
            np = parse_left(text, toks, c - 1) if c >= 1 else None
            if np is None or np.kind == "pron" or not _boundary_ok(toks, np.i):
                continue
            if nxt.low in _REL_OPENERS or nxt.kind == "n":
                return np
            # "China, Pyongyang's only ally, said": any short insert after a name
            if np.kind in ("person", "org") and j - c <= 16 and not any(x.kind == "q" for x in toks[c:j]):
                return np
        return None
    if toks[j].text in _DASH_TOKENS and j >= 2:  # "Kall -- co-editor of the book -- said"
        c = next((c for c in range(j - 1, max(-1, j - 25), -1) if toks[c].text in _DASH_TOKENS), None)
        if c is not None and c >= 1:
            np = parse_left(text, toks, _skip_paren(toks, c - 1))
            if np is not None and np.kind != "pron" and _boundary_ok(toks, np.i):
                return np
        return None
    j = _skip_paren(toks, j)  # "Sen. Lindsey Graham (R-S.C.) said"
    if j < 0:
        return None
    if toks[j].low in ("and", "but") and j >= 1:
        return None  # coordinated verb: the caller falls back on the main subject
    np = parse_left(text, toks, j)
    if np is None:
        return None
    np = _quantified(text, toks, np)
    if np.kind == "person" and np.i >= 2 and toks[np.i - 1].kind == "s":
        owner = parse_left(text, toks, np.i - 2)  # "Hillary Clinton's campaign manager Robby Mook"
        if owner is not None and owner.kind != "pron":
            np = NP(owner.i, np.j, text[toks[owner.i].start:toks[np.j - 1].end], "person", np.name,
                    text[toks[owner.i].start:toks[np.i - 1].end] + " " + np.role if np.role else np.role)
    if np.i >= 2 and toks[np.i - 1].low in ("and", "or") and (toks[np.i - 2].kind == "w"
                                                              or toks[np.i - 2].text == ")"):
        first = parse_left(text, toks, _skip_paren(toks, np.i - 2))  # "Hamas and Islamic Jihad said"
        if first is None or first.kind == "pron" or np.kind == "pron":
            return None
        np = NP(first.i, np.j, text[toks[first.i].start:toks[np.j - 1].end], "group")
    return np if _boundary_ok(toks, np.i) else None


# "-ing" cues that frame words of the sentence's subject even without a comma before them:
# "Trump unleashed a series of tweets saying that …"
_FRAMING_INGS = frozenset("saying arguing claiming insisting warning noting adding writing declaring stating".split())
_DASH_TOKENS = frozenset({"--", "\u2014", "\u2013", "\u2015"})
# "Many of his supporters", "Twelve percent of voters", "Some of them": a quantity of a group.
_QUANTIFIERS = frozenset("""many most some all several both none each few half one two three four five
majority minority percent dozens hundreds thousands millions plenty number""".split())


def _skip_paren(toks: list[Tok], j: int) -> int:
    """The index before a parenthetical ending at ``j`` ("(R-S.C.)"), else ``j``; -1 when unclosed."""
    if j < 0 or toks[j].text != ")":
        return j
    c = next((c for c in range(j - 1, max(-1, j - 12), -1) if toks[c].text == "("), None)
    return -1 if c is None or c < 1 else c - 1


def _quantified(text: str, toks: list[Tok], np: NP) -> NP:
    """Extend "his supporters" to "Many of his supporters", "voters" to "63 percent of voters"."""
    i = np.i
    if np.kind != "pron" and i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low in _QUANTIFIERS:
        k = i - 2
        while k >= 1 and (toks[k - 1].kind == "n" or toks[k - 1].low in _QUANTIFIERS
                          or toks[k - 1].low in ("a", "the", "about", "nearly", "almost", "over", "only")):
            k -= 1
        return NP(k, np.j, text[toks[k].start:toks[np.j - 1].end], "group", possessor=np.possessor)
    if i >= 1 and toks[i].kind == "n" and toks[i - 1].low in _APPROXIMATORS:  # "About 63 percent"
        return NP(i - 1, np.j, text[toks[i - 1].start:toks[np.j - 1].end], np.kind, possessor=np.possessor)
    return np


_APPROXIMATORS = frozenset("about nearly almost only just roughly some over under around fewer more".split())


_AFTER_INVERSION = frozenset("""on in at during after before to of who adding according while as when
for from last this late early earlier""".split())
_AUX = frozenset("""is are was were has have had will would can could should may might must did does do
be been also later then never not met went came made took gave sent left held spoke led ran won lost put
set kept brought knew saw got became began paid sat stood heard felt meant""".split())


def _ends_inversion(toks: list[Tok], j: int) -> bool:
    """After an inverted subject ("said Blinken") comes punctuation, a quote or an adjunct."""
    if j >= len(toks):
        return True
    t = toks[j]
    return t.kind in ("p", "q") or t.low in _AFTER_INVERSION or t.low in WEEKDAYS


def _verbish(t: Tok) -> bool:
    """A word that can be the verb after a subject (used to check a sentence's opening phrase)."""
    low = t.low
    return t.kind == "w" and t.text.islower() and (low in _AUX or low in SPEECH_VERBS or low.endswith(("ed", "es"))
                                                  or low.endswith("s") and not low.endswith(("ss", "us", "is"))
                                                  or low in _SKIP_LEFT)


def main_subject(text: str, toks: list[Tok]) -> NP | None:
    """The subject opening the sentence's main clause (after an introductory phrase)."""
    start = 0
    if toks and toks[0].kind == "w" and toks[0].low in ("in", "on", "at", "during", "after", "before",
                                                         "meanwhile", "later", "earlier", "following"):
        start = next((c + 1 for c, t in enumerate(toks) if t.text == ","), len(toks))
    np = parse_right(text, toks, start)
    if np is None or np.kind == "pron" and np.text.lower() in ("it", "i", "we"):
        return None
    k = np.j
    if k < len(toks) and toks[k].text == ",":  # "Blinken, the top diplomat, declined"
        k = next((c + 1 for c in range(k + 1, min(len(toks), k + 25)) if toks[c].text == ","), k)
    return np if k < len(toks) and _verbish(toks[k]) else None


def _is_cue(toks: list[Tok], k: int) -> bool:
    t = toks[k]
    if t.kind != "w" or not (t.text.islower() or k == 0):
        return False
    low = t.low
    if low in PHRASAL_VERBS and k + 1 < len(toks) and toks[k + 1].low in PHRASAL_VERBS[low]:
        return True
    if low in _QUOTE_ONLY:
        return any(x.kind == "q" for x in toks[k + 1:k + 12]) or k + 1 < len(toks) and toks[k + 1].text == ":"
    if low in _STATEMENT_VERBS:
        return any(x.low in _STATEMENT_NOUNS for x in toks[k + 1:k + 4])
    return low in SPEECH_VERBS


def find_attributions(text: str, toks: list[Tok]) -> list[Attribution]:
    """Every speaker phrase attached to a speech cue in the sentence, in token order."""
    out: list[Attribution] = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.low == "according" and k + 1 < n and toks[k + 1].low == "to":
            np = parse_right(text, toks, k + 2) or _phrase(text, toks, k + 2)
            if np is not None:
                out.append(Attribution(np, k, True, k + 2 + (np.j - np.i) >= n - 2 or k == 0, "according"))
            continue
        if not _is_cue(toks, k):
            continue
        if t.text[0].isupper() and k == 0 and t.low not in ("said", "says"):
            continue  # "Asked about ..." / "Warning ..." at the sentence start
        if t.low.endswith("ing") and k >= 1 and (toks[k - 1].text == "," or t.low in _FRAMING_INGS and k + 1 < n
                                                  and (toks[k + 1].low == "that" or toks[k + 1].text == ":"
                                                       or toks[k + 1].kind == "q")):
            np = main_subject(text, toks[:k])  # "Trump spoke in Ohio, saying that ..."
            if np is not None:
                out.append(Attribution(np, k, False, False, "ing"))
            continue
        np = _left_subject(text, toks, k)
        how = "verb"
        strong = np is not None and (np.i == 0 or toks[np.i - 1].kind in ("p", "q"))
        if np is None:
            j = _skip_left(toks, k - 1)
            if j < 0 or toks[j].kind in ("p", "q"):
                np = parse_right(text, toks, k + 1)  # inverted: '"…," said Blinken'
                if np is not None and (np.kind == "pron" and np.text.lower() not in ("he", "she", "they")
                                       or not _ends_inversion(toks, np.j)):
                    np = None
                strong = np is not None
            elif toks[j].low in ("and", "but"):
                np = main_subject(text, toks[:k])
                strong, how = False, "coord"
        if np is None:
            continue
        tail = toks[max(k, np.j):]
        final = all(x.kind != "q" for x in tail) and len(tail) <= 8 and (np.i > 0 or k > 0)
        out.append(Attribution(np, k, strong, final, how))
    label = _label(text, toks)
    if label is not None:
        out.append(label)
    dash = _dash(text, toks)
    if dash is not None:
        out.append(dash)
    return out


def _phrase(text: str, toks: list[Tok], i: int) -> NP | None:
    """The words after "according to" up to the next punctuation, as a group speaker."""
    j = i
    while j < len(toks) and toks[j].kind in ("w", "n", "s") and j - i < 15:
        j += 1
    if j == i:
        return None
    return NP(i, j, text[toks[i].start:toks[j - 1].end], "group")


def _label(text: str, toks: list[Tok]) -> Attribution | None:
    """'WALLACE: …' / 'Pence: …' — a short name, then a colon, at the start of a line."""
    s = 1 if toks and toks[0].text in ('"', "\u201c") else 0  # '"WALLACE: …' (a stray mark)
    for c in range(s + 1, min(len(toks), s + 5)):
        if toks[c].text == ":":
            if c + 1 < len(toks) and all(is_name_word(x) or x.text.isupper() for x in toks[s:c]):
                np = parse_left(text, toks, c - 1)
                if np is not None and np.i == s:
                    return Attribution(np, c, True, False, "label")
            return None
    return None


def _dash(text: str, toks: list[Tok]) -> Attribution | None:
    """'"…" ― Sonya Herridge': a quotation followed by a dash and a name."""
    for k in range(1, len(toks) - 1):
        if toks[k].text in ("\u2015", "\u2014", "\u2013", "-") and toks[k - 1].kind == "q":
            end = k + 1
            while end < len(toks) and (is_name_word(toks[end]) or toks[end].text == "."):
                end += 1
            if end > k + 1:
                last = end - 1 if toks[end - 1].text != "." else end - 2
                i = cap_chain_left(toks, last)
                np = parse_left(text, toks, last)
                if np is not None and i == k + 1:
                    return Attribution(np, k, True, True, "dash")
    return None


def best(attrs: list[Attribution]) -> Attribution | None:
    """The attribution that governs the sentence: a final ``…, X said`` beats an opening ``X said``,
    which beats an embedded one."""
    if not attrs:
        return None
    for a in attrs:
        if a.how == "label":  # "PENCE: Hillary Clinton thinks …" : all of it is Pence's
            return a
    for a in attrs:
        if a.final and a.strong:
            return a
    for a in attrs:
        if a.strong:
            return a
    return attrs[0]
