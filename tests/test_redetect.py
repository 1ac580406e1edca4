"""``claimtrack redetect``: stored disagreements recomputed with the current detectors."""
from __future__ import annotations

from click.testing import CliRunner
from sqlmodel import Session, create_engine, select

from api.cli import main
from api.models import Disagreement
from api.pipeline.disagree import DETECTOR_VERSION


def _run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_redetect_keeps_dismissals_and_drops_stale(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_DIR", str(tmp_path))
    _run("seed")
    engine = create_engine(database_url)
    with Session(engine) as session:
        found = session.exec(select(Disagreement).order_by(Disagreement.id)).all()
        assert len(found) >= 2
        dismissed, live = found[0], found[1]
        dismissed.dismissed_at, dismissed.dismissed_by = live.created_at, "alice"
        dismissed.explanation = "as dismissed"
        stale = Disagreement(**{**live.model_dump(exclude={"id", "created_at"}), "kind": "time",
                                "explanation": "an old detector's mistake", "detector_version": "disagree-0"})
        session.add_all([dismissed, stale])
        session.commit()
        kept_id, live_key, stale_id = dismissed.id, (live.mention_a_id, live.mention_b_id, live.kind), stale.id
    out = _run("redetect", "--batch", "1")
    assert "redetected claims=" in out and "removed=" in out
    with Session(engine) as session:
        rows = session.exec(select(Disagreement)).all()
        by_id = {d.id: d for d in rows}
        assert stale_id not in by_id                                  # stale one removed
        assert by_id[kept_id].dismissed_by == "alice"                 # dismissal kept as it was
        assert by_id[kept_id].explanation == "as dismissed"
        again = [d for d in rows if (d.mention_a_id, d.mention_b_id, d.kind) == live_key]
        assert len(again) == 1 and again[0].detector_version == DETECTOR_VERSION  # found again
        keys = [(d.mention_a_id, d.mention_b_id, d.kind) for d in rows]
        assert len(keys) == len(set(keys))                            # the dismissed one not duplicated
    engine.dispose()
