"""Decorators that document the errors an operation can answer, and the bearer requirement."""
from __future__ import annotations

from schemas.common import ProblemSchema

from ..errors import PROBLEM_CONTENT_TYPE
from ..openapi import problem_example

# Path ids: positive and within a 32-bit integer column, so that no id reaches the database
# unchecked (larger ones are simply unknown: 404).
ID = "int(min=1, max=2147483647)"


def errors(blp, *statuses: int):
    """Document problem+json responses for ``statuses`` on an operation of ``blp``."""

    def decorate(view):
        for status in sorted(statuses, reverse=True):
            view = blp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_CONTENT_TYPE,
                                    example=problem_example(status), description=_DESCRIPTIONS[status])(view)
        return view

    return decorate


def needs_key(blp):
    """Document that the operation needs ``Authorization: Bearer <key>`` (enforced in ``api.auth``)."""

    def decorate(view):
        view = blp.doc(security=[{"bearerAuth": []}])(view)
        return errors(blp, 401)(view)

    return decorate


_DESCRIPTIONS = {
    400: "Malformed request (e.g. the body is not JSON).",
    401: "Missing, unknown or revoked API key.",
    404: "No such resource.",
    409: "The request conflicts with what is stored.",
    413: "The request body is too large.",
    422: "Invalid fields; `errors` maps each field to its messages.",
}
