"""gunicorn settings for ``claimtrack serve``: the app (and any embedding model) is loaded once
before the workers fork (``preload_app``), never per request.

Workers are ``gthread`` (``ReadTimeoutWorker``): each runs ``CLAIMTRACK_THREADS`` request
threads behind a poller, so idle or kept-alive connections wait in the poller instead of holding
a worker (with the default ``sync`` workers two idle connections stalled the whole server). A
new connection whose client has sent nothing yet goes back to the poller after 0.25 s (and is
closed after the keep-alive time), and once a request is being read, each read
(headers or body) and each write waits at most that long: a client that stalls mid-request
loses its connection (mid-body: a 400 problem) instead of holding a thread.
The request line and header limits are gunicorn's largest; what gunicorn itself refuses
(a request line over 8190 bytes: 414; over 100 header fields or a field over 8190 bytes: 431;
a malformed request: 400) is answered as problem+json too (``write_problem``), never its HTML.
gunicorn's access log is off: the app writes one access line per request with its request id
(``api.observability``). ``child_exit`` drops an exited worker's live metrics and ``on_exit``
removes the metrics folder ``claimtrack serve`` made (``api.metrics``).
"""
import json
import shutil
import socket
import struct
from http import HTTPStatus

from gunicorn import util
from gunicorn.workers import gthread

from api.config import exit_on_bad_settings
from api.errors import problem_type

SETTINGS = exit_on_bad_settings()  # (a bad value: one line each, exit status 2, before anything starts)
bind = SETTINGS.bind
workers = SETTINGS.workers
worker_class = "api.gunicorn_conf.ReadTimeoutWorker"
threads = SETTINGS.threads
# Idle connections kept per worker besides the threads' (kept-alive clients wait in the poller).
worker_connections = SETTINGS.worker_connections
keepalive = SETTINGS.keepalive_s
# A worker that does not report back for this long (a request stuck that long) is restarted.
timeout = SETTINGS.timeout
graceful_timeout = 30
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
preload_app = True
accesslog = None  # the app writes one access line per request, with its request id (api.observability)
errorlog = "-"
loglevel = SETTINGS.log_level

READ_TIMEOUT_S = SETTINGS.read_timeout_s
# How long a request thread waits for a new connection's first bytes before the connection goes
# back to the poller (gunicorn's 5 s let as many idle connections as threads stall a worker).
gthread.DEFAULT_WORKER_DATA_TIMEOUT = 0.25


class ReadTimeoutWorker(gthread.ThreadWorker):
    """gunicorn's ``gthread`` worker whose connections time out each read and write after
    ``READ_TIMEOUT_S`` (kernel socket timeouts, which gunicorn's switches between blocking and
    non-blocking mode leave in place); gunicorn alone reads a started request without limit."""

    def enqueue_req(self, conn):
        """Set the socket's read and write timeouts, then hand the connection to a thread."""
        whole, part = divmod(READ_TIMEOUT_S, 1)
        limit = struct.pack("ll", int(whole), int(part * 1_000_000))
        try:
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, limit)
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, limit)
        except OSError:  # a socket closed meanwhile: the thread finds out
            pass
        super().enqueue_req(conn)


def write_problem(sock, status_int, reason, mesg):
    """gunicorn's own error answer (a request it could not parse) as RFC 9457 problem+json
    instead of its HTML page; the connection is closed as gunicorn closes it."""
    body = json.dumps({"type": problem_type(status_int),
                       "title": reason or HTTPStatus(status_int).phrase, "status": status_int,
                       "detail": mesg or HTTPStatus(status_int).description}).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + body)


def child_exit(server, worker):
    """A worker exited (or was killed): its live samples leave ``/metrics``."""
    if SETTINGS.metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    """Remove the metrics folder ``claimtrack serve`` made for this run."""
    owned = SETTINGS.owned_metrics_dir
    if owned and owned == SETTINGS.metrics_dir:
        shutil.rmtree(owned, ignore_errors=True)


util.write_error = write_problem  # (the workers' error path looks it up here at each error)


def when_ready(server):
    """Before the workers are forked: load the gazetteer the place detector uses (a second or
    two, ~70 MB) once in the master, so no request waits for it and the workers share it; and set
    the collector's thresholds the workers inherit (``api.runtime``)."""
    from api.pipeline.gazetteer import preload
    from api.runtime import tune_gc

    preload()
    tune_gc(SETTINGS.gc_threshold)  # (the workers inherit it)
