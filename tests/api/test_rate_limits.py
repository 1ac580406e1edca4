"""Rate limits: writes per API key, reads and failed authentications per client address, a 429
problem with Retry-After and RateLimit-* fields, counters shared through Redis when it is the
storage (CLAIMTRACK_REQUIRE_REDIS=1, as in CI, makes the Redis tests fail instead of skipping)."""
from __future__ import annotations

import os
import secrets
import socket

import pytest

from api import create_app

from .helpers import article
from ..conftest import API_KEY
from ..contract import ContractClient

REDIS_URL = os.environ.get("CLAIMTRACK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def limited_app(database_url, components, extra: dict | None = None, **limits):
    """An app with the given limits (the others generous), ``extra`` settings, and a
    contract-checking client class."""
    config = {"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": [API_KEY, "other-key-0123456789"],
              "TESTING": True, "RATE_LIMIT_WRITES": "1000/minute", "RATE_LIMIT_READS": "1000/minute",
              "RATE_LIMIT_AUTH_FAILURES": "1000/minute"}
    config.update({f"RATE_LIMIT_{name.upper()}": value for name, value in limits.items()})
    config.update(extra or {})
    app = create_app(config)
    app.test_client_class = ContractClient
    return app


def from_address(address: str) -> dict:
    return {"environ_base": {"REMOTE_ADDR": address}}


def assert_too_many(resp) -> None:
    assert resp.status_code == 429
    assert resp.mimetype == "application/problem+json"
    body = resp.get_json()
    assert body["status"] == 429 and body["type"].endswith("/too-many-requests")
    assert body["request_id"] == resp.headers["X-Request-ID"]
    assert int(resp.headers["Retry-After"]) >= 1
    assert resp.headers["RateLimit-Remaining"] == "0"
    assert int(resp.headers["RateLimit-Limit"]) >= 1 and "w=60" in resp.headers["RateLimit-Policy"]


def test_failed_authentications_are_limited_per_address(database_url, components):
    client = limited_app(database_url, components, auth_failures="3/minute").test_client()
    wrong = {"Authorization": "Bearer wrong-key-0123456789"}
    for _ in range(3):
        assert client.post("/v1/articles", json=article(), headers=wrong, **from_address("10.1.0.1")).status_code == 401
    assert_too_many(client.post("/v1/articles", json=article(), headers=wrong, **from_address("10.1.0.1")))
    # the address is refused even with a good key now; another address is not
    assert_too_many(client.get("/v1/claims", **from_address("10.1.0.1")))
    assert client.post("/v1/articles", json=article(), headers=wrong, **from_address("10.1.0.2")).status_code == 401
    # successful requests do not spend the budget
    good = {"Authorization": f"Bearer {API_KEY}"}
    for _ in range(5):
        assert client.get("/v1/claims", headers=good, **from_address("10.1.0.3")).status_code == 200


def test_writes_are_limited_per_key(database_url, components):
    client = limited_app(database_url, components, writes="2/minute").test_client()
    mine, theirs = {"Authorization": f"Bearer {API_KEY}"}, {"Authorization": "Bearer other-key-0123456789"}
    for _ in range(2):
        resp = client.post("/v1/articles", json=article(), headers=mine)
        assert resp.status_code == 201 and resp.headers["RateLimit-Limit"] == "2"
    assert_too_many(client.post("/v1/articles", json=article(), headers=mine, **from_address("10.2.0.9")))
    assert client.post("/v1/articles", json=article(), headers=theirs).status_code == 201  # another key
    assert client.get("/v1/claims", headers=mine).status_code == 200  # reads have their own budget


def test_reads_are_limited_per_address_and_health_never(database_url, components):
    client = limited_app(database_url, components, reads="2/minute").test_client()
    for _ in range(2):
        assert client.get("/v1/claims", **from_address("10.3.0.1")).status_code == 200
    assert_too_many(client.get("/v1/claims", **from_address("10.3.0.1")))
    assert_too_many(client.post("/v1/similarity", json={"a": "x", "b": "y"}, **from_address("10.3.0.1")))
    assert client.get("/v1/claims", **from_address("10.3.0.2")).status_code == 200
    for path in ("/health", "/ready", "/metrics"):
        for _ in range(3):
            assert client.get(path, **from_address("10.3.0.1")).status_code == 200


def test_an_empty_limit_is_no_limit(database_url, components):
    client = limited_app(database_url, components, reads="", auth_failures="").test_client()
    for _ in range(5):
        resp = client.get("/v1/claims")
        assert resp.status_code == 200 and "RateLimit-Limit" not in resp.headers


def test_unreachable_storage_serves_unlimited(database_url, components):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = limited_app(database_url, components, reads="1/minute", storage=f"redis://127.0.0.1:{port}").test_client()
    for _ in range(3):
        assert client.get("/v1/claims").status_code == 200


def redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except Exception:  # noqa: BLE001 - any failure means: not reachable
        return False


needs_redis = pytest.mark.skipif(not os.environ.get("CLAIMTRACK_REQUIRE_REDIS") and not redis_reachable(),
                                 reason="Redis is not reachable (set CLAIMTRACK_REQUIRE_REDIS=1 to fail instead)")


@needs_redis
def test_redis_counters_are_shared_between_processes(database_url, components):
    """Two apps (as two workers or machines) on one Redis share each budget."""
    assert redis_reachable(), f"Redis at {REDIS_URL} is not reachable"
    address = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    first, second = (limited_app(database_url, components, reads="3/minute", storage=REDIS_URL).test_client()
                     for _ in range(2))
    assert first.get("/v1/claims", **from_address(address)).status_code == 200
    assert second.get("/v1/claims", **from_address(address)).status_code == 200
    assert first.get("/v1/claims", **from_address(address)).status_code == 200
    assert_too_many(second.get("/v1/claims", **from_address(address)))


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(database_url, components):
    behind = limited_app(database_url, components, {"TRUSTED_PROXIES": 1}, reads="1/minute").test_client()
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert behind.get("/v1/claims", headers={"X-Forwarded-For": "203.0.113.1"}, environ_base=via_proxy).status_code == 200
    assert behind.get("/v1/claims", headers={"X-Forwarded-For": "203.0.113.2"}, environ_base=via_proxy).status_code == 200
    assert behind.get("/v1/claims", headers={"X-Forwarded-For": "203.0.113.1"},
                      environ_base=via_proxy).status_code == 429


def test_in_memory_counters_start_no_thread_per_request(database_url, components):
    import threading

    from api.limits import SweptMemoryStorage

    app = limited_app(database_url, components, reads="5/minute")
    assert isinstance(app.extensions["claimtrack_limiter"].storage, SweptMemoryStorage)
    client = app.test_client()
    started = []
    original = threading.Thread.start
    threading.Thread.start = lambda self: (started.append(self), original(self))[1]
    try:
        for _ in range(5):
            assert client.get("/v1/claims", **from_address("10.4.0.1")).status_code == 200
    finally:
        threading.Thread.start = original
    assert_too_many(client.get("/v1/claims", **from_address("10.4.0.1")))
    assert started == []


def test_expired_counters_are_swept():
    import time

    from api.limit_storage import SweptMemoryStorage

    storage = SweptMemoryStorage()
    storage.incr("gone", expiry=1)
    storage.incr("kept", expiry=600)
    storage.counters["gone"][1] = time.time() - 1  # (its window has passed)
    assert storage.get("gone") == 0 and storage.get("kept") == 1
    storage.incr("gone-too", expiry=1)
    storage.counters["gone-too"][1] = time.time() - 1
    storage.next_sweep = 0.0
    storage.incr("kept", expiry=600)  # a count that finds the sweep due
    assert "gone-too" not in storage.counters and storage.get("kept") == 2


class FakeClock:
    """``time.time`` under the test's control (the storage, limits' strategy and the fields read it)."""

    def __init__(self, start: float):
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    import time

    fake = FakeClock(60 * 28_000_000 + 10.25)  # (10.25 s into a minute window)
    monkeypatch.setattr(time, "time", fake)
    return fake


def test_the_swept_storage_counts_as_limits_own_memory_storage(clock):
    """The same hits at the same moments give the same answers and window figures on the swept
    storage as on limits' ``MemoryStorage`` (the sliding window counter strategy on both)."""
    import random

    from limits import parse_many
    from limits.storage import MemoryStorage
    from limits.strategies import SlidingWindowCounterRateLimiter

    from api.limit_storage import SweptMemoryStorage

    ours, theirs = (SlidingWindowCounterRateLimiter(s) for s in (SweptMemoryStorage(), MemoryStorage()))
    limits_ = parse_many("5/second;20/minute")
    rng = random.Random(7)
    for _ in range(400):
        clock.now += rng.choice([0.0, 0.05, 0.3, 1.7, 13.0])
        limit, who = rng.choice(limits_), rng.choice(["a", "b"])
        assert ours.test(limit, who) == theirs.test(limit, who)
        assert ours.hit(limit, who) == theirs.hit(limit, who)
        assert ours.get_window_stats(limit, who) == theirs.get_window_stats(limit, who)


def test_the_fields_count_down_and_follow_the_window(database_url, components, clock):
    """RateLimit-Remaining counts down, RateLimit-Reset says when the window frees up (whole
    seconds), and a client that waits Retry-After is served again."""
    client = limited_app(database_url, components, reads="3/minute").test_client()
    address = from_address("10.5.0.1")
    for remaining in (2, 1, 0):
        resp = client.get("/v1/claims", **address)
        assert resp.status_code == 200 and resp.headers["RateLimit-Remaining"] == str(remaining)
        assert resp.headers["RateLimit-Limit"] == "3" and resp.headers["RateLimit-Policy"] == "3;w=60"
        assert resp.headers["RateLimit-Reset"] == "50"  # (the current window ends in 49.75 s)
        assert "Retry-After" not in resp.headers
        clock.now += 0.1
    for _ in range(3):
        refused = client.get("/v1/claims", **address)
        assert_too_many(refused)
        assert refused.headers["Retry-After"] == refused.headers["RateLimit-Reset"]
        clock.now += int(refused.headers["Retry-After"])
        resp = client.get("/v1/claims", **address)
        assert resp.status_code == 200, clock.now
        assert client.get("/v1/claims", **address).status_code == 429  # (one freed, one spent)
    clock.now += 120  # two whole windows: the budget is whole again
    assert client.get("/v1/claims", **address).headers["RateLimit-Remaining"] == "2"


def test_a_refused_address_is_refused_before_any_key_lookup(database_url, components, monkeypatch):
    from api import auth

    looked_up = []
    identify = auth.identify
    monkeypatch.setattr(auth, "identify", lambda *args: (looked_up.append(1), identify(*args))[1])
    client = limited_app(database_url, components, auth_failures="2/minute").test_client()
    wrong, good = {"Authorization": "Bearer wrong-key-0123456789"}, {"Authorization": f"Bearer {API_KEY}"}
    address = from_address("10.6.0.1")
    for _ in range(2):
        resp = client.post("/v1/articles", json=article(), headers=wrong, **address)
        assert resp.status_code == 401
    assert len(looked_up) == 2
    refused = client.post("/v1/articles", json=article(), headers=good, **address)
    assert_too_many(refused)
    assert refused.headers["RateLimit-Limit"] == "2" and refused.headers["RateLimit-Policy"] == "2;w=60"
    assert "failed authentications" in refused.get_json()["detail"]
    assert len(looked_up) == 2  # (the good key was never looked up)


def test_only_401_answers_spend_the_failed_authentication_budget(database_url, components):
    """Refusals of other kinds (404, 422, a 405 or an unknown path) leave it whole."""
    client = limited_app(database_url, components, auth_failures="2/minute").test_client()
    address = from_address("10.7.0.1")
    for _ in range(3):
        assert client.get("/v1/claims/999999", **address).status_code == 404
        assert client.get("/v1/claims?limit=-1", **address).status_code == 422
        assert client.get("/v1/no-such-thing", **address).status_code == 404
        assert client.delete("/v1/claims", **address).status_code == 405
    no_key = client.post("/v1/articles", json=article(), **address)
    assert no_key.status_code == 401


def test_unknown_paths_are_not_counted(database_url, components):
    client = limited_app(database_url, components, reads="2/minute").test_client()
    for _ in range(5):
        resp = client.get("/v1/no-such-thing", **from_address("10.8.0.1"))
        assert resp.status_code == 404 and "RateLimit-Limit" not in resp.headers
    assert client.get("/v1/claims", **from_address("10.8.0.1")).headers["RateLimit-Remaining"] == "1"


def test_the_limits_a_request_meets_are_worked_out_once(database_url, components):
    """Parsed at start, shortest window first (flask-limiter's order); the fields show the
    shortest window's limit."""
    app = limited_app(database_url, components, reads="20/second;600/hour", writes="5/minute",
                      auth_failures="30/minute")
    limiter = app.extensions["claimtrack_limiter"]
    assert [(c.budget.name, c.policy_field) for c in limiter.reads] == [
        ("reads", "20;w=1"), ("auth-failures", "30;w=60"), ("reads", "600;w=3600")]
    assert [(c.budget.name, c.policy_field) for c in limiter.writes] == [
        ("writes", "5;w=60"), ("auth-failures", "30;w=60")]
    resp = app.test_client().get("/v1/claims", **from_address("10.9.0.1"))
    assert resp.headers["RateLimit-Policy"] == "20;w=1" and resp.headers["RateLimit-Remaining"] == "19"


def test_a_bad_limit_string_is_refused_at_start(database_url, components):
    from api.config import SettingsError, load_settings

    with pytest.raises(SettingsError, match="CLAIMTRACK_RATE_LIMIT_READS"):
        load_settings({"CLAIMTRACK_RATE_LIMIT_READS": "lots/minute"})
    assert load_settings({"CLAIMTRACK_RATE_LIMIT_READS": " 20/second;600/hour "}).rate_limit_reads == \
        "20/second;600/hour"
    with pytest.raises(ValueError, match="reads rate limit"):
        limited_app(database_url, components, reads="lots/minute")


def test_a_failing_storage_serves_unlimited_logs_and_leaves_the_fields_out(database_url, components, caplog):
    """Failing when counting or only when answering: served, no RateLimit fields, one log line
    per interval (not one per request)."""
    app = limited_app(database_url, components, reads="1/minute", auth_failures="")
    limiter = app.extensions["claimtrack_limiter"]
    client = app.test_client()

    def unreachable(*args, **kwargs):
        raise ConnectionError("storage unreachable")

    caplog.set_level("WARNING", logger="api.limits")
    limiter.storage.acquire_sliding_window_entry = unreachable
    for _ in range(3):
        resp = client.get("/v1/claims", **from_address("10.10.0.1"))
        assert resp.status_code == 200 and "RateLimit-Limit" not in resp.headers
    lines = [r for r in caplog.records if r.name == "api.limits"]
    assert len(lines) == 1 and "served unlimited" in lines[0].getMessage() and lines[0].exc_info

    del limiter.storage.acquire_sliding_window_entry  # (counts again) ...
    limiter.storage.get_sliding_window = unreachable  # ... but cannot read the window for the fields
    limiter.failures.next_line = 0.0
    resp = client.get("/v1/claims", **from_address("10.10.0.2"))
    assert resp.status_code == 200 and "RateLimit-Limit" not in resp.headers
    assert "answering" in [r for r in caplog.records if r.name == "api.limits"][-1].getMessage()


def test_switched_off_nothing_is_counted(database_url, components):
    app = limited_app(database_url, components, {"RATE_LIMIT_ENABLED": False}, reads="1/minute")
    client = app.test_client()
    for _ in range(3):
        resp = client.get("/v1/claims")
        assert resp.status_code == 200 and "RateLimit-Limit" not in resp.headers
    assert app.extensions["claimtrack_limiter"].storage.counters == {}


@needs_redis
def test_redis_fields_and_failed_authentications_are_shared(database_url, components):
    """On Redis the fields count down across workers, and 401s counted by one worker refuse the
    address at another."""
    assert redis_reachable(), f"Redis at {REDIS_URL} is not reachable"
    address = from_address(f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}")
    first, second = (limited_app(database_url, components, reads="3/minute", auth_failures="2/minute",
                                 storage=REDIS_URL).test_client() for _ in range(2))
    remaining = [client.get("/v1/claims", **address).headers["RateLimit-Remaining"]
                 for client in (first, second, first)]
    assert remaining == ["2", "1", "0"]
    wrong = {"Authorization": "Bearer wrong-key-0123456789"}
    other = from_address(f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}")
    assert first.post("/v1/articles", json=article(), headers=wrong, **other).status_code == 401
    assert second.post("/v1/articles", json=article(), headers=wrong, **other).status_code == 401
    assert_too_many(first.post("/v1/articles", json=article(), headers={"Authorization": f"Bearer {API_KEY}"},
                               **other))
