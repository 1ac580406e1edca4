"""Observability: X-Request-ID accepted or generated, echoed, in problem bodies and in every log
line (text or JSON); Prometheus /metrics with request, ingest stage and lock-wait series, added
up over several gunicorn workers."""
from __future__ import annotations

import io
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from api.observability import configure_logging

from .helpers import article, post

ROOT = Path(__file__).resolve().parents[2]


def test_a_valid_request_id_is_echoed_and_an_invalid_one_replaced(client):
    resp = client.get("/health", headers={"X-Request-ID": "trace-42.a:b_c"})
    assert resp.headers["X-Request-ID"] == "trace-42.a:b_c"
    for bad in ("with space", "x" * 129, "semi;colon", ""):
        resp = client.get("/health", headers={"X-Request-ID": bad})
        assert re.fullmatch(r"[0-9a-f]{32}", resp.headers["X-Request-ID"])
    first, second = client.get("/health"), client.get("/health")
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_problem_bodies_carry_the_request_id(client):
    resp = client.get("/v1/claims/999999", headers={"X-Request-ID": "req-404"})
    assert resp.status_code == 404 and resp.get_json()["request_id"] == "req-404"
    resp = client.get("/no/such/path")
    assert resp.get_json()["request_id"] == resp.headers["X-Request-ID"]


@pytest.fixture
def log_output():
    """A stream for ``configure_logging``; the root logger is restored afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    yield stream
    root.handlers, _ = saved
    root.setLevel(saved[1])


def test_json_log_lines_carry_the_request_id(client, auth, log_output):
    configure_logging("json", "info", log_output)
    client.post("/v1/articles", json=article(), headers={**auth, "X-Request-ID": "ingest-1"})
    client.get("/v1/claims/999999", headers={"X-Request-ID": "read-2"})
    lines = [json.loads(line) for line in log_output.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "claimtrack.access"]
    assert [(a["request_id"], a["status"]) for a in access] == [("ingest-1", 201), ("read-2", 404)]
    assert all({"time", "level", "message", "request_id"} <= set(line) for line in lines)
    logging.getLogger("outside").warning("no request here")
    assert json.loads(log_output.getvalue().splitlines()[-1])["request_id"] == "-"


def test_text_log_lines_carry_the_request_id(client, log_output):
    configure_logging("text", "info", log_output)
    client.get("/health", headers={"X-Request-ID": "plain-7"})
    assert "request_id=plain-7 GET /health 200" in log_output.getvalue()


def sample(text: str, name: str, **labels) -> float:
    """The value of one sample in Prometheus text output (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = line[len(name):].split(" ")[0].strip("{}")
            if all(part in found.split(",") for part in wanted.split(",") if part):
                total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_count_requests_stages_and_lock_waits(client, auth):
    before = client.get("/metrics").data.decode()
    post(client, auth, article())
    client.get("/v1/claims/999999")
    after = client.get("/metrics")
    assert after.status_code == 200 and after.mimetype == "text/plain"
    text = after.data.decode()
    count = "claimtrack_http_request_duration_seconds_count"
    assert sample(text, count, route="/v1/articles", status="201") == sample(
        before, count, route="/v1/articles", status="201") + 1
    assert sample(text, count, route="/v1/claims/{claim_id}", status="404") >= 1
    for stage in ("extract", "match", "settle", "store", "detect"):
        assert sample(text, "claimtrack_ingest_stage_seconds_count", stage=stage) > sample(
            before, "claimtrack_ingest_stage_seconds_count", stage=stage), stage
    assert sample(text, "claimtrack_write_lock_wait_seconds_count", by="ingest") >= 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode()


def test_metrics_add_up_over_gunicorn_workers(tmp_path):
    """``claimtrack serve`` with 2 workers: /metrics counts every worker's requests whichever
    worker answers, and still answers after a worker is killed."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}", "CLAIMTRACK_API_KEYS": "k",
           "CLAIMTRACK_THREADS": "2", "CLAIMTRACK_INSTANCE_DIR": str(tmp_path)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    subprocess.run([sys.executable, "-m", "api.cli", "db", "upgrade"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--bind", f"127.0.0.1:{port}",
                             "--workers", "2"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base + "/health")
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.2)
        for _ in range(30):
            _get(base + "/health")
        counts = [sample(_get(base + "/metrics"), "claimtrack_http_request_duration_seconds_count",
                         route="/health") for _ in range(6)]
        assert min(counts) >= 31, counts  # (one worker alone could not have seen them all)
        workers: list[int] = []
        for _ in range(100):  # the master forks its workers one by one; wait for both
            workers = [int(p) for p in subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                                      text=True).stdout.split()]
            if len(workers) == 2:
                break
            time.sleep(0.1)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(1.5)
        assert sample(_get(base + "/metrics"), "claimtrack_http_request_duration_seconds_count",
                      route="/health") >= 31  # a killed worker's counts stay (counters are not live gauges)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    leftovers = [p for p in Path("/tmp").glob("claimtrack-metrics-*") if str(proc.pid) in p.name]
    assert not leftovers


def test_the_access_line_records_every_field(client, log_output):
    """The access line (built from the request object read once) still records method, path,
    status, duration, client and request id, in the message and as JSON fields."""
    configure_logging("json", "info", log_output)
    client.get("/v1/claims?limit=1", headers={"X-Request-ID": "fields-1"})
    access = [json.loads(line) for line in log_output.getvalue().splitlines()
              if json.loads(line)["logger"] == "claimtrack.access"]
    assert len(access) == 1
    line = access[0]
    assert (line["method"], line["path"], line["status"], line["request_id"]) == ("GET", "/v1/claims", 200, "fields-1")
    assert line["client"] == "127.0.0.1" and isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["message"] == f"GET /v1/claims 200 {line['duration_ms']:.1f}ms"
