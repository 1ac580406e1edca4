"""Noun phrases that can be speakers: names, organisations, groups ("sources") and pronouns.

A phrase is read from a list of :class:`~.tokens.Tok` either leftwards from the word before a
speech verb (``Blinken said``) or rightwards from the word after it (``said Blinken``).
Titles and roles in front of a name (``Israeli Prime Minister Benjamin Netanyahu``) are split
off from the name itself.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from ..lexicon import (CONNECTORS, DETERMINERS, MODIFIERS, MONTHS, NOT_HEAD, NOT_NAME, OCCUPATIONS, ORG_WORDS, PERSONAL_TITLES,
                      ROLE_WORDS, SOURCE_NOUNS, SUBJECT_PRONOUNS, SURNAME_WORDS, TITLES, VENUE_NOUNS, VERB_LIKE, WEEKDAYS)
from ..sentences.tokens import Tok
from .cues import HEADLINE_VERBS, OPENING_VERBS

__all__ = ["NP", "WEEKDAYS", "ROLE_WORDS", "TITLES", "classify", "split_role", "is_name_word", "cap_chain_left",
           "chain_words", "initial_dot", "name_word_at",
           "parse_left", "parse_right", "strip_det", "headline_verb", "PARTY_MEMBERS", "party_of_place"]

@dataclass(frozen=True)
class NP:
    """A speaker phrase: token range [i, j), surface text, kind and (for names) name/role parts.

    ``kind`` is 'person', 'org', 'group' or 'pron'. ``name`` is the personal name with titles
    removed ('' when there is none); ``role`` the title/role words found with it.
    """

    i: int
    j: int
    text: str
    kind: str
    name: str = ""
    role: str = ""
    possessor: str = ""  # "Netanyahu" in "Netanyahu's office"
    coordinated: bool = False  # "Hamas and Islamic Jihad", "Mr. Udall and Mr. Wyden": several speakers


def is_name_word(t: Tok) -> bool:
    """A capitalised word that can belong to a name (not "The", "Monday", "October")."""
    return t.kind == "w" and t.text[0].isupper() and t.low not in _NOT_NAME_OR_MONTH


_NOT_NAME_OR_MONTH = NOT_NAME | MONTHS


def name_word_at(toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` is a name word where it stands: :func:`is_name_word`, or, right after a name
    word, a capitalised layout word that is also a surname ("Ian *Read*", "Judicial *Watch*") or a
    month's abbreviation that is no date (not before a period or a number: "Ai *Jun*")."""
    t = toks[k]
    if is_name_word(t):
        return True
    if not (t.kind == "w" and t.text[0].isupper() and t.text[1:].islower() and k >= 1
            and is_name_word(toks[k - 1]) and toks[k - 1].end < t.start):
        return False
    if t.low in SURNAME_WORDS:
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return t.low in _MONTH_ABBREVIATIONS and not (nxt is not None and (nxt.text == "." or nxt.kind == "n"))


_MONTH_ABBREVIATIONS = frozenset(m for m in MONTHS if len(m) <= 4)
# Words whose period belongs to the name as written: a generational suffix ("Jesse Jackson Jr.").
_DOTTED_SUFFIXES = frozenset({"jr", "sr"})


def initial_dot(toks: list[Tok], k: int) -> bool:
    """True when token ``k`` is the period written right after a middle or first initial ("J." in
    "Thomas J. Reese") or after "Jr"/"Sr": it belongs to the name."""
    if k < 1 or toks[k].text != "." or toks[k - 1].end != toks[k].start:
        return False
    w = toks[k - 1]
    return w.kind == "w" and (len(w.text) == 1 and w.text.isupper() and w.text != "I" or w.low in _DOTTED_SUFFIXES)


def chain_words(toks: list[Tok], i: int, j: int) -> list[str]:
    """The words of the capitalised chain toks[i:j] as the article spells them: an initial keeps its
    period ("Thomas J. Reese", not "Thomas J Reese"), other punctuation is left out."""
    return [t.text + "." if k + 1 < len(toks) and initial_dot(toks, k + 1) else t.text
            for k, t in enumerate(toks[i:j], start=i) if t.kind == "w"]
_ABBREVIATED_BEFORE_DOT = TITLES | {"st", "jr"}  # a dot after these is no sentence end inside a name


def split_role(words: list[str]) -> tuple[str, str]:
    """('Israeli Prime Minister', 'Benjamin Netanyahu') from the capitalised words of a name."""
    k = len(words)
    while k > 0 and words[k - 1].lower().rstrip(".") not in ROLE_WORDS:
        k -= 1
    name = words[k:]
    if not name:  # "Mr. King", "Dr. Chief": a personal title is followed by a name, not a role
        t = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in PERSONAL_TITLES), default=None)
        if t is not None and t + 1 < len(words):
            k, name = t + 1, words[t + 1:]
    while name and name[0].lower() in CONNECTORS and not (name[0][0].isupper() and len(name) > 1
                                                          and name[0].lower() not in _CAP_CONNECTORS_DROPPED):
        name = name[1:]
    if k == 0 and _party_label(name):  # "Republican Pat Toomey": the party describes the person named after it
        k, name = len(words) - len(name) + 1, name[1:]  # (the role ends with the party word, after any connector dropped)
    o = _occupation_end(name)
    if o:  # "Billionaire Donald Trump", "Republican Donor Adelson": the occupation is the role
        k, name = len(words) - len(name) + o, name[o:]
    return " ".join(w for w in words[:k] if w != "."), " ".join(name)


def _occupation_end(name: list[str]) -> int:
    """The number of words that open ``name`` up to a capitalised occupation among its first three
    words, with at least one word of the name after it ("Billionaire Donald Trump" → 1, "Benghazi Widow
    Dorothy Woods" → 2); 0 when there is none."""
    ends = [i + 1 for i, w in enumerate(name[:3]) if i + 1 < len(name) and w[:1].isupper()
            and w.lower() in OCCUPATIONS and not any(x.lower() in ORG_WORDS for x in name[i + 1:])]
    return ends[-1] if ends else 0


def _party_label(words: list[str]) -> bool:
    """True when the capitalised words open with a party word followed by a name of two words or
    more that names no body ("Republican Pat Toomey", not "Republican National Committee" or
    "Democratic Party")."""
    return (len(words) >= 3 and words[0].lower() in _PARTY_LABELS
            and not any(w.lower().rstrip(".") in ORG_WORDS for w in words[1:]))


def classify(words: list[str], has_title: bool) -> str:
    """'person', 'org' or 'group' for a capitalised phrase (its words, titles included); 'role' for a
    party member of a place ("Democrat of Ohio")."""
    lows = [w.lower().rstrip(".") for w in words]
    if party_of_place(lows):
        return "role"  # "Republican of Oklahoma": the appositive after a name describes that person
    role, name = split_role(words)
    if role and len(name.split()) >= 2 and not any(w.lower() in ORG_WORDS for w in name.split()):
        return "person"  # "Human Rights Campaign President Chad Griffin", "House Speaker Nancy Pelosi"
    if any(w in ORG_WORDS for w in lows) or "for" in words:
        return "org"  # "Bikers for Trump", "Americans for Prosperity": a body named for its cause
    if has_title or (role and name):
        return "person"
    if not name:
        return "org"  # a bare role: "the President" is resolved later
    parts = name.split()
    if len(parts) == 1:
        return _one_word_kind(parts[0])
    if len(parts) > 4 or any(p.isupper() and len(p.rstrip(".")) > 1 for p in parts):
        return "org"
    return "person"


_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}", re.IGNORECASE)


def party_of_place(words: list[str]) -> bool:
    """"Democrat of Ohio" or the tag "R-Ohio", "D-CT" (its words, any case): how news describes a
    legislator after the name."""
    if len(words) == 1:
        return bool(_PARTY_TAG.fullmatch(words[0]))
    return len(words) >= 3 and words[0].lower() in PARTY_MEMBERS and words[1].lower() == "of"


def _one_word_kind(w: str) -> str:
    """The kind of a one-word name: an acronym is an organisation (FBI, IMF), a plural of
    people a group ("Republicans", "Democrats"), else a person ("Obama")."""
    if w.isupper() and len(w) > 1:
        return "org"
    if w.endswith(("ans", "ists", "ers", "ites")) or (w.endswith("s") and w.lower()[:-1] in _GROUP_STEMS):
        return "group"
    return "person"


PARTY_MEMBERS = frozenset({"republican", "democrat", "independent", "libertarian"})
# The party words that may stand before a person's name as a label ("Republican Pat Toomey").
_PARTY_LABELS = PARTY_MEMBERS | {"democratic"}
_GROUP_STEMS = frozenset({"democrat", "republican", "liberal", "conservative", "palestinian", "israeli",
                          "progressive", "senator", "official", "leader"})


def _surface(text: str, toks: list[Tok], i: int, j: int) -> str:
    return text[toks[i].start:toks[j - 1].end]


def cap_chain_left(toks: list[Tok], j: int) -> int:
    """Start index of the capitalised name chain ending at ``j`` (inclusive); a title-case speech
    verb before it ("Warns Blinken", a subhead's inverted frame), or a past speech verb opening the
    sentence ("Added Gibbs: …"), is no part of it."""
    k = j
    while k - 1 >= 0 and _extends_chain_left(toks, k - 1) and not headline_verb(toks[k - 1]) \
            and not (k - 1 == 0 and toks[0].low in OPENING_VERBS):  # "Added Gibbs: …" opens an inverted frame
        k -= 1
    if k >= 1 and k < j and headline_verb(toks[k - 1]) and toks[k].low in _PARTICLES:
        k += 1  # "Calls Out Ted Cruz", "Signs On Sanders": the verb's particle is no part of the name
    while k <= j and toks[k].kind == "w" and toks[k].low in CONNECTORS and not (
            toks[k].text[0].isupper() and toks[k].low not in _CAP_CONNECTORS_DROPPED and k < j):
        k += 1  # "of the …" is dropped; a particle of a surname stays: "De Blasio", "Van Hollen"
    return k


def headline_verb(t: Tok) -> bool:
    """A capitalised third-person speech verb ("Says", "Calls", "Warns"): a title-case headline's
    verb, never a word of a name."""
    return t.kind == "w" and t.text[0].isupper() and t.low in HEADLINE_VERBS


def _extends_chain_left(toks: list[Tok], i: int) -> bool:
    """True when token ``i`` belongs to the name chain that starts right after it: a name word,
    a title ("Sen."), an initial ("F."), or a lower-case connector between name words ("Duke
    of Sussex")."""
    p = toks[i]
    if is_name_word(p) or (p.kind == "w" and p.low in TITLES):
        return True
    if p.text == ".":
        before = toks[i - 1] if i >= 1 else None
        return before is not None and (before.low in _ABBREVIATED_BEFORE_DOT
                                       or len(before.text) == 1 and before.text.isupper())
    if p.kind == "w" and len(p.text) == 1 and p.text.isupper() and p.text != "I":
        return True
    return p.low in CONNECTORS and p.text.islower() and i >= 1 and is_name_word(toks[i - 1]) and p.low != "and"


_CAP_CONNECTORS_DROPPED = frozenset({"of", "for", "the", "and", "on"})
_PARTICLES = frozenset("out on up off back down in for to".split())


def _name_np(text: str, toks: list[Tok], i: int, j: int) -> NP:
    """An NP for the capitalised chain toks[i:j] (titles included)."""
    words = chain_words(toks, i, j)
    has_title = any(w.lower() in TITLES for w in words)
    role, name = split_role(words)
    kind = classify(words, has_title)
    if kind != "person":
        name, role = "", ""
    return NP(i, j, _surface(text, toks, i, j), kind, name, role)


def parse_left(text: str, toks: list[Tok], j: int, depth: int = 0) -> NP | None:
    """The speaker phrase that ends at token ``j`` (inclusive), or None.

    Accepted: a pronoun; a capitalised name chain with any role words before it ("campaign
    spokesman Brian Fallon", "The White House"); a source noun with modifiers ("senior
    officials", "Netanyahu's office", "the ad's narrator"); any noun after a determiner ("the
    clip"); and any of these followed by "of/for/at …" ("a spokesman for the campaign").
    """
    if j < 0:
        return None
    t = toks[j]
    if t.kind != "w":
        return None
    if t.low in SUBJECT_PRONOUNS and (t.low != "i" or t.text == "I"):
        return NP(j, j + 1, t.text, "pron")
    if j == 0 and t.text[0].isupper() and t.text[1:].islower() \
            and (t.low in SOURCE_NOUNS or t.low in _PLAIN_GROUPS):
        return NP(0, 1, t.text, "org" if t.low in ORG_WORDS else "group")  # "Polls show", "Police say"
    if name_word_at(toks, j) or (t.text.isupper() and len(t.text) > 1):
        np = _name_left(text, toks, j)
    elif t.text.islower() and t.low not in NOT_HEAD:
        np = _noun_left(text, toks, j, depth)
    else:
        return None
    if np is None:
        return None
    return _of_phrase(text, toks, np, depth)


def _name_left(text: str, toks: list[Tok], j: int) -> NP | None:
    """A capitalised chain ending at ``j``, with role words before a person's name ("campaign
    spokesman Brian Fallon") or "the" before a body ("The Charlotte Observer")."""
    i = cap_chain_left(toks, j)
    if i > j:
        return None
    np = _name_np(text, toks, i, j + 1)
    k = _role_prefix(toks, i)
    if k < i and np.kind == "person":
        return NP(k, j + 1, _surface(text, toks, k, j + 1), "person", np.name,
                  (_surface(text, toks, k, i) + " " + np.role).strip())
    if np.kind == "person" and not np.role and i >= 1 and toks[i - 1].low == "the":
        # "The Charlotte Observer found": a name after "the" is a body or a publication
        return NP(i - 1, j + 1, _surface(text, toks, i - 1, j + 1), "org")
    if np.kind != "person":
        k = _det_left(toks, i)
        return NP(k, j + 1, _surface(text, toks, k, j + 1), np.kind)
    return np


def _noun_left(text: str, toks: list[Tok], j: int, depth: int):
    """A lower-case source noun ending at ``j`` with its modifiers: "senior officials",
    "Netanyahu's office" (an owner), "the senator" (a role), "percent" after a number."""
    t = toks[j]
    i = j
    while i - 1 >= 0 and j - i < 3 and _noun_modifier(toks, i - 1, t):
        i -= 1
    kind = "org" if t.low in ORG_WORDS else "group"
    if i - 2 >= 0 and toks[i - 1].kind == "s":
        possessor = parse_left(text, toks, i - 2, depth + 1)  # "Netanyahu's office"
        if possessor is None or possessor.kind == "pron":
            return None
        return _Final(NP(possessor.i, j + 1, _surface(text, toks, possessor.i, j + 1), kind,
                         possessor=possessor.name or strip_det(possessor.text)))
    k = _det_left(toks, i)
    if k == i and t.low not in SOURCE_NOUNS and not (t.low.endswith(_PEOPLE_PLURALS) and depth == 0):
        return None  # a bare common noun is only a speaker when it is a source noun
    surface = _surface(text, toks, k, j + 1)
    if t.low in ROLE_WORDS:
        words = [x.text for x in toks[k:j + 1] if x.kind == "w" and x.low not in DETERMINERS]
        return _Final(NP(k, j + 1, surface, "role", role=" ".join(words)))
    return NP(k, j + 1, surface, kind)


def _noun_modifier(toks: list[Tok], m: int, head: Tok) -> bool:
    """True when token ``m`` modifies the source noun ``head`` after it: a number ("12 percent",
    a number joined to the word before it) or a word that is no determiner or non-head word."""
    p = toks[m]
    if p.kind == "n":
        return head.low == "percent" or m - 1 >= 0 and toks[m - 1].end == p.start
    return p.kind == "w" and p.low not in DETERMINERS and p.low not in NOT_HEAD \
        and (p.text.islower() or is_name_word(p) or p.text.isupper())


class _Final(NP):
    """A phrase with an owner ("Netanyahu's office") or a role ("the senator"): no "of …" phrase
    is read after it."""

    def __init__(self, np: NP) -> None:
        super().__init__(np.i, np.j, np.text, np.kind, np.name, np.role, np.possessor)


def _of_phrase(text: str, toks: list[Tok], np: NP, depth: int) -> NP:
    """"a spokesman for the campaign", "the head of the agency", "Mr. Morgan of the Sierra Club":
    the phrase after which the speaker phrase ends (``np``) is the owner or the rest of the name."""
    if isinstance(np, _Final):
        return NP(np.i, np.j, np.text, np.kind, np.name, np.role, np.possessor)
    if depth < 2 and np.i - 2 >= 0 and toks[np.i - 1].low in ("of", "for", "at", "from", "with", "in", "on") \
            and toks[np.i - 1].text.islower():
        head = parse_left(text, toks, np.i - 2, depth + 1)
        if head is not None and head.kind == "person" and head.name and toks[np.i - 1].low == "of":
            return NP(head.i, np.j, _surface(text, toks, head.i, np.j), "person", head.name, head.role)
        if head is not None and head.kind in ("group", "org", "role"):
            return NP(head.i, np.j, _surface(text, toks, head.i, np.j), head.kind,
                      possessor=np.name or strip_det(np.text))
    return np


# Plural common nouns that open a sentence as a speaker (capitalised there, but not names).
_PLAIN_GROUPS = frozenset("""polls surveys studies reports records documents figures numbers data analysts
experts critics officials sources police prosecutors investigators researchers scientists economists
observers opponents supporters residents voters witnesses authorities lawmakers legislators democrats
republicans advocates activists protesters protestors demonstrators parents teachers doctors""".split())
_PEOPLE_PLURALS = ("ists", "ers", "ors", "ans", "ents")  # "environmentalists", "lawmakers", "Republicans"


def _det_left(toks: list[Tok], i: int) -> int:
    """Include a determiner (and up to two adjectives before the phrase) to the left of ``i``."""
    for back in (1, 2, 3):
        k = i - back
        if k < 0:
            break
        p = toks[k]
        if p.kind == "w" and p.low in DETERMINERS:
            return k
        if not (p.kind == "w" and p.text.islower() and p.low not in NOT_HEAD):
            break
    return i


def strip_det(s: str) -> str:
    """'the White House' → 'White House'."""
    low = s.lower()
    for det in ("the ", "a ", "an "):
        if low.startswith(det):
            return s[len(det):]
    return s


def _role_noun(t: Tok) -> bool:
    """A lower-case word that may be a role noun right before a name ("host", "widow"), not a verb."""
    low = t.low
    return (t.kind == "w" and t.text.islower() and low not in NOT_HEAD and low not in VERB_LIKE
            and low not in VENUE_NOUNS  # "in a Bloomberg *interview* Smith said"
            and low not in _TIME_WORDS  # "last *week* Smith said"
            and not low.endswith(("ed", "ly", "ing", "es")) and not (low.endswith("s") and not low.endswith("ss")))


_TIME_WORDS = frozenset("week month year day night morning afternoon evening weekend time today yesterday".split())
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ary", "ent", "ant", "ous", "time", "ful")


def _role_prefix(toks: list[Tok], i: int) -> int:
    """Start of lower-case role words before a name: "campaign spokesman Brian Fallon"."""
    k = i
    seen_role = False
    while k - 1 >= 0 and i - k < 6 and toks[k - 1].kind == "w":
        step = _role_word_step(toks[k - 1], k == i, seen_role)
        if step is None:
            break
        seen_role = seen_role or step
        k -= 1
    if not seen_role:
        return i
    if k - 1 >= 0 and toks[k - 1].low in DETERMINERS:
        k -= 1
    return k


def _role_word_step(p: Tok, next_to_name: bool, seen_role: bool) -> bool | None:
    """Whether the word ``p`` before a name (or before role words already taken) is part of the
    role: None when it is not; else True when it makes the phrase a role (a role or source noun;
    a noun right before the name: "MSNBC host Chris Matthews", "widow Terry Strada"), False when
    it only modifies one ("campaign", "Republican vice-presidential nominee", "longtime
    political adviser")."""
    if p.text.islower() and (p.low in ROLE_WORDS or p.low in SOURCE_NOUNS or p.low in MODIFIERS):
        return p.low in ROLE_WORDS or p.low in SOURCE_NOUNS
    if next_to_name and _role_noun(p):
        return True
    if not seen_role:
        return None
    if is_name_word(p) or p.text.isupper():
        return False
    if p.text.islower() and ("-" in p.text or p.low.endswith(_ADJECTIVE_ENDINGS)) and p.low not in NOT_HEAD:
        return False
    return None


def parse_right(text: str, toks: list[Tok], i: int) -> NP | None:
    """The speaker phrase that starts at token ``i`` ("said *Blinken*", "according to *officials*")."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    if t.kind == "w" and t.low in SUBJECT_PRONOUNS:
        return NP(i, i + 1, t.text, "pron")
    j = i
    while j < n and toks[j].kind == "w" and toks[j].low in DETERMINERS and j - i < 2:
        j += 1
    # extend over words that can belong to a speaker phrase, stop at the first that cannot
    last = None
    k = j
    skipped = 0
    while k < n and k - j < 10:
        x = toks[k]
        if last is None and (x.kind == "n" or x.text == "/" and k > j and toks[k - 1].kind == "n"):
            k += 1  # "said 9/11 widow Terry Strada"
            skipped += 1
        elif _phrase_word(toks, k):
            last = k
            k += 1
        elif _joining_token(toks, k, j, last):
            k += 1
        else:
            break
    if last is None:
        return None
    np = parse_left(text, toks, last)
    return np if np is not None and np.i <= i + skipped + 2 else None


def _phrase_word(toks: list[Tok], k: int) -> bool:
    """A word that can belong to a speaker phrase read rightwards: a name word, title, acronym,
    source noun or modifier, or a role noun or adjective shortly before a name."""
    x = toks[k]
    if x.kind != "w":
        return False
    if name_word_at(toks, k) or x.low in TITLES or x.text.isupper() or x.low in SOURCE_NOUNS or x.low in MODIFIERS:
        return True
    if _role_noun(x) and any(is_name_word(y) for y in toks[k + 1:k + 3]):
        return True
    return x.text.islower() and (x.low in ROLE_WORDS or "-" in x.text or x.low.endswith(_ADJECTIVE_ENDINGS)) \
        and any(is_name_word(y) for y in toks[k + 1:k + 4])


def _joining_token(toks: list[Tok], k: int, j: int, last: int | None) -> bool:
    """A token inside a speaker phrase that is no word of its own: the dot of a title or an
    initial, a possessive, a connector before a name or source noun ("spokesman *for* the
    campaign"), a determiner after a connector."""
    x, n = toks[k], len(toks)
    if x.text == "." and k > j and (toks[k - 1].low in TITLES or
                                    (len(toks[k - 1].text) == 1 and toks[k - 1].text.isupper())):
        return True
    if x.kind == "s" and k > j and k + 1 < n:
        return True
    if x.kind != "w" or last is None:
        return False
    if x.low in CONNECTORS and x.text.islower() and k + 1 < n and x.low != "and":
        nxt = toks[k + 1]
        if is_name_word(nxt) or nxt.low in DETERMINERS or nxt.low in SOURCE_NOUNS:
            return True
    return x.low in DETERMINERS and toks[k - 1].low in CONNECTORS
