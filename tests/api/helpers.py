"""Small builders for API tests."""
from __future__ import annotations

import itertools

_n = itertools.count(1)


def article(domain: str = "example.com", name: str | None = None, text: str | None = None, **extra) -> dict:
    """A valid article body with a unique URL."""
    body = {
        "outlet": {"name": name or domain.split(".")[0].title(), "domain": domain},
        "url": f"https://{domain}/news/{next(_n)}",
        "title": "Minister visits the region",
        "published_at": "2024-08-19",
        "language": "en",
        "text": text or ("The foreign minister arrived in Cairo on Monday for talks on a ceasefire.\n"
                         "\u201cThis is the moment to get it done,\u201d the minister, Jane Doe, told reporters."),
    }
    body.update(extra)
    return body


def post(client, auth, body, status=201) -> dict:
    """POST an article and assert the status."""
    resp = client.post("/v1/articles", json=body, headers=auth)
    assert resp.status_code == status, resp.get_json()
    return resp.get_json()
