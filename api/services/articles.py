"""Articles: ingest (extract, match, then under the write lock store and detect — one
transaction), read and list."""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from sqlalchemy import func
from sqlmodel import Session, select

from ..config import Settings
from ..db import take_write_lock
from ..errors import Conflict, Invalid, NotFound
from ..models import Article, Claim, ClaimOutlet, Mention, MentionVector, Outlet, utcnow
from ..pipeline.extract import language_note
from ..pipeline.types import ExtractedMention
from ..storage.bulk import insert_many, insert_rows
from . import pagination_sql
from .claim_stats import add_article_mentions, claim_kind, claim_speaker
from .components import Components
from .identity import content_hash, normalise_domain, normalise_url, slug_for_domain
from .detection import detect_for_article
from .curation import curated_since_plan
from .matching import Placement, place_mentions, plan_mentions, settle_plan
from .mentions import NewMention, StoredMention, new_mentions
from .search import count_terms
from .vectors import vector_rows
from .present import ArticleView

CLIENT = "client"


def find_outlet(session: Session, domain: str) -> Outlet | None:
    """The stored outlet with this domain, if any."""
    return session.exec(select(Outlet).where(Outlet.domain == normalise_domain(domain))).first()


def get_or_create_outlet(session: Session, name: str, domain: str) -> Outlet:
    """The outlet with this domain, created (with a unique slug) when new."""
    outlet = find_outlet(session, domain)
    if outlet:
        return outlet
    domain = normalise_domain(domain)
    base = slug = slug_for_domain(domain)
    n = 1
    while session.exec(select(Outlet.id).where(Outlet.slug == slug)).first() is not None:
        n += 1
        slug = f"{base}-{n}"
    outlet = Outlet(slug=slug, name=name.strip(), domain=domain)
    session.add(outlet)
    session.flush()
    return outlet


def _client_mentions(text: str, claims: list[dict], limit: int) -> list[ExtractedMention]:
    if len(claims) > limit:
        raise Invalid(f"At most {limit} claims per article.", errors={"claims": [f"Longer than {limit}."]})
    out, errors = [], {}
    for i, c in enumerate(claims):
        start, end = c["start"], c["end"]
        if end > len(text):
            errors[f"claims.{i}.end"] = [f"Beyond the end of the text ({len(text)} characters)."]
            continue
        if c.get("text") is not None and c["text"] != text[start:end]:
            errors[f"claims.{i}.text"] = ["Must equal text[start:end]."]
            continue
        is_quote = bool(c.get("is_quote"))
        out.append(ExtractedMention(start=start, end=end, text=text[start:end], is_quote=is_quote,
                                    speaker=c.get("speaker"), kind="quotation" if is_quote else "statement",
                                    checkworthiness=None,
                                    quote_spans=((start, end),) if is_quote else ()))
    if errors:
        raise Invalid("Some claims do not fit the article text.", errors=errors)
    return out


def ingest(session: Session, comps: Components, settings: Settings, data: dict) -> tuple[ArticleView, bool]:
    """Store an article with its mentions, matched to claims, with disagreements detected.

    Returns (article detail dict, created). The same URL with the same text answers the stored
    article (created False); with another text it is a 409 conflict.
    """
    text = data["text"]
    if len(text) > settings.max_article_chars:
        raise Invalid(f"The article text is longer than {settings.max_article_chars} characters.",
                      errors={"text": [f"Longer than {settings.max_article_chars} characters."]})
    url = normalise_url(data["url"])
    digest = content_hash(text)
    stored = _stored_article(session, url, digest)
    if stored is not None:
        return stored, False

    notes: tuple[str, ...] = ()
    if data.get("claims") is not None:
        extracted = _client_mentions(text, data["claims"], settings.max_claims_per_article)
        extractor, version, attribution = CLIENT, None, True
    else:
        result = comps.extract(text, language=data.get("language") or "en", title=data["title"])
        extracted = result.mentions[: settings.max_claims_per_article]
        extractor, version, attribution, notes = result.extractor, result.version, result.attribution, result.notes

    # Matching only reads, so concurrent ingests match side by side; the writes are serialised,
    # and what another request stored meanwhile is taken into account before writing.
    news = new_mentions(extracted, comps.embedder.embed([em.text for em in extracted])
                        if comps.embedder is not None and extracted else None, data["published_at"])
    plan = plan_mentions(session, comps, settings, news, published=data["published_at"])
    outlet = find_outlet(session, data["outlet"]["domain"])  # (outlets are never deleted)
    take_write_lock(session)
    stored = _stored_article(session, url, digest)  # the same URL, stored by a concurrent request
    if stored is not None:
        return stored, False
    placements = settle_plan(session, comps, settings, plan)
    if curated_since_plan(session, placements):  # a claim it joins was merged or emptied meanwhile
        placements = place_mentions(session, comps, settings, plan.mentions)

    if outlet is None:
        outlet = get_or_create_outlet(session, data["outlet"]["name"], data["outlet"]["domain"])
    article = Article(outlet_id=outlet.id, url=url, title=data["title"], published_at=data["published_at"],
                      language=data.get("language") or "en", text=text, content_hash=digest,
                      extractor=extractor, extractor_version=version or "-", attribution=attribution)
    session.add(article)
    session.flush()
    mentions = store_mentions(session, comps, settings, article, extracted, extractor, version, placements,
                              plan.keysets, plan.mentions)
    mentions = sorted(mentions, key=lambda m: (m.start, m.id))  # as article_detail orders them
    return ArticleView(article, outlet, len(mentions), mentions, list(notes)), True


def _stored_article(session: Session, url: str, digest: str) -> ArticleView | None:
    """The stored article with this URL (its detail), None when there is none; a 409 conflict
    when it is stored with another text."""
    existing = session.exec(select(Article.id, Article.content_hash).where(Article.url == url)).first()
    if existing is None:
        return None
    article_id, content_hash_ = existing
    if content_hash_ != digest:
        raise Conflict(f"An article with this URL is already stored with another text (article {article_id}).",
                       article_id=article_id)
    return article_detail(session, article_id)


def store_mentions(session: Session, comps: Components, settings: Settings, article: Article,
                   extracted: list[ExtractedMention], provenance: str, version: str | None,
                   placements: list[Placement], keysets: list[set[str]],
                   news: list[NewMention]) -> list[StoredMention]:
    """Store an article's mentions in the claims ``placements`` give (the caller holds the write
    lock), creating new claims in bulk, count their words for retrieval (``keysets``: their index
    keys), store their vectors (``news``: the mentions the plan matched, each view carrying the
    mention's embedding or None; ``mention_vector``), and detect disagreements where a mention
    joined a stored claim (with the plan's views). Returns the stored mentions (``MentionSchema``
    dumps them)."""
    conn = session.connection()
    now = utcnow()
    # Claims started by this article: all their mentions are here, so their fields are known.
    members: dict[int, list[ExtractedMention]] = defaultdict(list)
    for em, p in zip(extracted, placements):
        if p.is_new:
            members[p.claim].append(em)
    refs = sorted(members, reverse=True)  # -1, -2, ... in the order the claims were started
    claim_ids: dict[int, int] = {}
    if refs:
        rows = []
        for ref in refs:
            ms = members[ref]
            rows.append({"text": ms[0].text,
                         "kind": claim_kind(m.kind for m in ms), "speaker": claim_speaker(m.speaker for m in ms),
                         "mention_count": len(ms), "outlet_count": 1, "disagreement_count": 0,
                         "first_seen": article.published_at, "last_seen": article.published_at,
                         "first_outlet_id": article.outlet_id, "merged_into_id": None, "created_at": now})
        claim_ids = dict(zip(refs, insert_rows(conn, Claim.__table__, rows)))
        insert_many(conn, ClaimOutlet.__table__, [
            {"claim_id": claim_ids[ref], "outlet_id": article.outlet_id, "mention_count": len(members[ref]),
             "first_seen": article.published_at} for ref in refs])
    mt = Mention.__table__
    mention_rows = [{"article_id": article.id, "claim_id": claim_ids.get(p.claim, p.claim), "start": em.start,
                     "end": em.end, "text": em.text, "is_quote": em.is_quote, "speaker": em.speaker,
                     "speaker_role": em.speaker_role, "kind": em.kind, "checkworthiness": em.checkworthiness,
                     "quote_spans": [list(s) for s in em.quote_spans], "provenance": provenance,
                     "provenance_version": version, "match_score": p.score, "pinned": False, "created_at": now}
                    for em, p in zip(extracted, placements)]
    if not mention_rows:
        return []
    mention_ids = insert_rows(conn, mt, mention_rows)
    count_terms(conn, [em.text for em in extracted], keysets)
    with_vector = [(mid, n.vector) for mid, n in zip(mention_ids, news) if n.vector is not None]
    if with_vector:
        insert_many(conn, MentionVector.__table__, vector_rows(
            [mid for mid, _ in with_vector], article.published_at, np.stack([v for _, v in with_vector])))
    stored = [StoredMention.of_inserted(mid, row, article.outlet_id, article.published_at, n.view)
              for mid, row, n in zip(mention_ids, mention_rows, news)]
    # a new claim has no mention from another article to compare with: only joined ones are
    joined = [m for m, p in zip(stored, placements) if not p.is_new]
    detect_for_article(session, comps, article, joined, settings.detect_against)
    by_claim: dict[int, list[StoredMention]] = defaultdict(list)
    for m in joined:
        by_claim[m.claim_id].append(m)
    add_article_mentions(session, article, by_claim)
    return stored


def article_detail(session: Session, article_id: int) -> ArticleView:
    """An article with its text and mentions."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    outlet = session.get(Outlet, article.outlet_id)
    mentions = session.exec(select(Mention).where(Mention.article_id == article_id)
                            .order_by(Mention.start, Mention.id)).all()
    return ArticleView(article, outlet, len(mentions), list(mentions),
                       [] if article.attribution else [language_note(article.language)])


def list_articles(session: Session, args: dict) -> dict:
    """Articles, newest first, optionally of one outlet."""
    stmt = select(Article, Outlet).join(Outlet, Outlet.id == Article.outlet_id)
    if args.get("outlet"):
        stmt = stmt.where(Outlet.slug == args["outlet"])
    rows, next_cursor = pagination_sql.keyset(session, stmt, Article, Article.published_at, "-published_at", args,
                                                entity=lambda row: row[0])
    counts = dict(session.exec(select(Mention.article_id, func.count(Mention.id))
                               .where(Mention.article_id.in_([a.id for a, _ in rows]))
                               .group_by(Mention.article_id)).all()) if rows else {}
    return {"items": [ArticleView(a, o, counts.get(a.id, 0)) for a, o in rows],
            "next_cursor": next_cursor}
