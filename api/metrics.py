"""Prometheus metrics at ``GET /metrics``.

- ``claimtrack_http_request_duration_seconds{method,route,status}``: a histogram of every
  answered request (its ``_count`` is the request count), the route being the URL rule
  as the contract writes it (``/v1/claims/{claim_id}``; ``unmatched`` for a path no rule knows);
- ``claimtrack_ingest_stage_seconds{stage}``: the stages of an ingest (extract, match, settle,
  store, detect);
- ``claimtrack_write_lock_wait_seconds{by}``: how long ingests and curation waited for the
  write lock.

The services stay free of metrics code: the stage functions are wrapped, by name, when the app
is created (``INGEST_STAGES``). Under gunicorn, ``claimtrack serve`` points
``PROMETHEUS_MULTIPROC_DIR`` at a fresh folder before anything imports ``prometheus_client``:
every worker then writes its samples there, ``/metrics`` adds them up whichever worker answers,
and ``api.gunicorn_conf`` forgets a worker that exited.
"""
from __future__ import annotations

import functools
import importlib
import re
import time

from flask import Flask, Response, current_app, g, request
from prometheus_client import (CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Histogram, generate_latest,
                               multiprocess)

REQUEST_SECONDS = Histogram("claimtrack_http_request_duration_seconds", "Requests by route and status.",
                            ["method", "route", "status"])
STAGE_SECONDS = Histogram("claimtrack_ingest_stage_seconds", "Time spent in each stage of an ingest.", ["stage"])
LOCK_WAIT_SECONDS = Histogram("claimtrack_write_lock_wait_seconds", "Waits for the write lock.", ["by"],
                              buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))

# (module, function, histogram, label): the functions whose every call is timed.
INGEST_STAGES = (
    ("api.services.articles", "plan_mentions", STAGE_SECONDS, "match"),
    ("api.services.articles", "settle_plan", STAGE_SECONDS, "settle"),
    ("api.services.articles", "store_mentions", STAGE_SECONDS, "store"),
    ("api.services.articles", "detect_for_article", STAGE_SECONDS, "detect"),
    ("api.services.articles", "take_write_lock", LOCK_WAIT_SECONDS, "ingest"),
    ("api.services.curation", "take_write_lock", LOCK_WAIT_SECONDS, "curation"),
)


def timed(fn, histogram: Histogram, label: str):
    """``fn`` with every call's duration observed in ``histogram`` under ``label``."""
    if getattr(fn, "_claimtrack_timed", False):
        return fn

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with histogram.labels(label).time():
            return fn(*args, **kwargs)

    wrapper._claimtrack_timed = True
    return wrapper


def instrument(components) -> None:
    """Wrap the ingest stages (once per process) and the components' extractor."""
    for module_name, name, histogram, label in INGEST_STAGES:
        module = importlib.import_module(module_name)
        setattr(module, name, timed(getattr(module, name), histogram, label))
    components.extract = timed(components.extract, STAGE_SECONDS, "extract")


_LABELS: dict[str, str] = {}  # URL rule → its label (the rules are fixed once the app is built)


def route_label() -> str:
    """The request's URL rule as the contract writes it (``/v1/claims/{claim_id}``), or
    ``unmatched``: one series per route, never per path."""
    rule = request.url_rule
    if rule is None:
        return "unmatched"
    label = _LABELS.get(rule.rule)
    if label is None:
        label = _LABELS[rule.rule] = re.sub(r"<(?:[^>]*:)?([A-Za-z_][A-Za-z0-9_]*)>", r"{\1}", rule.rule)
    return label


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response):
    started = g.pop("metrics_started", None)
    if started is not None:
        REQUEST_SECONDS.labels(request.method, route_label(), str(response.status_code)).observe(
            time.perf_counter() - started)
    return response


def render_metrics() -> Response:
    """The metrics of this process, or of every worker in multiprocess mode."""
    if current_app.extensions["claimtrack"]["settings"].metrics_dir:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST.split(";")[0],
                    headers={"Content-Type": CONTENT_TYPE_LATEST, "Cache-Control": "no-store"})


def init_metrics(app: Flask, components) -> None:
    """Serve ``/metrics`` and time every request and ingest stage."""
    instrument(components)
    app.before_request(_start_timer)
    app.after_request(_observe)
    app.add_url_rule("/metrics", "metrics", render_metrics, methods=["GET"])
