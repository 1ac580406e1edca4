"""The ``attribution`` detector: the same words credited to two different sources.

Whether two speakers are the same source is decided in one place for the whole pipeline,
``speaker_identity.relation``. Only ``"different"`` is reported: both sides name people or
organisations and the names clearly differ ("Antony Blinken" / "Isaac Herzog"). A role against
a name ("the president" / "Joe Biden"), an office against its head ("the Prime Minister's
Office" / "Benjamin Netanyahu"), an abbreviation against its expansion, a generic or missing
source is never an attribution disagreement. Neither side a direct quotation (reported speech
"X said the talks stalled" / "Y said ...": two people saying it) is none either; nor is it when
one text names both people
("'...,' Blinken said after meeting Herzog" credited to Herzog by the extractor), or when a
text quotes someone inside it ("her team 'were extremely careless'"), or when
either text has fewer than four content words (a slogan or a title any two people can say), or
when less than 60% of the shorter text's words are aligned with the other (two statements that
were matched as one claim, not the same words credited twice).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..speaker_identity import DIFFERENT, name_words, relation
from ..text import stem
from ..types import Disagreement, MentionText, Span
from .lexicon import DOCUMENT_SOURCES, TITLES

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment, Side


def compatible(s1: str | None, s2: str | None) -> bool:
    """True unless the two speakers are clearly different sources."""
    return relation(s1, s2) != DIFFERENT


def two_sources(a: MentionText, b: MentionText) -> bool:
    """True when two quotations are known to come from two sources: clearly different speakers,
    or a named speaker against a document with none ("Reese said the budget 'reflects …'" / "the
    letter said it 'appears to reflect …'"). Each quotes its own source faithfully, so how one is
    worded or hedged against the other is no disagreement between the outlets."""
    if not (a.is_quote and b.is_quote):
        return False
    if not compatible(a.speaker, b.speaker):
        return True
    return (_document(a) and b.speaker is not None) or (_document(b) and a.speaker is not None)


def _document(m: MentionText) -> bool:
    """A mention whose source is a document (``DOCUMENT_SOURCES``) and no named speaker."""
    words = (m.speaker_role or "").lower().split()
    return m.speaker is None and bool(words) and words[-1] in DOCUMENT_SOURCES


def _name_part(side: "Side", k: int, neighbour: int) -> bool:
    """True when token k is a capitalised name word written right next to token ``neighbour``
    (only a space between), so that 'Isaac Herzog' is named whole but 'October, Blinken' not."""
    t, n = side.toks[k], side.toks[neighbour]
    lo, hi = (t.end, n.start) if k < neighbour else (n.end, t.start)
    return (t.cap and t.content and not t.month and t.word not in TITLES
            and side.text[lo:hi].strip() == "")


def _speaker_span(side: "Side", m: MentionText) -> Span:
    """Where the speaker is named in the text, else the quoted part, else the whole text."""
    names = name_words(m.speaker)
    hits = [k for k, t in enumerate(side.toks) if t.cap and stem(t.word) in names]
    if hits:
        i = j = hits[0]
        while i > 0 and _name_part(side, i - 1, i):
            i -= 1
        while j + 1 < len(side.toks) and _name_part(side, j + 1, j):
            j += 1
        return side.span(i, j + 1)
    if m.quotes:
        s, e = m.quotes[0]
        return Span(s, e, m.text[s:e])
    return Span(0, len(m.text), m.text)


MIN_CONTENT_WORDS = 4
MIN_SHARED = 0.6  # share of the shorter text's words aligned with the other


def _shared(al: "Alignment") -> int:
    return sum(i2 - i1 for tag, i1, i2, _j1, _j2 in al.ops if tag == "equal")


def _content_count(side: "Side") -> int:
    return sum(1 for t in side.toks if t.content or t.num is not None)


_INNER_QUOTE_RE = re.compile(r"(?:^|[\s(\[])['\u2018]\w[^\u2019]*?\w[.,!?]?['\u2019]")


def _quotes_someone(text: str) -> bool:
    """True when a mention's text holds a quotation in single quote marks after its first word:
    a quotation inside a quotation, the speaker quoting someone else's words."""
    return any(m.start() > 0 for m in _INNER_QUOTE_RE.finditer(text))


def _names_other(side: "Side", speaker: str | None) -> bool:
    """True when the text names (a name word of) the other side's speaker."""
    names = name_words(speaker)
    return any(t.cap and stem(t.word) in names for t in side.toks)


def find_attribution(al: "Alignment", a: MentionText, b: MentionText) -> Disagreement | None:
    """The same claim credited to two clearly different speakers, or None."""
    if not a.speaker or not b.speaker or not (a.is_quote or b.is_quote) or compatible(a.speaker, b.speaker):
        return None  # (reported speech credited to two people is most often two people saying it)
    if _quotes_someone(a.text) or _quotes_someone(b.text):
        return None  # "Clinton's team 'were extremely careless'": the speaker quotes someone else
    if _names_other(al.a, b.speaker) or _names_other(al.b, a.speaker):
        return None  # both people are in the text: who said it is not clearly in dispute
    if min(_content_count(al.a), _content_count(al.b)) < MIN_CONTENT_WORDS:
        return None  # "Meet the Press.": too short to say two people said the same thing
    if _shared(al) < MIN_SHARED * min(len(al.a.toks), len(al.b.toks)):
        return None  # not the same words: two statements matched as one claim, not one misattributed
    return Disagreement(
        "attribution", _speaker_span(al.a, a), _speaker_span(al.b, b),
        f"A credits these words to {a.speaker}, B to {b.speaker}")
