"""Plain data types passed between the pipeline stages (extract → match → detect disagreements).

Nothing here knows about Flask or the database: the service layer turns stored rows into these
values and back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The kinds of mention and of disagreement (the response schemas validate against these).
MENTION_KINDS = ("statement", "quotation")
DISAGREEMENT_KINDS = ("wording", "hedge", "number", "place", "time", "attribution", "negation")


@dataclass(frozen=True)
class ExtractedMention:
    """One claim found in an article: a sentence in the outlet's own voice, or the content of an
    attributed sentence (what was said, without "he said"; speaker and cue are metadata).

    ``start``/``end`` are character offsets into the article text and ``text`` is always
    ``article_text[start:end]``. ``quote_spans`` are the offsets (also into the article text)
    of the quoted material inside this mention, empty when nothing is quoted.
    """

    start: int
    end: int
    text: str
    is_quote: bool = False
    speaker: str | None = None
    speaker_role: str | None = None
    kind: str = "statement"
    checkworthiness: float = 0.5
    quote_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Extraction:
    """What an extractor returns for one article."""

    mentions: list[ExtractedMention]
    extractor: str
    version: str
    attribution: bool = True  # False when speakers were not looked for (e.g. non-English text)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionText:
    """A mention as the matcher and the disagreement detectors see it.

    ``quotes`` are the quoted fragments inside ``text`` as (start, end) offsets relative to
    ``text`` itself; a whole-sentence quotation has one span covering the sentence.
    ``vector``: the text's embedding when the caller has it (a numpy float32 array of unit length,
    or all zeros for a text without known tokens, as ``api.pipeline.embedding.StaticEmbedder.embed``
    makes it; a stored int8 code is decoded back to unit length): the matcher uses it as it is.
    None, and the matcher embeds the text itself. Not part of equality or hashing.
    ``speaker_role``: the source's role or kind when it has one ("Father", "letter"), also when
    ``speaker`` is None (a document, a medium, an unnamed source).
    """

    text: str
    speaker: str | None = None
    is_quote: bool = False
    quotes: tuple[tuple[int, int], ...] = ()
    vector: Any = field(default=None, compare=False, hash=False, repr=False)
    speaker_role: str | None = None


@dataclass(frozen=True)
class Span:
    """A character span of a mention's text (offsets relative to that text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Disagreement:
    """One substantive difference between two mentions of the same claim."""

    kind: str
    a_span: Span
    b_span: Span
    explanation: str
    diff: list[dict] = field(default_factory=list)  # word-level diff ops, for ``wording``


@dataclass(frozen=True)
class MatchScore:
    """How likely two mentions state the same claim."""

    score: float  # in [0, 1]
    same_claim: bool
    features: dict[str, float] = field(default_factory=dict)
