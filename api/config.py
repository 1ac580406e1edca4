"""The settings: one typed, frozen ``Settings`` built from the environment (``DATABASE_URL``,
``CLAIMTRACK_*``, ``PROMETHEUS_MULTIPROC_DIR``), the only place the environment is read.

``load_settings()`` reads and checks every variable at once: a bad value is a ``SettingsError``
with one line per variable (its name, the value, what it expects), which ``exit_on_bad_settings``
prints before leaving with status 2 (``claimtrack`` and every sub-command, gunicorn's start).
Each field's metadata holds its variable, its parser and the line the README's *Configuration*
table shows (``settings_table()`` writes that table; a test checks the README against it).
``create_app(config)`` replaces fields by upper-case name (``{"DETECT_AGAINST": 2}``), which is
how tests give an app settings of its own.
"""
from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from .db import SQLITE_MMAP_MB

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class SettingsError(ValueError):
    """Bad values in the environment: ``lines`` holds one message per variable."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


# Parsers: each turns a variable's text into its value or raises ValueError("what it expects").

def _whole(least: int = 0) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            value = None
        if value is None or value < least:
            raise ValueError(f"a whole number of at least {least}")
        return value
    return parse


def _number(accepts: Callable[[float], bool], wanted: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            raise ValueError(wanted) from None
        if not accepts(value):  # NaN fails every test, so it is refused too
            raise ValueError(wanted)
        return value
    return parse


_seconds = _number(lambda v: v > 0, "a number of seconds above 0")
_fraction = _number(lambda v: -1.0 <= v <= 1.0, "a number from -1 to 1")
_days = _number(lambda v: v >= 0, "a number of days of at least 0")


def _flag(text: str) -> bool:
    low = text.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ValueError("on or off (1/true/yes/on or 0/false/no/off)")


def _rate_limit(text: str) -> str:
    """A limit string of the ``limits`` library (``20/second;3000/hour``), or empty: none."""
    if text.strip():
        from limits import parse_many

        try:
            parse_many(text.strip())
        except ValueError:
            raise ValueError("a limit such as 3000/minute or 20/second;3000/hour (empty: none)") from None
    return text.strip()


def _listed(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _gc_threshold(text: str) -> tuple[int, int, int]:
    try:
        values = tuple(int(part) for part in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 3 or values[0] < 1 or min(values) < 0:
        raise ValueError("three whole numbers like 50000,50,50 (the first at least 1)")
    return values


def _text(text: str) -> str:
    return text


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        low = text.strip().lower()
        if low not in choices:
            raise ValueError("one of " + ", ".join(choices))
        return low
    return parse


def _shown(default: Any) -> str:
    """How the README table writes a default: on/off, a number, `text`, or — for none."""
    if isinstance(default, bool):
        return "on" if default else "off"
    if isinstance(default, float):
        return f"{default:g}"
    if isinstance(default, int):
        return str(default)
    return f"`{default}`" if default else "—"


def _setting(env: str, parse: Callable[[str], Any], default: Any, meaning: str, *, shown: str | None = None,
             empty_is_default: bool = True, documented: bool = True, secret: bool = False) -> Any:
    """A dataclass field read from ``env`` with ``parse``; unset (or, when ``empty_is_default``,
    empty) it is ``default``. ``meaning`` and ``shown`` (by default the default, as ``_shown``
    writes it) are its row of the README table; a ``secret`` is left out of the settings'
    ``repr`` (and so of logs and tracebacks)."""
    shown = _shown(default) if shown is None else shown
    return field(default=default, repr=not secret, metadata={"env": env, "parse": parse, "shown": shown,
                                                             "meaning": meaning,
                                            "empty_is_default": empty_is_default, "documented": documented})


@dataclass(frozen=True)
class Settings:
    """Every setting of the service, typed; built by ``load_settings()``."""

    database_url: str = _setting(
        "DATABASE_URL", _text, "",
        "SQLite (WAL mode, busy timeout) or `postgresql://…` (psycopg 3)",
        shown="`sqlite:///instance/claimtrack.sqlite3`", secret=True)
    sqlite_busy_timeout_ms: int = _setting(
        "CLAIMTRACK_SQLITE_BUSY_TIMEOUT_MS", _whole(), 5_000,
        "how long a write waits for SQLite's write lock while another ingest writes (503 with `Retry-After` beyond)")
    db_connect_timeout_s: int = _setting(
        "CLAIMTRACK_DB_CONNECT_TIMEOUT_S", _whole(), 5,
        "PostgreSQL: give up connecting (and waiting for a pooled connection) after this long: 503 with "
        "`Retry-After`")
    db_statement_timeout_ms: int = _setting(
        "CLAIMTRACK_DB_STATEMENT_TIMEOUT_MS", _whole(), 30_000,
        "PostgreSQL `statement_timeout`: the server cancels a longer statement (503 with `Retry-After`; 0: no "
        "limit)")
    db_lock_timeout_ms: int = _setting(
        "CLAIMTRACK_DB_LOCK_TIMEOUT_MS", _whole(), 5_000,
        "PostgreSQL `lock_timeout`: how long a write waits for a lock, the ingest write lock included (503 with "
        "`Retry-After` beyond; 0: no limit)")
    cursor_secret: str | None = _setting(
        "CLAIMTRACK_CURSOR_SECRET", _text, None,
        "the key list cursors are signed with (HMAC); set one shared value when several machines serve one "
        "store, or for cursors to outlive a restart", shown="random at each start", secret=True)
    sqlite_mmap_mb: int = _setting(
        "CLAIMTRACK_SQLITE_MMAP_MB", _whole(), SQLITE_MMAP_MB,
        "how much of the SQLite file is memory-mapped (0: off): candidate retrieval reads index pages and rows "
        "all over the file, and mapped pages are read without a system call each. The pages are the operating "
        "system's file cache, shared by the workers (they show in a worker's RSS as file pages, not its own "
        "memory)")
    read_cache_mb: int = _setting(
        "CLAIMTRACK_READ_CACHE_MB", _whole(), 32,
        "memory each worker keeps answers of GETs in (0: off): the same URL is answered again from memory while "
        "the store's generation, moved by a trigger in every write's transaction and checked at each request, is "
        "the one the answer was read at (see *Conventions*)")
    api_keys: tuple[str, ...] = _setting(
        "CLAIMTRACK_API_KEYS", _listed, (),
        "comma-separated bootstrap keys, accepted beside keys made with `claimtrack keys create`", secret=True)
    reads_need_key: bool = _setting(
        "CLAIMTRACK_READS_NEED_KEY", _flag, False, "when on, reads need a key too (writes always do)")
    cors_origins: tuple[str, ...] = _setting(
        "CLAIMTRACK_CORS_ORIGINS", _listed, (),
        "browser origins allowed to call the API, comma-separated (`https://dash.example.org,http://localhost:3000`;"
        " `*` for any): CORS headers, preflights answered (before authentication: browsers send them without "
        "the key), `ETag`, `Last-Modified`, `Retry-After` exposed", shown="— (CORS off)")
    max_content_length: int = _setting(
        "CLAIMTRACK_MAX_BODY_BYTES", _whole(1), 2 * 1024 * 1024, "request body limit (413 beyond)")
    max_article_chars: int = _setting(
        "CLAIMTRACK_MAX_ARTICLE_CHARS", _whole(1), 200_000, "article text limit (422 beyond)")
    max_claims_per_article: int = _setting(
        "CLAIMTRACK_MAX_CLAIMS_PER_ARTICLE", _whole(), 1_000,
        "client-supplied claims per article (422 beyond)")
    match_candidates: int = _setting(
        "CLAIMTRACK_MATCH_CANDIDATES", _whole(), 20,
        "candidates fetched from the full-text index per new mention")
    match_scored: int = _setting(
        "CLAIMTRACK_MATCH_SCORED", _whole(), 6,
        "of those, how many (the most alike by a cheap ratio, at most two per claim) the full matcher scores")
    match_term_budget: int = _setting(
        "CLAIMTRACK_MATCH_TERM_BUDGET", _whole(), 300,
        "index entries candidate retrieval may read per mention: it looks up the rarest words of the mention "
        "within this budget (or, when every word is common, the two rarest among the latest 10,000 mentions), "
        "so its cost does not grow with the store. A larger budget finds more matches for more time (600: about "
        "13% more ingest time; see *Quality and speed, measured*)")
    vector_retrieval: bool = _setting(
        "CLAIMTRACK_VECTOR_RETRIEVAL", _flag, True,
        "beside the full-text candidates, each new mention's nearest stored mentions by sentence vector (the "
        "static embedding, stored per mention at ingest whatever this says); off: full-text candidates only")
    vector_window_days: float = _setting(
        "CLAIMTRACK_VECTOR_WINDOW_DAYS", _days, 7.0,
        "vector candidates come from the mentions published within this many days of the new article (reports "
        "of one claim are days apart, and the matcher asks more of candidates published far apart)…")
    vector_window_max: int = _setting(
        "CLAIMTRACK_VECTOR_WINDOW_MAX", _whole(1), 4000,
        "…at most this many of them, the nearest in time (half before, half after): the bound on the vectors "
        "read and compared per article, whatever the store's size")
    vector_candidates: int = _setting(
        "CLAIMTRACK_VECTOR_CANDIDATES", _whole(), 10, "nearest vectors added to each mention's candidates…")
    vector_min_cosine: float = _setting(
        "CLAIMTRACK_VECTOR_MIN_COSINE", _fraction, 0.8,
        "…those at this cosine or above (random pairs of MRPC train sentences: median 0.40, 0.06% at 0.8 or "
        "above; MRPC train paraphrase pairs: 86%; `bench/bench_vector_codes.py`)")
    vector_scored: int = _setting(
        "CLAIMTRACK_VECTOR_SCORED", _whole(), 1,
        "of those, how many (the nearest, of claims the ratio shortlist lacks) the matcher scores although "
        "their wording differs too much for the shortlist")
    detect_against: int = _setting(
        "CLAIMTRACK_DETECT_AGAINST", _whole(), 50,
        "earlier mentions of a claim each new mention is compared with")
    detect_disagreements: bool = _setting(
        "CLAIMTRACK_DETECT_DISAGREEMENTS", _flag, True, "switch disagreement detection off at ingest")
    embedding_model: str | None = _setting(
        "CLAIMTRACK_EMBEDDING_MODEL", _text, None,
        "local sentence-transformers model folder: turns on semantic matching (needs the `semantic` extra)")
    bind: str = _setting(
        "CLAIMTRACK_BIND", _text, "127.0.0.1:8000",
        "gunicorn: the address served (`claimtrack serve --bind` sets it)")
    workers: int = _setting(
        "CLAIMTRACK_WORKERS", _whole(1), 2, "gunicorn: worker processes (`claimtrack serve --workers` sets it)")
    threads: int = _setting(
        "CLAIMTRACK_THREADS", _whole(1), 8, "gunicorn: request threads per worker (`gthread`)")
    timeout: int = _setting(
        "CLAIMTRACK_TIMEOUT", _whole(), 60, "gunicorn: seconds before a stuck worker is restarted")
    read_timeout_s: float = _setting(
        "CLAIMTRACK_READ_TIMEOUT_S", _seconds, 5.0,
        "once a request has begun, each read (headers, body) and write on its connection waits at most this "
        "long, then the connection is closed (see *Serving*)")
    keepalive_s: int = _setting(
        "CLAIMTRACK_KEEPALIVE_S", _whole(), 5, "how long an idle kept-alive connection stays open")
    worker_connections: int = _setting(
        "CLAIMTRACK_WORKER_CONNECTIONS", _whole(1), 1000, "how many connections a worker keeps")
    gc_threshold: tuple[int, int, int] = _setting(
        "CLAIMTRACK_GC_THRESHOLD", _gc_threshold, (50000, 50, 50),
        "the cyclic garbage collector's thresholds in the serving and ingesting processes (`api/runtime.py`); "
        "`700,10,10` is Python's default, which spends about a tenth of ingest's CPU in collections", shown="`50000,50,50`")
    rate_limit_writes: str = _setting(
        "CLAIMTRACK_RATE_LIMIT_WRITES", _rate_limit, "3000/minute",
        "writes per API key (a [limit string](https://limits.readthedocs.io/en/stable/quickstart.html"
        "#rate-limit-string-notation), e.g. `20/second;3000/hour`; empty: no limit); 429 beyond",
        empty_is_default=False)
    rate_limit_reads: str = _setting(
        "CLAIMTRACK_RATE_LIMIT_READS", _rate_limit, "6000/minute",
        "reads (`GET`, `POST /v1/similarity`) per client address; 429 beyond", empty_is_default=False)
    rate_limit_auth_failures: str = _setting(
        "CLAIMTRACK_RATE_LIMIT_AUTH_FAILURES", _rate_limit, "30/minute",
        "401 answers per client address; once spent, every `/v1` request from that address is a 429 until the "
        "window moves on", empty_is_default=False)
    rate_limit_storage: str = _setting(
        "CLAIMTRACK_RATE_LIMIT_STORAGE", _text, "memory://",
        "where the counters live: in each worker's memory (a client may get up to workers × the limit), or "
        "`redis://host:6379/0` to share them between workers and machines. When the storage cannot be reached, "
        "requests are served unlimited and the failure is logged")
    rate_limit_enabled: bool = _setting(
        "CLAIMTRACK_RATE_LIMIT_ENABLED", _flag, True, "switch the rate limits off altogether")
    trusted_proxies: int = _setting(
        "CLAIMTRACK_TRUSTED_PROXIES", _whole(), 0,
        "how many reverse proxies in front append to `X-Forwarded-For`: the per-address limits and the logs "
        "then see the client's address, not the proxy's (leave 0 when clients reach gunicorn directly: the "
        "header could be forged)")
    log_format: str = _setting(
        "CLAIMTRACK_LOG_FORMAT", _choice("text", "json"), "text",
        "`json`: every log line one JSON object (time, level, pid, logger, request_id, message; access lines "
        "add method, path, status, duration_ms, client)")
    log_level: str = _setting(
        "CLAIMTRACK_LOG_LEVEL", _choice(*LOG_LEVELS), "info",
        "log level of the app and of gunicorn (" + ", ".join(LOG_LEVELS) + ")")
    metrics_dir: str | None = _setting(
        "PROMETHEUS_MULTIPROC_DIR", _text, None,
        "where the gunicorn workers write their metrics for `/metrics` to add up; `claimtrack serve` empties it "
        "at start (and removes the temporary one at exit)", shown="a fresh temporary folder")
    owned_metrics_dir: str | None = _setting(
        "CLAIMTRACK_OWNED_METRICS_DIR", _text, None, "(set by `claimtrack serve` for gunicorn)",
        documented=False)
    instance_dir: Path = _setting(
        "CLAIMTRACK_INSTANCE_DIR", Path, PROJECT_ROOT / "instance",
        "where the SQLite file and the development key live", shown="`instance/`")

    def replace(self, **changes: Any) -> "Settings":
        """A copy with ``changes`` (field names) applied."""
        return dataclasses.replace(self, **changes)

    def overlaid(self, config: Mapping[str, Any]) -> "Settings":
        """A copy with the entries of ``config`` whose upper-case key names a field
        (``{"DETECT_AGAINST": 2}``) applied; other keys are left out."""
        names = {f.name for f in dataclasses.fields(self)}
        return self.replace(**{k.lower(): v for k, v in config.items() if k.lower() in names})


def settings_fields() -> tuple[dataclasses.Field, ...]:
    """The fields of ``Settings``, in the order the README lists them."""
    return dataclasses.fields(Settings)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings from ``environ`` (the process environment by default), every variable checked;
    raises ``SettingsError`` with one line per bad value."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    bad: list[str] = []
    for f in settings_fields():
        meta = f.metadata
        raw = environ.get(meta["env"])
        if raw is None or (raw == "" and meta["empty_is_default"]):
            continue
        try:
            values[f.name] = meta["parse"](raw)
        except ValueError as exc:
            bad.append(f"{meta['env']}={raw!r}: expected {exc}")
    if bad:
        raise SettingsError(bad)
    settings = Settings(**values)
    if not settings.database_url:
        settings = settings.replace(database_url=default_database_url(settings.instance_dir))
    return settings


def exit_on_bad_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """``load_settings()``, or each bad value on its own line of stderr and exit status 2."""
    try:
        return load_settings(environ)
    except SettingsError as exc:
        for line in exc.lines:
            print(f"claimtrack: bad setting: {line}", file=sys.stderr)
        raise SystemExit(2)


def child_environment(changes: Mapping[str, str]) -> dict[str, str]:
    """This process's environment with ``changes``: what a program started from here (gunicorn,
    which reads its settings again) is given."""
    return {**os.environ, **changes}


def default_database_url(instance_dir: Path) -> str:
    """A SQLite file under ``instance_dir`` (created on demand)."""
    return f"sqlite:///{Path(instance_dir) / 'claimtrack.sqlite3'}"


def settings_table() -> str:
    """The README's *Configuration* table, one row per documented setting."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for f in settings_fields():
        if f.metadata["documented"]:
            rows.append(f"| `{f.metadata['env']}` | {f.metadata['shown']} | {f.metadata['meaning']} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_table())
