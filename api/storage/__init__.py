"""The store's raw SQL: every SQL string and driver cursor of the app lives in this package (the
engine's own set-up, the write lock and the read snapshot are in ``api/db.py``).

The services build their queries with SQLAlchemy (``select``, ``insert``, the keyset builders of
``services/pagination_sql.py``) wherever that costs nothing; where a statement is written out by
hand, for speed (a driver cursor skips SQLAlchemy's per-row handling), for a feature SQLAlchemy
does not express (FTS5, ``tsvector``, a UNION ALL of per-claim LIMIT queries) or for a plan it
would not get, it is here, behind a named function with plain arguments and results:

* ``bulk``: inserting an article's rows in one batch (``insert_rows``, ``insert_many``).
* ``terms``: ``term_stat``, the count of mentions holding each index key.
* ``fulltext``: the claims matching a full-text query (the ``q`` filter).
* ``candidates``: what candidate retrieval reads (postings, document frequencies, candidate rows).
* ``mentions``: the newest mention id; each claim's latest mentions from other articles (detection).
* ``vectors``: ``mention_vector`` reads (a time window, by id, those missing).
"""
