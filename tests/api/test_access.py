"""Who needs a key is declared once (``api.auth``): enforcement and the contract agree on every operation."""
from __future__ import annotations

import re

import yaml

from api.auth import _ACCESS_ATTR, READ, WRITE, access_of

from ..conftest import change_settings


def _operations(app):
    """(contract path, method, view method) of every /v1 operation the app serves."""
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/v1"):
            continue
        view_class = app.view_functions[rule.endpoint].view_class
        path = re.sub(r"<(?:[^>]*:)?([A-Za-z_][A-Za-z0-9_]*)>", r"{\1}", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield path, method, getattr(view_class, method.lower())


def test_the_contract_asks_for_a_key_exactly_where_the_app_does(app):
    spec = yaml.safe_load(app.test_client().get("/openapi.yaml").data)
    seen = 0
    for path, method, view in _operations(app):
        documented = bool(spec["paths"][path][method.lower()].get("security"))
        assert documented == (access_of(method, view) == WRITE), (method, path)
        if method != "GET":  # every operation but a plain read says what it is
            assert getattr(view, _ACCESS_ATTR, None) in (READ, WRITE), (method, path)
        seen += 1
    assert seen >= 15


def test_enforcement_follows_the_declarations(app, client, auth):
    assert client.post("/v1/similarity", json={"a": "x", "b": "y"}).status_code == 200  # declared a read
    assert client.post("/v1/articles", json={}).status_code == 401  # declared a write
    assert client.post("/v1/claims/1/merge", json={"from_claim_id": 2}).status_code == 401
    change_settings(app, reads_need_key=True)
    assert client.post("/v1/similarity", json={"a": "x", "b": "y"}).status_code == 401
    assert client.post("/v1/similarity", json={"a": "x", "b": "y"}, headers=auth).status_code == 200
    assert client.get("/health").status_code == 200
