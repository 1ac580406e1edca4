"""The request's unit of work: one transaction per request."""
from __future__ import annotations

from contextlib import contextmanager

from flask import current_app
from sqlmodel import Session

from .config import Settings
from .db import UnitOfWork
from .services.components import Components


@contextmanager
def unit_of_work():
    """A session whose transaction commits when the block succeeds and rolls back otherwise."""
    with UnitOfWork(current_app.extensions["claimtrack"]["engine"]) as uow:
        yield uow.session


def components() -> Components:
    """The pipeline components built at start-up."""
    return current_app.extensions["claimtrack"]["components"]


def settings() -> Settings:
    """The app's settings (read from the environment once, when the app was created)."""
    return current_app.extensions["claimtrack"]["settings"]


def new_session() -> Session:
    """A plain session on the app's engine (for batch jobs that commit themselves)."""
    return Session(current_app.extensions["claimtrack"]["engine"], expire_on_commit=False)
