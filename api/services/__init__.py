"""The service layer: what the API does, in plain functions over a unit of work.

Views parse and shape; services decide and write. Nothing here reads the Flask request.
"""
