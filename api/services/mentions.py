"""One type for a stored mention in the services: ``StoredMention``, built here and only here.

Extraction hands the services ``ExtractedMention``s and the matcher and the detectors take the
pipeline's ``MentionText`` (``api/pipeline/types.py``); everything between the store and those
is a ``StoredMention``: the candidates retrieval loads, the mentions an ingest has just inserted
(detection, the response), the mentions detection compares them with, a mention re-matched or
moved by curation. Each is built by one of the constructors below from what was read or written
— a candidate row, a detection row, an inserted row, an ORM ``Mention`` — with the fields that
source has (the others None). Its ``view`` (the pipeline's ``MentionText``), ``quotes`` and
``processed`` text are worked out when first asked for: most candidates are only compared by
their text. An article's mentions before they are stored (what ingest matches) are
``NewMention``s, built here too by ``new_mentions``: a view each, the one ingest matches, stores
the vector of and hands detection (``of_inserted`` takes it); they answer what matching asks of a
candidate as a ``StoredMention`` does. A bare sentence's view is built here too
(``sentence_view``, for the similarity endpoints): every ``MentionText`` the services hand the
pipeline comes from this module.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rapidfuzz.utils import default_process

from ..models import Mention
from ..pipeline.extract.sentences.quotes import find_quotes
from ..pipeline.types import ExtractedMention, MentionText
from ..storage.candidates import CandidateRow
from ..storage.mentions import LatestRow


class _lazy:
    """A value worked out from an instance when first asked for and kept in its ``__dict__``
    (``functools.cached_property`` without its lock, which Python 3.11 takes on every first
    access: a candidate's view, quotes and processed text are asked for by the thousand; two
    threads working one out at once get equal values)."""

    def __init__(self, fn):
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.fn(instance)
        return value


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

    @_lazy
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Quoted fragments as (start, end) offsets in ``text``."""
        spans = decoded_spans(self.quote_spans)  # (SQLite's JSON text is parsed only now, when needed)
        return relative_spans(self.text, self.start, spans) if spans else ()

    @_lazy
    def view(self) -> MentionText:
        """The pipeline's view of this mention (quote spans relative to its text)."""
        return MentionText(text=self.text, speaker=self.speaker, is_quote=self.is_quote, quotes=self.quotes,
                           vector=self.vector, speaker_role=self.speaker_role)

    @_lazy
    def processed(self) -> str:
        """``text`` as rapidfuzz's ``default_process`` leaves it (the shortlist compares these)."""
        return default_process(self.text)

    @classmethod
    def _of(cls, **values) -> StoredMention:
        """A mention with these fields (the others at their defaults), without the frozen
        dataclass's ``__init__``, which sets each of its 19 fields through
        ``object.__setattr__`` (some 2 us an object: candidates are loaded by the thousand).
        Every constructor below goes through here. (A field left out reads its default: the
        dataclass keeps each default as a class attribute.)"""
        mention = object.__new__(cls)
        object.__setattr__(mention, "__dict__", values)
        return mention

    @classmethod
    def of_candidate(cls, row: CandidateRow, vector=None) -> StoredMention:
        """A candidate as retrieval loads it (``storage.candidates``), with its decoded vector."""
        mid, claim_id, article_id, text, start, speaker, is_quote, spans, published, _ = row  # (hot: by position)
        return cls._of(id=mid, claim_id=claim_id, article_id=article_id, text=text, start=start, speaker=speaker,
                       is_quote=bool(is_quote),
                       quote_spans=() if spans == "[]" else spans,  # (SQLite hands JSON back as text)
                       published=published, vector=vector)

    @classmethod
    def of_latest(cls, row: LatestRow) -> StoredMention:
        """A mention detection compares with (``storage.mentions.latest_others``)."""
        return cls._of(id=row.id, claim_id=row.claim_id, article_id=None, text=row.text, start=row.start,
                       speaker=row.speaker, speaker_role=row.speaker_role, is_quote=bool(row.is_quote),
                       quote_spans=decoded_spans(row.spans), outlet_id=row.outlet_id)

    @classmethod
    def of_model(cls, mention: Mention, outlet_id: int | None = None) -> StoredMention:
        """An ORM mention's fields (and its article's outlet, when given)."""
        return cls._of(**{name: getattr(mention, name) for name in _MODEL_FIELDS}, outlet_id=outlet_id)

    @classmethod
    def of_inserted(cls, mention_id: int, row: dict, outlet_id: int, published, view: MentionText) -> StoredMention:
        """A mention an ingest has just inserted: ``row`` as inserted (``services.articles``), with
        ``view``, the view its ``NewMention`` was matched with (carrying its vector: detection's
        matcher reuses it instead of embedding the text again; the same float32 row, bit for bit,
        as the embedding of the text alone). The view is not built a second time."""
        return cls._of(**{name: row[name] for name in _MODEL_FIELDS if name != "id"}, id=mention_id,
                       outlet_id=outlet_id, published=published, view=view)


# the fields a ``mention`` row holds (the others come from its article or its vector)
_MODEL_FIELDS = ("id", "claim_id", "article_id", "text", "start", "speaker", "is_quote", "quote_spans", "end",
                 "speaker_role", "kind", "checkworthiness", "provenance", "provenance_version", "match_score",
                 "pinned")


@dataclass(frozen=True, eq=False)
class NewMention:
    """An article's mention before it is stored, as matching sees it: its ``view`` (carrying
    its vector when the embedder is loaded) and its article's ``published`` time. It answers
    what matching asks of a candidate as ``StoredMention`` does (``text``, ``quotes``,
    ``processed``, ``view``, ``id``, ``article_id``, ``published``): an earlier mention of the
    same batch is a candidate with no id yet, 0 days away. Compared by identity."""

    view: MentionText
    published: Any = None
    id = None  # (not stored yet)
    article_id = None

    @property
    def text(self) -> str:
        """The mention's text."""
        return self.view.text

    @property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Quoted fragments as (start, end) offsets in ``text``."""
        return self.view.quotes

    @property
    def vector(self):
        """The view's vector (None when it carries none)."""
        return self.view.vector

    @_lazy
    def processed(self) -> str:
        """``text`` as rapidfuzz's ``default_process`` leaves it (the shortlist compares these)."""
        return default_process(self.view.text)


def new_mentions(extracted: list[ExtractedMention], vectors=None, published=None) -> list[NewMention]:
    """An article's extracted mentions, not stored yet, with their views (quote spans made
    relative to each text), each view with its row of ``vectors`` (their embeddings, one batch
    per article) when given; ``published`` is the article's publication time."""
    return [NewMention(MentionText(text=em.text, speaker=em.speaker, is_quote=em.is_quote,
                                   quotes=relative_spans(em.text, em.start, em.quote_spans),
                                   vector=None if vectors is None else vectors[i], speaker_role=em.speaker_role),
                       published)
            for i, em in enumerate(extracted)]


def sentence_view(text: str, speaker: str | None) -> MentionText:
    """A bare sentence (``POST /v1/similarity``, ``similar_to``) as the pipeline sees a mention,
    its quotations found as at ingest."""
    quotes = tuple((q.inner_start, q.inner_end) for q in find_quotes(text, [(0, len(text))])
                   if q.inner_end > q.inner_start)
    return MentionText(text=text, speaker=speaker, is_quote=bool(quotes), quotes=quotes)


def decoded_spans(spans):
    """Quote spans as a stored mention holds them: a list, or the JSON text SQLite hands back."""
    return json.loads(spans) if isinstance(spans, str) else spans


def relative_spans(text_: str, start: int, spans) -> tuple[tuple[int, int], ...]:
    """Quote spans given as article offsets, made relative to a mention starting at ``start``."""
    n = len(text_)
    return tuple((max(0, a - start), min(n, b - start)) for a, b in spans if b > a)
