"""marshmallow schemas: they validate every request, shape every response, and generate openapi.yaml."""
