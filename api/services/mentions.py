"""One type for a stored mention in the services: ``StoredMention``, built here and only here.

Extraction hands the services ``ExtractedMention``s and the matcher and the detectors take the
pipeline's ``MentionText`` (``api/pipeline/types.py``); everything between the store and those
is a ``StoredMention``: the candidates retrieval loads, the mentions an ingest has just inserted
(detection, the response), the mentions detection compares them with, a mention re-matched or
moved by curation. Each is built by one of the constructors below from what was read or written
— a candidate row, a detection row, an inserted row, an ORM ``Mention`` — with the fields that
source has (the others None). Its ``view`` (the pipeline's ``MentionText``), ``quotes`` and
``processed`` text are worked out when first asked for: most candidates are only compared by
their text. The views of an article's mentions before they are stored (what ingest matches)
are built here too, by ``new_mention_views``: every ``MentionText`` the services hand the
pipeline comes from this module.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz.utils import default_process

from ..models import Mention
from ..pipeline.types import ExtractedMention, MentionText
from ..storage.candidates import CandidateRow
from ..storage.mentions import LatestRow


@dataclass(frozen=True, eq=False)
class StoredMention:
    """A stored mention: its row's fields as far as they were read (None when not), plain values,
    no ORM object (cheap to load in bulk). ``quote_spans`` are the quote spans as article
    offsets: a list, or the JSON text SQLite hands back, decoded only when ``quotes`` is first
    asked for. ``published`` is its article's publication time (SQLite: as text), ``outlet_id``
    its article's outlet, ``vector`` its stored vector (float32, decoded from
    ``mention_vector``'s code; None when it has none or it was not read): the view carries it.
    Compared by identity (two reads of one mention are two objects)."""

    id: int
    claim_id: int
    article_id: int | None
    text: str
    start: int
    speaker: str | None
    is_quote: bool
    quote_spans: Any = ()
    published: Any = None
    vector: Any = None
    outlet_id: int | None = None
    end: int | None = None
    speaker_role: str | None = None
    kind: str | None = None
    checkworthiness: float | None = None
    provenance: str | None = None
    provenance_version: str | None = None
    match_score: float | None = None
    pinned: bool | None = None

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Quoted fragments as (start, end) offsets in ``text``."""
        spans = decoded_spans(self.quote_spans)  # (SQLite's JSON text is parsed only now, when needed)
        return relative_spans(self.text, self.start, spans) if spans else ()

    @cached_property
    def view(self) -> MentionText:
        """The pipeline's view of this mention (quote spans relative to its text)."""
        return MentionText(text=self.text, speaker=self.speaker, is_quote=self.is_quote, quotes=self.quotes,
                           vector=self.vector)

    @cached_property
    def processed(self) -> str:
        """``text`` as rapidfuzz's ``default_process`` leaves it (the shortlist compares these)."""
        return default_process(self.text)

    @classmethod
    def of_candidate(cls, row: CandidateRow, vector=None) -> StoredMention:
        """A candidate as retrieval loads it (``storage.candidates``), with its decoded vector."""
        spans = () if row.spans == "[]" else row.spans  # (SQLite hands JSON back as text)
        return cls(row.id, row.claim_id, row.article_id, row.text, row.start, row.speaker, bool(row.is_quote),
                   spans, row.published, vector)

    @classmethod
    def of_latest(cls, row: LatestRow) -> StoredMention:
        """A mention detection compares with (``storage.mentions.latest_others``)."""
        return cls(row.id, row.claim_id, None, row.text, row.start, row.speaker, bool(row.is_quote),
                   decoded_spans(row.spans), outlet_id=row.outlet_id)

    @classmethod
    def of_model(cls, mention: Mention, outlet_id: int | None = None) -> StoredMention:
        """An ORM mention's fields (and its article's outlet, when given)."""
        return cls(mention.id, mention.claim_id, mention.article_id, mention.text, mention.start, mention.speaker,
                   mention.is_quote, mention.quote_spans, outlet_id=outlet_id, end=mention.end,
                   speaker_role=mention.speaker_role, kind=mention.kind, checkworthiness=mention.checkworthiness,
                   provenance=mention.provenance, provenance_version=mention.provenance_version,
                   match_score=mention.match_score, pinned=mention.pinned)

    @classmethod
    def of_inserted(cls, mention_id: int, row: dict, outlet_id: int, published) -> StoredMention:
        """A mention an ingest has just inserted: ``row`` as inserted (``services.articles``).
        (Its view is built again, without the embedding its ``new_mention_views`` view carries:
        detection's matcher embeds the text itself, as it always has.)"""
        return cls(mention_id, row["claim_id"], row["article_id"], row["text"], row["start"], row["speaker"],
                   row["is_quote"], row["quote_spans"], published, outlet_id=outlet_id, end=row["end"],
                   speaker_role=row["speaker_role"], kind=row["kind"], checkworthiness=row["checkworthiness"],
                   provenance=row["provenance"], provenance_version=row["provenance_version"],
                   match_score=row["match_score"], pinned=row["pinned"])


def new_mention_views(extracted: list[ExtractedMention], vectors=None) -> list[MentionText]:
    """The pipeline's views of extracted mentions, not stored yet (quote spans made relative to
    each text), each with its row of ``vectors`` (their embeddings, one batch per article) when
    given."""
    return [MentionText(text=em.text, speaker=em.speaker, is_quote=em.is_quote,
                        quotes=relative_spans(em.text, em.start, em.quote_spans),
                        vector=None if vectors is None else vectors[i])
            for i, em in enumerate(extracted)]


def decoded_spans(spans):
    """Quote spans as a stored mention holds them: a list, or the JSON text SQLite hands back."""
    return json.loads(spans) if isinstance(spans, str) else spans


def relative_spans(text_: str, start: int, spans) -> tuple[tuple[int, int], ...]:
    """Quote spans given as article offsets, made relative to a mention starting at ``start``."""
    n = len(text_)
    return tuple((max(0, a - start), min(n, b - start)) for a, b in spans if b > a)
