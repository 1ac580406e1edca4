"""What a speaker phrase names: a person or an organisation (kept as the speaker), or a role, a
group, a document, a medium or a word of the sentence (the speaker is unknown: ``None``, with the
phrase kept as the role).

A reader checks a claim against *who* said it, so a speaker must be someone: "Antony Blinken",
"the White House", "Netanyahu's office", "the DNC". "A senior administration official", "critics",
"the president" (when the article names nobody with that office), "a statement", "the video",
"UPDATE" or "Citing last week's attacks" are not: they give ``speaker=None`` and, for roles,
groups and documents, ``speaker_role`` = the phrase. A document or a spokesperson that names its
author ("a statement from the DNC", "excerpts released by the Justice Department", "a spokesman
for Third Way") gives the author. :func:`settle` is the one place that decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import CLAUSE_OPENERS, DETERMINERS, NOT_NAME, SUBJECT_PRONOUNS, MONTHS, ORG_WORDS, ROLE_WORDS, SOURCE_NOUNS, TITLES, WEEKDAYS

# Things that carry words but do not speak: the words are someone's, and the phrase may name them
# ("a letter from Taylor"). Bodies that act (committee, court, campaign) are organisations instead.
DOCUMENT_NOUNS = frozenset("""
statement statements letter letters video videos clip report reports study studies poll polls survey
surveys ad ads advertisement advertisements commercial spot resolution resolutions lawsuit suit
complaint filing filings excerpt excerpts document documents memo memos release releases tweet tweets
post posts email emails e-mail transcript transcripts slide slides draft drafts original version text
editorial op-ed column book article story stories website page sign signs banner banners placard
placards record records data analysis analyses findings estimate estimates message messages note
notes order bill law measure motion platform petition proposal plan budget speech remarks interview
footage recording tape audio broadcast segment headline headlines caption chart graphic map
""".split())
# Media and layout words that open a line or a paragraph and are never a source of their own.
LAYOUT_WORDS = frozenset("""update updated updates breaking exclusive correction editor watch photos photo
read related more opinion analysis live developing""".split())
# Speaking for someone else: "a spokesman for Third Way" speaks for Third Way.
SPOKES_NOUNS = frozenset("""spokesman spokeswoman spokesperson spokespeople spokesmen representative
representatives statement release""".split())
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "they"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*|\d+")


@dataclass(frozen=True)
class Settled:
    """The outcome for one speaker phrase: ``speaker`` (None when not a person or organisation)
    and ``role`` (the office, group or document kept for the reader)."""

    speaker: str | None
    role: str | None


def _words(phrase: str) -> list[str]:
    return _WORD.findall(phrase)


def _low(w: str) -> str:
    return w.lower().rstrip(".").replace("’", "'").removesuffix("'s")


def is_proper(word: str, inner: bool = False) -> bool:
    """A word that names someone: capitalised (or an acronym) and not a common noun, role, title,
    month, weekday or layout word written with a capital. ``inner``: the word follows another name
    word ("Murshed *Zaheed*"), so an "-ed" or "-ing" ending is a surname's, not a participle's."""
    if not word or not word[0].isupper():
        return False
    low = _low(word)
    if word.isupper() and len(word.rstrip(".")) > 1:
        return low not in LAYOUT_WORDS and low not in {"i"}
    if not inner and len(low) >= 6 and low.endswith(("ed", "ing", "ly")) and word[1:].islower() \
            and not low.endswith(("elly", "olly", "illy")):
        return False  # "Leaked documents …", "Breaking", "Reportedly": a capitalised common word
        # (not the surnames "Skelly", "Donnelly", "Connolly", "Reilly")
    if len(low) >= 7 and low.endswith(("ists", "ians")) and word[1:].islower():
        return False  # "Environmentalists", "Economists", "Libertarians": a group written with a capital
    return low not in _NEVER_NAMES and not (low.endswith("s") and low[:-1] in _GROUP_CAPS_STEMS)


# Capitalised words that are common nouns in a speaker phrase besides the source nouns ("Critics",
# "Officials"): a party member ("a Democrat") and the plural of a party or people ("Democrats",
# "Palestinians").
_PARTY_WORDS = frozenset("republican democrat independent conservative liberal progressive".split())
_GROUP_CAPS_STEMS = _PARTY_WORDS | {"palestinian", "israeli", "american"}


# Capitalised words that open a sentence but never name anyone ("Much of it …", "Such talk …").
_NOT_NAMES = frozenset("much such even only just perhaps maybe almost nearly rather quite".split())
# Words that name no one even when capitalised: roles, pronouns, source and document nouns, layout
# words, months, weekdays, determiners, clause openers, party words.
_NEVER_NAMES = frozenset().union(ROLE_WORDS, SUBJECT_PRONOUNS, NOT_NAME, _NOT_NAMES, SOURCE_NOUNS, DOCUMENT_NOUNS,
                                 LAYOUT_WORDS, MONTHS, WEEKDAYS, DETERMINERS, CLAUSE_OPENERS, _PARTY_WORDS)
# Words of time that make a phrase a time expression, not a speaker ("two weeks ago").
_TIME_WORDS = frozenset("ago week weeks day days month months year years today yesterday tonight".split())


def names_someone(phrase: str | None) -> bool:
    """Whether ``phrase`` contains a proper name (so it can be a speaker on its own)."""
    if not phrase:
        return False
    ws = _words(phrase)
    return any(is_proper(w) for w in ws)


_PARTICLES = frozenset("de van von bin al la du da del der le di ibn".split())


def looks_like_name(phrase: str) -> bool:
    """A personal name: name words only (particles such as "de", "van", "bin" aside), ending in a
    proper word: "Antony Blinken", "Bill de Blasio" (not "mayor of Mesa", "AARP spokeswoman")."""
    ws = _words(phrase)
    if not ws or not all(w[0].isupper() or w.lower() in _PARTICLES for w in ws):
        return False
    # the last word is a name word; a role word is a surname after another name word ("Steve King")
    return is_proper(ws[-1], inner=len(ws) >= 2 and ws[-2][0].isupper()) \
        or len(ws) >= 2 and is_proper(ws[-2]) and _low(ws[-1]) not in LAYOUT_WORDS


def is_junk(phrase: str) -> bool:
    """A phrase that is a piece of the sentence, not a speaker: it opens with a clause word
    ("Citing …", "Amid …", "Responding to …"), a layout word ("UPDATE", "Updated") or a speech
    verb ("Warns Blinken"), or its head is a lower-case word that names no source ("pushback
    crested with Bill Kristol")."""
    ws = _words(phrase)
    if not ws:
        return True
    first = _low(ws[0])
    if first in CLAUSE_OPENERS or first in LAYOUT_WORDS or first in _HEADLINE_VERBS:
        return True
    if _participle_clause(ws):
        return True  # "Challenged by ABC News's Diane Sawyer …", "Speaking to reporters …"
    if any(_low(w) in _TIME_WORDS for w in ws) and not any(is_proper(w) for w in ws):
        return True  # "two weeks ago": a time expression
    if len(ws) == 1 and _low(ws[0]) in _NOT_NAMES:
        return True
    if all(_low(w) in LAYOUT_WORDS for w in ws):
        return True
    return _words_around_a_name(ws)


_PARTICIPLE_PREPS = frozenset(("by", "to", "with", "on", "about", "in", "at", "for", "from"))


def _participle_clause(ws: list[str]) -> bool:
    """True when the phrase opens with a capitalised participle and a preposition: a participle
    clause of the sentence, not a speaker."""
    first = _low(ws[0])
    return ws[0][0].isupper() and ws[0][1:].islower() and len(first) >= 6 and first.endswith(("ed", "ing")) \
        and len(ws) > 1 and _low(ws[1]) in _PARTICIPLE_PREPS


def _words_around_a_name(ws: list[str]) -> bool:
    """A common word, then a name, and nothing that can head a source: words of the sentence
    around a name ("pushback crested with Bill Kristol"), not a speaker phrase."""
    lead = [w for w in ws if _low(w) not in DETERMINERS]
    return bool(lead) and lead[0][0].islower() \
        and not any(w[0].islower() and _low(w) in _SOURCE_HEADS for w in lead) \
        and any(is_proper(w) for w in lead[1:])


_HEADLINE_VERBS = frozenset("""says say said warns warned tells told urges urged slams slammed blasts
blasted claims claimed insists insisted vows vowed""".split())
_SOURCE_HEADS = SOURCE_NOUNS | ROLE_WORDS | DOCUMENT_NOUNS | ORG_WORDS | frozenset("""senior top former
current administration campaign government military white state federal local party independent
anonymous unnamed other one two three several many some few union intelligence security health
election legal foreign justice retired press chief deputy national regional longtime veteran""".split())


def _agent(phrase: str) -> str | None:
    """The author named inside a document or spokesperson phrase: "statement from the DNC" →
    "DNC", "excerpts provided by the Justice Department" → "Justice Department", "Obama's letter"
    → "Obama", "a spokesman for Third Way" → "Third Way"."""
    m = re.search(r"\b(?:from|by|for|of)\s+(?:the\s+)?([A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|and|for|the|"
                  + "|".join(sorted(ORG_WORDS)) + r"))*)", phrase)
    if m:
        name = re.sub(r"(\s+(?:of|for|and|the))+$", "", m.group(1)).strip()
        if names_someone(name) or _org_name("the " + name):
            return name
    m = re.match(r"^(?:the\s+)?((?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*)['’]s?\b", phrase)
    if m and names_someone(m.group(1)):
        return m.group(1)
    return None


_HEAD_END = re.compile(r"\s(?:of|for|from|by|to|at|with|in|on|provided|released|obtained|circulated)\s")


def _head_word(phrase: str) -> str:
    """The head noun of a phrase as written: its last word before "of/for/from/by/at/with/in"."""
    ws = _words(_HEAD_END.split(phrase, maxsplit=1)[0])
    return ws[-1] if ws else ""


def _head(phrase: str) -> str:
    """The head noun of a phrase, lower-cased ("" for none)."""
    word = _head_word(phrase)
    return _low(word) if word else ""


_PARTY_MEMBER = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.\-]*\s+){1,3}(?:Republican|Democrat|Independent)$")


def is_party_description(surface: str) -> bool:
    """"the Arizona Republican", "the New York Democrat": how news refers back to a politician
    just named (resolved to the person most recently named, see ``attribute``)."""
    return bool(_PARTY_MEMBER.match(surface.strip()))


def _org_name(surface: str) -> bool:
    """A capitalised name whose head is an organisation or publication word: "the State
    Department", "The Washington Post", "the Senate" (not "Critics", which opens a sentence)."""
    ws = _words(surface)
    if ws and _low(ws[0]) in ("the", "a", "an"):
        ws = ws[1:]
    if not ws or not ws[-1][0].isupper() or _low(ws[-1]) not in ORG_WORDS | DOCUMENT_NOUNS:
        return False
    if not all(w[0].isupper() or w in ("of", "for", "and", "the", "on") for w in ws):
        return False  # "a statement from the Harbour Party" is a document, not a name
    return len(ws) >= 2 or surface[:1].islower() or surface.split()[0].lower() == "the"


def _premodifier_agent(phrase: str) -> str | None:
    """The issuer named before a document noun: "a Quinnipiac University poll" → "Quinnipiac
    University", "a CNN/ORC survey" → "CNN/ORC", "a White House statement" → "White House"."""
    m = re.match(r"^(?:(?i:the|a|an|one|another|new|latest|recent|joint)\s+)*((?:[A-Z][\w'’.&/\-]*\s+)+)[a-z]", phrase)
    if m:
        name = m.group(1).strip()
        if names_someone(name) or _org_name("the " + name):
            return name
    return None


@dataclass(frozen=True)
class _Phrase:
    """One speaker phrase and what the steps of :func:`settle` need to read it."""

    text: str
    role: str | None
    person: bool
    surface: str
    pronoun_owner: object
    org_for: object

    @property
    def words(self) -> list[str]:
        return _words(self.text)

    @property
    def head(self) -> str:
        """The lower-case head noun ("" when the head is capitalised, so part of a name)."""
        word = _head_word(self.text)
        return _low(word) if word[:1].islower() else ""


def _junk(p: _Phrase) -> Settled | None:
    return Settled(None, None) if is_junk(p.text) else None


_PLACE_ADJECTIVE = re.compile(r"^(?:\S+\s+)*?\S+-(?:area|based|born|bred|raised|native)\s+", re.I)


def _named(p: _Phrase) -> Settled | None:
    """A personal name, or an organisation's name ("the State Department"), is kept; a place
    adjective before a name is not part of it ("Los Angeles-area Sanders" → "Sanders")."""
    rest = _PLACE_ADJECTIVE.sub("", p.text)
    if rest != p.text and rest and looks_like_name(rest):
        return Settled(rest, p.role)
    if p.person and (looks_like_name(p.text) or _titled_surname(p.words)) or _org_name(p.surface):
        return Settled(p.text, p.role)
    m = re.match(r"^(.+?) (?:of|from) [A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*$", p.text)
    if p.person and m and looks_like_name(m.group(1)):
        return Settled(m.group(1), p.role)  # "Richard Blumenthal of Connecticut"
    return None


def _titled_surname(words: list[str]) -> bool:
    """"Mrs. Schlafly", "Mr. Khan": a title and a capitalised surname (kept so when the article
    names several people of that surname) are a person's name whatever the surname looks like."""
    return len(words) == 2 and _low(words[0]) in TITLES and words[1][:1].isupper()


_OWNED_HEADS = ORG_WORDS | {"aides", "aide", "team", "spokesman", "spokeswoman", "spokesperson", "lawyer",
                            "lawyers", "attorney"}


def _owned(p: _Phrase) -> Settled | None:
    """"his campaign" → "Mike Pence's campaign"; "their lawyers", unresolved → nobody named."""
    ws = p.words
    first = _low(ws[0]) if ws else ""
    if first not in _POSSESSIVE_PRONOUNS or p.pronoun_owner is None or len(ws) < 2:
        return None
    owner = p.pronoun_owner(_POSSESSIVE_PRONOUNS[first])
    if owner and _head(p.text) in _OWNED_HEADS:
        return Settled(f"{owner}'s {p.text.split(None, 1)[1]}", p.role)
    return Settled(None, p.text)


def _authored(p: _Phrase) -> Settled | None:
    """A document or a spokesperson speaks for its author: "a statement from the DNC" → DNC."""
    if p.head not in DOCUMENT_NOUNS and p.head not in SPOKES_NOUNS:
        return None
    agent = _agent(p.text) or _premodifier_agent(p.surface)
    return Settled(agent, p.text) if agent else Settled(None, p.text)


def _definite_org(p: _Phrase) -> Settled | None:
    """"the department" → the one department the article names ("State Department")."""
    head, ws = p.head, p.words
    if head in ORG_WORDS and p.org_for is not None and len(ws) <= 3 and _low(ws[0]) in ("the", head) \
            and not names_someone(p.text):
        org = p.org_for(head)
        if org:
            return Settled(org, None)
    return None


def _unnamed(p: _Phrase) -> Settled | None:
    """A role, a group or a common noun names nobody: "mayor of Mesa", "critics"."""
    head = p.head
    if not names_someone(p.text) or (head in ROLE_WORDS or head in SOURCE_NOUNS) and head not in ORG_WORDS:
        return Settled(None, p.role or p.text)
    ws = p.words
    if len(ws) == 1 and ws[0][0].isupper() and _low(ws[0]) in LAYOUT_WORDS:
        return Settled(None, None)
    return None


# The steps of :func:`settle`, in order; the first that decides wins.
_STEPS = (_junk, _named, _owned, _authored, _definite_org, _unnamed)


def settle(phrase: str | None, role: str | None, *, person: bool, surface: str | None = None,
           pronoun_owner=None, org_for=None) -> Settled:
    """The speaker and role to report for a resolved speaker phrase.

    ``person``: the phrase was read as a personal name (it is kept when it names someone).
    ``surface``: the phrase as written (with its determiner: "the Senate", "The Post").
    ``pronoun_owner``: resolves "he"/"she"/"they" to a name, for "his office" → "X's office".
    ``org_for``: resolves a head word to the organisation the article names ("the department").
    """
    if not phrase:
        return Settled(None, role)
    p = _Phrase(phrase, role, person, surface or phrase, pronoun_owner, org_for)
    for step in _STEPS:
        out = step(p)
        if out is not None:
            return out
    return Settled(phrase, role)
