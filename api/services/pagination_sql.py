"""Keyset (cursor) pagination over a SQL statement: stable under inserts, no OFFSET scans."""
from __future__ import annotations

from sqlalchemy import and_, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlmodel import Session

from schemas.common import PAGE_DEFAULT

from .. import pagination


class _WrappedColumn(ColumnElement):
    """A column rendered in a form that keeps the planner from using its index (each subclass
    says how, per dialect); its type and its value are the column's."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column):
        self.column = column
        self.type = column.type


class unindexed(_WrappedColumn):
    """A column that must not choose the index a query reads (SQLite's unary ``+``; elsewhere the
    column itself): a filter on it then checks the rows the sort's index hands over instead of
    driving the plan. Without statistics SQLite takes any indexed equality or range for
    selective and sorts all it matches, e.g. every uncontested claim for ``contested=false``."""

    inherit_cache = True


@compiles(unindexed)
def _unindexed(element, compiler, **kw):
    return compiler.process(element.column, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element, compiler, **kw):
    return "+" + compiler.process(element.column, **kw)


class sorted_apart(_WrappedColumn):
    """A sort key whose order must not be read off an index (SQLite's unary ``+``; elsewhere
    ``COALESCE(column, column)``, the same values in an expression no index holds): the rows come
    from a filter's own index (one outlet's claims) and are sorted, rather than found by walking
    the sort's index and testing each row against the filter, which reads past every row the
    filter rejects (tens of thousands of claims per page for one of 400 outlets at 1M claims)."""

    inherit_cache = True


@compiles(sorted_apart)
def _sorted_apart(element, compiler, **kw):
    column = compiler.process(element.column, **kw)
    return f"COALESCE({column}, {column})"


@compiles(sorted_apart, "sqlite")
def _sorted_apart_sqlite(element, compiler, **kw):
    return "+" + compiler.process(element.column, **kw)


def key_type(column) -> type | None:
    """The Python type of a sort column's values (looking through type decorators), None for none."""
    if column is None:
        return None
    return getattr(column.type, "impl_instance", column.type).python_type


def keyset(session: Session, stmt, model, column, sort: str, args: dict, *, entity=None, nulls: bool | None = None,
           id_column=None, filter_drives: bool = False):
    """Run ``stmt`` ordered by (column, id) — descending when ``sort`` starts with ``-`` — after
    the cursor in ``args``, and return (rows, next_cursor). ``column`` None sorts by id alone;
    ``entity`` picks the ``model`` row out of a result row when the statement selects several.
    ``nulls`` (default: whether the column is nullable) says the rows may have NULL keys, which
    then come last; False orders by (column, id) plainly, as a (column, id) index stores them
    (SQLite and PostgreSQL disagree on where an index keeps NULLs, so a NULLS LAST order is read
    off an index in one direction only). ``id_column`` is the tie-breaker when it is not
    ``model.id`` (a unique, integer column). ``filter_drives`` says a filter of ``stmt`` (one
    outlet's claims) finds fewer rows than walking the sort's index would read: the order is then
    given as ``sorted_apart`` terms, so the rows come off the filter's index and are sorted."""
    limit = args.get("limit") or PAGE_DEFAULT
    descending = sort.startswith("-")
    id_col = model.id if id_column is None else id_column
    if nulls is None:
        nulls = column is not None and bool(getattr(column, "nullable", True))
    first: list = []
    if args.get("cursor"):
        key, last_id = pagination.decode(args["cursor"], sort, key_type(column))
        if column is not None and not nulls and not filter_drives:
            first, stmt = _rest_of_key(session, stmt, column, id_col, key, last_id, descending, limit)
        elif filter_drives:  # (one pass over the filter's rows, not one per index seek)
            stmt = stmt.where(_after(column if column is None else sorted_apart(column), sorted_apart(id_col),
                                     key, last_id, descending))
        else:
            stmt = stmt.where(_after(column, id_col, key, last_id, descending))
    order = _order(column, id_col, descending, nulls, filter_drives)
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


def _rest_of_key(session: Session, stmt, column, id_col, key, last_id, descending: bool, limit: int):
    """For a sort on a NOT NULL column: (the rows that share the cursor's key and come after its
    id, the statement narrowed to the keys after it). Two index seeks rather than one range: an
    equality and a range on the (column, id) index, then the keys after it. SQLite ranges over
    the first column of a row value only, so (column, id) < (k, i) would read every row with key
    k before reaching the page when many share it."""
    if key is None:
        raise pagination.invalid_cursor("no key")
    key_value = literal(key, column.type)
    past = id_col < last_id if descending else id_col > last_id
    id_order = id_col.desc() if descending else id_col.asc()
    first = list(session.exec(stmt.where(column == key_value, past).order_by(id_order).limit(limit + 1)).all())
    return first, stmt.where(column < key_value if descending else column > key_value)


def _after(column, id_col, key, last_id, descending: bool):
    """The condition for rows after the cursor (key, last_id) when the sort is by id alone or by
    a nullable column whose NULL keys come last."""
    past_id = id_col < last_id if descending else id_col > last_id
    if column is None:
        return past_id
    if key is None:
        return and_(column.is_(None), past_id)  # NULL keys sort last: continue among them by id
    past_key = column < key if descending else column > key
    return or_(past_key, and_(column == key, past_id), column.is_(None))


def _order(column, id_col, descending: bool, nulls: bool, filter_drives: bool = False) -> list:
    """ORDER BY terms: (column, id) in the sort's direction, NULL keys last when there may be any
    (``sorted_apart`` terms when a filter drives the query)."""
    if filter_drives:
        id_col, column = sorted_apart(id_col), None if column is None else sorted_apart(column)
    by_id = id_col.desc() if descending else id_col.asc()
    if column is None:
        return [by_id]
    by_key = column.desc() if descending else column.asc()
    return [by_key.nulls_last() if nulls else by_key, by_id]
