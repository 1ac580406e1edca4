"""mention_vector: each mention's sentence embedding (int8 codes) for vector candidate retrieval

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

One row per mention: ``code`` (the L2-normalised static embedding as int8, 256 bytes),
``published`` (its article's publication time, seconds since 1970 UTC) and an index on
(published, mention_id), so that candidate retrieval reads the vectors of a time window with one
range scan on SQLite and PostgreSQL alike (no extension). The rows of mentions stored before
this revision are not computed here (embedding a large store takes minutes): run
``claimtrack backfill-vectors`` after upgrading; until then those mentions are found by the
full-text index only.
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mention_vector",
        sa.Column("mention_id", sa.Integer(), sa.ForeignKey("mention.id", ondelete="CASCADE"), primary_key=True,
                  autoincrement=False),
        sa.Column("published", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_mention_vector_published", "mention_vector", ["published", "mention_id"])


def downgrade() -> None:
    op.drop_index("ix_mention_vector_published", table_name="mention_vector")
    op.drop_table("mention_vector")
