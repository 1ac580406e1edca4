"""Fixtures shared by the API tests: two outlets reporting one event."""
from __future__ import annotations

import pytest

from .helpers import article, post

TEXT_A = ("\u201cWe are working to make sure that there is no escalation in the region,\u201d Antony Blinken said on Monday.\n"
          "The health ministry said 111 hostages remain in Gaza after the talks.\n"
          "Protesters gathered outside the parliament building to demand new elections.")
TEXT_B = ("\u201cWe are looking to make sure that there is no escalation in the region,\u201d Blinken said.\n"
          "The health ministry said 115 hostages remain in Gaza after the talks.\n"
          "A storm closed dozens of schools across Ohio and Kentucky on Tuesday.")


@pytest.fixture
def two_outlets(client, auth):
    """Articles from alpha.com and beta.org on one event; returns both responses."""
    a = post(client, auth, article("alpha.com", "Alpha News", TEXT_A, published_at="2024-08-19"))
    b = post(client, auth, article("beta.org", "Beta Daily", TEXT_B, published_at="2024-08-20T10:00:00Z"))
    return a, b


def mention_with(resp: dict, needle: str) -> dict:
    """The mention of an article response whose text holds ``needle``."""
    found = [m for m in resp["mentions"] if needle in m["text"]]
    assert found, f"no mention holds {needle!r}: {[m['text'] for m in resp['mentions']]}"
    return found[0]
