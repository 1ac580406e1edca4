"""Rate limits on the ``/v1`` API, counted with the ``limits`` library (sliding window counter).

Three budgets, each a limit string (``"3000/minute"``, ``"20/second;600/hour"``; empty: no such
limit):

- writes (``RATE_LIMIT_WRITES``): per API key (the key presented, hashed; per client address
  for a write without a key, which is refused anyway);
- reads (``RATE_LIMIT_READS``): per client address, ``GET`` and the compute-only ``POST``s
  (``/v1/similarity``);
- failed authentication (``RATE_LIMIT_AUTH_FAILURES``): per client address, counting only the
  401 answers; once spent, every ``/v1`` request from that address is refused until the window
  moves on, before any key is looked up.

Counters live in memory (each worker process counts on its own; ``api.limit_storage``) or, with
``RATE_LIMIT_STORAGE=redis://…``, in Redis, shared by every worker and machine. A refused
request is a 429 problem with ``Retry-After``; every limited answer carries ``RateLimit-Limit``,
``RateLimit-Remaining``, ``RateLimit-Reset`` (seconds) and ``RateLimit-Policy`` of the limit
with the shortest window (of the spent one on a 429). When the storage cannot be reached the
requests are served unlimited and the failure is logged (at most one line every
``FailureLog.EVERY_S`` per worker).

What can be worked out once is, per process: each budget's limits are parsed, and the limits a
read and a write meet are put in the order they are checked (shortest window first, as
flask-limiter did). A request then only counts (a write or read budget) or tests (the failed
authentication budget, counted after the answer when it is a 401) each limit it meets, and its
answer reads the window of the limit it shows. Only routed ``/v1`` requests are limited (health,
readiness, metrics, the contract, the docs and unknown paths never are). The counters' keys are
the ones flask-limiter kept (``LIMITER/claimtrack/<bucket>/<budget>/<limit>``), so counts in
Redis carry over.
"""
from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Callable

from flask import Flask, g, request
from limits import RateLimitItem, parse_many
from limits.storage import Storage
from limits.strategies import SlidingWindowCounterRateLimiter
from werkzeug.exceptions import TooManyRequests
from werkzeug.middleware.proxy_fix import ProxyFix

from .auth import WRITE, request_access
from .config import Settings
from .limit_storage import SweptMemoryStorage, open_storage  # noqa: F401 - (SweptMemoryStorage: re-exported)

LIMITED_PREFIX = "/v1"
KEY_PREFIX = "claimtrack"  # (the counters' keys: LIMITER/claimtrack/<bucket>/<budget>/<limit>)

log = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class Budget:
    """One configured budget: its limits, the name its counters are kept under, how a request's
    bucket is named, the 429's detail, which requests it limits, and whether it counts only 401
    answers (tested before the request, counted after it)."""

    name: str
    limits: tuple[RateLimitItem, ...]
    bucket: Callable[[], str]
    refusal: str
    limits_reads: bool = True
    limits_writes: bool = True
    counts_failed_authentication: bool = False


@dataclass(frozen=True)
class Check:
    """One limit of one budget, with the ``RateLimit-Limit`` and ``RateLimit-Policy`` values it
    shows (made once)."""

    limit: RateLimitItem
    budget: Budget
    limit_field: str
    policy_field: str

    @classmethod
    def of(cls, limit: RateLimitItem, budget: Budget) -> Check:
        return cls(limit, budget, str(limit.amount), f"{limit.amount};w={limit.get_expiry()}")


@dataclass
class Counted:
    """What a request's checks leave for its answer: the limit its fields show (with the
    counters' identifiers) and the failed-authentication limits to count if it is a 401."""

    shown: tuple[Check, tuple[str, ...]]
    on_401: list[tuple[Check, tuple[str, ...]]] = field(default_factory=list)


class FailureLog:
    """Logs that the storage failed, at most once every ``EVERY_S`` seconds (with how many
    failures the silence held): a storage that is down fails every request."""

    EVERY_S = 10.0

    def __init__(self):
        self.next_line, self.unlogged = 0.0, 0

    def failed(self, doing: str) -> None:
        """Note a failure while ``doing``; logs it (with its traceback) when a line is due."""
        now = time.monotonic()
        if now < self.next_line:
            self.unlogged += 1
            return
        self.next_line = now + self.EVERY_S
        skipped, self.unlogged = self.unlogged, 0
        log.warning("rate limits not applied (%s): the storage is unreachable; served unlimited "
                    "(%d more such failures since the last line)", doing, skipped, exc_info=True)


class ApiLimiter:
    """The budgets over one storage: ``check`` before a request, ``finish`` on its answer."""

    def __init__(self, budgets: list[Budget], storage: Storage):
        self.storage = storage
        self.strategy = SlidingWindowCounterRateLimiter(storage)
        self.budgets = budgets
        self.writes = self._checks([budget for budget in budgets if budget.limits_writes])
        self.reads = self._checks([budget for budget in budgets if budget.limits_reads])
        self.failures = FailureLog()

    @staticmethod
    def _checks(budgets: list[Budget]) -> tuple[Check, ...]:
        """The limits of ``budgets`` in the order a request meets them: shortest window first
        (budgets in their order where windows tie)."""
        checks = [Check.of(limit, budget) for budget in budgets for limit in budget.limits]
        return tuple(sorted(checks, key=lambda check: check.limit.get_expiry()))

    def check(self) -> None:
        """``before_request``: count (or test) each limit a routed ``/v1`` request meets; 429
        at the first one spent. A failing storage lets the request through, logged."""
        req = request._get_current_object()
        if req.url_rule is None or not req.path.startswith(LIMITED_PREFIX):
            return
        checks = self.writes if request_access() == WRITE else self.reads
        if not checks:
            return
        buckets: dict[Callable[[], str], str] = {}
        counted = spent = None
        try:
            for check in checks:
                budget = check.budget
                bucket = buckets.get(budget.bucket)
                if bucket is None:
                    bucket = buckets[budget.bucket] = budget.bucket()
                ids = (KEY_PREFIX, bucket, budget.name)
                if budget.counts_failed_authentication:
                    allowed = self.strategy.test(check.limit, *ids)
                else:
                    allowed = self.strategy.hit(check.limit, *ids)
                if counted is None:
                    counted = Counted((check, ids))
                if budget.counts_failed_authentication:
                    counted.on_401.append((check, ids))
                if not allowed:
                    counted.shown, spent = (check, ids), budget
                    break
        except Exception:  # noqa: BLE001 - the storage is unreachable: serve the request unlimited
            self.failures.failed("counting a request")
            return
        g.rate_limits = counted
        if spent is not None:
            raise TooManyRequests(spent.refusal)

    def finish(self, response):
        """``after_request``: count a 401 against the failed-authentication budget, then the
        ``RateLimit-*`` fields of the shown limit, and ``Retry-After`` (seconds) on a 429."""
        counted: Counted | None = g.pop("rate_limits", None)
        if counted is None:
            return response
        status = response.status_code
        check, ids = counted.shown
        try:
            if status == 401:
                for failed, failed_ids in counted.on_401:
                    self.strategy.hit(failed.limit, *failed_ids)
            reset_at, remaining = self.strategy.get_window_stats(check.limit, *ids)
        except Exception:  # noqa: BLE001 - the storage went away meanwhile: answer without the fields
            self.failures.failed("answering a request")
            return response
        reset_in = max(1, math.floor(reset_at - time.time()) + 1)  # (whole seconds, just past the reset)
        headers = response.headers
        headers.add("RateLimit-Limit", check.limit_field)
        headers.add("RateLimit-Remaining", str(max(0, remaining)))
        headers.add("RateLimit-Reset", str(reset_in))
        headers.add("RateLimit-Policy", check.policy_field)
        if status == 429:
            headers["Retry-After"] = str(reset_in)
        return response


def _budget(name: str, spec: str, bucket: Callable[[], str], refusal: str, **options) -> list[Budget]:
    """The budget ``name`` of the limit string ``spec`` (none when ``spec`` is empty)."""
    if not spec.strip():
        return []
    try:
        limits = tuple(parse_many(spec))
    except ValueError as exc:
        raise ValueError(f"the {name} rate limit: {exc}") from None
    return [Budget(name, limits, bucket, refusal, **options)]


def budgets(settings: Settings) -> list[Budget]:
    """The configured budgets, in the order they are checked where windows tie."""
    return (_budget("writes", settings.rate_limit_writes, key_or_address, "Too many writes with this API key",
                    limits_reads=False)
            + _budget("reads", settings.rate_limit_reads, client_address, "Too many reads from this address",
                      limits_writes=False)
            + _budget("auth-failures", settings.rate_limit_auth_failures, client_address,
                      "Too many failed authentications from this address", counts_failed_authentication=True))


def init_limits(app: Flask) -> ApiLimiter:
    """Attach the limits to ``app``: call it before the authentication hook is registered, so an
    address that spent its failed-authentication budget is refused before any key is looked up
    (and its ``after_request`` runs after the ones registered later, on the final status)."""
    settings: Settings = app.extensions["claimtrack"]["settings"]
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)
    limiter = ApiLimiter(budgets(settings), open_storage(settings.rate_limit_storage))
    app.extensions["claimtrack_limiter"] = limiter
    if settings.rate_limit_enabled:
        app.before_request(limiter.check)
        app.after_request(limiter.finish)
    return limiter
