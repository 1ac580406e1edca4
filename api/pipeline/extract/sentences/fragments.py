"""Pieces of a sentence that are no statement of their own.

When a sentence is cut around an attribution ("X said A, as he met B in C."), the outlet's words
left over are often a clause fragment: a subordinate clause ("as he met with the president in
Jerusalem", "When the audience finished laughing"), a prepositional or infinitive phrase ("on
the condition of anonymity", "to testify at a hearing") or a noun phrase without a verb ("her
Fifth Amendment right"). A reader cannot check such a piece on its own, and matched across
articles it joins unrelated stories, so it is not a mention: the sentence's claim is the
attributed content.
"""
from __future__ import annotations

import re

# Words that open a dependent piece: subordinators, prepositions, conjunctions, relatives.
DEPENDENT_OPENERS = frozenset("""as when while after before though although because since unless until
if whereas once in on at for with by from during amid amidst to and but or nor so which who whom whose
where including despite than of about over under into onto upon without within against among between
via per like unlike following ahead according""".split())
# Finite verbs and auxiliaries that make a clause (with any word ending in -ed, see below).
_FINITE = frozenset("""is are was were be been am has have had do does did will would can could shall
should may might must says said say tells told gets got goes went makes made takes took gives gave comes
came shows showed seems seemed remains remained fell rose grew won lost set put cut hit led left met
ran sent spent paid sold bought held kept began broke brought built caught chose drew drove fought found
flew forgot froze hid hung knew laid lay meant overtook quit read rode rang sank sat shot shut slid
spoke spread stood stole struck swore swept swung taught threw understood woke wore wrote""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


_VENUE_OPENERS = frozenset("in on at during after before via through from with by while according".split())


def is_venue_tail(piece: str) -> bool:
    """What follows a speech verb when the words said are elsewhere in the sentence: "in a
    statement released by her campaign on Monday", "during a rally in Ohio" (a prepositional
    phrase without a verb of its own)."""
    words = _WORD.findall(piece)
    # a participle ("released", "posted") qualifies the venue: only a finite verb makes a clause
    return bool(words) and words[0].lower() in _VENUE_OPENERS and not any(w.lower() in _FINITE for w in words[1:])


def _has_finite_verb(words: list[str]) -> bool:
    return any(w.lower() in _FINITE or (w.islower() and w.endswith(("ed", "es", "s")) and len(w) > 3
                                        and not w.endswith(("ss", "us", "is"))) for w in words)


def is_clause_fragment(piece: str) -> bool:
    """Whether a piece of a cut sentence is a fragment rather than a statement: it opens with a
    subordinator, preposition or conjunction, or an -ing participle, or it has no finite verb."""
    words = _WORD.findall(piece)
    if not words:
        return True
    first = words[0].lower()
    if first in DEPENDENT_OPENERS or first.endswith("ing") and len(first) > 4:
        return True
    if len(words) > 8:
        return False  # a long piece without a verb we know is more likely a verb we do not know
    return not _has_finite_verb(words[1:])
