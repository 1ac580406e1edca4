"""Who a speaker string names, and whether two speakers can be the same source.

One comparison for the whole pipeline: the matcher (``match.speaker_compatibility``) and the
``attribution`` detector both call ``relation(a, b)``, which answers

- ``"same"``: the two share a name word ("Blinken" / "Secretary of State Antony Blinken"), one
  abbreviates the other ("DNC" / "Democratic National Committee"), or both are the same bare
  role ("the president" / "the President");
- ``"different"``: both are resolved names of people or organisations and clearly differ
  ("Antony Blinken" / "Isaac Herzog", "Hamas" / "Hezbollah"), or both speak for countries only
  and for different ones ("Israeli officials" / "Egyptian officials");
- ``"unknown"``: everything else. A role against a name ("the president" / "Joe Biden"), an
  office against its head ("Netanyahu's office", "the Prime Minister's Office", "PMO", "his
  office" / "Benjamin Netanyahu"), a seat of government ("the White House", "the Kremlin"), a
  generic source ("officials", "a spokesman", "the statement", "residents", any lower-case
  phrase), a country against a person or group ("Israel" / "Hamas"), a party label ("Arizona
  Republican"), a news medium or commentator ("Fox News host", "Times": most often the outlet
  that carried someone else's words), an unnamed member of a named organisation ("Clinton
  campaign official", "a Hamas spokesman", "Netanyahu's office": the name says whose source,
  not who) against another name, or a missing speaker.

A speaker string is read as: aliases of offices and agencies replaced by their canonical form
(``OFFICES``, the one table of them), possessive 's dropped, then each word classed as a
*role* (titles, offices, generic sources, party labels: ``ROLE_WORDS`` of the extractor plus
a few organisation heads; media words, ``MEDIA_WORDS``), a *place* (a country, a US state or a
demonym, from the gazetteer: "New York", "Israeli"), or a *name* (any other capitalised word
that is not a function word or pronoun).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .extract.lexicon import ROLE_WORDS as _EXTRACT_ROLE_WORDS
from .extract.lexicon import SOURCE_NOUNS
from .gazetteer import region_code
from .text import STOPWORDS, stem

SAME, UNKNOWN, DIFFERENT = "same", "unknown", "different"

# Offices, seats of government and agencies under their usual other names: each alias (folded
# to lower case, no dots) is replaced by its canonical form before the words are classed. A
# canonical form made of role words only ("prime minister office") never names anyone; one
# with a name word ("israel defense forces") is compared as a name.
OFFICES = {
    "prime minister office": ("pmo", "prime minister's office", "prime ministers office",
                              "prime minister office", "downing street", "number 10", "no 10"),
    "president office": ("white house", "kremlin", "elysee", "elysee palace", "blue house",
                         "oval office", "president's office", "presidential office"),
    "israel defense forces": ("idf", "israeli military", "israeli army", "israel defence forces",
                              "israeli defense forces", "israeli defence forces"),
    "justice department": ("doj", "department of justice"),
    "state department": ("department of state",),
    "defense department": ("pentagon", "dod", "department of defense", "ministry of defence",
                           "ministry of defense", "defence ministry", "mod"),
    "foreign ministry": ("ministry of foreign affairs", "foreign office", "mfa"),
    "homeland security department": ("dhs", "department of homeland security"),
    "united nations": ("un", "u n"),
    "european union": ("eu",),
    "republican party": ("gop", "republicans"),
    "democratic party": ("democrats",),
}
_ALIAS_RE = re.compile(r"\b(" + "|".join(sorted(
    (re.escape(a) for aliases in OFFICES.values() for a in aliases), key=len, reverse=True)) + r")\b")
_ALIAS_TARGET = {a: canon for canon, aliases in OFFICES.items() for a in aliases}

# Words that describe a role or a kind of source, never who it is.
ROLE_WORDS = _EXTRACT_ROLE_WORDS | SOURCE_NOUNS | frozenset("""
office department ministry government administration party campaign military forces police
authorities agency embassy spokespeople statement senior top palace officials press secretary
presidency junior member unnamed anonymous unidentified unit force
republican republicans democrat democrats democratic gop conservative conservatives liberal
liberals independent progressive progressives tory tories labour
""".split())
# News media, commentators and advertising: a quotation credited to them is most often someone
# else's words they carried, so they are never a clearly different source.
MEDIA_WORDS = frozenset("""
news times post journal tribune herald gazette telegraph guardian magazine newspaper network tv
radio channel cnn msnbc nbc abc cbs bbc fox reuters ap afp politico newsmax huffpost huffington
breitbart axios npr pbs host anchor reporter reporters correspondent columnist editorial
editorials blogger bloggers blog pundit pundits commentator commentators ad ads advertisement
commercial interviewer moderator show
""".split())
PRONOUNS = frozenset("he she they it we i you him her them his their its one who".split())
# Words that start sentences, capitalised there, and end up in a speaker by mistake ("Instead",
# "Plus Obama"): never a name.
SENTENCE_WORDS = frozenset("""instead meanwhile however still also later earlier then now yet plus
but and so just even indeed moreover furthermore nevertheless thus hence separately elsewhere
first second finally today yesterday tomorrow""".split())
# Small words that may or may not give a letter to initials ("Department of Justice": "dj", "doj").
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "on", "in"})


@dataclass(frozen=True)
class Identity:
    """What a speaker string says about its source."""

    names: frozenset[str] = frozenset()      # stemmed name words ("netanyahu")
    countries: frozenset[str] = frozenset()  # places spoken for: "IL", "US-OH" (gazetteer codes)
    roles: frozenset[str] = frozenset()      # role words ("prime", "minister", "office")
    acronyms: frozenset[str] = frozenset()   # words written in capitals ("dnc")
    initials: frozenset[str] = frozenset()   # initials of the capitalised words ("dnc")
    media: bool = False                      # a news medium, commentator or advertisement
    affiliation: bool = False                # names only whose ("Clinton campaign", "a Hamas spokesman")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)", r"\1", text).replace(".", " ")  # "U.S." -> "US"


@lru_cache(maxsize=16384)
def identify(speaker: str | None) -> Identity:
    """The ``Identity`` of a speaker string (see the module docstring)."""
    if not speaker or not speaker.strip():
        return Identity()
    words = _speaker_words(speaker)
    if not any(w[:1].isupper() for w in words):
        return Identity()  # "officials", "a spokesman", "residents": a kind of source, no one in particular
    acronyms = frozenset(w.lower() for w in words if len(w) >= 2 and w.isupper() and w.isalpha())
    initials = frozenset({"".join(w[0].lower() for w in words if w[:1].isupper()),
                          "".join(w[0].lower() for w in words if w[:1].isupper() or w.lower() in _INITIAL_SKIP)})
    low = _ALIAS_RE.sub(lambda m: _ALIAS_TARGET[m.group(1)], " ".join(w.lower() for w in words))
    ws = low.split()
    parts = _sort_words(ws, {w.lower(): w for w in words})
    return Identity(frozenset(parts.names), frozenset(parts.countries), frozenset(parts.roles), acronyms,
                    initials, any(w in MEDIA_WORDS for w in ws),
                    affiliation=parts.owners > 0 and parts.persons == 0)


def _speaker_words(speaker: str) -> list[str]:
    """The words of a speaker string: diacritics and dots folded, a parenthesis ("(D-Mass.)" says
    where, not who) left out, a possessive 's dropped."""
    raw = _fold(re.sub(r"\([^)]*\)", " ", speaker))
    words = re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?", raw)
    return [w[:-2] if w.lower().endswith("'s") else w.replace("'", "") for w in words]


@dataclass
class _Parts:
    """The words of a speaker sorted by what they say: name stems, places spoken for, role
    words; ``owners`` counts name words right before a role ("Clinton campaign"), ``persons``
    the other name words."""

    names: set = field(default_factory=set)
    countries: set = field(default_factory=set)
    roles: set = field(default_factory=set)
    owners: int = 0
    persons: int = 0


def _sort_words(ws: list[str], cased: dict[str, str]) -> _Parts:
    """Sort the lower-case words ``ws`` (``cased`` gives each word as written) into ``_Parts``."""
    parts = _Parts()
    k = 0
    while k < len(ws):
        place = _place_at(ws, k, cased)
        if place:
            n, code = place
            parts.countries.add(code)
            k += n
            continue
        w, original = ws[k], cased.get(ws[k], ws[k])
        k += 1
        if w in STOPWORDS or w in PRONOUNS or w in SENTENCE_WORDS or w.isdigit() or len(w) < 2:
            continue
        if w in ROLE_WORDS or w in MEDIA_WORDS:
            parts.roles.add(w)
        elif original[:1].isupper() or w in _CANONICAL_WORDS:
            parts.names.add(stem(w))
            if _owner(ws, k):
                parts.owners += 1
            else:
                parts.persons += 1
    return parts


def _owner(ws: list[str], k: int) -> bool:
    """True when the words from k on (after the name word at k - 1 and any further name words)
    begin with a role: the name says whose source it is ("Clinton campaign official",
    "Netanyahu's office", "Hamas spokesman"), not who."""
    for w in ws[k:]:
        if w in ROLE_WORDS or w in MEDIA_WORDS:
            return True
        if w in STOPWORDS or w in PRONOUNS:
            return False
    return False


def _place_at(ws: list[str], k: int, cased: dict[str, str]) -> tuple[int, str] | None:
    """(words, code) of a country, US state or demonym starting at word k ("new york",
    "israeli", "US"), else None. Lower-case "us" is the pronoun, not the country."""
    for n in (3, 2, 1):
        if k + n > len(ws):
            continue
        phrase = " ".join(ws[k:k + n])
        if n == 1 and (phrase in STOPWORDS and not cased.get(phrase, "").isupper()):
            continue
        if n == 1 and not cased.get(phrase, phrase)[:1].isupper() and phrase not in _CANONICAL_WORDS:
            continue
        code = region_code(phrase)
        if code:
            return n, code
    return None


_CANONICAL_WORDS = frozenset(w for canon in OFFICES for w in canon.split())


def _abbreviates(x: Identity, y: Identity) -> bool:
    """True when a word written in capitals on one side is the initials of the other."""
    return bool(x.acronyms & y.initials) or bool(y.acronyms & x.initials)


def abbreviation_of(one: str, other: str) -> bool:
    """True when one text is the other's abbreviation: a word written in capitals ("UK", "FBI",
    "U.S.") that is the initials of the other's capitalised words ("United Kingdom", "Federal
    Bureau of Investigation", "United States"); the one function for initials, speakers and
    quotations alike."""
    return _abbreviates(identify(one), identify(other))


def _nations(codes: frozenset[str]) -> set[str]:
    """The countries of place codes ("US-OH" -> "US"; "GE|US-GA" -> both)."""
    return {c.split("-")[0] for code in codes for c in code.split("|")}


def relation(a: str | None, b: str | None) -> str:
    """``"same"``, ``"unknown"`` or ``"different"`` for two speaker strings (module docstring)."""
    x, y = identify(a), identify(b)
    if x.names and y.names:
        if x.names & y.names or _abbreviates(x, y):
            return SAME
        return UNKNOWN if x.media or y.media or x.affiliation or y.affiliation else DIFFERENT
    if x.names or y.names:
        return SAME if _abbreviates(x, y) else UNKNOWN
    if x.countries and y.countries:
        if x.countries & y.countries:
            return SAME
        return UNKNOWN if _nations(x.countries) & _nations(y.countries) else DIFFERENT
    if x.roles and x.roles == y.roles and not x.countries and not y.countries:
        return SAME
    return UNKNOWN


def name_words(speaker: str | None) -> frozenset[str]:
    """Stemmed name words of a speaker (titles, roles, countries, pronouns removed)."""
    return identify(speaker).names
