"""Claims: filtered listing, detail with outlets and disagreements."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime, timezone

from sqlalchemy import bindparam, func
from sqlmodel import Session, select

from ..errors import Invalid, NotFound
from ..models import (CLAIM_SORT_KEYS, CONTESTED, LIVE_CLAIM, Article, Claim, ClaimOutlet, CurationEvent,
                      Disagreement, Mention, Outlet)
from . import pagination_sql
from .present import DisagreementView, Report, claim_view
from .search import claims_matching, matching_claims

SORT_COLUMNS = {**{key: getattr(Claim, key) for key in CLAIM_SORT_KEYS}, "id": None}
# What a listed claim needs (read as plain rows: no ORM objects to build for a page of claims).
LISTED_COLUMNS = (Claim.id, Claim.text, Claim.kind, Claim.speaker, Claim.mention_count, Claim.outlet_count,
                  Claim.disagreement_count, Claim.first_seen, Claim.last_seen, Claim.first_outlet_id)


def outlet_ids(session: Session, slugs: list[str]) -> dict[str, int]:
    """Slug → id for the slugs that exist."""
    if not slugs:
        return {}
    return dict(session.exec(select(Outlet.slug, Outlet.id).where(Outlet.slug.in_(slugs))).all())


def kind_counts(session: Session, claim_ids: list[int]) -> dict[int, dict[str, int]]:
    """Undismissed disagreements per claim and kind."""
    out: dict[int, dict[str, int]] = defaultdict(dict)
    if claim_ids:
        for claim_id, kind, n in session.exec(
                select(Disagreement.claim_id, Disagreement.kind, func.count(Disagreement.id))
                .where(Disagreement.claim_id.in_(claim_ids), Disagreement.dismissed_at.is_(None))
                .group_by(Disagreement.claim_id, Disagreement.kind)).all():
            out[claim_id][kind] = n
    return out


def claim_dicts(session: Session, claims: list) -> list[dict]:
    """Claims (ORM objects or rows of ``LISTED_COLUMNS``) as ``claim_view`` mappings, with their
    first outlets and, for the claims that have disagreements, per-kind counts, fetched in two queries
    at most (``disagreement_count`` counts the undismissed disagreements in the same snapshot:
    a claim without any has no per-kind counts to look up)."""
    first_ids = {c.first_outlet_id for c in claims if c.first_outlet_id}
    outlets = {o.id: o for o in session.exec(select(Outlet.id, Outlet.slug, Outlet.name, Outlet.domain)
                                             .where(Outlet.id.in_(first_ids))).all()} if first_ids else {}
    kinds = kind_counts(session, [c.id for c in claims if c.disagreement_count])
    return [claim_view(c, outlets.get(c.first_outlet_id), kinds.get(c.id)) for c in claims]


def _filtered(session: Session, stmt, args: dict, sort_key: str | None = None):
    """``stmt`` with the listing's filters but ``q``; None when a named outlet does not exist.
    Columns other than ``sort_key`` are filtered ``unindexed``: the claims come off the sort's
    index (or the outlet's and the search's), and the other filters check them as they come."""

    def col(name: str):
        column = getattr(Claim, name)
        return column if name == sort_key or sort_key is None else pagination_sql.unindexed(column)

    slugs = [s for s in ([args["outlet"]] if args.get("outlet") else []) +
             [p.strip() for item in (args.get("reported_by") or []) for p in item.split(",") if p.strip()]]
    if slugs:
        ids = outlet_ids(session, slugs)
        if len(ids) < len(set(slugs)):
            return None
        for outlet_id in set(ids.values()):
            stmt = stmt.where(Claim.id.in_(select(ClaimOutlet.claim_id).where(ClaimOutlet.outlet_id == outlet_id)))
    if args.get("speaker"):
        stmt = stmt.where(func.lower(Claim.speaker).contains(args["speaker"].lower(), autoescape=True))  # % and _ are literal
    if args.get("kind"):
        stmt = stmt.where(Claim.kind == args["kind"])
    if args.get("contested") is True:
        stmt = stmt.where(CONTESTED)
    elif args.get("contested") is False:
        stmt = stmt.where(col("disagreement_count") == 0)
    if args.get("since"):
        stmt = stmt.where(col("last_seen") >= args["since"])
    if args.get("until"):
        stmt = stmt.where(col("first_seen") <= args["until"])
    return stmt


def list_claims(session: Session, args: dict) -> dict:
    """Claims matching the filters, in the requested order, one page after the cursor."""
    sort, empty = args.get("sort") or "-last_seen", {"items": [], "next_cursor": None}
    if sort == "relevance" and not args.get("q"):
        raise Invalid("sort=relevance needs a search.", errors={"sort": ["relevance needs q."]})
    if sort == "relevance":  # best match first; the cursor holds (score, id) as for any key
        matches = matching_claims(session, args["q"], ranked=True)
        if matches is None:
            return empty
        stmt = _filtered(session, select(*LISTED_COLUMNS, matches.c.score)
                         .join(matches, matches.c.claim_id == Claim.id).where(LIVE_CLAIM), args)
        if stmt is None:
            return empty
        listing = "relevance|" + hashlib.sha256(args["q"].encode()).hexdigest()[:16]
        rows, next_cursor = pagination_sql.keyset(session, stmt, Claim, matches.c.score, listing, args, nulls=False)
        return {"items": claim_dicts(session, rows), "next_cursor": next_cursor}
    stmt = _filtered(session, select(*LISTED_COLUMNS).where(LIVE_CLAIM), args, sort_key=sort.lstrip("-"))
    if stmt is None:
        return empty
    filter_drives = bool(args.get("outlet") or args.get("reported_by"))
    if args.get("q"):
        # (an outlet's claims are read off its index: each is tested against all the matches)
        condition = claims_matching(session, args["q"], walk=not filter_drives)
        if condition is None:
            return empty
        stmt = stmt.where(condition)
    column = SORT_COLUMNS[sort.lstrip("-")]
    # (live claims always have dates: no NULL keys, so the order is the partial indexes' own)
    # An outlet's claims (``outlet``, ``reported_by``) are read off the claim–outlet index and
    # sorted: walking the sort's index instead tests every claim of every other outlet on the way.
    rows, next_cursor = pagination_sql.keyset(session, stmt, Claim, column, sort, args, nulls=False,
                                              filter_drives=filter_drives)
    return {"items": claim_dicts(session, rows), "next_cursor": next_cursor}


def get_claim(session: Session, claim_id: int) -> Claim:
    """The claim, following merges to the claim it now lives in; 404 when unknown."""
    claim = session.get(Claim, claim_id)
    seen = set()
    while claim is not None and claim.merged_into_id is not None and claim.id not in seen:
        seen.add(claim.id)
        claim = session.get(Claim, claim.merged_into_id)
    if claim is None or claim.mention_count == 0:
        raise NotFound(f"No claim with id {claim_id}.")
    return claim


def _reports(rows) -> dict[int, dict]:
    """(mention, article, outlet) rows, in order of publication → outlet id → {outlet, mentions}."""
    groups: dict[int, dict] = {}
    for mention, article, outlet in rows:
        group = groups.setdefault(outlet.id, {"outlet": outlet, "mentions": []})
        group["mentions"].append(Report(mention, article))
    return groups


# The statements every claim detail runs, built once (building and keying them cost more Python
# than running them); ``claim_id`` is bound at each call.
_REPORTS = (select(Mention, Article, Outlet).join(Article, Article.id == Mention.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id).where(Mention.claim_id == bindparam("claim_id"))
            .order_by(Article.published_at, Article.outlet_id, Mention.id))
_LIVE_DISAGREEMENTS = (select(Disagreement).where(Disagreement.claim_id == bindparam("claim_id"),
                                                   Disagreement.dismissed_at.is_(None)).order_by(Disagreement.id))
_CLAIM_ID = bindparam("claim_id")
_MODIFIED = select(
    select(Claim.created_at).where(Claim.id == _CLAIM_ID).scalar_subquery(),
    select(func.max(Mention.created_at)).where(Mention.claim_id == _CLAIM_ID).scalar_subquery(),
    select(func.max(Disagreement.created_at)).where(Disagreement.claim_id == _CLAIM_ID).scalar_subquery(),
    select(func.max(Disagreement.dismissed_at)).where(Disagreement.claim_id == _CLAIM_ID).scalar_subquery(),
    select(func.max(CurationEvent.created_at)).where(CurationEvent.claim_id == _CLAIM_ID).scalar_subquery())


def claim_outlets(session: Session, claim_id: int, args: dict | None = None) -> dict:
    """The outlets reporting the claim, each with its mentions and their articles, in order of
    each outlet's first report (ties: by outlet id): ``{items, next_cursor}``, one page after
    ``args``' cursor, or all of them (one query) when ``args`` is None, for the claim's detail."""
    params = {"claim_id": claim_id}
    if args is None:
        return {"items": list(_reports(session.exec(_REPORTS, params=params).all()).values()), "next_cursor": None}
    stmt = select(ClaimOutlet).where(ClaimOutlet.claim_id == claim_id)
    rows, next_cursor = pagination_sql.keyset(session, stmt, ClaimOutlet, ClaimOutlet.first_seen, "first_seen",
                                              args, nulls=False, id_column=ClaimOutlet.outlet_id)
    ids = [r.outlet_id for r in rows]
    groups = _reports(session.exec(_REPORTS.where(Article.outlet_id.in_(ids)), params=params).all()) if ids else {}
    return {"items": [groups[i] for i in ids if i in groups], "next_cursor": next_cursor}


def slug_map(session: Session, rows: list[Disagreement]) -> dict[int, str]:
    """Outlet id → slug for the outlets of these disagreements."""
    ids = {d.outlet_a_id for d in rows} | {d.outlet_b_id for d in rows}
    return dict(session.exec(select(Outlet.id, Outlet.slug).where(Outlet.id.in_(ids))).all()) if ids else {}


def claim_disagreements(session: Session, claim_id: int, args: dict | None = None) -> dict:
    """One page of the claim's disagreements, oldest first (``args``: ``kind``,
    ``include_dismissed``, ``limit``, ``cursor``; every undismissed one when None)."""
    if args is None:  # (every undismissed one, for the detail)
        rows = list(session.exec(_LIVE_DISAGREEMENTS, params={"claim_id": claim_id}).all())
        slugs = slug_map(session, rows)
        return {"items": [DisagreementView(d, slugs) for d in rows], "next_cursor": None}
    stmt = select(Disagreement).where(Disagreement.claim_id == claim_id)
    if args.get("kind"):
        stmt = stmt.where(Disagreement.kind == args["kind"])
    if not args.get("include_dismissed"):
        stmt = stmt.where(Disagreement.dismissed_at.is_(None))
    rows, next_cursor = pagination_sql.keyset(session, stmt, Disagreement, None, "id", args)
    slugs = slug_map(session, rows)
    return {"items": [DisagreementView(d, slugs) for d in rows], "next_cursor": next_cursor}


def claim_detail(session: Session, claim_id: int) -> dict:
    """A claim, the outlets that report it (with mentions and articles) and its disagreements."""
    claim = get_claim(session, claim_id)
    disagreements = claim_disagreements(session, claim.id)["items"]
    by_kind: dict[str, int] = defaultdict(int)
    for d in disagreements:
        by_kind[d.kind] += 1
    first = session.get(Outlet, claim.first_outlet_id) if claim.first_outlet_id else None
    out = claim_view(claim, first, dict(by_kind))
    out["outlets"] = claim_outlets(session, claim.id)["items"]
    out["disagreements"] = disagreements
    return out


def claim_modified(session: Session, claim_id: int) -> datetime:
    """When the claim last changed: its creation, its latest mention or disagreement (made or
    dismissed), or a curation event about it, whichever is latest (one query)."""
    times = session.exec(_MODIFIED, params={"claim_id": claim_id}).one()
    return max(aware(_as_datetime(t)) for t in times if t is not None)


def _as_datetime(value) -> datetime:
    """A time from a scalar subquery (SQLite hands back its stored text)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def aware(moment: datetime) -> datetime:
    """A stored time as aware UTC (SQLite hands back naive ones)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
