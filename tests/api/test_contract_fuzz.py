"""schemathesis: requests generated from openapi.yaml, a bounded number per operation, against
the app in process. No 5xx, no response that breaks the contract.

The app gets a database of its own (created when this module is collected) holding two articles,
so that generated ids sometimes hit stored rows.
"""
from __future__ import annotations

import os
import tempfile

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api import create_app
from api.migrate import downgrade, upgrade

from ..conftest import API_KEY, PG_URL
from .conftest import TEXT_A, TEXT_B
from .helpers import article


_FOLDER = None if PG_URL else tempfile.TemporaryDirectory(prefix="claimtrack-fuzz-")


def _fuzz_app():
    if PG_URL:
        url = PG_URL
        downgrade(url, "base")
    else:
        url = f"sqlite:///{os.path.join(_FOLDER.name, 'fuzz.sqlite3')}"
    upgrade(url)
    app = create_app({"DATABASE_URL": url, "API_KEYS": [API_KEY], "TESTING": True})
    client = app.test_client()
    for body in (article("alpha.com", "Alpha", TEXT_A), article("beta.org", "Beta", TEXT_B)):
        client.post("/v1/articles", json=body, headers={"Authorization": f"Bearer {API_KEY}"})
    return app


APP = _fuzz_app()
schema = schemathesis.openapi.from_wsgi("/openapi.yaml", APP)


@schema.parametrize()
@settings(max_examples=int(os.environ.get("CLAIMTRACK_FUZZ_EXAMPLES", "25")), deadline=None,
          suppress_health_check=list(HealthCheck))
def test_generated_requests_keep_the_contract(case):
    # Every check but "schema-valid data is accepted": an opaque cursor or an unknown outlet slug
    # is schema-valid and still rightly refused.
    case.call_and_validate(headers={"Authorization": f"Bearer {API_KEY}"},
                           excluded_checks=[positive_data_acceptance])


def teardown_module(_module):
    APP.extensions["claimtrack"]["engine"].dispose()
    if _FOLDER is not None:
        _FOLDER.cleanup()  # the store lived in a folder of its own: nothing is left in /tmp
