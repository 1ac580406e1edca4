# claimtrack: the API served by gunicorn (claimtrack serve), for PostgreSQL and Redis (see compose.yaml).
# Untested here: the machine this was written on runs no Docker engine (checked with hadolint only).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLAIMTRACK_BIND=0.0.0.0:8000 \
    CLAIMTRACK_INSTANCE_DIR=/data \
    CLAIMTRACK_LOG_FORMAT=json

WORKDIR /app
# The source is installed in place (editable): the served openapi.yaml and the seeds are read beside it.
COPY pyproject.toml README.md openapi.yaml ./
COPY api ./api
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /data --create-home claimtrack

USER 10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"]
# Migrate (a no-op when current), then serve; `exec`: gunicorn itself gets the stop signal.
CMD ["sh", "-c", "claimtrack db upgrade && exec claimtrack serve"]
