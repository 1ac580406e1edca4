#!/usr/bin/env python3
"""Who-said-what on a PolNeAR-format folder, scored offline: calls ``extract()`` directly instead of
posting each article to a running service, and counts exactly as ``../shared/eval/score_attribution.py``
does (same stop words, same "half of the mention inside the content" coverage, same "shares a word"
test), so its summary line equals that scorer's on the same code.

    python bench/score_attribution_offline.py ../shared/eval/polnear-train [--misses FILE] [--all-misses] [--limit N]

- attribution recall: annotated attributions whose source is not a bare pronoun, covered by a mention
  whose speaker names the source; ``direct_quotes``: the same for contents holding a quotation mark;
- speaker precision: mentions with a speaker that overlap annotated content, whose speaker names it.

``--misses FILE`` writes one JSON line per missed direct quotation (article, source, content, and the
mentions that cover it with their speaker and role), to categorise what goes wrong; with
``--all-misses`` it writes every missed attribution, direct or not (each row says which, and where the
source and content are). Use it on the training split only: the dev split is held out and read only
through its figure.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.pipeline.extract import extract  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "us"}
STOP = PRONOUNS | {"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from", "mr",
                   "mrs", "ms", "dr", "'s", "s", "said", "says", "according", "who", "that", "this", "these",
                   "those", "some", "one", "other", "others", "new", "former", "u", "us"}
QUOTES = "\"\u201c\u201d"


def words(text: str | None) -> set[str]:
    """The scorer's content words of a source or speaker name."""
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP and len(w) > 1}


def parse_ann(path: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]]:
    """(source ranges, content ranges, cue ranges) of each attribution in a brat standoff file."""
    spans, rels = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                continue
            try:
                ranges = [tuple(int(x) for x in r.split()) for r in head[1].split(";")]
            except ValueError:
                continue
            spans[parts[0]] = (head[0], ranges)
        elif parts[0].startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in rels:
        src, con = spans.get(rel.get("Source")), spans.get(rel.get("Content"))
        cue = spans.get(rel.get("Cue"))
        if src and con:
            out.append((src[1], con[1], cue[1] if cue else []))
    return out


def score_article(text: str, ann_path: str, tot: dict, misses: list | None, name: str,
                  all_misses: bool = False) -> None:
    """Add one article's counts to ``tot`` (and its missed direct quotations, or with ``all_misses``
    every missed attribution, to ``misses``)."""
    mentions = extract(text, language="en", title=text.split("\n", 1)[0][:300]).mentions
    tot["mentions"] += len(mentions)
    gold = []
    for src_ranges, con_ranges, cue_ranges in parse_ann(ann_path):
        src_text = " ".join(text[a:b] for a, b in src_ranges)
        con_chars = set()
        for a, b in con_ranges:
            con_chars.update(range(a, b))
        direct = any(q in text[a:b] for a, b in con_ranges for q in QUOTES)
        cue_text = " ".join(text[a:b] for a, b in cue_ranges)
        gold.append((words(src_text), con_chars, direct, src_text, con_ranges, src_ranges, cue_text))

    def covering(con_chars):
        for m in mentions:
            n = m.end - m.start
            if n and sum(1 for c in range(m.start, m.end) if c in con_chars) >= n / 2:
                yield m

    for src_words, con_chars, direct, src_text, con_ranges, src_ranges, cue_text in gold:
        if not src_words:
            continue
        cov = list(covering(con_chars))
        ok = any(src_words & words(m.speaker) for m in cov)
        tot["attr"] += 1
        tot["attr_ok"] += ok
        if direct:
            tot["direct"] += 1
            tot["direct_ok"] += ok
        if not ok and misses is not None and (direct or all_misses):
            misses.append({"article": name, "direct": direct, "source": src_text, "cue": cue_text,
                           "source_start": min(a for a, _ in src_ranges),
                           "content": " ".join(text[a:b] for a, b in con_ranges),
                           "content_start": min(a for a, _ in con_ranges),
                           "content_end": max(b for _, b in con_ranges),
                           "covering": [_brief(m) for m in cov],
                           "overlapping": [_brief(m) for m in mentions if m not in cov
                                           and any(c in con_chars for c in range(m.start, m.end))]})
    for m in mentions:
        spk = words(m.speaker)
        if not spk:
            continue
        span = set(range(m.start, m.end))
        hits = [g for g in gold if g[0] and len(span & g[1]) >= len(span) / 2]
        if hits:
            tot["spk"] += 1
            tot["spk_ok"] += any(spk & g[0] for g in hits)


def _brief(m) -> dict:
    """A mention as a misses row shows it."""
    return {"text": m.text[:200], "start": m.start, "end": m.end, "speaker": m.speaker, "role": m.speaker_role,
            "is_quote": m.is_quote}


def main() -> int:
    """Score the folder and print the summary line last."""
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--misses", help="write missed direct quotations here (JSON lines)")
    ap.add_argument("--all-misses", action="store_true",
                    help="with --misses: write every missed attribution, not only direct quotations")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = ap.parse_args()
    texts = sorted(glob.glob(os.path.join(args.data, "text", "*.txt")))
    if args.limit:
        texts = texts[: args.limit]
    tot = {"attr": 0, "attr_ok": 0, "direct": 0, "direct_ok": 0, "spk": 0, "spk_ok": 0, "mentions": 0}
    misses: list | None = [] if args.misses else None
    t0 = time.perf_counter()
    for path in texts:
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(args.data, "attributions", name + "_*.ann")))
        if not anns:
            continue
        score_article(open(path, encoding="utf-8").read(), anns[0], tot, misses, name, args.all_misses)
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as out:
            for row in misses:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")

    def pct(a, b):
        return f"{a}/{b}={a / b:.3f}" if b else "0/0"

    print(f"attribution {os.path.basename(os.path.normpath(args.data))}: articles={len(texts)} "
          f"mentions={tot['mentions']} recall={pct(tot['attr_ok'], tot['attr'])} "
          f"direct_quotes={pct(tot['direct_ok'], tot['direct'])} "
          f"speaker_precision={pct(tot['spk_ok'], tot['spk'])} ({time.perf_counter() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
