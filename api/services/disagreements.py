"""Disagreements: filtered listing and dismissal by a fact-checker."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_
from sqlmodel import Session, select

from ..errors import NotFound
from ..models import CurationEvent, Disagreement, Outlet, utcnow
from . import pagination_sql
from .claim_stats import refresh_claims
from .claims import aware, slug_map
from .present import DisagreementView


def list_disagreements(session: Session, args: dict) -> dict:
    """Disagreements in detection order (oldest first), filtered by kind, outlet, claim, since."""
    stmt = select(Disagreement)
    if not args.get("include_dismissed"):
        stmt = stmt.where(Disagreement.dismissed_at.is_(None))
    if args.get("kind"):
        stmt = stmt.where(Disagreement.kind == args["kind"])
    if args.get("claim"):
        stmt = stmt.where(Disagreement.claim_id == args["claim"])
    if args.get("since"):
        stmt = stmt.where(Disagreement.created_at >= args["since"])
    if args.get("outlet"):
        outlet = session.exec(select(Outlet).where(Outlet.slug == args["outlet"])).first()
        if outlet is None:
            return {"items": [], "next_cursor": None}
        stmt = stmt.where(or_(Disagreement.outlet_a_id == outlet.id, Disagreement.outlet_b_id == outlet.id))
    rows, next_cursor = pagination_sql.keyset(session, stmt, Disagreement, None, "id", args)
    slugs = slug_map(session, rows)
    return {"items": [DisagreementView(d, slugs) for d in rows], "next_cursor": next_cursor}


def get_disagreement(session: Session, disagreement_id: int) -> tuple[DisagreementView, datetime]:
    """One disagreement and when it last changed (made or dismissed); 404 when unknown."""
    row = session.get(Disagreement, disagreement_id)
    if row is None:
        raise NotFound(f"No disagreement with id {disagreement_id}.")
    return DisagreementView(row, slug_map(session, [row])), aware(row.dismissed_at or row.created_at)


def dismiss(session: Session, disagreement_id: int, actor: str, reason: str | None) -> DisagreementView:
    """Hide a disagreement for good (it is kept, so detection never creates it again)."""
    row = session.get(Disagreement, disagreement_id)
    if row is None:
        raise NotFound(f"No disagreement with id {disagreement_id}.")
    if row.dismissed_at is None:
        row.dismissed_at, row.dismissed_by, row.dismiss_reason = utcnow(), actor, reason
        session.add(row)
        session.add(CurationEvent(actor=actor, action="dismiss_disagreement", claim_id=row.claim_id,
                                  disagreement_id=row.id, detail={"reason": reason, "kind": row.kind}))
        refresh_claims(session, [row.claim_id])
    return DisagreementView(row, slug_map(session, [row]))
