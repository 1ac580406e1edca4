#!/usr/bin/env python3
"""A digest of everything extraction produces for a folder of articles, to prove a refactor changes
no output: run it before and after, the digests must be equal.

    python bench/extract_digest.py ../shared/eval/polnear-dev ../shared/eval/basil-dev [--dump FILE]

Each folder is read as PolNeAR (``text/*.txt``) or BASIL (``articles/*/*.json``). For every article
the mentions (offsets, text, quotation, speaker, role, kind, checkworthiness, quote spans) are
serialised in order; the last line printed is ``digest=<sha256> articles=N mentions=M``. ``--dump``
writes the serialised mentions, one article per line, to compare where two runs differ.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.pipeline.extract import extract  # noqa: E402


def _articles(folder: str):
    """(name, text, title) of each article in a PolNeAR or BASIL folder, in a fixed order."""
    for path in sorted(glob.glob(os.path.join(folder, "text", "*.txt"))):
        text = open(path, encoding="utf-8").read()
        yield os.path.basename(path), text, text.split("\n", 1)[0][:300]
    for path in sorted(glob.glob(os.path.join(folder, "articles", "*", "*.json"))):
        doc = json.load(open(path, encoding="utf-8"))
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in doc.get("body-paragraphs") or []]
        text = "\n\n".join(x.strip() for x in paras if x and x.strip())
        yield os.path.basename(path), text, (doc.get("title") or "")[:1000]


def main() -> int:
    """Print the digest of the extraction of every article in the given folders."""
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--dump")
    args = ap.parse_args()
    h = hashlib.sha256()
    n_art = n_men = 0
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for folder in args.folders:
        if not os.path.isdir(folder):
            ap.error(f"no such folder: {folder}")  # (a wrong path would digest nothing, silently)
        found = 0
        for name, text, title in _articles(folder):
            found += 1
            ms = extract(text, language="en", title=title).mentions
            row = json.dumps([name, [[m.start, m.end, m.text, m.is_quote, m.speaker, m.speaker_role, m.kind,
                                      round(m.checkworthiness, 6), m.quote_spans] for m in ms]], ensure_ascii=False)
            h.update(row.encode())
            if out:
                out.write(row + "\n")
            n_art += 1
            n_men += len(ms)
        if not found:
            ap.error(f"no articles in {folder} (PolNeAR text/*.txt or BASIL articles/*/*.json)")
    print(f"digest={h.hexdigest()} articles={n_art} mentions={n_men}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
