"""The people named in one article, so that each speaker gets one canonical name.

A first pass over the article collects capitalised name chains. ``Blinken`` is then reported as
the fullest form seen (``Antony Blinken``), with the role the article gives (``US Secretary of
State``), and ``the president`` is resolved to the person whose role says so.
"""
from __future__ import annotations

import re

from collections import Counter, defaultdict
from functools import lru_cache

from ..lexicon import CLAUSE_OPENERS, CONNECTORS, FEMALE_TITLES, MALE_TITLES
from .names import NP, ROLE_WORDS, TITLES, strip_det, cap_chain_left, classify, is_name_word, split_role
from ..sentences.tokens import Tok

# Months that are also given names, and the words that show they are dates: "in June", "since May".
_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
_DATE_PREPOSITIONS = frozenset("in since until by last this next early late mid through during of from".split())
# What a personal title says about the office ("Sen. Warren" is "the senator").
_TITLE_ROLES = {"sen": ("senator",), "rep": ("representative", "congressman", "congresswoman"),
                "gov": ("governor",), "gen": ("general",), "adm": ("admiral",), "col": ("colonel",),
                "lt": ("lieutenant",), "capt": ("captain",), "prof": ("professor",), "rev": ("reverend",),
                "dr": ("doctor",)}


class Registry:
    """Full names, roles and (when a title tells) gender of the people in an article."""

    def __init__(self) -> None:
        self.full: dict[str, Counter] = defaultdict(Counter)  # last name (lower) -> full names seen
        self.roles: dict[str, str] = {}  # full name -> role
        self.gender: dict[str, str] = {}  # full name -> 'm' / 'f'
        self.titles: dict[str, set[str]] = defaultdict(set)  # full name -> role words its titles stand for
        self.lower: set[str] = set()  # words the article writes in lower case somewhere
        self.orgs: dict[str, Counter] = defaultdict(Counter)  # head word (lower) -> organisation names

    @classmethod
    def build(cls, text: str, token_lists: list[list[Tok]]) -> "Registry":
        """Collect the names in the given token lists (one per sentence) of ``text``."""
        reg = cls()
        for toks in token_lists:
            reg.lower.update(t.low for t in toks if t.kind == "w" and t.text[0].islower())
        for toks in token_lists:
            reg._scan(text, toks)
        return reg

    def _scan(self, text: str, toks: list[Tok]) -> None:
        prev_role = ""  # "US Secretary of State, Antony Blinken,"
        after = 0  # the first token after the last chain read
        # a chain starts at a name word or a title; a capitalised word or a title is a cheap first test
        for j in [j for j, t in enumerate(toks) if t.kind == "w" and (t.text[0].isupper() or t.low in TITLES)]:
            t = toks[j]
            if j < after or not (is_name_word(t) or t.low in TITLES):
                continue
            start, end = self._chain_at(toks, j)
            after = end + 1
            if start == end and toks[start].low in _NAME_MONTHS and start >= 1 \
                    and toks[start - 1].low in _DATE_PREPOSITIONS:
                prev_role = ""  # "In June, the senator …": a month, not a person
                continue
            prev_role = self._record(text, toks, start, end, prev_role)

    def _chain_at(self, toks: list[Tok], j: int) -> tuple[int, int]:
        """(start, end) tokens of the capitalised name chain through token ``j`` (inclusive), a
        sentence's opening word left out."""
        n = len(toks)
        end = j
        while end + 1 < n and (is_name_word(toks[end + 1]) or toks[end + 1].text == "."
                               and toks[end].low in TITLES or _joins(toks, end + 1)):
            end += 1
        start = cap_chain_left(toks, end)
        while start < end and self._opener(toks, start):
            start += 1  # "Mostly for Trump, …": a sentence's first word is no part of a name
            while start < end and toks[start].low in CONNECTORS and toks[start].text.islower():
                start += 1
        return start, end

    def _record(self, text: str, toks: list[Tok], start: int, end: int, prev_role: str) -> str:
        """Record the chain toks[start:end+1] as a person (with a role) or an organisation; returns
        the role it leaves for a name that follows ("US Secretary of State, Antony Blinken")."""
        role, name, titled, kind = _chain(tuple(x.text for x in toks[start:end + 1] if x.kind == "w"))
        if name and kind == "person":
            if not role and prev_role and start >= 2 and toks[start - 1].text == ",":
                role = prev_role
            if not role:
                role = _appositive_role(text, toks, end + 1)
            self._add(name, role, titled)
            return ""
        if kind == "org" and end > start:
            words = [x.text for x in toks[start:end + 1] if x.kind == "w"]
            self.orgs[words[-1].lower()][" ".join(words)] += 1  # "the department" → "State Department"
            return ""
        return role if role and not name else ""

    def _opener(self, toks: list[Tok], k: int) -> bool:
        """A capitalised word that only opens the sentence or clause: the article writes it in lower
        case elsewhere, or it is an adverb ("Mostly", "Meanwhile")."""
        low = toks[k].low
        if low in CLAUSE_OPENERS:
            return True
        if k > 0 and toks[k - 1].kind not in ("p", "q"):
            return False
        return toks[k].text[1:].islower() and (low in self.lower or low.endswith("ly")) \
            and low not in ROLE_WORDS  # "President Maria Lopez" keeps her title

    def _add(self, name: str, role: str, titles: tuple[str, ...]) -> None:
        m = _OF_PLACE.match(name)
        if m and len(m.group(1).split()) >= 2:
            name = m.group(1)  # "Elijah E Cummings of Maryland": "Mr. Cummings" is him
        parts = name.split()
        self.full[parts[-1].lower()][name] += 1
        if role and name not in self.roles and any(w.lower().rstrip(".") not in TITLES
                                                   for w in role.split()):
            self.roles[name] = role
        for t in titles:
            self.titles[name].update(_TITLE_ROLES.get(t.rstrip("."), ()))
        if titles:
            g = "f" if titles[0] in FEMALE_TITLES else "m" if titles[0] in MALE_TITLES else ""
            if g:
                self.gender.setdefault(name, g)

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` seen in the article ("Blinken" → "Antony Blinken")."""
        parts = name.split()
        if not parts:
            return name
        seen = self.full.get(parts[-1].lower())
        if not seen:
            return name
        fits = [f for f in seen if len(parts) == 1 or f.split()[0] == parts[0]]
        if not fits:
            return name
        best = max(fits, key=lambda f: (len(f.split()), seen[f]))
        return best if len(best.split()) >= len(parts) else name

    def org_for(self, head: str) -> str | None:
        """The organisation a definite description stands for ("the department" → "State
        Department"): the one name of several words with that head the article gives, or the most
        frequent when one is named at least twice as often as any other."""
        seen = self.orgs.get(head.lower())
        if not seen:
            return None
        (best, n), *rest = seen.most_common(2) + [(None, 0)]
        return best if not rest or n >= 2 * rest[0][1] else None

    def role_of(self, full: str) -> str | None:
        """The role the article gives for this person, if any."""
        return self.roles.get(full)

    def gender_of(self, full: str) -> str:
        """'m', 'f' or '' (unknown)."""
        return self.gender.get(full, "")

    def by_role(self, role: str, recent: list[str] = ()) -> str | None:
        """The person whose role (or title: "Sen." for "the senator") contains the head word of
        ``role`` ("the president"); among several, the one named most recently in ``recent``."""
        words = [w for w in role.lower().split() if w in ROLE_WORDS]
        if not words:
            return None
        head = words[-1]
        hits = {n for n, r in self.roles.items() if head in r.lower().split() and _compatible(role, r)}
        hits |= {n for n, roles in self.titles.items() if head in roles and _compatible(role, self.roles.get(n, ""))}
        if len(hits) == 1:
            return next(iter(hits))
        for name in reversed(recent):
            if name in hits:
                return name
        return None

    def known_person(self, word: str) -> bool:
        """Whether a single capitalised word is the surname of a person the article names in full
        ("Sanders" after "Bernie Sanders", though it looks like a plural)."""
        return any(len(f.split()) > 1 for f in self.full.get(word.lower(), ()))

    def resolve(self, np: NP, recent: list[str] = ()) -> tuple[str, str | None]:
        """(speaker name, role) for a non-pronoun speaker phrase; ``recent``: the people named so
        far, most recent last (to choose among several with the role)."""
        if np.kind == "person" and np.name:
            full = self.canonical(np.name)
            own = np.role if any(w.lower().rstrip(".") not in TITLES for w in np.role.split()) else ""
            return full, own or self.role_of(full)
        if np.kind == "role" and not _indefinite(np.text):
            who = self.by_role(np.role, recent)
            if who:
                return who, self.role_of(who)
        text = strip_det(np.text)
        if np.possessor:
            full = self.canonical(np.possessor)
            if full != np.possessor:
                text = text.replace(np.possessor, full, 1)
        return text, None


# "a senator", "one Republican senator", "another official": one of a kind, not a person the
# article names (the phrase stays the role of an unnamed speaker).
_INDEFINITE = frozenset("a an one another some".split())
# Words of a role that exclude each other: "the Democratic senator" is not the article's
# "Republican senator"; "the governor" is not its "former Florida governor".
_PARTIES = ("democratic", "democrat", "republican", "gop")
_FORMER = ("former", "ex", "then")


def _indefinite(phrase: str) -> bool:
    """Whether a role phrase names one of a kind ("a Democratic senator") rather than someone."""
    first = phrase.split(maxsplit=1)[0].lower() if phrase.strip() else ""
    return first in _INDEFINITE


def _compatible(phrase: str, role: str) -> bool:
    """Whether a person with ``role`` can be the one a role ``phrase`` stands for: no other party,
    and a former office-holder only for a phrase that says "former"."""
    said = set(re.findall(r"[a-z]+", phrase.lower()))
    held = set(re.findall(r"[a-z]+", role.lower()))
    parties_said = {"republican" if w in ("republican", "gop") else "democratic" for w in said & set(_PARTIES)}
    parties_held = {"republican" if w in ("republican", "gop") else "democratic" for w in held & set(_PARTIES)}
    if parties_said and parties_held and not parties_said & parties_held:
        return False
    return not (held & set(_FORMER)) or bool(said & set(_FORMER))


_OF_PLACE = re.compile(r"^(.+?) (?:of|from) [A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*$")


@lru_cache(maxsize=4096)
def _chain(words: tuple[str, ...]) -> tuple[str, str, tuple[str, ...], str]:
    """(role, name, titles, kind) of the words of a capitalised chain; kind is '' without a name.
    Cached: the same names come back sentence after sentence and article after article."""
    role, name = split_role(words)
    titled = tuple(w.lower() for w in words if w.lower() in TITLES)
    return role, name, titled, classify(words, bool(titled)) if name else ""


def _joins(toks: list[Tok], k: int) -> bool:
    """A lower-case connector ("of") between two capitalised words of one name."""
    return (k + 1 < len(toks) and toks[k].low in ("of", "for") and toks[k].text.islower()
            and is_name_word(toks[k + 1]))


def _appositive_role(text: str, toks: list[Tok], k: int) -> str:
    """", the US Secretary of State," after a name → the role, when it has a role word."""
    if k >= len(toks) or toks[k].text != ",":
        return ""
    m = k + 1
    while m < len(toks) and toks[m].text not in _STOP_APPOSITIVE and toks[m].kind != "q" and m - k < 10:
        m += 1
    words = [t.text for t in toks[k + 1:m] if t.kind == "w"]
    if not words or words[0].lower() not in ("the", "a", "an") and not words[0][0].isupper():
        return ""
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if any(w.lower() in ROLE_WORDS - TITLES for w in words):
        return text[toks[k + 1].start:toks[m - 1].end].removeprefix("the ").removeprefix("a ")
    return ""


_STOP_APPOSITIVE = frozenset(",.;:()\"\u201c\u201d\u2014\u2013\u2015-")
