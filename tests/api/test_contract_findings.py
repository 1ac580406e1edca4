"""What schemathesis found against a served instance, kept as tests: a JSON boolean is a boolean
(``is_quote: 0`` was taken as false), gunicorn's 414 and 431 and the 429's headers are in the
contract."""
from __future__ import annotations

from ..contract import spec
from .helpers import article


def test_a_claims_is_quote_must_be_a_json_boolean(client, auth):
    body = article()
    body["claims"] = [{"start": 0, "end": 11, "text": body["text"][:11], "is_quote": 0}]
    resp = client.post("/v1/articles", json=body, headers=auth)
    assert resp.status_code == 422 and "claims.0.is_quote" in resp.get_json()["errors"]
    body["claims"][0]["is_quote"] = False
    assert client.post("/v1/articles", json=body, headers=auth).status_code == 201


def test_every_operation_documents_gunicorns_refusals_and_v1_the_rate_limit():
    for path, operations in spec()["paths"].items():
        for method, op in operations.items():
            if method == "parameters":
                continue
            assert {"414", "431", "500"} <= set(op["responses"]), (method, path)
            if path.startswith("/v1"):
                too_many = op["responses"]["429"]
                assert too_many["headers"]["Retry-After"]["required"] is True
                assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(too_many["headers"])
