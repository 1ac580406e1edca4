"""Outlets: listing with what each reported, and side-by-side comparison of two outlets."""
from __future__ import annotations

from sqlalchemy import and_, exists, func, or_
from sqlmodel import Session, select

from schemas.outlets import COMPARE_PARTS

from ..errors import NotFound
from ..models import LIVE_CLAIM, Article, Claim, ClaimOutlet, Disagreement, Outlet
from . import pagination_sql
from .claims import claim_dicts, slug_map
from .present import DisagreementView, OutletStats


def _stats(session: Session, outlets: list[Outlet]) -> list[OutletStats]:
    ids = [o.id for o in outlets]
    if not ids:
        return []
    articles = dict(session.exec(select(Article.outlet_id, func.count(Article.id))
                                 .where(Article.outlet_id.in_(ids)).group_by(Article.outlet_id)).all())
    claims = dict(session.exec(select(ClaimOutlet.outlet_id, func.count(ClaimOutlet.claim_id))
                               .where(ClaimOutlet.outlet_id.in_(ids)).group_by(ClaimOutlet.outlet_id)).all())
    live = Disagreement.dismissed_at.is_(None)
    as_a = dict(session.exec(select(Disagreement.outlet_a_id, func.count(Disagreement.id))
                             .where(Disagreement.outlet_a_id.in_(ids), live).group_by(Disagreement.outlet_a_id)).all())
    # Counted on the b side only when a is another outlet, so no disagreement counts twice.
    as_b = dict(session.exec(select(Disagreement.outlet_b_id, func.count(Disagreement.id))
                             .where(Disagreement.outlet_b_id.in_(ids), Disagreement.outlet_a_id != Disagreement.outlet_b_id,
                                    live).group_by(Disagreement.outlet_b_id)).all())
    return [OutletStats(o, articles.get(o.id, 0), claims.get(o.id, 0), as_a.get(o.id, 0) + as_b.get(o.id, 0))
            for o in outlets]


def list_outlets(session: Session, args: dict) -> dict:
    """Outlets in slug order."""
    rows, next_cursor = pagination_sql.keyset(session, select(Outlet), Outlet, Outlet.slug, "slug", args)
    return {"items": _stats(session, rows), "next_cursor": next_cursor}


def get_outlet(session: Session, slug: str) -> Outlet:
    """The outlet with this slug; 404 when unknown."""
    outlet = session.exec(select(Outlet).where(Outlet.slug == slug)).first()
    if outlet is None:
        raise NotFound(f"No outlet with slug {slug!r}.")
    return outlet


def outlet_detail(session: Session, slug: str) -> OutletStats:
    """One outlet with its counts."""
    return _stats(session, [get_outlet(session, slug)])[0]


def _on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _compare_filters(a: Outlet, b: Outlet, sqlite: bool) -> dict[str, list]:
    """Each claim list of a comparison as conditions on live claims, each driven by one outlet's
    claims (the claim–outlet index), so that its cost follows that outlet's size, not the store's."""
    ids_a, ids_b = (select(ClaimOutlet.claim_id).where(ClaimOutlet.outlet_id == o.id) for o in (a, b))
    in_a, in_b = Claim.id.in_(ids_a), Claim.id.in_(ids_b)
    # "not reported by": PostgreSQL answers NOT IN (subquery) by testing every claim in the store
    # against the other's ids, so there it is NOT EXISTS (a probe of the claim–outlet key per
    # claim); SQLite reads the other's ids once into a temporary index for NOT IN, the faster.
    if sqlite:
        not_a, not_b = Claim.id.not_in(ids_a), Claim.id.not_in(ids_b)
    else:
        not_a, not_b = (~exists().where(ClaimOutlet.claim_id == Claim.id, ClaimOutlet.outlet_id == o.id)
                        for o in (a, b))
    filters = {"both": [in_a, in_b], "only_a": [in_a, not_b], "only_b": [in_b, not_a]}
    return {part: filters[part] for part in COMPARE_PARTS}


def _pair(a: Outlet, b: Outlet):
    """Undismissed disagreements between the two outlets (either way round)."""
    return and_(or_((Disagreement.outlet_a_id == a.id) & (Disagreement.outlet_b_id == b.id),
                    (Disagreement.outlet_a_id == b.id) & (Disagreement.outlet_b_id == a.id)),
                Disagreement.dismissed_at.is_(None))


def _listing(part: str, a: Outlet, b: Outlet) -> str:
    """The cursor listing of one part of one comparison (a cursor continues only that list)."""
    return f"{'-last_seen' if part in COMPARE_PARTS else 'id'}|{part}|{a.id}|{b.id}"


def compare_claims(session: Session, a: Outlet, b: Outlet, part: str, args: dict) -> dict:
    """One page of one claim list of a comparison, latest first: ``{items, next_cursor}``."""
    stmt = select(Claim).where(LIVE_CLAIM, *_compare_filters(a, b, _on_sqlite(session))[part])
    rows, next_cursor = pagination_sql.keyset(session, stmt, Claim, Claim.last_seen, _listing(part, a, b), args,
                                              nulls=False, filter_drives=True)  # one outlet's claims, sorted
    return {"items": claim_dicts(session, rows), "next_cursor": next_cursor}


def compare_disagreements(session: Session, a: Outlet, b: Outlet, args: dict) -> dict:
    """One page of the disagreements between the two outlets, oldest first."""
    rows, next_cursor = pagination_sql.keyset(session, select(Disagreement).where(_pair(a, b)), Disagreement, None,
                                              _listing("disagreements", a, b), args)
    slugs = slug_map(session, rows)
    return {"items": [DisagreementView(d, slugs) for d in rows], "next_cursor": next_cursor}


def compare(session: Session, a_slug: str, b_slug: str, limit: int) -> dict:
    """Claims both outlets report, claims only one reports, and where the two disagree: the first
    ``limit`` of each list, how many each holds, and the cursor that continues each one
    (``/v1/outlets/compare/claims`` and ``/v1/outlets/compare/disagreements``)."""
    a, b = get_outlet(session, a_slug), get_outlet(session, b_slug)
    out: dict = {"a": a, "b": b}
    cursors, counts = {}, {}
    for part, conditions in _compare_filters(a, b, _on_sqlite(session)).items():
        page = compare_claims(session, a, b, part, {"limit": limit})
        out[part], cursors[part] = page["items"], page["next_cursor"]
        counts[part] = session.exec(select(func.count(Claim.id)).where(LIVE_CLAIM, *conditions)).one()
    page = compare_disagreements(session, a, b, {"limit": limit})
    out["disagreements"], cursors["disagreements"] = page["items"], page["next_cursor"]
    counts["disagreements"] = session.exec(select(func.count(Disagreement.id)).where(_pair(a, b))).one()
    return {**out, "counts": counts, "next_cursors": cursors}
