"""Raw SQL and driver cursors live only in ``api/storage/`` and ``api/db.py`` (migrations aside):
no other module of ``api/`` holds a SQL string, imports SQLAlchemy's ``text`` or reaches for the
driver's connection or cursor."""
from __future__ import annotations

import ast
import re
from pathlib import Path

API = Path(__file__).resolve().parents[1] / "api"
ALLOWED = {API / "db.py"}
ALLOWED_DIRS = (API / "storage", API / "migrations")
SQL = re.compile(r"\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|PRAGMA|BEGIN)\b")
DRIVER = {"dbapi_connection", "driver_cursor", "exec_driver_sql", "raw_connection"}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def raw_sql_sites(path: Path) -> list[str]:
    """Where ``path`` holds a SQL string, imports ``text`` from SQLAlchemy or uses the driver."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                and SQL.search(node.value):
            found.append(f"{path}:{node.lineno}: SQL string {node.value[:60]!r}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy") \
                and any(a.name == "text" for a in node.names):
            found.append(f"{path}:{node.lineno}: imports sqlalchemy's text")
        elif isinstance(node, ast.Attribute) and node.attr in DRIVER or isinstance(node, ast.Name) and node.id in DRIVER:
            found.append(f"{path}:{node.lineno}: driver access")
        elif isinstance(node, ast.ImportFrom) and any(a.name in DRIVER for a in node.names):
            found.append(f"{path}:{node.lineno}: imports {[a.name for a in node.names if a.name in DRIVER]}")
    return found


def test_raw_sql_only_in_storage_and_db():
    """Every module of ``api/`` but ``storage/``, ``db.py`` and the migrations is free of raw SQL."""
    sites = []
    for path in sorted(API.rglob("*.py")):
        if path in ALLOWED or any(d in path.parents for d in ALLOWED_DIRS):
            continue
        sites += raw_sql_sites(path)
    assert not sites, "\n".join(sites)


def test_the_check_sees_raw_sql(tmp_path):
    """The check finds each kind of site it looks for."""
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc: SELECT in a docstring is fine."""\n'
                      "from sqlalchemy import text\n"
                      "from ..db import driver_cursor\n"
                      "Q = 'SELECT id FROM mention'\n"
                      "raw = conn.connection.dbapi_connection\n", encoding="utf-8")
    assert len(raw_sql_sites(sample)) == 4
