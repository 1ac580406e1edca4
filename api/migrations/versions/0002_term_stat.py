"""term_stat: document frequency of each indexed word (for rare-word candidate retrieval)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Existing mentions are counted in when the table is created, with the index keys as this
revision defined them (a frozen copy of ``api.services.search.index_terms`` of 2026-11-22, so
that this migration does not change when the live function does).
"""
import re
from collections import Counter

import snowballstemmer
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def index_terms(mention_text: str, porter) -> set[str]:
    """The index keys of a mention: of its first 10,000 words (runs of letters and digits),
    those longer than one character, lower-case, Porter-stemmed (``porter``), cut to 64
    characters (frozen as of this revision)."""
    words = [w.lower() for w in _WORD.findall(mention_text or "")][:10_000]
    return {porter.stemWord(w)[:64] for w in words if len(w) > 1}


def upgrade() -> None:
    table = op.create_table(
        "term_stat",
        sa.Column("term", sa.String(length=64), primary_key=True),
        sa.Column("df", sa.Integer(), nullable=False),
    )
    porter = snowballstemmer.stemmer("porter")
    counts: Counter = Counter()
    for (text,) in op.get_bind().execute(sa.text("SELECT text FROM mention")):
        counts.update(index_terms(text, porter))
    if counts:
        op.bulk_insert(table, [{"term": t, "df": n} for t, n in counts.items()])


def downgrade() -> None:
    op.drop_table("term_stat")
