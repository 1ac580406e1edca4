"""Claims that a matcher change joins anew on real coverage, for judging by hand.

    python bench/new_joins.py dump --data ../shared/eval/basil-dev --base-url URL --api-key KEY --out A.json
    python bench/new_joins.py compare BEFORE.json AFTER.json [--sample 20] [--seed 2027]

``dump`` posts a BASIL-format folder's articles in date order to an empty store of a running
service (as ``score_events.py`` does) and writes every mention: article, event, outlet, claim,
text. Run it against the revision before and the one after a change.

``compare`` lists the *new joins*: claims of the second dump, reported by two outlets or more of
one event, whose outlet set is larger than that of every claim of the first dump holding any of its
mentions (claims whose outlet set grew). It prints how many there are, and a seeded random sample
of them with their mentions side by side, as a Markdown table to fill in with verdicts.
Standard library only.
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import random
import sys
import urllib.request

OUTLETS = {"fox": "foxnews", "nyt": "nytimes", "hpo": "huffpost"}


def _call(base: str, key: str, method: str, path: str, body=None):
    """One JSON request to the service; the parsed answer."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base.rstrip("/") + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", "Bearer " + key)
    with urllib.request.urlopen(req, timeout=120) as resp:
        return json.loads(resp.read())


def dump(data: str, base: str, key: str, out: str) -> None:
    """Posts the folder's articles and writes their mentions (see the module docstring)."""
    docs = []
    for path in glob.glob(os.path.join(data, "articles", "*", "*.json")):
        with open(path, encoding="utf-8") as fh:
            docs.append(json.load(fh))
    docs.sort(key=lambda d: (d.get("date") or "", d.get("uuid") or ""))
    mentions = []
    for doc in docs:
        source = (doc.get("source") or "unknown").lower()
        outlet = OUTLETS.get(source, source)
        text = "\n\n".join((" ".join(p) if isinstance(p, list) else str(p)).strip()
                           for p in doc.get("body-paragraphs") or [] if p)
        body = {"outlet": {"name": outlet, "domain": outlet + ".com"},
                "url": doc.get("url") or f"https://basil.invalid/{doc['uuid']}",
                "title": (doc.get("title") or doc["uuid"])[:1000], "published_at": doc.get("date"),
                "language": "en", "text": text}
        created = _call(base, key, "POST", "/v1/articles", body)
        detail = _call(base, key, "GET", f"/v1/articles/{created['id']}")
        for m in detail.get("mentions") or []:
            mentions.append({"article": doc["uuid"], "event": doc["triplet-uuid"], "outlet": outlet,
                             "start": m.get("start"), "claim": m.get("claim_id"), "text": m.get("text", "")})
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(mentions, fh, indent=0)
    print(f"{len(mentions)} mentions of {len(docs)} articles -> {out}")


def _claims(mentions: list[dict]) -> dict:
    """claim -> its mentions."""
    out = collections.defaultdict(list)
    for m in mentions:
        out[m["claim"]].append(m)
    return out


def compare(before_path: str, after_path: str, sample: int, seed: int) -> None:
    """Prints the new joins of ``after`` over ``before`` (see the module docstring)."""
    with open(before_path, encoding="utf-8") as fh:
        before = json.load(fh)
    with open(after_path, encoding="utf-8") as fh:
        after = json.load(fh)
    key = lambda m: (m["article"], m["start"], m["text"])  # noqa: E731
    old_claim = {key(m): m["claim"] for m in before}
    old_outlets = {c: {m["outlet"] for m in ms} for c, ms in _claims(before).items()}
    new = []
    for claim, ms in _claims(after).items():
        outlets = {m["outlet"] for m in ms}
        if len(outlets) < 2:
            continue
        olds = {old_claim.get(key(m)) for m in ms}
        if all(len(outlets) > len(old_outlets.get(o, set())) for o in olds):
            new.append((claim, ms))
    new_claim = {key(m): m["claim"] for m in after}
    new_outlets = {c: {m["outlet"] for m in ms} for c, ms in _claims(after).items()}
    lost = sum(1 for c, ms in _claims(before).items() if len(old_outlets[c]) > 1
               and all(len(new_outlets.get(new_claim.get(key(m)), set())) < len(old_outlets[c]) for m in ms))
    print(f"lost joins (a claim of the first dump whose mentions all sit in claims of fewer outlets now): {lost}")
    print(f"claims reported by 2+ outlets after: {sum(1 for ms in _claims(after).values() if len({m['outlet'] for m in ms}) > 1)}, "
          f"before: {sum(1 for ms in _claims(before).values() if len({m['outlet'] for m in ms}) > 1)}; "
          f"new joins (outlet set grew): {len(new)}")
    rng = random.Random(seed)
    picked = rng.sample(new, min(sample, len(new)))
    print("\n| claim | events | mentions | verdict |\n| --- | --- | --- | --- |")
    for claim, ms in picked:
        texts = " / ".join(f"({m['outlet']}) {m['text']}".replace("|", "\\|").replace("\n", " ") for m in ms)
        print(f"| {claim} | {len({m['event'] for m in ms})} | {texts} | |")


def main() -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--data", required=True)
    d.add_argument("--base-url", required=True)
    d.add_argument("--api-key", default=os.environ.get("CLAIMTRACK_API_KEY"))
    d.add_argument("--out", required=True)
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    c.add_argument("--sample", type=int, default=20)
    c.add_argument("--seed", type=int, default=2027)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.data, args.base_url, args.api_key, args.out)
    else:
        compare(args.before, args.after, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
