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
    limiter = app.extensions["claimtrack_limiter"]
    assert isinstance(limiter.storage, SweptMemoryStorage)
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


def test_expired_counters_are_swept(monkeypatch):
    import time

    from api.limits import SweptMemoryStorage

    storage = SweptMemoryStorage("claimtrack-memory://")
    storage.incr("gone", expiry=1)
    storage.incr("kept", expiry=600)
    storage.expirations["gone"] = time.time() - 1  # (its window has passed)
    assert storage.get("kept") == 1
    storage._next_sweep = 0.0
    storage.incr("kept", expiry=600)  # a count that finds the sweep due
    assert "gone" not in storage.storage and storage.get("kept") == 2


def test_a_parsed_limit_builds_its_runtime_limits_once():
    """``ParsedLimit`` hands out the same parsed limits on every request (nothing re-parsed),
    and they are the ones flask-limiter's own ``Limit`` would build."""
    from flask_limiter import Limit

    from api.limits import ParsedLimit
    parsed = ParsedLimit("20/second;600/hour", key_function=lambda: "k", scope="reads", shared=True)
    first, again = list(parsed), list(parsed)
    assert [id(x) for x in first] == [id(x) for x in again]
    plain = list(Limit("20/second;600/hour", key_function=lambda: "k", scope="reads", shared=True))
    assert [str(x.limit) for x in first] == [str(x.limit) for x in plain] and len(first) == 2


def test_resolution_settled_once_gives_flask_limiters_answer(database_url, components):
    """settle_resolution keeps flask-limiter's own answer per endpoint (and a request still meets its
    limit), and leaves a limiter without flask-limiter 4's registries as it was."""
    from types import SimpleNamespace

    from api.limits import settle_resolution

    app = limited_app(database_url, components, reads="2/minute")
    limiter = app.extensions["claimtrack_limiter"]
    manager = limiter.limit_manager
    first = manager.resolve_limits(app, "claims.Claims", "claims", "api.resources.claims.Claims.get")
    assert manager.resolve_limits(app, "claims.Claims", "claims", "api.resources.claims.Claims.get") == first
    client = app.test_client()
    assert client.get("/v1/claims").status_code == 200
    assert client.get("/v1/claims").status_code == 200
    assert_too_many(client.get("/v1/claims"))

    bare = SimpleNamespace(limit_manager=SimpleNamespace(resolve_limits=len, exemption_scope=len))
    settle_resolution(bare)
    assert bare.limit_manager.resolve_limits is len and bare.limit_manager.exemption_scope is len
