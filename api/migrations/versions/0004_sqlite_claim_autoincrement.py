"""SQLite: claim ids are never reused (AUTOINCREMENT)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

A claim emptied by curation is deleted; without AUTOINCREMENT SQLite gave its id (when it was
the largest) to the next new claim, so an old link to that claim showed another one. The claim
table is rebuilt with AUTOINCREMENT (Alembic batch mode: copy, drop, rename; foreign key
enforcement is switched off for the rebuild, as SQLite's table rebuild requires, and the
references are checked afterwards). PostgreSQL: nothing to do (sequences never go back).
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _rebuild_claim_table(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    raw = bind.connection.dbapi_connection
    raw.commit()  # foreign key enforcement can only be switched outside a transaction
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with op.batch_alter_table("claim", recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the claim table rebuild: {broken[:5]}")
        raw.commit()
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def upgrade() -> None:
    _rebuild_claim_table(True)


def downgrade() -> None:
    _rebuild_claim_table(False)
