"""Migrations are self-contained: an old revision never changes because live code did."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import snowballstemmer

VERSIONS = Path(__file__).resolve().parent.parent / "api" / "migrations" / "versions"


def test_no_migration_imports_application_code():
    for path in sorted(VERSIONS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+(api|schemas)\b", source, flags=re.M), path.name


def test_0002_counts_the_index_keys_it_froze():
    spec = importlib.util.spec_from_file_location("rev0002", VERSIONS / "0002_term_stat.py")
    rev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rev)
    porter = snowballstemmer.stemmer("porter")
    assert rev.index_terms("Reporters said the ones who left, 40,000 people, were wrong.", porter) == {
        "report", "said", "the", "on", "who", "left", "40", "000", "peopl", "were", "wrong"}
    assert rev.index_terms("I a x_y Ünïcode", porter) == {"ünïcode"}
    assert rev.index_terms("", porter) == set()
