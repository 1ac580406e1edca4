"""Articles: ingest (store, extract, match, detect — one transaction), read and list."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from ..errors import Conflict, Invalid, NotFound
from ..models import Article, Mention, Outlet
from ..pipeline.types import ExtractedMention
from . import pagination_sql
from .claim_stats import refresh_claims
from .components import Components
from .identity import content_hash, normalise_domain, normalise_url, slug_for_domain
from .matching import assign_claim, detect_for_mention
from .present import article_dict, mention_dict

CLIENT = "client"


def get_or_create_outlet(session: Session, name: str, domain: str) -> Outlet:
    """The outlet with this domain, created (with a unique slug) when new."""
    domain = normalise_domain(domain)
    outlet = session.exec(select(Outlet).where(Outlet.domain == domain)).first()
    if outlet:
        return outlet
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


def ingest(session: Session, comps: Components, settings: dict, data: dict) -> tuple[dict, bool]:
    """Store an article with its mentions, matched to claims, with disagreements detected.

    Returns (article detail dict, created). The same URL with the same text answers the stored
    article (created False); with another text it is a 409 conflict.
    """
    text = data["text"]
    if len(text) > settings["MAX_ARTICLE_CHARS"]:
        raise Invalid(f"The article text is longer than {settings['MAX_ARTICLE_CHARS']} characters.",
                      errors={"text": [f"Longer than {settings['MAX_ARTICLE_CHARS']} characters."]})
    url = normalise_url(data["url"])
    digest = content_hash(text)
    existing = session.exec(select(Article).where(Article.url == url)).first()
    if existing is not None:
        if existing.content_hash != digest:
            raise Conflict(f"An article with this URL is already stored with another text (article {existing.id}).",
                           article_id=existing.id)
        return article_detail(session, existing.id), False

    outlet = get_or_create_outlet(session, data["outlet"]["name"], data["outlet"]["domain"])
    notes: tuple[str, ...] = ()
    if data.get("claims") is not None:
        extracted = _client_mentions(text, data["claims"], settings["MAX_CLAIMS_PER_ARTICLE"])
        extractor, version, attribution = CLIENT, None, True
    else:
        result = comps.extract(text, language=data.get("language") or "en", title=data["title"])
        extracted = result.mentions[: settings["MAX_CLAIMS_PER_ARTICLE"]]
        extractor, version, attribution, notes = result.extractor, result.version, result.attribution, result.notes

    article = Article(outlet_id=outlet.id, url=url, title=data["title"], published_at=data["published_at"],
                      language=data.get("language") or "en", text=text, content_hash=digest,
                      extractor=extractor, extractor_version=version or "-", attribution=attribution)
    session.add(article)
    session.flush()
    touched = set()
    for em in extracted:
        mention = Mention(article_id=article.id, start=em.start, end=em.end, text=em.text,
                          is_quote=em.is_quote, speaker=em.speaker, speaker_role=em.speaker_role,
                          kind=em.kind, checkworthiness=em.checkworthiness,
                          quote_spans=[list(s) for s in em.quote_spans],
                          provenance=extractor, provenance_version=version)
        claim_id, is_new = assign_claim(session, comps, mention, settings)
        if not is_new:  # a new claim has no other mention to compare with
            detect_for_mention(session, comps, mention, settings["DETECT_AGAINST"])
        touched.add(claim_id)
    refresh_claims(session, touched)
    detail = article_detail(session, article.id)
    detail["notes"] = list(notes)
    return detail, True


def article_detail(session: Session, article_id: int) -> dict:
    """An article with its text and mentions."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    outlet = session.get(Outlet, article.outlet_id)
    mentions = session.exec(select(Mention).where(Mention.article_id == article_id)
                            .order_by(Mention.start, Mention.id)).all()
    out = article_dict(article, outlet, mention_count=len(mentions))
    out["text"] = article.text
    out["mentions"] = [mention_dict(m) for m in mentions]
    out["notes"] = [] if article.attribution else ["Speakers were not looked for in this language."]
    return out


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
    return {"items": [article_dict(a, o, mention_count=counts.get(a.id, 0)) for a, o in rows],
            "next_cursor": next_cursor}
