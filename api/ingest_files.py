"""Reading articles from files for ``claimtrack ingest`` and ``claimtrack seed``.

A path may be a JSON file (one article or a list), an NDJSON file (one article per line), or a
folder holding a ``manifest.json`` like ``seeds/`` (``articles: [{file, outlet, url, title,
published_at, language}]``, the text in ``file``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator


class FileProblem(Exception):
    """A record that could not be read; the ingest summary lists it as refused."""


def _manifest(folder: Path) -> Iterator[tuple[str, dict | FileProblem]]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for i, entry in enumerate(manifest.get("articles", [])):
        where = f"{folder}/manifest.json#{i}"
        try:
            record = {k: v for k, v in entry.items() if k not in {"file", "notes"}}
            record["text"] = (folder / entry["file"]).read_text(encoding="utf-8")
            yield where, record
        except (KeyError, OSError, UnicodeDecodeError) as exc:
            yield where, FileProblem(f"cannot read the article file: {exc}")


def records(path: str | Path) -> Iterator[tuple[str, dict | FileProblem]]:
    """(where, article dict or FileProblem) for every article found at ``path``."""
    path = Path(path)
    if path.is_dir():
        if not (path / "manifest.json").exists():
            yield str(path), FileProblem("a folder needs a manifest.json")
            return
        yield from _manifest(path)
        return
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield str(path), FileProblem(f"cannot read: {exc}")
        return
    if path.suffix in {".ndjson", ".jsonl"}:
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    yield f"{path}:{n}", json.loads(line)
                except json.JSONDecodeError as exc:
                    yield f"{path}:{n}", FileProblem(f"not JSON: {exc}")
        return
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield str(path), FileProblem(f"not JSON: {exc}")
        return
    items = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else []
    for i, item in enumerate(items):
        yield f"{path}#{i}", item
