"""claimtrack: a fact-claim tracking REST API.

``create_app`` is imported lazily so that ``api.pipeline`` can be used without Flask.
"""


def create_app(config=None, settings=None):
    """Build the Flask application (see ``api.app.create_app``)."""
    from .app import create_app as _create_app

    return _create_app(config, settings)
