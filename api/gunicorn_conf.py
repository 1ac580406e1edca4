"""gunicorn settings for ``claimtrack serve``: the app (and any embedding model) is loaded once
before the workers fork (``preload_app``), never per request."""
import os

bind = os.environ.get("CLAIMTRACK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("CLAIMTRACK_WORKERS", "2"))
threads = int(os.environ.get("CLAIMTRACK_THREADS", "1"))
timeout = int(os.environ.get("CLAIMTRACK_TIMEOUT", "120"))
preload_app = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("CLAIMTRACK_LOG_LEVEL", "info")
