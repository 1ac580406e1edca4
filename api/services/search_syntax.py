"""The ``q`` search syntax, parsed once and written for either full-text engine.

A query is clauses that must all match; a clause is one term or several joined by ``OR``
(upper case); a term is a word, a prefix (``minist*``) or a phrase (``"health ministry"``).
Words are letters and digits only, so nothing a user types reaches the engine's own syntax:
the parsed query is written out as an FTS5 MATCH expression (SQLite) or a ``to_tsquery``
expression (PostgreSQL's english configuration, which stems as the index does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
MAX_TERMS = 16  # words in one query, all clauses together


@dataclass(frozen=True)
class Term:
    """Words in a row (one word unless a phrase); ``prefix``: the last word may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


def parse(query: str) -> list[list[Term]]:
    """The clauses of ``query`` (all must match), each the terms of which one must match; empty
    when the query holds no word."""
    clauses: list[list[Term]] = []
    join_next, budget = False, MAX_TERMS
    for match in _TOKEN.finditer(query or ""):
        phrase, bare = match.groups()
        if bare == "OR":
            join_next = bool(clauses)
            continue
        words = _WORD.findall(phrase if phrase is not None else bare)[:budget]
        if not words:
            continue
        budget -= len(words)
        term = Term(tuple(w.lower() for w in words),
                    prefix=phrase is None and bare.endswith("*") and len(words) == 1)
        if join_next:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
        if budget <= 0:
            break
    return clauses


def fts5(clauses: list[list[Term]]) -> str:
    """The clauses as an SQLite FTS5 MATCH expression."""
    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")
    return " AND ".join("(" + " OR ".join(term(t) for t in clause) + ")" for clause in clauses)


def tsquery(clauses: list[list[Term]]) -> str:
    """The clauses as a PostgreSQL ``to_tsquery`` expression."""
    def term(t: Term) -> str:
        words = [f"'{w}'" for w in t.words]
        if t.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"
    return " & ".join("(" + " | ".join(term(t) for t in clause) + ")" for clause in clauses)
