"""The compiled response dumps (api.fast_dump) give marshmallow's own bytes on every read."""
from __future__ import annotations

import pytest

from api import fast_dump
from schemas.articles import ArticleDetailSchema
from schemas.claims import ClaimDetailSchema, ClaimPageSchema
from schemas.disagreements import DisagreementSchema

from .conftest import TEXT_A
from .helpers import article, post


def test_the_response_schemas_compile():
    for schema in (ClaimPageSchema(), ClaimDetailSchema(), DisagreementSchema(), ArticleDetailSchema()):
        assert fast_dump.compile_dumper(schema) is not None, type(schema).__name__


def test_a_schema_with_a_dump_hook_is_left_to_marshmallow():
    from marshmallow import Schema, fields, post_dump

    class Hooked(Schema):
        a = fields.String()

        @post_dump
        def upper(self, data, **kwargs):
            return {k: v.upper() for k, v in data.items()}

    assert fast_dump.compile_dumper(Hooked()) is None


def _reads(client, two_outlets) -> list[str]:
    a, b = two_outlets
    claims = client.get("/v1/claims?limit=100").get_json()["items"]
    disagreements = client.get("/v1/disagreements?limit=100&include_dismissed=true").get_json()["items"]
    assert claims and disagreements
    paths = ["/v1/claims?limit=100", "/v1/claims?limit=2", "/v1/claims?q=hostages&sort=relevance",
             "/v1/claims?contested=true", "/v1/disagreements?limit=100&include_dismissed=true", "/v1/outlets",
             "/v1/outlets/alpha", "/v1/outlets/compare?a=alpha&b=beta",
             "/v1/outlets/compare/claims?a=alpha&b=beta&part=both",
             "/v1/outlets/compare/disagreements?a=alpha&b=beta", "/v1/articles?limit=100",
             f"/v1/articles/{a['id']}", f"/v1/articles/{b['id']}", "/v1/curation", "/health"]
    for claim in claims:
        paths += [f"/v1/claims/{claim['id']}", f"/v1/claims/{claim['id']}/outlets",
                  f"/v1/claims/{claim['id']}/disagreements?include_dismissed=true"]
    paths += [f"/v1/disagreements/{d['id']}" for d in disagreements]
    return paths


def test_every_read_gives_marshmallows_bytes(app, client, auth, two_outlets, monkeypatch):
    post(client, auth, article("gamma.net", "Gamma", TEXT_A, published_at="2024-08-21"))
    number = client.get("/v1/disagreements?kind=number").get_json()["items"]
    if number:
        client.post(f"/v1/disagreements/{number[0]['id']}/dismiss", json={"reason": "same"}, headers=auth)
    paths = _reads(client, two_outlets)
    fast = {p: client.get(p) for p in paths}
    monkeypatch.setattr(fast_dump, "ENABLED", False)
    app.extensions["claimtrack"]["read_cache"].clear()  # (else the same paths are answered from memory)
    for path in paths:
        slow = client.get(path)
        assert fast[path].status_code == slow.status_code == 200, path
        assert fast[path].data == slow.data, path


@pytest.mark.parametrize("value", [None, []])
def test_empty_and_null_values_dump_as_marshmallow_dumps_them(value):
    schema = ClaimDetailSchema()
    obj = {"id": 1, "text": "t", "kind": "statement", "speaker": None, "mention_count": 1, "outlet_count": 1,
           "disagreement_count": 0, "disagreements_by_kind": {}, "first_seen": None, "last_seen": None,
           "first_outlet": None, "outlets": value, "disagreements": value}
    assert fast_dump.compile_dumper(schema)(obj) == type(schema)().dump(obj)
