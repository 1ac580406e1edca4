"""Embedding vectors for the matcher: a sentence vector per mention and word vectors for the words
two mentions do not share (the static embedding of ``api.pipeline.embedding``).

The interface agreed with candidate retrieval: a ``MentionText`` may carry its ``vector`` (float32,
of unit length or all zeros, as ``StaticEmbedder.embed`` makes it; the services decode a stored
int8 code back to unit length, ``services.vectors.decode``); when it does, it is used as it is
instead of the text's (not normalised again for every pair), otherwise the matcher embeds the
text itself. The embedder is loaded once per process, lazily, the first time a vector
is needed (so a server's workers load it after the fork; the token vectors are a read-only memory
map the workers share). ``MentionVectors.prepare`` embeds the texts of a whole shortlist, and the
words they may not share, in one batch before the pairs are scored; a pair's ``features`` embeds
only what is still missing then (a text, a word table), not the pair again (a text embedded
alone is the same float32 row, bit for bit, as in a batch). A word is embedded alone (the
sum of its tokens' vectors); a plain lower-case word of the vocabulary is one token, whose vector
is read without running the tokenizer (``StaticEmbedder.single_token_ids``: the same sums). Each
text's content words are laid out once as a table (a row per word), which the residual of every
pair it is in reads.

Pair features (``features``; a weight set reads those it was trained with, ``Matcher.vector_features``):

- ``cosine``: the cosine of the two sentence vectors;
- ``residual_cosine``: the cosine of what is left of each mention once the content words it shares
  with the other (exactly or as a spelling variant, as ``features.aligned`` pairs them) are taken
  out: the mean of its remaining content words' token vectors. Paraphrase replaces words with
  words of like meaning ("held in a good atmosphere" / "conducted in a good spirit"); another claim
  puts other things in their place. 1.0 when one side has nothing left (it is contained in the
  other, which the lexical features already tell). Matcher 1.4's default weights leave it out
  (it cost about 7 ms of matcher time per article for 0.002 MRPC AUC); the words are then not
  embedded at all.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from api.pipeline.types import MentionText

from api.pipeline.embedding import normalised

from .analysis import Analysis
from .features import aligned

VECTOR_FEATURES = ("cosine", "residual_cosine")
_CACHE_MAX = 16384
# word tables (a matrix per text, ~1 KB per content word): the mentions of about three articles
# and their shortlists; a table is reused while one article is scored
_TABLES_MAX = 1024


class _WordTable(NamedTuple):
    """One text's content words for ``residual``: their token-vector sums (float32, one row
    per content word, in order) and their token counts."""

    sums: np.ndarray
    counts: list[int]


class MentionVectors:
    """Sentence and word vectors, embedded on demand and cached (see the module docstring)."""

    def __init__(self, loader=None):
        """``loader``: a callable returning the embedder (default ``StaticEmbedder.load``),
        called once, the first time a vector is needed."""
        self._loader = loader
        self._embedder = None
        self._lock = threading.Lock()
        self._sentences: dict[str, np.ndarray] = {}
        self._words: dict[str, tuple[np.ndarray, int]] = {}
        self._tables: dict[tuple[str, ...], _WordTable] = {}  # content words -> their word table

    @property
    def loaded(self) -> bool:
        """Whether the embedder has been loaded in this process."""
        return self._embedder is not None

    @property
    def embedder(self):
        """The embedder, loaded on first use (once per process, thread-safe)."""
        if self._embedder is None:
            with self._lock:
                if self._embedder is None:
                    if self._loader is None:
                        from api.pipeline.embedding import StaticEmbedder  # (tokenizers imported here)
                        self._embedder = StaticEmbedder.load()
                    else:
                        self._embedder = self._loader()
        return self._embedder

    def prepare(self, mentions: Iterable[MentionText | str], analyses: Sequence[Analysis] = ()) -> None:
        """Embeds, in one batch, the texts among ``mentions`` that carry no vector and are not
        cached, and the content words of ``analyses`` not yet cached (a plain word of the
        vocabulary is its token's vector, read without the tokenizer), then lays out each
        analysis's word table for ``residual``."""
        texts = [t for t in dict.fromkeys(_text_without_vector(m) for m in mentions)
                 if t is not None and t not in self._sentences]
        pending = [a for a in analyses if a.content_words not in self._tables]
        words = [w for w in dict.fromkeys(w for a in pending for w in a.content_words) if w not in self._words]
        if texts or words:
            self._embed(texts, words)
        for a in pending:
            self._table(a)

    def _embed(self, texts: list[str], words: list[str]) -> None:
        """Caches the vectors of ``texts`` and the token sums of ``words`` (one tokenizer batch
        for the texts and the words it is needed for)."""
        embedder = self.embedder
        single = getattr(embedder, "single_token_ids", None)
        ids = single(words) if single is not None and words else [None] * len(words)
        direct = [(w, i) for w, i in zip(words, ids) if i is not None]
        rest = [w for w, i in zip(words, ids) if i is None]
        if direct:
            rows = np.asarray(embedder.vectors[[i for _, i in direct]], dtype=np.float32)
            self._store(self._words, {w: (row, 1) for (w, _), row in zip(direct, rows)})
        if not texts and not rest:
            return
        sums, counts = embedder.token_sums(texts + rest)
        if texts:
            means = sums[:len(texts)] / np.maximum(counts[:len(texts)], 1).astype(np.float32)[:, None]
            self._store(self._sentences, dict(zip(texts, normalised(means))))
        if rest:
            self._store(self._words, {w: (s, int(c)) for w, s, c in
                                      zip(rest, sums[len(texts):], counts[len(texts):])})

    def sentence(self, mention: MentionText | str) -> np.ndarray:
        """The mention's vector: the one it carries (of unit length, used as it is), else its
        text's (embedded when not cached)."""
        if isinstance(mention, MentionText):
            if mention.vector is not None:
                return mention.vector
            text = mention.text
        else:
            text = str(mention)
        vec = self._sentences.get(text)
        if vec is None:
            vec = self.embedder.embed([text])[0]
            self._store(self._sentences, {text: vec})
        return vec

    def _word_sums(self, words: Iterable[str]) -> dict[str, tuple[np.ndarray, int]]:
        """Each word's token-vector sum and token count (embedding the ones not cached)."""
        words = list(words)
        missing = [w for w in words if w not in self._words]
        if missing:
            self._embed([], missing)
        found = {}
        for w in words:
            got = self._words.get(w)
            if got is None:  # evicted by another thread meanwhile: embed it alone
                s, c = self.embedder.token_sums([w])
                got = (s[0], int(c[0]))
            found[w] = got
        return found

    def _table(self, a: Analysis) -> _WordTable:
        """``a``'s word table: each content word's token-vector sum (one row per content word, in
        order) and token count, built once per text (cached)."""
        table = self._tables.get(a.content_words)
        if table is None:
            sums = self._word_sums(dict.fromkeys(a.content_words))
            rows = [sums[w] for w in a.content_words]
            matrix = (np.array([r[0] for r in rows], dtype=np.float32) if rows
                      else np.zeros((0, self.embedder.dim), dtype=np.float32))
            table = _WordTable(matrix, [r[1] for r in rows])
            self._store(self._tables, {a.content_words: table}, _TABLES_MAX)
        return table

    def residual(self, a: Analysis, keep: set[str]) -> np.ndarray | None:
        """The mean token vector of ``a``'s content words whose stem is not in ``keep`` (the
        stems it shares with the other mention); None when none is left or none has a vector.
        (The rows left are summed in their order, as one float32 reduction.)"""
        mask = [st not in keep for st in a.content]
        if not any(mask):
            return None
        table = self._table(a)
        total = sum(c for c, m in zip(table.counts, mask) if m)
        if not total:
            return None
        rows = table.sums if all(mask) else table.sums[mask]
        vec = rows.sum(axis=0, dtype=np.float32) / np.float32(total)
        norm = _length(vec)
        return vec / norm if norm > 0 else None

    def features(self, a: MentionText | str, b: MentionText | str, fa: Analysis, fb: Analysis,
                 wanted: Sequence[str] = VECTOR_FEATURES) -> dict[str, float]:
        """``cosine`` and ``residual_cosine`` of a pair (see the module docstring), or those of
        them in ``wanted``; a text or a word table not prepared (cached) yet is embedded now."""
        residual = "residual_cosine" in wanted
        out = {}
        if "cosine" in wanted:
            out["cosine"] = float(self.sentence(a) @ self.sentence(b))
        if residual:
            ma, mb = aligned(fa, fb)
            ra, rb = self.residual(fa, ma), self.residual(fb, mb)
            out["residual_cosine"] = float(ra @ rb) if ra is not None and rb is not None else 1.0
        return out

    def _store(self, cache: dict, items: dict, bound: int = _CACHE_MAX) -> None:
        """Adds ``items`` to a cache, emptying it first when it would grow past ``bound``."""
        if len(cache) + len(items) > bound:
            cache.clear()
        cache.update(items)


def _length(vec: np.ndarray) -> float:
    """``float(np.linalg.norm(vec))`` of a 1-D float vector, the same operations (the square root
    of its dot product with itself) without ``norm``'s argument handling."""
    return float(np.sqrt(vec.dot(vec)))


def _text_without_vector(m: MentionText | str) -> str | None:
    """The text to embed for ``m``: None when it carries its own vector."""
    if isinstance(m, MentionText):
        return None if m.vector is not None else m.text
    return str(m)
