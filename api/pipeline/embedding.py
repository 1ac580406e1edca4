"""A static sentence embedding: numpy and a WordPiece tokenizer, no torch at run time.

A sentence's vector is the mean of its tokens' vectors, L2-normalised. The token vectors were
distilled once from all-MiniLM-L6-v2 with model2vec (``scripts/distill_embedding.py``, run in its
own venv) and ship as package data in ``api/pipeline/match/static_embedding/``:

- ``vectors.npy``: float16, one row per token id (frequency weights already applied), memory-mapped
  read-only so that the server's worker processes share one copy in the page cache;
- ``tokenizer.json``: the Hugging Face ``tokenizers`` file the vectors were made with (BERT
  normalisation: lower case, accents stripped; WordPiece); unknown tokens are skipped;
- ``manifest.json``: how the files were made (parameters, source, library versions, SHA-256s);
- ``NOTICE`` and ``LICENSE-Apache-2.0.txt``: the upstream licence (all-MiniLM-L6-v2, Apache-2.0).

Embedding is tokenising plus one gather and one ``np.add.reduceat``: 7,500-18,000 MRPC sentences
per second on this 2-core machine, one article's 46 texts in about 2 ms. Load it once per process;
a server may load it before forking its workers (the vectors are a read-only memory map).

Tokenizing runs on one thread: importing this module sets ``TOKENIZERS_PARALLELISM=false``
unless the environment sets it. Ingest embeds one article (about 46 short texts) at a time, in
each of the server's workers side by side, and the tokenizer's thread pool only costs there:
on this 2-core machine under the load of other processes, an article's texts took a median
4.9 ms with the pool and 1.6 ms without (200 articles' worth, alternating).
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from itertools import chain

import numpy as np

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DEFAULT_PATH = os.path.join(os.path.dirname(__file__), "match", "static_embedding")
VECTORS_FILE = "vectors.npy"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"
# a word the BERT normaliser and pre-tokenizer leave as it is (lower-case ASCII letters and digits,
# no longer than WordPiece's 100-character limit): when it is in the vocabulary, WordPiece makes it
# that one token (the whole word is the longest match)
_PLAIN_WORD = re.compile(r"[a-z0-9]{1,100}")


def normalised(rows: np.ndarray) -> np.ndarray:
    """``rows`` (float32) scaled in place to unit length; all-zero rows stay zero."""
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    np.divide(rows, norms, out=rows, where=norms > 0)
    return rows


class StaticEmbedder:
    """Token vectors and the tokenizer that indexes them; ``embed`` turns texts into vectors."""

    def __init__(self, vectors: np.ndarray, tokenizer, unk_id: int | None = None):
        """Wraps ``vectors`` (n_tokens x dim) and a ``tokenizers.Tokenizer`` whose ids index them.

        ``unk_id``: the unknown token's id, dropped from every text before averaging.
        """
        if vectors.ndim != 2:
            raise ValueError("vectors must be a 2-D array (tokens x dimensions)")
        self.vectors = vectors
        self.tokenizer = tokenizer
        self.unk_id = unk_id
        self._vocab: dict[str, int] | None = None  # token -> id, read on first use

    @property
    def dim(self) -> int:
        """The number of dimensions of each vector."""
        return int(self.vectors.shape[1])

    @classmethod
    def load(cls, path: str = DEFAULT_PATH) -> StaticEmbedder:
        """Loads the vectors and tokenizer from a folder (the shipped package data by default)."""
        from tokenizers import Tokenizer  # the Rust WordPiece tokenizer; no torch

        vectors = np.load(os.path.join(path, VECTORS_FILE), mmap_mode="r")
        tokenizer = Tokenizer.from_file(os.path.join(path, TOKENIZER_FILE))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        unk_token = getattr(tokenizer.model, "unk_token", None)
        unk_id = tokenizer.token_to_id(unk_token) if unk_token else None
        if tokenizer.get_vocab_size() > len(vectors):
            raise ValueError(f"{path}: the tokenizer has more tokens than there are vectors")
        return cls(vectors, tokenizer, unk_id)

    def token_sums(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Per text, the sum of its known tokens' vectors (float32) and how many there are: the
        parts of its mean vector, so that words embedded apart add up to the phrase's vector."""
        encodings = self.tokenizer.encode_batch_fast(list(texts), add_special_tokens=False)
        ids = [e.ids for e in encodings]
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        sums = np.zeros((len(ids), self.dim), dtype=np.float32)
        counts = np.zeros(len(ids), dtype=np.int64)
        rows = np.flatnonzero(lengths)
        if rows.size:
            flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
            known = flat != self.unk_id
            starts = np.concatenate(([0], np.cumsum(lengths[rows])[:-1]))
            # float16 rows cast to float32 once: summing float16 with dtype=float32 casts element
            # by element (twice as slow, the same sums)
            gathered = self.vectors[flat].astype(np.float32)
            if not known.all():
                gathered[~known] = 0.0
            counts[rows] = np.add.reduceat(known, starts)
            sums[rows] = np.add.reduceat(gathered, starts, axis=0)
        return sums, counts

    def single_token_ids(self, words: Sequence[str]) -> list[int | None]:
        """Per word, the one token id the tokenizer turns it into when that can be told without
        running it (a plain lower-case word of the vocabulary, see ``_PLAIN_WORD``), else None.
        Such a word's ``token_sums`` is that token's vector and a count of 1."""
        vocab = self._vocab
        if vocab is None:
            vocab = self._vocab = self.tokenizer.get_vocab(with_added_tokens=False)
        get, plain = vocab.get, _PLAIN_WORD.fullmatch
        return [get(w) if plain(w) else None for w in words]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text (all zeros for a text with no tokens)."""
        sums, counts = self.token_sums(texts)
        out = sums / np.maximum(counts, 1).astype(np.float32)[:, None]
        return normalised(out)

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts' vectors."""
        u, v = self.embed([a, b])
        return float(u @ v)
