"""Which phrases can be a source: phrases that can hold a view, and descriptive subjects.

:func:`agentive` tells a name, a pronoun, an organisation, a role or a group of people
("protesters", "a coalition of leaders", "documents from the audit") from a phrase that cannot
hold a view; :func:`opening_subject` reads a descriptive phrase that opens a sentence and ends at
its cue ("*Experts on North Korea* said", "*Nearly eight of 10 voters* say", "*A 2014 study by
Harvard* found"). Also the nouns for documents, studies and bodies that head such phrases.
"""
from __future__ import annotations

from .adjuncts import ADVERBS, CATENATIVE, adverb, skip_left
from .cues import SPEECH_VERBS, STANCE_VERBS
from ..lexicon import ORG_WORDS, SOURCE_NOUNS, TITLES, WEEKDAYS
from .names import NP, is_name_word
from ..sentences.tokens import Tok

# "Many of his supporters", "Twelve percent of voters", "Some of them": a quantity of a group.
QUANTIFIERS = frozenset("""many most some all several both none each few half one two three four five
majority minority percent dozens hundreds thousands millions plenty number""".split())


PP_HEADS = frozenset("""study studies report reports poll polls survey surveys data analysis review audit
research findings estimate estimates investigation ad ads video videos article book memo letter editorial
column paper group groups committee coalition panel board team campaign office averages figures numbers
statistics records tallies""".split())


NOT_HEAD_PP = frozenset("""a an the this that these those and or but of in on at to for from with by as
is are was were has have had said says""".split())
_PEOPLE_NOUNS = frozenset("""woman women man men person people family wife husband mother father son
daughter child children student voter citizen friend neighbor neighbour colleague everyone nobody one
public crowd audience""".split())
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ans", "ents", "ians", "ics", "ives", "ees")


def agentive(toks: list[Tok], np: NP) -> bool:
    """A phrase that can hold a view: a name, a pronoun, an organisation, a role, or a group
    headed by a source noun or a noun for people ("protesters", "Republicans")."""
    if np.kind in ("person", "org", "role") or np.possessor:
        return True
    if np.kind == "pron":
        return np.text.lower() in ("he", "she", "they", "we")
    if any(t.low == "and" for t in toks[np.i:np.j]):
        return True
    heads = [toks[np.j - 1]] + [toks[c - 1] for c in range(np.i + 1, np.j)
                                if toks[c].low in ("of", "for", "by", "from") and toks[c].text.islower()][:1]
    for head in heads:  # the last word, or the word before "of/from/by": "documents *from* the audit"
        low = head.low
        if low in SOURCE_NOUNS or low in ORG_WORDS or low in _PEOPLE_NOUNS or low in PP_HEADS \
                or low.endswith(_PEOPLE_ENDINGS) or head.text[0].isupper() or _plural_of_org(low):
            return True
    return False


def _plural_of_org(low: str) -> bool:
    """"unions", "agencies", "companies": the plural of an organisation word."""
    return low.endswith("ies") and low[:-3] + "y" in ORG_WORDS or low.endswith("s") and low[:-1] in ORG_WORDS


_OPEN_NOT_FIRST = frozenset("""then now still also yet in on at during after before when while if as because
although though since for last next yesterday today earlier later meanwhile
with without by from to despite amid under over into through about like unlike whether than so but and or
it there this that what how why where who""".split())
OPEN_STOP = frozenset("""that which who whom whose when where because if while although though whether
is are was were be been being has have had do does did will would can could should may might must not""".split())
OPEN_PREPS = frozenset("of on in to at from for with and around across close near".split())
_OPEN_QUANT = frozenset("""those many some most all both none each few several one two three four five six seven
eight nine ten half majority""".split())


def opening_subject(text: str, toks: list[Tok], k: int) -> NP | None:
    """The phrase opening the sentence (or its main clause, after a short introductory phrase and
    a comma) when it runs, without a verb, a comma or a quotation, up to the cue: "Experts on North
    Korea said", "Those close to him say", "Nearly eight of 10 voters say", "Yet, a 2014 study by
    Harvard found". Its head (the word before its first preposition, or its last word) must name
    people, a source or a quantity of them."""
    np = _opening_from(text, toks, k, 0)
    if np is None:
        c = next((c for c in range(1, min(k, 9)) if toks[c].text == ","), None)
        if c is not None and not any(t.kind == "q" or t.kind == "w" and t.text.islower() and t.low in OPEN_STOP
                                     for t in toks[:c]):
            np = _opening_from(text, toks, k, c + 1)
    return np


def _opening_from(text: str, toks: list[Tok], k: int, s: int) -> NP | None:
    j = skip_left(toks, k - 1)
    if j < s + 1 or j > s + 30 or toks[s].kind != "w" or toks[s].low in _OPEN_NOT_FIRST:
        return None
    m = _modifier_start(toks, j, s)  # "A study *that appeared in the journal* found"
    if m is not None:
        j = m - 1
    if j < s or j > s + 14:
        return None
    head = _phrase_head(toks, s, j)
    if head is _NOT_A_PHRASE:
        return None
    if not _people_word(head or toks[j]) and not (head is not None and _people_word(toks[j])):
        return None  # "A chorus of prominent Republicans": the last word will do
    return NP(s, j + 1, text[toks[s].start:toks[j].end], "group")


_NOT_A_PHRASE = object()  # the words cannot be one noun phrase


def _phrase_head(toks: list[Tok], s: int, j: int):
    """The head before the first preposition of the phrase toks[s:j+1] ("A chorus *of* …"), None
    when it has none, or ``_NOT_A_PHRASE`` when a quotation, punctuation, a verb, an adverb or a
    function word shows the words are no noun phrase."""
    head = None
    for c in range(s, j + 1):
        t = toks[c]
        if _breaks_phrase(toks, c, j):
            return _NOT_A_PHRASE
        if head is None and c > s and t.kind == "w" and t.text.islower() and t.low in OPEN_PREPS:
            head = toks[c - 1]
    return head


def _breaks_phrase(toks: list[Tok], c: int, j: int) -> bool:
    """True when token ``c`` cannot be inside a noun phrase ending at ``j``: a quotation,
    punctuation (but a title's period, a hyphen, an apostrophe or a slash), or a lower-case
    function word, speech or stance verb, adverb, catenative, negation or past form ("then",
    "later", "earlier", "to" only as the last word)."""
    t = toks[c]
    if t.kind == "q":
        return True
    if t.kind == "p":
        title_dot = t.text == "." and c and toks[c - 1].low in TITLES
        return not title_dot and t.text not in ("-", "'", "\u2019", "/")
    if t.kind != "w" or not t.text.islower():
        return False
    low = t.low
    return (low in OPEN_STOP or low in SPEECH_VERBS or low in STANCE_VERBS or adverb(t) or low in ADVERBS
            or low in CATENATIVE or low.endswith(("n't", "ed"))
            or low in ("then", "later", "earlier", "to") and c == j)


def _people_word(head: Tok) -> bool:
    low = head.low
    if low.endswith("ies"):
        low = low[:-3] + "y"  # "companies"
    elif low.endswith("s") and not low.endswith("ss"):
        low = low[:-1] if low[:-1] in SOURCE_NOUNS or low[:-1] in PP_HEADS else low
    return low in SOURCE_NOUNS or low in _PEOPLE_NOUNS or low in PP_HEADS or low in _OPEN_QUANT \
        or low.endswith(_PEOPLE_ENDINGS) or head.kind == "n" or is_name_word(head) or head.text.isupper()


_PARTICIPLE_NEXT = frozenset("""by in last on at from over during this earlier for yesterday
today""".split()) | WEEKDAYS
_RELATIVIZERS = frozenset({"that", "which", "who", "whose", "whom"})


def _modifier_start(toks: list[Tok], j: int, s: int = 0) -> int | None:
    """Start of a relative clause or participle phrase that ends the subject ``toks[:j + 1]``
    ("… report *released last year*", "… study *that appeared in …*", "… poll*, which tracks …,*")."""
    if toks[j].text == ",":
        return _relative_insert(toks, j, s)
    for c in range(s + 1, j + 1):
        t = toks[c]
        if t.kind == "q" or t.text in (";", ":", ","):
            return None
        if t.kind == "w" and t.text.islower() and (t.low in _RELATIVIZERS or _participle_at(toks, c, j)):
            if t.low in _RELATIVIZERS and c == j:
                return None  # "A study that found …": the cue is the relative clause's own verb
            if any(x.low in SPEECH_VERBS or x.low in STANCE_VERBS for x in toks[c + 1:j + 1]
                   if x.kind == "w" and x.text.islower()):
                return None  # "A study found that research did not support …"
            return c
    return None


def _relative_insert(toks: list[Tok], j: int, s: int) -> int | None:
    """", which tracks …,": the comma opening a relative clause that ends at the comma ``j``."""
    c = next((c for c in range(j - 1, s, -1) if toks[c].text == ","), None)
    if c is None or c + 1 >= j or toks[c + 1].low not in _RELATIVIZERS:
        return None
    return c


def _participle_at(toks: list[Tok], c: int, j: int) -> bool:
    """A participle opening a modifier at ``c``: "released last year", "taken in May", or "being"
    + a participle ("a study being released")."""
    t = toks[c]
    if t.low == "being":
        return c + 1 < j and toks[c + 1].low.endswith("ed")
    return (t.low.endswith("ed") or t.low in ("taken", "written", "run")) and c + 1 < len(toks) \
        and toks[c + 1].low in _PARTICIPLE_NEXT and toks[c - 1].text.islower()

