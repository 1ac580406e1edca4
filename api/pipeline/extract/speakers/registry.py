"""The people named in one article, so that each speaker gets one canonical name.

A first pass over the article collects capitalised name chains. ``Blinken`` is then reported as
the fullest form seen (``Antony Blinken``), with the role the article gives (``US Secretary of
State``), and ``the president`` is resolved to the person whose role says so.
"""
from __future__ import annotations

import re

from collections import Counter, defaultdict
from functools import lru_cache

from ..lexicon import CLAUSE_OPENERS, CONNECTORS, FEMALE_TITLES, MALE_TITLES, ORG_WORDS
from .cues import CUE_WORDS, SPEECH_VERBS
from .names import (NP, ROLE_WORDS, TITLES, strip_det, cap_chain_left, chain_words, classify, headline_verb, initial_dot,
                    is_name_word, name_word_at, split_role)
from ..sentences.tokens import Tok

# Months that are also given names, and the words that show they are dates: "in June", "since May".
_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
_DATE_PREPOSITIONS = frozenset("in since until by last this next early late mid through during of from".split())
# What a personal title says about the office ("Sen. Warren" is "the senator").
_TITLE_ROLES = {"sen": ("senator",), "rep": ("representative", "congressman", "congresswoman"),
                "gov": ("governor",), "gen": ("general",), "adm": ("admiral",), "col": ("colonel",),
                "lt": ("lieutenant",), "capt": ("captain",), "prof": ("professor",), "rev": ("reverend",),
                "dr": ("doctor",)}


# Generational suffixes written after a surname: "Jesse Jackson Jr." is filed under "jackson", so that a
# later "Jackson said" finds him (filed under "jr." it was out of reach, and another Jackson got his words).
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_key(parts: list[str]) -> str:
    """The word a name is filed under: its last word (lower case), or the one before a generational
    suffix ("Jesse Jackson Jr." → "jackson")."""
    if len(parts) >= 2 and parts[-1].lower().rstrip(".,") in _NAME_SUFFIXES:
        return parts[-2].lower().rstrip(",")
    return parts[-1].lower()


# An offset past the end of any article: ``before=WHOLE_ARTICLE`` reads everyone the article names.
WHOLE_ARTICLE = 1 << 62


class Registry:
    """Full names, roles and (when a title tells) gender of the people in an article."""

    def __init__(self) -> None:
        self.full: dict[str, Counter] = defaultdict(Counter)  # last name (lower) -> full names seen
        self.roles: dict[str, str] = {}  # full name -> role
        self.gender: dict[str, str] = {}  # full name -> 'm' / 'f'
        self.titles: dict[str, set[str]] = defaultdict(set)  # full name -> role words its titles stand for
        self.lower: set[str] = set()  # words the article writes in lower case somewhere
        self.orgs: dict[str, Counter] = defaultdict(Counter)  # head word (lower) -> organisation names
        self.first: dict[str, int] = {}  # full name -> offset of its first mention

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
            if j < after or not (is_name_word(t) or t.low in TITLES) or headline_verb(t):
                continue
            start, end = self._chain_at(toks, j)
            after = end + 1
            if start == end and toks[start].low in _NAME_MONTHS and start >= 1 \
                    and toks[start - 1].low in _DATE_PREPOSITIONS:
                prev_role = ""  # "In June, the senator …": a month, not a person
                continue
            prev_role = self._record(text, toks, start, end, prev_role)
            self._shared_surname(toks, start, end)

    def _chain_at(self, toks: list[Tok], j: int) -> tuple[int, int]:
        """(start, end) tokens of the capitalised name chain through token ``j`` (inclusive), a
        sentence's opening word left out."""
        n = len(toks)
        end = j
        while end + 1 < n and not headline_verb(toks[end + 1]) \
                and (name_word_at(toks, end + 1) or toks[end + 1].text == "."
                     and (toks[end].low in TITLES or initial_dot(toks, end + 1)) or _joins(toks, end + 1)):
            end += 1
        start = cap_chain_left(toks, end)
        while start < end and self._opener(toks, start):
            start += 1  # "Mostly for Trump, …": a sentence's first word is no part of a name
            while start < end and toks[start].low in CONNECTORS and toks[start].text.islower():
                start += 1
        return start, end

    def _shared_surname(self, toks: list[Tok], start: int, end: int) -> None:
        """"Khizr and Ghazala Khan": a lone given name coordinated before a full name shares its
        surname, so "Khizr Khan" is one of the people the article names."""
        if end - start != 1 or start < 2 or toks[start - 1].low != "and" or not is_name_word(toks[start - 2]) \
                or start >= 3 and is_name_word(toks[start - 3]):
            return
        given, first = toks[start - 2].low, toks[start].low
        if given in ROLE_WORDS or given in ORG_WORDS or first in ROLE_WORDS or given in self.lower:
            return  # "Congress and President Obama": no given name
        self._add(f"{toks[start - 2].text} {toks[end].text}", "", (), toks[start - 2].start)

    def _record(self, text: str, toks: list[Tok], start: int, end: int, prev_role: str) -> str:
        """Record the chain toks[start:end+1] as a person (with a role) or an organisation; returns
        the role it leaves for a name that follows ("US Secretary of State, Antony Blinken")."""
        role, name, titled, kind = _chain(tuple(chain_words(toks, start, end + 1)))
        if role and start >= 1 and toks[start - 1].low in _FORMER and toks[start - 1].text.islower():
            role = f"{toks[start - 1].text} {role}"  # "former Florida Gov. Jeb Bush" no longer holds the office
        if name and kind == "person":
            if not role and prev_role and start >= 2 and toks[start - 1].text == ",":
                role = prev_role
            if not role:
                role = _appositive_role(text, toks, end + 1)
            self._add(name, role, titled, toks[start].start)
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

    def _add(self, name: str, role: str, titles: tuple[str, ...], at: int = 0) -> None:
        m = _OF_PLACE.match(name)
        if m and len(m.group(1).split()) >= 2:
            name = m.group(1)  # "Elijah E Cummings of Maryland": "Mr. Cummings" is him
        parts = name.split()
        self.full[surname_key(parts)][name] += 1
        self.first.setdefault(name, at)
        if role and name not in self.roles and any(w.lower().rstrip(".") not in TITLES
                                                   for w in role.split()):
            self.roles[name] = role
        for t in titles:
            self.titles[name].update(_TITLE_ROLES.get(t.rstrip("."), ()))
        if titles:
            g = "f" if titles[0] in FEMALE_TITLES else "m" if titles[0] in MALE_TITLES else ""
            if g:
                self.gender.setdefault(name, g)

    def canonical(self, name: str, gender: str = "", *, before: int = WHOLE_ARTICLE) -> str:
        """The fullest form of ``name`` seen in the article ("Blinken" → "Antony Blinken"). With the
        ``gender`` a title gives ("Mrs. Clinton": 'f'), a full name of the other gender is never
        chosen, and when several people share the surname ("Bill Clinton", "Hillary Clinton") the
        name stays as it is: the title alone does not say which. ``before``: the offset of the
        sentence being read, for a titled name (see :meth:`_of_gender`); by default the whole article."""
        parts = name.split()
        if not parts:
            return name
        seen = self.full.get(surname_key(parts))
        if not seen:
            return name
        fits = [f for f in seen if len(parts) == 1 or f.split()[0] == parts[0]]
        if gender:
            fits = self._of_gender(fits, gender, len(parts), before)
        if not fits:
            return name
        best = max(fits, key=lambda f: (len(f.split()), seen[f]))
        return best if len(best.split()) >= len(parts) else name

    def _of_gender(self, fits: list[str], gender: str, length: int, before: int) -> list[str]:
        """The full names of ``fits`` a title of ``gender`` can stand for, among those named before
        the offset ``before`` (the sentence being read: a titled surname refers back) when there are
        any: the one the article gives that gender, else those of no other gender, or none when they
        are several people."""
        named = [f for f in fits if self.first.get(f, 0) < before] or fits
        known = [f for f in named if self.gender.get(f) == gender and len(f.split()) > length]
        if len({f.split()[0] for f in known}) == 1:
            return known
        fits = [f for f in named if self.gender.get(f, gender) == gender]
        return [] if len({f.split()[0] for f in fits if len(f.split()) > length}) > 1 else fits

    def ambiguous(self, name: str, gender: str, *, before: int = WHOLE_ARTICLE) -> bool:
        """Whether a titled surname ("Mrs. Clinton") may be several people the article names in full
        (``before``: as for :meth:`canonical`). It reads only the longer names, of any first name,
        where :meth:`canonical` reads those of the same first name with the bare surname among them;
        so the two apply :meth:`_of_gender` to different lists, and one result cannot stand for the
        other: a bare "Clinton" named before the sentence when "Hillary Clinton" is named only
        after it keeps "Clinton" in :meth:`canonical` but is no ambiguity here."""
        parts = name.split()
        seen = self.full.get(surname_key(parts), ()) if parts else ()
        longer = [f for f in seen if len(f.split()) > len(parts)]
        return bool(longer) and not self._of_gender(longer, gender, len(parts), before)

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
        """'m', 'f' or '' (unknown); a name kept with its title ("Mrs. Clinton") has the title's."""
        title = full.split(".", 1)[0].lower() if "." in full.split()[0] else ""
        return self.gender.get(full, "") or _TITLE_GENDER.get(title, "")

    def by_role(self, role: str, recent: list[str] = (), local: list[str] = (), bare: bool = False) -> str | None:
        """The person whose role (or title: "Sen." for "the senator") contains the head word of
        ``role`` ("the president"): the one named latest in the paragraph (``local``) who holds it;
        else nobody when the phrase is a bare "the governor" (``bare``) in a paragraph that has named
        one person only, whose office the article does not give ('Christie said … The governor
        claimed …': the one the phrase refers back to may hold it unsaid); else the one holder, or
        among several the one named most recently in ``recent``."""
        words = [w for w in role.lower().split() if w in ROLE_WORDS]
        if not words:
            return None
        head = words[-1]
        hits = {n for n, r in self.roles.items() if head in _head_words(r) and _compatible(role, r)}
        hits |= {n for n, roles in self.titles.items() if head in roles and _compatible(role, self.roles.get(n, ""))}
        near = next((n for n in reversed(local) if n in hits), None)
        if near:
            return near
        if bare and (self._lone_without_office(local) or local):
            # 'Christie said … The governor claimed …': the governor named elsewhere is not sure; 'Holder
            # recalled a night in Georgetown … The officer yelled': nor is an officer of another story
            return None
        if len(hits) == 1:
            return next(iter(hits))
        for name in reversed(recent):
            if name in hits:
                return name
        return None

    def _lone_without_office(self, local: list[str]) -> str | None:
        """The one person a paragraph has named so far, when the article gives them no role or
        title; None otherwise."""
        if len(set(local)) != 1:
            return None
        name = local[-1]
        return None if self.roles.get(name) or self.titles.get(name) else name

    def known_person(self, word: str) -> bool:
        """Whether a single capitalised word is the surname of a person the article names in full
        ("Sanders" after "Bernie Sanders", though it looks like a plural)."""
        return any(len(f.split()) > 1 for f in self.full.get(word.lower(), ()))

    def resolve(self, np: NP, recent: list[str] = (), local: list[str] = (), *,
                before: int = WHOLE_ARTICLE) -> tuple[str, str | None]:
        """(speaker name, role) for a non-pronoun speaker phrase; ``recent``: the people named so
        far, most recent last (to choose among several with the role); ``local``: those named so
        far in the phrase's paragraph; ``before``: the offset of the phrase's sentence (a titled
        surname refers back to the people named before it; by default the whole article)."""
        if np.kind == "person" and np.name:
            title = _gendered_title(np.role)
            gender = _TITLE_GENDER.get(title.lower(), "")
            if gender and self.ambiguous(np.name, gender, before=before):
                full = f"{title}. {np.name}"  # "Mrs. Clinton" when the article names two Clintons
            else:
                full = self.canonical(np.name, gender, before=before)
            own = np.role if any(w.lower().rstrip(".") not in TITLES for w in np.role.split()) else ""
            return full, own or self.role_of(full)
        if np.kind == "role" and not _indefinite(np.text):
            who = self.by_role(np.role, recent, local, _bare_role(np.text))
            if who:
                return who, self.role_of(who)
        text = strip_det(np.text)
        if np.possessor:
            full = self._possessor_full(text, np.possessor)
            if full:
                text = text.replace(np.possessor, full, 1)  # "Hoff's office" → "Lena Hoff's office"
        return text, None

    def _possessor_full(self, text: str, possessor: str) -> str | None:
        """The full name of a possessive name, only when it is written without a title and the
        article names one person of that surname in full; else None: the name stays as written
        ("Mrs. Clinton's campaign", never "Mrs. Bill Clinton's campaign")."""
        before = text.split(possessor, 1)[0].split()
        if before and before[-1].lower().rstrip(".") in TITLES:
            return None
        parts = possessor.split()
        longer = {f for f in self.full.get(surname_key(parts), ()) if len(f.split()) > len(parts)}
        if len({f.split()[0] for f in longer}) != 1:
            return None
        full = self.canonical(possessor)
        return full if full != possessor else None


# "a senator", "one Republican senator", "another official": one of a kind, not a person the
# article names (the phrase stays the role of an unnamed speaker).
_INDEFINITE = frozenset("a an one another some".split())
# Words of a role that exclude each other: "the Democratic senator" is not the article's
# "Republican senator"; "the governor" is not its "former Florida governor".
_PARTIES = ("democratic", "democrat", "republican", "gop")
_FORMER = ("former", "ex", "then")


_TITLE_GENDER = {**{t: "f" for t in FEMALE_TITLES}, **{t: "m" for t in MALE_TITLES}}


def _gendered_title(role: str) -> str:
    """The last word of a role when it is a title that tells a gender ("Mrs.", "Mr."), else ""."""
    words = role.split()
    return words[-1].rstrip(".") if words and words[-1].lower().rstrip(".") in _TITLE_GENDER else ""


def _bare_role(phrase: str) -> bool:
    """"the governor", "The senator": a definite role word alone, which refers back to someone just
    named (not "the former Florida governor", whose words pick out someone else)."""
    words = phrase.lower().split()
    return len(words) == 2 and words[0] == "the" and words[1] in ROLE_WORDS


def _indefinite(phrase: str) -> bool:
    """Whether a role phrase names one of a kind ("a Democratic senator") rather than someone."""
    first = phrase.split(maxsplit=1)[0].lower() if phrase.strip() else ""
    return first in _INDEFINITE


def _compatible(phrase: str, role: str) -> bool:
    """Whether a person with ``role`` can be the one a role ``phrase`` stands for: no other party, no
    other place ("the Vermont senator" is not the article's "New Hampshire Sen."), and a former
    office-holder only for a phrase that says "former"."""
    said = set(re.findall(r"[a-z]+", phrase.lower()))
    held = set(re.findall(r"[a-z]+", role.lower()))
    parties_said = {"republican" if w in ("republican", "gop") else "democratic" for w in said & set(_PARTIES)}
    parties_held = {"republican" if w in ("republican", "gop") else "democratic" for w in held & set(_PARTIES)}
    if parties_said and parties_held and not parties_said & parties_held:
        return False
    places_said, places_held = _qualifiers(phrase), _qualifiers(role)
    if places_said and places_held and not any(q in role.lower() for q in places_said):
        return False
    return not (held & set(_FORMER)) or bool(said & set(_FORMER))


def _qualifiers(phrase: str) -> set[str]:
    """The capitalised words of a role that say where or of what (lower case): "Vermont" in "the
    Vermont senator", "New", "Hampshire" in "New Hampshire Sen." (not titles, role words or parties)."""
    return {w.lower() for w in re.findall(r"[A-Za-z][\w\-]*", phrase) if w[0].isupper()
            and w.lower() not in ROLE_WORDS and w.lower() not in _PARTIES and w.lower() not in ("the", "a", "an")
            and w.lower() not in _FORMER}


# Words after which a role speaks of someone or something else: "adviser *to* President Obama".
_ROLE_HEAD_END = re.compile(r"\s(?:to|of|for|at|with|under|from|in|who|whose|that|and)\s", re.IGNORECASE)


def _head_words(role: str) -> list[str]:
    """The lower-case words of a role before any phrase after its head ("an economic adviser to
    President Obama" → "an economic adviser"): an office named there is someone else's."""
    return _ROLE_HEAD_END.split(role, maxsplit=1)[0].lower().split()


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
    """", the US Secretary of State," after a name → the role, when it has a role word and ends at a
    punctuation mark without a cue word in it."""
    if k >= len(toks) or toks[k].text != ",":
        return ""
    m = k + 1
    while m < len(toks) and (toks[m].text not in _STOP_APPOSITIVE or initial_dot(toks, m)) and toks[m].kind != "q" \
            and m - k < 10:  # an initial's period ("George W. Bush") ends no appositive
        m += 1
    rel = next((c for c in range(k + 1, m) if toks[c].low in ("who", "whose", "which")), m)
    if any(_finite_cue(t) for t in toks[k + 1:rel]):
        return ""  # ", the candidate stated that …": the subject of a clause, not an appositive
    words = [t.text for t in toks[k + 1:m] if t.kind == "w"]
    if not words or words[0].lower() not in ("the", "a", "an") and not words[0][0].isupper():
        return ""
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if any(w.lower() in ROLE_WORDS - TITLES for w in words):
        return text[toks[k + 1].start:toks[m - 1].end].removeprefix("the ").removeprefix("a ")
    return ""


_IRREGULAR_PASTS = frozenset("said told wrote thought knew felt saw found".split())


def _finite_cue(t: Tok) -> bool:
    """A cue verb in a finite form ("stated", "said", "says"), not a noun ("advocate", "critic")."""
    return t.text.islower() and t.low in CUE_WORDS and (
        t.low.endswith("ed") or t.low in _IRREGULAR_PASTS or t.low in SPEECH_VERBS and t.low.endswith("s"))


_STOP_APPOSITIVE = frozenset(",.;:()\"\u201c\u201d\u2014\u2013\u2015-")
