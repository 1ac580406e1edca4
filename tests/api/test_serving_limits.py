"""The served process does not stall and never answers gunicorn's HTML: idle and slow clients
leave /health answering, gunicorn's own refusals are problem+json, oversized chunked bodies are
413, and /v1/similarity's cost is bounded by its documented length limit."""
from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from api.gunicorn_conf import write_problem
from schemas.similarity import SENTENCE_MAX_CHARS

ROOT = Path(__file__).resolve().parents[2]


def test_similarity_longer_than_the_limit_is_422(client):
    ok = client.post("/v1/similarity", json={"a": "x" * SENTENCE_MAX_CHARS, "b": "y"})
    assert ok.status_code == 200
    resp = client.post("/v1/similarity", json={"a": "x" * (SENTENCE_MAX_CHARS + 1), "b": "y"})
    assert resp.status_code == 422 and "a" in resp.get_json()["errors"]


def test_a_chunked_body_over_the_limit_is_413(app, auth):
    app.config["MAX_CONTENT_LENGTH"] = 1_000
    body = json.dumps({"a": "x" * 2_000, "b": "y"}).encode()
    resp = app.test_client().post("/v1/similarity", input_stream=io.BytesIO(body),
                                  headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
                                  environ_overrides={"wsgi.input_terminated": True})
    assert resp.status_code == 413 and resp.mimetype == "application/problem+json"
    small = json.dumps({"a": "x", "b": "y"}).encode()
    resp = app.test_client().post("/v1/similarity", input_stream=io.BytesIO(small),
                                  headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
                                  environ_overrides={"wsgi.input_terminated": True})
    assert resp.status_code == 200


def test_gunicorns_own_errors_are_problem_json():
    ours, theirs = socket.socketpair()
    try:
        write_problem(ours, 431, "Request Header Fields Too Large", "too many")
        raw = theirs.recv(65536).decode()
    finally:
        ours.close()
        theirs.close()
    head, body = raw.split("\r\n\r\n", 1)
    assert head.startswith("HTTP/1.1 431 ") and "Content-Type: application/problem+json" in head
    problem = json.loads(body)
    assert problem["status"] == 431 and problem["type"].endswith("/headers-too-large")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, raw: bytes, timeout: float = 3.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


@pytest.fixture
def served(tmp_path):
    """``claimtrack serve``'s gunicorn on a free port and a fresh SQLite file."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}", "CLAIMTRACK_API_KEYS": "k",
           "CLAIMTRACK_BIND": f"127.0.0.1:{port}", "CLAIMTRACK_WORKERS": "1", "CLAIMTRACK_THREADS": "4"}
    subprocess.run([sys.executable, "-m", "api.cli", "db", "upgrade"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:api.gunicorn_conf", "api:create_app()"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if b" 200 " in _get(port, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"):
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(30)


def test_idle_and_slow_clients_do_not_stall_the_server(served):
    held = [socket.create_connection(("127.0.0.1", served)) for _ in range(4)]  # idle: never send a byte
    for s in held[:2]:  # slow: a request begun, never finished
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
    try:
        time.sleep(0.3)
        for _ in range(5):
            began = time.monotonic()
            answer = _get(served, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert b" 200 " in answer.split(b"\r\n")[0]
            assert time.monotonic() - began < 1.0
    finally:
        for s in held:
            s.close()


def test_gunicorn_refusals_reach_clients_as_problem_json(served):
    for raw, status in ((b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"414"),
                        (b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"X-A: 1\r\n" * 150 + b"\r\n", b"431"),
                        (b"NOT HTTP\r\n\r\n", b"400")):
        head, body = _get(served, raw).split(b"\r\n\r\n", 1)
        assert head.split(b"\r\n")[0].split(b" ")[1] == status
        assert b"Content-Type: application/problem+json" in head
        assert json.loads(body)["status"] == int(status)
