"""Ingests that overlap: matching runs before the write lock, so what another request stored
while an article was being matched must still be taken into account before it is written."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from sqlmodel import select

from api.db import UnitOfWork
from api.models import Article, Claim, Mention
from api.services import articles as articles_service
from api.services.articles import ingest

SENTENCE = "The health ministry said 111 hostages remain in Gaza after the latest round of talks."


def _data(domain: str, text: str, url: str | None = None) -> dict:
    return {"outlet": {"name": domain.split(".")[0].title(), "domain": domain},
            "url": url or f"https://{domain}/news/1", "title": "Hostage talks",
            "published_at": datetime(2024, 8, 19, 12, tzinfo=timezone.utc), "language": "en", "text": text}


def _parts(app):
    ext = app.extensions["claimtrack"]
    return ext["engine"], ext["components"], ext["settings"]


def _with_other_request_meanwhile(monkeypatch, engine, comps, settings, other: dict) -> None:
    """Make the next plan finish only after ``other`` has been ingested and committed by
    another unit of work (as a concurrent request would)."""
    real = articles_service.plan_mentions

    def plan_then_other(*args, **kwargs):
        plan = real(*args, **kwargs)
        monkeypatch.setattr(articles_service, "plan_mentions", real)
        with UnitOfWork(engine) as uow:
            ingest(uow.session, comps, settings, other)
        return plan

    monkeypatch.setattr(articles_service, "plan_mentions", plan_then_other)


def test_a_claim_stored_while_an_article_was_matched_is_joined(app, monkeypatch):
    engine, comps, settings = _parts(app)
    _with_other_request_meanwhile(monkeypatch, engine, comps, settings, _data("beta.org", SENTENCE))
    with UnitOfWork(engine) as uow:
        detail, created = ingest(uow.session, comps, settings, _data("alpha.com", SENTENCE))
    assert created
    with UnitOfWork(engine) as uow:
        claims = uow.session.exec(select(Claim)).all()
        mentions = uow.session.exec(select(Mention)).all()
    assert len(mentions) == 2
    assert len(claims) == 1, "the two reports of one claim must make one claim"
    assert claims[0].outlet_count == 2 and claims[0].mention_count == 2
    assert detail.mentions[0].claim_id == claims[0].id


def test_an_unrelated_article_stored_meanwhile_changes_nothing(app, monkeypatch):
    engine, comps, settings = _parts(app)
    other = _data("beta.org", "Heavy rain closed dozens of schools across Ohio and Kentucky on Tuesday.")
    _with_other_request_meanwhile(monkeypatch, engine, comps, settings, other)
    with UnitOfWork(engine) as uow:
        ingest(uow.session, comps, settings, _data("alpha.com", SENTENCE))
    with UnitOfWork(engine) as uow:
        assert len(uow.session.exec(select(Claim)).all()) == 2


def test_the_same_url_stored_meanwhile_answers_the_stored_article(app, monkeypatch):
    engine, comps, settings = _parts(app)
    data = _data("alpha.com", SENTENCE)
    _with_other_request_meanwhile(monkeypatch, engine, comps, settings, dict(data))
    with UnitOfWork(engine) as uow:
        detail, created = ingest(uow.session, comps, settings, dict(data))
    assert not created
    with UnitOfWork(engine) as uow:
        assert len(uow.session.exec(select(Article)).all()) == 1
        assert detail.id == uow.session.exec(select(Article.id)).one()


def test_articles_ingested_side_by_side_make_one_claim(app):
    engine, comps, settings = _parts(app)
    domains = [f"outlet{i}.example" for i in range(6)]
    errors: list[BaseException] = []

    def worker(mine: list[str]) -> None:
        try:
            for domain in mine:
                with UnitOfWork(engine) as uow:
                    ingest(uow.session, comps, settings, _data(domain, SENTENCE))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(domains[i::3],)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with UnitOfWork(engine) as uow:
        claims = uow.session.exec(select(Claim)).all()
    assert len(claims) == 1 and claims[0].outlet_count == 6 and claims[0].mention_count == 6
