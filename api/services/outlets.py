"""Outlets: listing with what each reported, and side-by-side comparison of two outlets."""
from __future__ import annotations

from sqlalchemy import func, or_
from sqlmodel import Session, select

from ..errors import NotFound
from ..models import Article, Claim, ClaimOutlet, Disagreement, Outlet
from . import pagination_sql
from .claims import claim_dicts, slug_map
from .present import disagreement_dict, outlet_dict


def _stats(session: Session, outlets: list[Outlet]) -> list[dict]:
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
    return [dict(outlet_dict(o), article_count=articles.get(o.id, 0), claim_count=claims.get(o.id, 0),
                 disagreement_count=as_a.get(o.id, 0) + as_b.get(o.id, 0)) for o in outlets]


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


def outlet_detail(session: Session, slug: str) -> dict:
    """One outlet with its counts."""
    return _stats(session, [get_outlet(session, slug)])[0]


def compare(session: Session, a_slug: str, b_slug: str, limit: int) -> dict:
    """Claims both outlets report, claims only one reports, and where the two disagree."""
    a, b = get_outlet(session, a_slug), get_outlet(session, b_slug)
    in_a = select(ClaimOutlet.claim_id).where(ClaimOutlet.outlet_id == a.id)
    in_b = select(ClaimOutlet.claim_id).where(ClaimOutlet.outlet_id == b.id)
    base = select(Claim).where(Claim.merged_into_id.is_(None)).order_by(Claim.last_seen.desc(), Claim.id.desc())
    count = select(func.count(Claim.id)).where(Claim.merged_into_id.is_(None))
    both_q = [Claim.id.in_(in_a), Claim.id.in_(in_b)]
    only_a_q = [Claim.id.in_(in_a), Claim.id.not_in(in_b)]
    only_b_q = [Claim.id.in_(in_b), Claim.id.not_in(in_a)]
    pair = or_((Disagreement.outlet_a_id == a.id) & (Disagreement.outlet_b_id == b.id),
               (Disagreement.outlet_a_id == b.id) & (Disagreement.outlet_b_id == a.id))
    dis = session.exec(select(Disagreement).where(pair, Disagreement.dismissed_at.is_(None))
                       .order_by(Disagreement.id).limit(limit)).all()
    slugs = slug_map(session, dis)
    return {
        "a": outlet_dict(a), "b": outlet_dict(b),
        "both": claim_dicts(session, session.exec(base.where(*both_q).limit(limit)).all()),
        "only_a": claim_dicts(session, session.exec(base.where(*only_a_q).limit(limit)).all()),
        "only_b": claim_dicts(session, session.exec(base.where(*only_b_q).limit(limit)).all()),
        "disagreements": [disagreement_dict(d, slugs) for d in dis],
        "counts": {"both": session.exec(count.where(*both_q)).one(),
                   "only_a": session.exec(count.where(*only_a_q)).one(),
                   "only_b": session.exec(count.where(*only_b_q)).one(),
                   "disagreements": session.exec(select(func.count(Disagreement.id))
                                                 .where(pair, Disagreement.dismissed_at.is_(None))).one()},
    }
