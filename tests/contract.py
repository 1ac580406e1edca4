"""A Flask test client that checks every response it receives against the committed openapi.yaml:
the status must be documented for the operation, the content type must match, and a JSON body
must validate against the documented schema."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"


@lru_cache(maxsize=1)
def spec() -> dict:
    """The committed contract."""
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def spec_path(rule: str) -> str:
    """``/v1/claims/<int:claim_id>`` → ``/v1/claims/{claim_id}``."""
    return re.sub(r"<(?:[^:>]+:)?([a-z_]+)>", r"{\1}", rule)


def check_response(method: str, rule: str | None, response) -> None:
    """Assert that ``response`` is what the contract promises for ``method`` on ``rule``."""
    if rule is None:  # no route matched: a 404/405 problem, checked by the error tests
        assert response.mimetype == "application/problem+json", response.data[:200]
        return
    path = spec().get("paths", {}).get(spec_path(rule))
    if path is None:
        return  # routes outside the contract: /openapi.yaml, /docs
    op = path.get(method.lower())
    if op is None:
        assert response.status_code == 405, f"{method} {rule} is not in the contract"
        assert response.mimetype == "application/problem+json"
        return
    documented = op.get("responses", {})
    entry = documented.get(str(response.status_code))
    assert entry is not None, (f"{method} {rule} answered {response.status_code}, which the contract does not "
                               f"document ({sorted(documented)}): {response.data[:300]!r}")
    if "$ref" in entry:
        entry = spec()["components"]["responses"][entry["$ref"].rsplit("/", 1)[1]]
    content = entry.get("content")
    if not content:
        return
    assert response.mimetype in content, f"{method} {rule}: {response.mimetype} not in {list(content)}"
    schema = content[response.mimetype].get("schema")
    if schema:
        wrapper = {"components": spec().get("components", {}), "allOf": [schema]}
        errors = sorted(Draft202012Validator(wrapper).iter_errors(response.get_json()), key=str)
        assert not errors, f"{method} {rule} {response.status_code}: {errors[0].message} at {list(errors[0].path)}"


class ContractClient(FlaskClient):
    """FlaskClient that checks each response against the contract."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = response.request
        rule = None
        adapter = self.application.url_map.bind("localhost")
        try:
            rule_obj, _ = adapter.match(request.path, method=request.method, return_rule=True)
            rule = rule_obj.rule
        except Exception:  # noqa: BLE001 - unmatched routes are checked as problems
            rule = None
        check_response(request.method, rule, response)
        return response
