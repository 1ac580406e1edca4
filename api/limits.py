"""Rate limits (flask-limiter) on the ``/v1`` API.

Three budgets, each a flask-limiter limit string (``"3000/minute"``, ``"20/second;600/hour"``;
empty: no such limit):

- writes (``RATE_LIMIT_WRITES``): per API key (the key presented, hashed; per client address
  for a write without a key, which is refused anyway);
- reads (``RATE_LIMIT_READS``): per client address, ``GET`` and the compute-only ``POST``s
  (``/v1/similarity``);
- failed authentication (``RATE_LIMIT_AUTH_FAILURES``): per client address, counting only the
  401 answers; once spent, every ``/v1`` request from that address is refused until the window
  moves on, before any key is looked up.

Counters live in memory (each worker process counts on its own) or, with
``RATE_LIMIT_STORAGE=redis://…``, in Redis, shared by every worker and machine. A refused
request is a 429 problem with ``Retry-After``; every limited answer carries ``RateLimit-Limit``,
``RateLimit-Remaining``, ``RateLimit-Reset`` (seconds) and ``RateLimit-Policy``. When the
storage cannot be reached the requests are served unlimited and the failure is logged.

In memory, the counters live in ``SweptMemoryStorage``: limits' own in-memory storage, whose
expired counters are swept at most once a second by the request that finds the sweep due.
limits' storage starts a timer thread for that 10 ms after any count, which under load is a new
thread for almost every request (and the request waits for it to start): a third of the
throughput of a listing served by 2 workers. Expired counters were already read as zero when
read (``MemoryStorage.get``); the sweep only frees their memory.
"""
from __future__ import annotations

import hashlib
import math
import time

from flask import Flask, current_app, request
from flask_limiter import Limit, Limiter
from limits.storage import MemoryStorage
from werkzeug.middleware.proxy_fix import ProxyFix

from .auth import WRITE, request_access
from .config import Settings

LIMITED_PREFIX = "/v1"
SWEPT_MEMORY_SCHEME = "claimtrack-memory"


class SweptMemoryStorage(MemoryStorage):
    """limits' in-memory storage (``memory://``) without a timer thread per count: expired
    counters are swept, at most every ``SWEEP_EVERY_S``, inside the count that finds it due."""

    STORAGE_SCHEME = [SWEPT_MEMORY_SCHEME]  # (registers the scheme with limits)
    SWEEP_EVERY_S = 1.0

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        self._next_sweep = 0.0
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    def _MemoryStorage__schedule_expiry(self) -> None:  # (replaces the parent's private method)
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + self.SWEEP_EVERY_S
            self._MemoryStorage__expire_events()


class ParsedLimit(Limit):
    """flask-limiter's ``Limit`` for a fixed limit string: its per-request limits are parsed and
    built once, on first use, rather than again for every request (``Limit.__iter__`` parses the
    string and builds new ``RuntimeLimit`` objects each time it is asked, a tenth of a
    millisecond per request for the three budgets)."""

    def __iter__(self):
        built = self.__dict__.get("_built")
        if built is None:
            built = tuple(super().__iter__())
            object.__setattr__(self, "_built", built)
        return iter(built)


# flask-limiter 4's private registries of what decorators declared (per-route and per-blueprint limits,
# exemptions, hints): settle_resolution relies on them being empty and leaves a release without them alone.
_DECLARED_REGISTRIES = ("_decorated_limits", "_blueprint_limits", "_route_exemptions", "_blueprint_exemptions",
                        "_endpoint_hints")


def settle_resolution(limiter: Limiter) -> None:
    """Resolve which limits apply to an endpoint once, not at every request: flask-limiter works
    it out again each time (the view's qualified name, blueprint limits, exemption scopes, hints:
    a fifth of a cached answer's time), although with no per-route or per-blueprint limit, hint or
    exemption (this app declares none: every budget is a default limit) the answer depends on the
    endpoint alone. Should any be declared, every request resolves them afresh as before. Each
    limit's ``exempt_when`` and key are still asked per request."""
    manager = limiter.limit_manager
    if not all(hasattr(manager, name) for name in _DECLARED_REGISTRIES):
        return  # (another flask-limiter release keeps them elsewhere: leave its resolution as it is)
    resolve, scope = manager.resolve_limits, manager.exemption_scope
    resolved: dict[tuple, tuple] = {}
    scopes: dict[tuple, object] = {}

    def declared() -> bool:  # (flask-limiter's own registries of what decorators declared)
        return any(getattr(manager, name) for name in _DECLARED_REGISTRIES)

    def resolve_limits(app, endpoint=None, blueprint=None, callable_name=None, in_middleware=False,
                       marked_for_limiting=False):
        if declared():
            return resolve(app, endpoint, blueprint, callable_name, in_middleware, marked_for_limiting)
        key = (endpoint, blueprint, callable_name, in_middleware, marked_for_limiting)
        found = resolved.get(key)
        if found is None:
            found = resolved[key] = tuple(tuple(part) for part in resolve(app, *key))
        return tuple(list(part) for part in found)

    def exemption_scope(app, endpoint, blueprint):
        if declared():
            return scope(app, endpoint, blueprint)
        key = (endpoint, blueprint)
        if key not in scopes:
            scopes[key] = scope(app, endpoint, blueprint)
        return scopes[key]

    manager.resolve_limits, manager.exemption_scope = resolve_limits, exemption_scope


def storage_uri(configured: str) -> str:
    """The storage URI handed to flask-limiter: ``memory://`` becomes the swept memory storage."""
    if configured.startswith("memory://"):
        return SWEPT_MEMORY_SCHEME + configured[len("memory"):]
    return configured


def client_address() -> str:
    """The client's address (the peer, or the ``X-Forwarded-For`` hop set by a trusted proxy)."""
    return request.remote_addr or "unknown"


def key_or_address() -> str:
    """The bucket of a write: a digest of the bearer key presented, else the client address."""
    header = request.headers.get("Authorization", "")
    key = header[7:].strip() if header[:7].lower() == "bearer " else ""
    if key:
        return "key:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return "addr:" + client_address()


def _is_read() -> bool:
    return request_access() != WRITE


def _is_unlimited() -> bool:
    """Requests outside ``/v1`` (health, readiness, metrics, the contract, docs) are never limited."""
    return not request.path.startswith(LIMITED_PREFIX)


def _limits(settings: Settings) -> list[Limit]:
    """The configured budgets as flask-limiter limits (one shared bucket each)."""
    budgets = [
        (settings.rate_limit_writes, "writes", key_or_address, _is_read, None,
         "Too many writes with this API key"),
        (settings.rate_limit_reads, "reads", client_address, lambda: not _is_read(), None,
         "Too many reads from this address"),
        (settings.rate_limit_auth_failures, "auth-failures", client_address, None,
         lambda response: response.status_code == 401, "Too many failed authentications from this address"),
    ]
    return [ParsedLimit(spec, key_function=key, scope=scope, shared=True, exempt_when=exempt, deduct_when=deduct,
                  error_message=message)
            for spec, scope, key, exempt, deduct, message in budgets if spec]


def rate_limit_headers(response):
    """``after_request``: the IETF ``RateLimit-*`` fields of the limit nearest to refusal, and
    ``Retry-After`` (seconds) on a 429."""
    limiter: Limiter | None = current_app.extensions.get("claimtrack_limiter")
    current = limiter.current_limit if limiter is not None else None
    if current is None:
        return response
    try:
        reset_in = max(0, math.ceil(current.reset_at - time.time()))
        response.headers["RateLimit-Limit"] = str(current.limit.amount)
        response.headers["RateLimit-Remaining"] = str(max(0, current.remaining))
        response.headers["RateLimit-Reset"] = str(reset_in)
        response.headers["RateLimit-Policy"] = f"{current.limit.amount};w={current.limit.get_expiry()}"
        if response.status_code == 429:
            response.headers["Retry-After"] = str(max(1, reset_in))
    except Exception:  # noqa: BLE001 - the storage went away meanwhile: answer without the fields
        current_app.logger.warning("rate limit headers left out: storage unreachable", exc_info=True)
    return response


def init_limits(app: Flask) -> Limiter:
    """Attach the limiter to ``app``: call it before the authentication hook, so an address
    that spent its failed-authentication budget is refused before any key is looked up."""
    settings: Settings = app.extensions["claimtrack"]["settings"]
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)
    # (registered before the limiter's own after_request, so it runs after it, once the 401
    # answers have been counted)
    app.after_request(rate_limit_headers)
    limiter = Limiter(key_or_address, app=app, default_limits=_limits(settings),
                      storage_uri=storage_uri(settings.rate_limit_storage), strategy="sliding-window-counter",
                      key_prefix="claimtrack", headers_enabled=False, swallow_errors=True,
                      enabled=settings.rate_limit_enabled)
    limiter.request_filter(_is_unlimited)
    settle_resolution(limiter)
    app.extensions["claimtrack_limiter"] = limiter
    return limiter
