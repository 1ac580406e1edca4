"""Disagreement detectors: where two mentions of the same claim differ in substance.

The service calls ``detect(a, b)`` for every pair of mentions of one claim from different
articles (and ``POST /v1/similarity`` calls it too). Both texts are tokenised with offsets
(``align.tokenize``), aligned with ``difflib.SequenceMatcher`` over normalised tokens, and each
detector family looks for one kind of difference:

- ``wording`` (wording.py): the same quotation rendered with other words;
- ``hedge`` (hedge.py): a qualifier (maybe, about, more than, could ...) dropped or added;
  neither between two quotations of two known sources (``attribution.two_sources``);
- ``number`` (numbers.py): different quantities, ordinals or percentages for the same thing,
  reported only when both texts name what it is about (a shared name, or the same named source:
  ``numbers.identified``); "the margin of error is ..." of two unnamed polls is no dispute, nor
  two figures read at different moments, measured differently or counting different sets
  (qualifiers.py), nor figures of different things: a record in brackets, a ratio read the
  other way, two indexes, counts in two places (scopes.py);
- ``place`` (places.py): different locations in aligned context;
- ``time`` (times.py): different days, dates, periods or clock times, under the same condition;
- ``attribution`` (attribution.py): the same words credited to clearly different speakers
  (``speaker_identity.relation``);
- ``negation`` (negation.py): a negation or antonym reversing an aligned statement.

Differences that are only form (contractions, punctuation, quote marks, case, diacritics,
spelling variants, compounds open/hyphenated/closed, "&"/"and", numbers written in words or
figures, hedge synonyms: ``lexicon``) or only extra detail on one side are not reported. One
difference is one disagreement: a finding on the same words (both sides) as an earlier kind's is
dropped, and ``wording`` runs last and leaves out the changes another kind reported (a dropped
"maybe" is a hedge, not also wording). Precision comes first: when a
detector is in doubt it stays silent, and two texts that say too little (fewer than three content
words on a side) are not compared at all. Change ``DETECTOR_VERSION`` with any change to what the
detectors report, and run ``claimtrack redetect``. Pure Python; no Flask, no database.
"""
from __future__ import annotations

from ..types import DISAGREEMENT_KINDS, Disagreement, MentionText
from .align import Alignment, side
from .attribution import compatible, find_attribution, two_sources
from .hedge import find_hedge
from .negation import find_negation
from .numbers import find_number
from .places import find_place
from .times import find_time
from .wording import find_wording

DETECTOR_VERSION = "disagree-2.7"  # 2.7: two quotations of two known sources (clearly different speakers, or a named speaker against a document without one: attribution.two_sources) are no hedge or wording difference; 2.6 also: punctuation ends a place name ('in America," Kerry said' is no place "America Kerry", so a count there is no count in another place); 2.6: figures of different things are no number dispute (scopes.py): a record in brackets ("Stanford (47-15)"), a ratio over other terms or read the other way ("advancing ... outnumbered decliners 2 to 1" / "declining ... outnumbered advancers 3 to 1"), two indexes named differently ("500 Index" / "retail index"), counts placed in different places ("troops in South Korea" / "troops in Asia"); a figure inside a name ("Poor's 500 Index") does not make two reports agree; "was trading" is a moment marker; the parts of two different wholes ("out of the $20 billion" / "the $87 billion budget includes") are two reports with two figure pairs; a day after "continued"/"still" (a process going on) is no time dispute; "4.600-strong" is 4,600; a modal before "only" (restriction) or "can/could" after "who/that/which" before an action verb (ability) is no hedge; 2.5: a figure read at another moment ("closed" / "at one point", "as much as", "early", "since March", "as of Monday": qualifiers.moment_markers), measured another way ("excluding one-time items") or counting another set ("the other two", "five more", "three of them", "3 cents lower than") is no number dispute; a range holds the values inside it, a round figure ("4,000") the ones that round to it within 5%, a written decimal ("0.4%") the ones that round to it ("0.44"); the day of a count ("as of Monday") and the days of two moments' figures are no time dispute; "reportedly" against a statement credited to a source ("according to", "police said") is no hedge; a quarter or half-year is a moment ("for the third quarter"); moves on two different days are two moments even with one figure pair; the day of a statement ("officials said Monday", "on Saturday called for") is no time dispute; 2.4: two disputed figure pairs are two moments with a moment signal (a move to a level on both sides, 32nds on both, a different date on each side), "2 ½" and "2 1/2" are 2.5, a hedge is covered by a bound, a clause hedge or frame, a condition, "around" after a verb of motion and a modal of a rejected idea are no hedge, "against" + -ing counts as a negation, an abbreviation or a shortened name is form in a quotation; 2.1: a figure or date is disputed only for something named on both sides; 2.2: a negation needs two shared content words after it; 2.3: money only with money, a possessive year is a time, a figure the other side accounts for pairs with no other, three or more disputed figure pairs are two moments (no number, no rise/fall antonym), an ellipsis near a change is a cut, "gonna"/"going to" is form, a hedge replaced by another ("possible", "indicated") is not dropped, a modal of a purpose clause ("so he could") is no hedge, a word moved is not wording

_DETECTORS = {
    "wording": find_wording,
    "hedge": find_hedge,
    "number": find_number,
    "place": find_place,
    "time": find_time,
    "attribution": find_attribution,
    "negation": find_negation,
}
assert tuple(_DETECTORS) == DISAGREEMENT_KINDS


def detect(a: MentionText, b: MentionText) -> list[Disagreement]:
    """Substantive differences between two mentions already judged to state the same claim:
    at most one ``Disagreement`` per kind, ordered as ``DISAGREEMENT_KINDS``."""
    sa, sb = side(a.text), side(b.text)
    if sa.words == sb.words and compatible(a.speaker, b.speaker):
        return []  # identical up to form: nothing to report
    if min(_content_words(sa), _content_words(sb)) < MIN_CONTENT_WORDS:
        return []  # "I don't know." / "I know that we do.": too little said to say how it differs
    al = Alignment(sa, sb)
    found = {}
    # two quotations of two sources: each source's own words, so no hedge or wording between them
    separate = two_sources(a, b)
    for kind, fn in _DETECTORS.items():
        if kind == "wording" or (kind == "hedge" and separate):
            continue
        d = fn(al, a, b)
        if d is not None and not any(_same_spans(d, e) for e in found.values()):
            found[kind] = d
    # one difference, one disagreement: wording is left with the changes no other kind explains
    explained = ([d.a_span for d in found.values() if d.kind != "attribution"],
                 [d.b_span for d in found.values() if d.kind != "attribution"])
    d = None if separate else find_wording(al, a, b, explained)
    if d is not None:
        found["wording"] = d
    return [found[k] for k in DISAGREEMENT_KINDS if k in found]


MIN_CONTENT_WORDS = 3


def _content_words(side) -> int:
    return sum(1 for t in side.toks if t.content or t.num is not None)


def _overlap(x, y) -> bool:
    return x.start < y.end and y.start < x.end


def _same_spans(d: Disagreement, e: Disagreement) -> bool:
    """True when two findings point at the same words on both sides (one difference read twice:
    the kind found first, in ``DISAGREEMENT_KINDS`` order, keeps it); attribution names the
    speakers, not the difference, and never collides."""
    return "attribution" not in (d.kind, e.kind) and _overlap(d.a_span, e.a_span) and _overlap(d.b_span, e.b_span)


__all__ = ["detect", "DETECTOR_VERSION"]
