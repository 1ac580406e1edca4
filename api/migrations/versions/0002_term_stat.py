"""term_stat: document frequency of each indexed word (for rare-word candidate retrieval)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Existing mentions are counted in when the table is created.
"""
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "term_stat",
        sa.Column("term", sa.String(length=64), primary_key=True),
        sa.Column("df", sa.Integer(), nullable=False),
    )
    from api.services.search import index_terms

    counts: Counter = Counter()
    for (text,) in op.get_bind().execute(sa.text("SELECT text FROM mention")):
        counts.update(index_terms(text))
    if counts:
        op.bulk_insert(table, [{"term": t, "df": n} for t, n in counts.items()])


def downgrade() -> None:
    op.drop_table("term_stat")
