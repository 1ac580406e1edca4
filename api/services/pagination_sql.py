"""Keyset (cursor) pagination over a SQL statement: stable under inserts, no OFFSET scans."""
from __future__ import annotations

from sqlalchemy import and_, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlmodel import Session

from schemas.common import PAGE_DEFAULT

from .. import pagination


class unindexed(ColumnElement):
    """A column that must not choose the index a query reads (SQLite's unary ``+``; elsewhere the
    column itself): a filter on it then checks the rows the sort's index hands over instead of
    driving the plan. Without statistics SQLite takes any indexed equality or range for
    selective and sorts all it matches, e.g. every uncontested claim for ``contested=false``."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column):
        self.column = column
        self.type = column.type


@compiles(unindexed)
def _unindexed(element, compiler, **kw):
    return compiler.process(element.column, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element, compiler, **kw):
    return "+" + compiler.process(element.column, **kw)


def key_type(column) -> type | None:
    """The Python type of a sort column's values (looking through type decorators), None for none."""
    if column is None:
        return None
    return getattr(column.type, "impl_instance", column.type).python_type


def keyset(session: Session, stmt, model, column, sort: str, args: dict, *, entity=None, nulls: bool | None = None,
           id_column=None):
    """Run ``stmt`` ordered by (column, id) — descending when ``sort`` starts with ``-`` — after
    the cursor in ``args``, and return (rows, next_cursor). ``column`` None sorts by id alone;
    ``entity`` picks the ``model`` row out of a result row when the statement selects several.
    ``nulls`` (default: whether the column is nullable) says the rows may have NULL keys, which
    then come last; False orders by (column, id) plainly, as a (column, id) index stores them
    (SQLite and PostgreSQL disagree on where an index keeps NULLs, so a NULLS LAST order is read
    off an index in one direction only). ``id_column`` is the tie-breaker when it is not
    ``model.id`` (a unique, integer column)."""
    limit = args.get("limit") or PAGE_DEFAULT
    descending = sort.startswith("-")
    id_col = model.id if id_column is None else id_column
    if nulls is None:
        nulls = column is not None and bool(getattr(column, "nullable", True))
    id_order = id_col.desc() if descending else id_col.asc()
    first: list = []
    if args.get("cursor"):
        key, last_id = pagination.decode(args["cursor"], sort, key_type(column))
        if column is not None and not nulls:
            if key is None:
                raise pagination.invalid_cursor("no key")
            # Two index seeks rather than one range: the rest of the cursor's key (key = k, id past
            # the cursor: an equality and a range on the (column, id) index), then the keys after
            # it. SQLite ranges over the first column of a row value only, so (column, id) < (k, i)
            # read every row with key k before reaching the page when many share it.
            key_value = literal(key, column.type)
            past = id_col < last_id if descending else id_col > last_id
            first = list(session.exec(stmt.where(column == key_value, past).order_by(id_order).limit(limit + 1)).all())
            stmt = stmt.where(column < key_value if descending else column > key_value)
        elif column is None:
            stmt = stmt.where(id_col < last_id if descending else id_col > last_id)
        elif key is None:
            # NULL keys sort last: continue among the NULLs by id.
            stmt = stmt.where(and_(column.is_(None), id_col < last_id if descending else id_col > last_id))
        elif descending:
            stmt = stmt.where(or_(column < key, and_(column == key, id_col < last_id), column.is_(None)))
        else:
            stmt = stmt.where(or_(column > key, and_(column == key, id_col > last_id), column.is_(None)))
    if column is None:
        order = [id_col.desc() if descending else id_col.asc()]
    elif not nulls:
        order = [column.desc() if descending else column.asc(), id_col.desc() if descending else id_col.asc()]
    else:
        order = [column.desc().nulls_last() if descending else column.asc().nulls_last(),
                 id_col.desc() if descending else id_col.asc()]
    items = first
    if len(items) <= limit:
        items += session.exec(stmt.order_by(*order).limit(limit + 1 - len(items))).all()
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    last = entity(items[-1]) if entity else items[-1]
    # (a key computed in the statement, such as a relevance score, is read off the result row)
    key = None if column is None else getattr(last if hasattr(last, column.key) else items[-1], column.key)
    return items, pagination.encode(sort, key, getattr(last, id_col.key))
