"""Every read is answered from indexes: the SELECTs each GET runs are captured and EXPLAINed on
the test's backend, and a listing that reads a whole table or sorts in a temporary structure
fails (``USE TEMP B-TREE FOR ORDER BY`` after a ``SCAN`` on SQLite, a ``Sort`` over a ``Seq Scan`` on PostgreSQL;
PostgreSQL runs with ``enable_seqscan=off`` so that its choice on tiny tables does not decide)."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from api.db import is_sqlite
from schemas.claims import SORTS

from .conftest import mention_with

class Plans:
    """Records the SELECTs run on an engine, to EXPLAIN them afterwards on the same engine."""

    def __init__(self, engine):
        self.engine, self.statements = engine, []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and not executemany:
            self.statements.append((statement, parameters))

    def close(self):
        event.remove(self.engine, "before_cursor_execute", self._record)

    def explain(self) -> list[tuple[str, str]]:
        """(statement, plan text) for each recorded SELECT."""
        out = []
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            if is_sqlite(self.engine):
                for sql, params in self.statements:
                    cur.execute("EXPLAIN QUERY PLAN " + sql, params)
                    out.append((sql, "\n".join(str(row[-1]) for row in cur.fetchall())))
            else:
                cur.execute("SET enable_seqscan = off")
                for sql, params in self.statements:
                    cur.execute("EXPLAIN " + sql, params)
                    out.append((sql, "\n".join(row[0] for row in cur.fetchall())))
            cur.close()
        finally:
            raw.rollback()
            raw.close()
        return out


def scans_and_sorts(plan: str) -> bool:
    """True when the plan sorts rows it read by scanning a whole table (or index), or by reading
    claims off any index but their primary key (the page's claims found through a filter's
    index, e.g. one outlet's, may be sorted: that is as many rows as the filter matches)."""
    if "USE TEMP B-TREE FOR ORDER BY" in plan:
        # (a full-text match is a SCAN of the virtual table that reads only the matches, and a
        # materialized subquery holds only what its own plan read)
        matched = set(re.findall(r"^MATERIALIZE (\w+)", plan, re.MULTILINE))
        scanned = set(re.findall(r"^SCAN (\w+)(?! VIRTUAL TABLE)\b", plan, re.MULTILINE)) - matched
        return bool(scanned or re.search(r"^SEARCH claim USING (COVERING )?INDEX", plan, re.MULTILINE))
    return bool(re.search(r"\bSort\b", plan)) and "Seq Scan" in plan


@pytest.fixture
def plans(app):
    recorder = Plans(app.extensions["claimtrack"]["engine"])
    yield recorder
    recorder.close()


def check(plans, client, paths):
    for path in paths:
        plans.statements.clear()
        resp = client.get(path)
        assert resp.status_code == 200, (path, resp.get_json())
        for sql, plan in plans.explain():
            print(path, "\n", sql, "\n", plan)
            assert not scans_and_sorts(plan), f"{path}: {sql}\n{plan}"


def test_every_claim_sort_reads_an_index(client, two_outlets, plans):
    first = client.get("/v1/claims?limit=1").get_json()
    paths = []
    for sort in [s for s in SORTS if s != "relevance"]:  # (relevance: with q, below)
        page = client.get(f"/v1/claims?limit=1&sort={sort}").get_json()
        paths += [f"/v1/claims?sort={sort}", f"/v1/claims?sort={sort}&cursor={page['next_cursor']}",
                  f"/v1/claims?sort={sort}&kind=quotation&contested=true&since=2024-01-01",
                  f"/v1/claims?sort={sort}&contested=false&until=2030-01-01",
                  f"/v1/claims?sort={sort}&contested=true&cursor={page['next_cursor']}"]
    assert first["next_cursor"]
    check(plans, client, paths)


def test_other_reads_use_indexes(client, two_outlets, plans):
    a, _ = two_outlets
    claim_id = mention_with(a, "111 hostages")["claim_id"]
    check(plans, client, [
        "/v1/claims?outlet=alpha", "/v1/claims?reported_by=alpha,beta", "/v1/claims?q=hostages",
        "/v1/claims?q=hostages%20OR%20minist*&sort=relevance",
        f"/v1/claims/{claim_id}", f"/v1/claims/{claim_id}/outlets", f"/v1/claims/{claim_id}/disagreements",
        "/v1/disagreements", "/v1/disagreements?kind=number", "/v1/disagreements?outlet=alpha",
        f"/v1/disagreements?claim={claim_id}", "/v1/outlets", "/v1/outlets/alpha",
        "/v1/outlets/compare?a=alpha&b=beta", "/v1/outlets/compare/claims?a=alpha&b=beta&part=only_a",
        "/v1/outlets/compare/disagreements?a=alpha&b=beta", "/v1/articles", "/v1/articles?outlet=alpha",
        f"/v1/articles/{a['id']}"])


SORT_INDEX = re.compile(r"ix_(live|contested)_claim_(last_seen|first_seen|outlet_count|mention_count|disagreement_count)\b")


def test_an_outlets_claims_come_off_the_claim_outlet_index(client, two_outlets, plans):  # alpha: 3 claims
    """``outlet=``, ``reported_by=`` and the outlet comparison read the outlet's claims off the
    claim–outlet index and sort them (``sorted_apart`` order terms): no plan walks a claim sort
    index testing each claim for the outlet (which reads past every other outlet's claims), and
    "not reported by" is a key probe, not a scan of every claim (PostgreSQL's NOT IN)."""
    paths = []
    for sort in [s for s in SORTS if s != "relevance"]:
        page = client.get(f"/v1/claims?outlet=alpha&limit=1&sort={sort}").get_json()
        assert page["next_cursor"], sort
        paths += [f"/v1/claims?outlet=alpha&sort={sort}", f"/v1/claims?outlet=alpha&sort={sort}&cursor={page['next_cursor']}",
                  f"/v1/claims?reported_by=alpha,beta&sort={sort}"]
    paths += ["/v1/outlets/compare?a=alpha&b=beta", "/v1/outlets/compare?a=beta&b=alpha"]
    for part in ("both", "only_a", "only_b"):
        page = client.get(f"/v1/outlets/compare/claims?a=alpha&b=beta&part={part}&limit=1").get_json()
        paths += [f"/v1/outlets/compare/claims?a=alpha&b=beta&part={part}"] + (
            [f"/v1/outlets/compare/claims?a=alpha&b=beta&part={part}&cursor={page['next_cursor']}"]
            if page["next_cursor"] else [])
    assert any("cursor=" in p for p in paths[-4:]), "no comparison list has a second page"
    for path in paths:
        plans.statements.clear()
        resp = client.get(path)
        assert resp.status_code == 200, (path, resp.get_json())
        claim_reads = [(sql, plan) for sql, plan in plans.explain() if "FROM claim" in sql and "claimoutlet" in sql]
        assert claim_reads, path
        for sql, plan in claim_reads:
            print(path, "\n", sql, "\n", plan)
            assert not SORT_INDEX.search(plan), f"{path}: {sql}\n{plan}"
            assert "ix_claim_outlet_outlet" in plan, f"{path}: {sql}\n{plan}"
            assert not scans_and_sorts(plan), f"{path}: {sql}\n{plan}"
            assert "hashed SubPlan" not in plan, f"{path}: {sql}\n{plan}"  # NOT IN (subquery)
            assert not re.search(r"^\s*(->\s*)?Seq Scan on claim\b|^SCAN claim\b", plan, re.MULTILINE), f"{path}: {sql}\n{plan}"


def test_a_common_query_walks_the_sort_index(client, two_outlets, plans, monkeypatch):
    """A query most claims match is tested claim by claim off the sort's index on SQLite
    (``search.claims_matching``): no scan of the matches and no sort, first page or deep."""
    from api.services import search

    monkeypatch.setattr(search, "WALK_SHARE", 1e-12)  # (this store is small: walk whatever it holds)
    paths = []
    for sort in [s for s in SORTS if s != "relevance"]:
        page = client.get(f"/v1/claims?q=said%20OR%20hostages&limit=1&sort={sort}").get_json()
        paths += [f"/v1/claims?q=said%20OR%20hostages&sort={sort}"]
        if page["next_cursor"]:
            paths.append(f"/v1/claims?q=said%20OR%20hostages&sort={sort}&cursor={page['next_cursor']}")
    check(plans, client, paths)
