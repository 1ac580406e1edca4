"""Request ids and logs.

Each request has an id: the client's ``X-Request-ID`` when it is 1 to 128 characters of
letters, digits and ``._:-`` (anything else is replaced), else a new one. It is echoed in the
``X-Request-ID`` response header, carried by every problem body (``request_id``) and by every
log line written while the request runs. The app logs one access line per request (method,
path, status, milliseconds). ``LOG_FORMAT=json`` (``CLAIMTRACK_LOG_FORMAT``) writes each log
line as one JSON object; otherwise lines are plain text.
"""
from __future__ import annotations

import logging
import re
import sys
import time
import uuid

from flask import Flask, g, has_request_context, request
from pythonjsonlogger.json import JsonFormatter

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s request_id=%(request_id)s %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(process)d %(name)s %(request_id)s %(message)s"
access_log = logging.getLogger("claimtrack.access")


def request_id() -> str | None:
    """The current request's id (taken from the client's header or generated on first use);
    None outside a request."""
    if not has_request_context():
        return None
    if "request_id" not in g:
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = offered if _VALID_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
    return g.request_id


class RequestIdFilter(logging.Filter):
    """Gives every record a ``request_id`` attribute (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Attach the id; never drops a record."""
        if not hasattr(record, "request_id"):
            record.request_id = request_id() or "-"
        return True


def log_formatter(log_format: str) -> logging.Formatter:
    """The formatter of ``log_format`` (``json`` or ``text``)."""
    if log_format == "json":
        return JsonFormatter(JSON_FIELDS, rename_fields={"asctime": "time", "levelname": "level",
                                                         "name": "logger", "process": "pid"})
    return logging.Formatter(TEXT_FORMAT)


def configure_logging(log_format: str, level: str, stream=None) -> None:
    """One handler on the root logger writing to ``stream`` (stderr) with the request-id filter
    and the chosen format; gunicorn's error log gets the same format and filter."""
    formatter = log_formatter(log_format)
    # No format here names the calling function, file or line: skip finding them for every
    # record (the logging HOWTO's "Optimization"; one stack walk per access line otherwise).
    logging._srcfile = None
    # Nor the thread's or the multiprocessing process's name (two look-ups per record).
    logging.logThreads = logging.logMultiprocessing = False
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    for existing in logging.getLogger("gunicorn.error").handlers:
        existing.setFormatter(formatter)
        existing.addFilter(RequestIdFilter())


def _start_clock() -> None:
    g.request_started = time.perf_counter()
    request_id()


def _finish(response):
    """Echo the request id and write the access line. Each request attribute is read once off the
    request object itself (every read through Flask's ``request`` proxy looks up the context
    again) and the record carries its request id (the filter then has none to look up)."""
    now = time.perf_counter()
    rid = request_id()
    response.headers[REQUEST_ID_HEADER] = rid
    req = request._get_current_object()
    method, path, status = req.method, req.path, response.status_code
    took_ms = (now - g.get("request_started", now)) * 1000
    access_log.info("%s %s %s %.1fms", method, path, status, took_ms,
                    extra={"method": method, "path": path, "status": status, "duration_ms": round(took_ms, 1),
                           "client": req.remote_addr, "request_id": rid})
    return response


def init_observability(app: Flask) -> None:
    """Configure logging (unless testing, where pytest captures records) and register the
    request-id and access-log hooks; call it first, so every later hook runs inside them."""
    if not app.testing:
        settings = app.extensions["claimtrack"]["settings"]
        configure_logging(settings.log_format, settings.log_level)
    app.before_request(_start_clock)
    app.after_request(_finish)
