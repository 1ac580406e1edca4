"""The ``claimtrack`` command: database, seeds, ingest, keys, serving and the contract."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from marshmallow import ValidationError

from .config import PROJECT_ROOT, Settings, child_environment, exit_on_bad_settings


def _settings() -> Settings:
    """The settings read (and checked) when the command started."""
    return click.get_current_context().find_root().obj


def _app():
    from . import create_app

    return create_app(settings=_settings())


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """claimtrack: which outlets report each claim, and where they disagree."""
    # Every command starts by reading the settings: a bad value is one line each and exit status 2.
    ctx.obj = exit_on_bad_settings()


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Migrate the database (DATABASE_URL, default a SQLite file under instance/)."""
    from .migrate import upgrade

    url = _settings().database_url
    upgrade(url, revision)
    click.echo(f"database at {revision}: {_redact(url)}")


@db.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION (``base`` empties it)."""
    from .migrate import downgrade

    downgrade(_settings().database_url, revision)
    click.echo(f"database at {revision}")


def _redact(url: str) -> str:
    import re

    return re.sub(r"//([^:/@]+):[^@]+@", r"//\1:***@", url)


def ingest_paths(paths, *, quiet: bool = False) -> dict:
    """Ingest every article found at ``paths``, one transaction each; returns the summary."""
    from tqdm import tqdm

    from schemas.articles import ArticleCreateSchema

    from .errors import ApiError
    from .ingest_files import FileProblem, records
    from .runtime import tune_gc
    from .services.articles import ingest
    from .session import components, settings, unit_of_work

    app = _app()
    tune_gc(_settings().gc_threshold)
    schema = ArticleCreateSchema()
    summary = {"stored": 0, "skipped": 0, "refused": 0, "mentions": 0}
    refused = []
    items = [item for p in paths for item in records(p)]
    with app.app_context():
        for where, record in tqdm(items, desc="ingest", unit="article", disable=quiet, file=sys.stderr):
            try:
                if isinstance(record, FileProblem):
                    raise record
                data = schema.load(record)
                with unit_of_work() as session:
                    detail, created = ingest(session, components(), settings(), data)
                summary["stored" if created else "skipped"] += 1
                summary["mentions"] += len(detail.mentions) if created else 0
            except ValidationError as exc:
                refused.append((where, f"invalid: {exc.messages}"))
            except ApiError as exc:
                refused.append((where, exc.detail))
            except FileProblem as exc:
                refused.append((where, str(exc)))
    summary["refused"] = len(refused)
    if not quiet:
        for where, why in refused:
            click.echo(f"refused {where}: {why}", err=True)
        click.echo("stored={stored} skipped={skipped} refused={refused} mentions={mentions}".format(**summary))
    return summary


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def ingest_cmd(paths) -> None:
    """Ingest articles from JSON, NDJSON, or folders with a manifest.json."""
    summary = ingest_paths(paths)
    if summary["refused"] and not (summary["stored"] or summary["skipped"]):
        sys.exit(1)


@main.command("seed")
def seed() -> None:
    """Load the sample articles in seeds/ (again is harmless: stored ones are skipped)."""
    ingest_paths([PROJECT_ROOT / "seeds"])


@main.group()
def keys() -> None:
    """API keys (stored hashed)."""


def _in_uow(fn):
    from .session import unit_of_work

    app = _app()
    with app.app_context(), unit_of_work() as session:
        return fn(session)


@keys.command("create")
@click.argument("name")
def keys_create(name: str) -> None:
    """Create a key named NAME and print it (it is shown only this once)."""
    from .services.keys import create_key

    row, key = _in_uow(lambda s: create_key(s, name))
    click.echo(key)
    click.echo(f"created key {row.id} ({row.prefix}…) for {name}", err=True)


@keys.command("list")
def keys_list() -> None:
    """List keys: id, prefix, name, created, revoked."""
    from .services.keys import list_keys

    for row in _in_uow(list_keys):
        revoked = row.revoked_at.isoformat() if row.revoked_at else "-"
        click.echo(f"{row.id}\t{row.prefix}…\t{row.name}\t{row.created_at.isoformat()}\trevoked={revoked}")


@keys.command("revoke")
@click.argument("ident")
def keys_revoke(ident: str) -> None:
    """Revoke a key by id, name or prefix."""
    from .errors import ApiError
    from .services.keys import revoke_key

    try:
        row = _in_uow(lambda s: revoke_key(s, ident))
    except ApiError as exc:
        raise click.ClickException(exc.detail)
    click.echo(f"revoked key {row.id} ({row.name})")


def development_key() -> str:
    """The development key kept in instance/dev-api-key (created, and registered, on first use)."""
    from .services.keys import create_key, identify

    path = _settings().instance_dir / "dev-api-key"
    key = path.read_text().strip() if path.exists() else None
    if key and _in_uow(lambda s: identify(s, key, [])) is not None:
        return key
    _row, key = _in_uow(lambda s: create_key(s, "development"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key


def prepare_metrics_dir(settings: Settings) -> dict[str, str]:
    """An empty folder for ``PROMETHEUS_MULTIPROC_DIR`` before gunicorn (and so
    ``prometheus_client``) starts: a fresh temporary one, removed when gunicorn exits, or the
    one set, emptied of an earlier run's samples. Returns the variables gunicorn's environment
    needs for it."""
    import tempfile

    folder, extra = settings.metrics_dir, {}
    if not folder:
        folder = tempfile.mkdtemp(prefix="claimtrack-metrics-")
        extra = {"PROMETHEUS_MULTIPROC_DIR": folder, "CLAIMTRACK_OWNED_METRICS_DIR": folder}
    Path(folder).mkdir(parents=True, exist_ok=True)
    for stale in Path(folder).glob("*.db"):
        stale.unlink()
    return extra


@main.command("serve")
@click.option("--bind", default=None, help="host:port (default 127.0.0.1:8000 or CLAIMTRACK_BIND)")
@click.option("--workers", type=int, default=None, help="worker processes (default 2 or CLAIMTRACK_WORKERS)")
@click.option("--dev-key", is_flag=True, help="print a development API key first (kept in instance/)")
def serve(bind: str | None, workers: int | None, dev_key: bool) -> None:
    """Serve the API with gunicorn (app preloaded once, then forked)."""
    settings = _settings()
    if dev_key:
        key = development_key()
        click.echo(f"\n  development API key: {key}\n  (e.g. curl -H 'Authorization: Bearer {key}' ...)\n")
    # gunicorn (api.gunicorn_conf) reads its settings again from the environment it is given.
    env = child_environment(prepare_metrics_dir(settings))
    if bind:
        env["CLAIMTRACK_BIND"] = bind
    if workers:
        env["CLAIMTRACK_WORKERS"] = str(workers)
    bind_to = bind or settings.bind
    click.echo(f"serving on http://{bind_to} — API docs at http://{bind_to}/docs", err=True)
    sys.stdout.flush()
    os.execvpe(sys.executable, [sys.executable, "-m", "gunicorn", "-c", "python:api.gunicorn_conf",
                                "api:create_app()"], env)


@main.command("openapi")
@click.option("--output", "-o", default=str(PROJECT_ROOT / "openapi.yaml"), show_default=True)
@click.option("--check", is_flag=True, help="exit 1 when the file differs from the code instead of writing")
def openapi(output: str, check: bool) -> None:
    """Write the contract generated from the schemas (or check the committed one is current)."""
    app = _app()
    body = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].to_yaml()
    if check:
        current = Path(output).read_text(encoding="utf-8") if Path(output).exists() else ""
        if current != body:
            raise click.ClickException(f"{output} is stale: run `claimtrack openapi`")
        click.echo(f"{output} is current")
        return
    Path(output).write_text(body, encoding="utf-8")
    click.echo(f"wrote {output}")


@main.command("rematch")
@click.option("--batch", default=500, show_default=True)
def rematch_cmd(batch: int) -> None:
    """Re-run claim matching over stored mentions (after a model or threshold change)."""
    from .services.curation import rematch
    from .session import components, new_session, settings

    app = _app()
    with app.app_context():
        stats = rematch(new_session, components(), settings(), batch=batch,
                        progress=lambda done, moved: click.echo(f"  {done} mentions, {moved} moved", err=True))
    click.echo("rematched mentions={mentions} moved={moved} new_claims={new_claims}".format(**stats))


@main.command("redetect")
@click.option("--batch", default=200, show_default=True, help="claims per transaction")
def redetect_cmd(batch: int) -> None:
    """Recompute stored disagreements with the current detectors (after DETECTOR_VERSION
    changes); dismissed disagreements are kept and never come back."""
    from tqdm import tqdm

    from .services.detection import redetect, redetect_total
    from .session import components, new_session, settings

    app = _app()
    with app.app_context():
        with new_session() as session:
            total = redetect_total(session)
        with tqdm(total=total, desc="redetect", unit="claim", file=sys.stderr) as bar:
            stats = redetect(new_session, components(), settings(), batch=batch, progress=bar.update)
    click.echo("redetected claims={claims} removed={removed} created={created} "
               "detector={detector_version}".format(**stats))


@main.command("backfill-vectors")
@click.option("--batch", default=1000, show_default=True, help="mentions per transaction")
def backfill_vectors_cmd(batch: int) -> None:
    """Store the sentence vector of every mention that has none (stores made before vectors
    were kept, or filled by other means). Safe to re-run: mentions with a vector are skipped."""
    from tqdm import tqdm

    from .db import make_engine
    from .pipeline.embedding import StaticEmbedder
    from .services.vectors import backfill
    from .storage.vectors import count_missing_vectors

    engine = make_engine(_settings().database_url)
    try:
        with engine.connect() as conn:
            total = count_missing_vectors(conn)
        embedder = StaticEmbedder.load()
        with tqdm(total=total, desc="backfill-vectors", unit="mention", file=sys.stderr) as bar:
            seen = [0]

            def progress(done: int, _last: int) -> None:
                bar.update(done - seen[0])
                seen[0] = done

            stored = backfill(engine, embedder, batch=max(1, batch), progress=progress)
    finally:
        engine.dispose()
    click.echo(f"backfilled vectors={stored}")


if __name__ == "__main__":
    main()
