"""How articles and outlets are recognised again: normalised URLs, domains and slugs."""
from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid|sref)$", re.I)
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no default port, no tracking parameters,
    no trailing slash: two spellings of one article's address become one."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, 80 if scheme == "http" else 443) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))


def normalise_domain(domain: str) -> str:
    """``https://www.BBC.co.uk/`` → ``bbc.co.uk``."""
    domain = domain.strip().lower()
    domain = re.sub(r"^[a-z]+://", "", domain).split("/", 1)[0].rstrip(".")
    return domain[4:] if domain.startswith("www.") else domain


def slug_for_domain(domain: str) -> str:
    """A readable slug: the domain without its public suffix (``bbc.co.uk`` → ``bbc``)."""
    labels = normalise_domain(domain).split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(labels)).strip("-") or "outlet"


def content_hash(text: str) -> str:
    """SHA-256 of the article text exactly as received."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
