"""The content of a stance verb or a noun object: what follows the verb, to the end of the clause.

"opposed *the resolution*", "wants *to …*", "believes (that) *…*", "accused *Clinton of …*", "urged
*voters to reject …*", "X noted *the rule*": a noun object ends before an adjunct of the frame or
the outlet's aside; the content ends before a second predicate of the subject (which gives a
further piece when its verb is a cue too); a clause before the subject ("While prices rose, X …")
is a piece in the outlet's own voice.
"""
from __future__ import annotations

from ..speakers.clause_words import (CLAUSE_STARTS, CLAUSE_SUBORDINATORS, CLAUSE_VERBS, CLAUSE_VERBS_STOP, DASHES, FINITE,
                           NOUN_DETERMINERS, PREPOSITIONS, SUBORDINATORS, adverb_word, coordinator, frame_word,
                           late_particle, opening_adverbial, particle, subordinate_clause)
from .end import content_after
from .start import start_after_cue
from ..speakers.cues import QUOTE_ONLY, SPEECH_VERBS, STANCE_VERBS, Attribution
from ..lexicon import VENUE_NOUNS
from ..sentences.spans import span, substantive, word_count
from ..sentences.tokens import Tok


def stance_split(text: str, start: int, end: int, att: Attribution, toks: list[Tok],
                 content_from: int | None = None):
    """A stance verb's content: what follows the verb ("opposed *the resolution*", "wants *to
    …*", "believes (that) *…*", "accused *Clinton of …*"), to the end of the clause; a leading
    clause before the subject ("While prices rose, X …") is a piece in the outlet's own voice."""
    n, k = len(toks), att.cue
    late = late_particle(toks, k)  # "called Friday for …"
    quoted = _far_quotation(toks, k, late)
    if quoted is not None:
        return [(toks[quoted].start, toks[quoted].end, False)]
    p = _content_start(toks, k, late, content_from)
    if p >= n or not substantive(toks, p, n):
        return None
    content = _stance_content(toks, p, start, end)
    if _noun_object_at(att, toks, p):
        content = _noun_object_pieces(toks, p, content)
    cut = _lead_cut(att, toks)
    if cut is _NO_LEAD:
        return content
    if cut is None:
        return None
    lead = [(*span(toks, 0, cut, start, end), True)] if word_count(toks, 0, cut) >= 3 else []
    return lead + content


def _far_quotation(toks: list[Tok], k: int, late: int | None) -> int | None:
    """'called it "a disgrace"': the index of the quotation a quote-only verb at ``k`` frames,
    when more than six tokens lie between them, else None."""
    if toks[k].low not in QUOTE_ONLY or particle(toks, k) or late is not None:
        return None
    q = next((c for c in range(k + 1, len(toks)) if toks[c].kind == "q"), None)
    return q if q is not None and q - (k + 1) > 6 else None


def _noun_object_at(att: Attribution, toks: list[Tok], p: int) -> bool:
    """True when the content at ``p`` is the verb's noun object (not a "that" or "to" clause,
    not a number, not a clause start other than a determiner opening a noun object)."""
    if not (att.stance or toks[att.cue].low not in CLAUSE_VERBS):
        return False
    if toks[p - 1].low == "that" or toks[p].low == "to" or toks[p].kind == "n":
        return False
    return toks[p].low not in CLAUSE_STARTS or toks[p].low in NOUN_DETERMINERS and _noun_object(toks, p)


def _content_start(toks: list[Tok], k: int, late: int | None, content_from: int | None) -> int:
    """The first token of the content after the verb at ``k`` (its particle, frame words, a time
    phrase and "that" or a colon skipped)."""
    n = len(toks)
    p = content_from if content_from is not None else late + 1 if late is not None \
        else k + 1 + (1 if particle(toks, k) else 0)
    while p < n and frame_word(toks[p]) and toks[p].kind != "n":  # not "said 111 hostages …"
        p += 1
    if p + 1 < n and toks[p].low in ("on", "in", "at", "last", "this") and frame_word(toks[p + 1]):
        p += 2  # "opposed on Tuesday the …"
    if p < n and (toks[p].low == "that" or toks[p].text == ":"):
        p += 1
    return p


def _noun_object_pieces(toks: list[Tok], p: int, content: list) -> list:
    """A noun object without the adjuncts that follow it; a finite clause after it ("condemned
    the launch as Pyongyang fired three missiles") is the outlet's."""
    n = len(toks)
    a, b, own = content[0]
    e = _object_end(toks, p, b)
    content[0] = (a, min(b, e), own)
    c = next((c for c in range(p, n) if toks[c].start > e), n)
    if e < b and c < n and toks[c].low in CLAUSE_SUBORDINATORS and word_count(toks, c + 1, n) >= 4 \
            and _finite_clause_at(toks, c + 1):
        content.insert(1, (toks[c + 1].start, b, True))
    return content


_NO_LEAD = object()  # nothing before the frame is the outlet's: the content alone


def _lead_cut(att: Attribution, toks: list[Tok]):
    """Where the outlet's lead before the frame ends (a token index), ``_NO_LEAD`` when there is
    none, or None to keep the whole sentence ('"…," X believes')."""
    k, np, n = att.cue, att.np, len(toks)
    if att.how == "ing":
        return k - 1
    if att.how == "with":
        return np.i - 2  # the comma before "with"
    if att.how == "coord":
        return coordinator(toks, k)
    f0 = np.i
    if f0 == 0:
        return _NO_LEAD
    prev = toks[f0 - 1]
    if any(t.kind == "q" for t in toks[:f0]):
        return None  # '"…," X believes' and the like: keep the sentence
    if prev.kind == "w" and prev.low in SUBORDINATORS:
        return f0 - 2 if f0 >= 2 and toks[f0 - 2].low in ("even", "just") else f0 - 1
    if prev.text == "," and np.j < n and toks[np.j].text == "," and np.kind == "person":
        return _NO_LEAD  # "Trump's running mate, Mike Pence, plans to …": an appositive, not a lead
    if prev.text == "," and (not opening_adverbial(toks, f0) or subordinate_clause(toks, f0 - 1)):
        return f0 - 1
    return _NO_LEAD  # "In a speech on Friday, Clinton laid out …": an opening adverbial


def _stance_content(toks: list[Tok], p: int, start: int, end: int, depth: int = 0):
    """Pieces of a stance verb's content from token ``p``: cut before a second predicate, which
    gives a further piece when its verb is a cue too ("attacked A, and has called for B")."""
    n = len(toks)
    seg = content_after(toks, p, "clause", start, end)
    a, b, own = seg[0]
    cut = _vp_cut(toks, p, b)
    if cut >= b or len(seg) > 1 or depth >= 3:
        return seg
    out = [(a, cut, own)]
    c = next((i for i in range(p, n) if toks[i].start >= cut), n)
    v = c
    while v < n and (toks[v].text == "," or toks[v].low in ("and", "but", "yet") or toks[v].low in _VP_AUX
                     or frame_word(toks[v])):
        v += 1
    if v < n and toks[v].text.islower() and (toks[v].low in STANCE_VERBS or toks[v].low in SPEECH_VERBS):
        q = start_after_cue(toks, v)
        if q < n and substantive(toks, q, n):
            return out + _stance_content(toks, q, start, end, depth + 1)
    if c < n and word_count(toks, c, n) >= 3:
        out.append((*span(toks, c, n, start, end), True))  # ", but stopped short of …": the outlet's
    return out


_ADJUNCT_SUBORDINATORS = frozenset("""when while after before because since though although if until
whereas amid during following""".split())


def _noun_object(toks: list[Tok], p: int) -> bool:
    """"opposed *the resolution as* …" (a noun phrase), not "said *the plan failed*" (a clause):
    no finite verb before the first preposition, subordinator or punctuation."""
    for x in toks[p + 1:p + 15]:
        if x.kind == "q" or x.kind == "p" and x.text not in ("-", "'", "\u2019"):
            return True
        if x.kind == "w" and x.text.islower():
            if x.low in PREPOSITIONS or x.low in _ADJUNCT_SUBORDINATORS \
                    or x.low in ("as", "and", "or", "that", "who", "which"):
                return True
            if x.low in CLAUSE_VERBS_STOP or x.low.endswith(("ed", "n't")) or x.low in FINITE:
                return False
    return True


def _object_end(toks: list[Tok], p: int, b: int) -> int:
    """Where a noun object ends before an adjunct of the frame: "Machado *in early-morning tweets*",
    "the figure *at last week's forum*", "the argument *in a ruling released Thursday*"."""
    for c in range(p + 1, len(toks) - 1):
        t = toks[c]
        if t.start >= b:
            break
        if t.kind != "w" or not t.text.islower():
            if _joining_dash(toks, c, p):
                return toks[c - 1].end  # "… - delaying …", not "25-year-old"
            continue
        if t.low in ("who", "which", "whose") and toks[c - 1].text == "," and c - 1 > p:
            return toks[c - 2].end  # "endorsed Trump, who says he is honored": the outlet's aside
        if word_count(toks, p, c) < 4:
            continue  # "lauded Mr. Clarke in his address for …": too little left to stand alone
        if _adjunct_at(toks, c, p):
            return toks[c - 1].end if toks[c - 1].text != "," else toks[c - 2].end
    return b


def _joining_dash(toks: list[Tok], c: int, p: int) -> bool:
    """A dash at ``c`` that sets off what follows ("… - delaying …"), not a hyphen inside a word
    ("25-year-old")."""
    t = toks[c]
    return t.text in DASHES and c > p + 1 and (t.text != "-" or toks[c - 1].end < t.start
                                               and toks[c + 1].start > t.end)


def _adjunct_at(toks: list[Tok], c: int, p: int) -> bool:
    """True when the lower-case word at ``c`` opens an adjunct of the frame: a subordinator,
    "at", "on" + a time word, "in" + a venue ("in an interview"), or "as" + a finite clause (not
    "as much … as I do")."""
    w = toks[c].low
    if w in _ADJUNCT_SUBORDINATORS or w == "at":
        return True
    if w == "on":
        return frame_word(toks[c + 1])
    if w == "in":
        return any(x.low in VENUE_NOUNS for x in toks[c + 1:c + 4])
    return w == "as" and _finite_clause_at(toks, c + 1) and not any(x.low in ("as", "so", "such") for x in toks[p:c])


def _finite_clause_at(toks: list[Tok], i: int) -> bool:
    """A short subject and then a finite verb at ``i``: "as *Pyongyang fired* …", "as *the market
    fell*", "as *he* said" — not "as examples of …" or "as a fraud"."""
    n = len(toks)
    if i >= n or toks[i].kind != "w":
        return False
    t = toks[i]
    if t.low in ("he", "she", "it", "they", "we", "i", "you", "there"):
        v = i + 1
    elif t.low in NOUN_DETERMINERS:
        v = i + 1
        while v < n and v - i <= 3 and toks[v].kind in ("w", "s") and not _finite_word(toks[v]):
            v += 1
    elif t.text[0].isupper():
        v = i + 1
        while v < n and v - i <= 3 and toks[v].kind == "w" and toks[v].text[0].isupper():
            v += 1
    else:
        return False
    if v < n and adverb_word(toks[v]):
        v += 1
    return v < n and v > i and _finite_word(toks[v])


def _finite_word(t: Tok) -> bool:
    return t.kind == "w" and t.text.islower() and (t.low in CLAUSE_VERBS_STOP or t.low in FINITE
                                                   or t.low.endswith("ed") or t.low in SPEECH_VERBS
                                                   and t.low.endswith("s"))


_VP_AUX = frozenset("has have had is was were will would also then later".split())


def _vp_cut(toks: list[Tok], p: int, b: int) -> int:
    """Where a stance verb's content ends before a second predicate of the subject (", but
    stopped short of …", "and pledged to …", "and has called for …") or a clause joined by ", but"."""
    for c in range(p + 1, len(toks) - 1):
        t = toks[c]
        if t.start >= b:
            break
        if t.low not in ("and", "but", "yet") or not t.text.islower() or not substantive(toks, p, c):
            continue
        comma = toks[c - 1].text == ","
        nxt = toks[c + 1]
        if comma and t.low in ("but", "yet") or nxt.kind == "w" and nxt.text.islower() and (
                nxt.low in _VP_AUX or nxt.low in SPEECH_VERBS or nxt.low in STANCE_VERBS
                or comma and (nxt.low.endswith("ed") or nxt.low in FINITE)):
            return toks[c - 1].end if comma else toks[c - 1].end
    return b
