"""Partial sort indexes over live claims

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Every claim listing reads live claims only (not merged, with mentions) in the order of one sort
key. The (key, id) indexes over all claims made the planner pick the ``merged_into_id`` index and
sort every live claim per request; the indexes here hold only live claims, in (key, id) order,
(and one of ids, for ``sort=id``), so a page is read straight off an index whatever the store size;
the same again over contested claims only (``contested=true``: few, and otherwise found only
by reading past every uncontested claim). They replace the full ones
(fewer index entries to write, not more). The indexes on ``merged_into_id`` and ``kind`` go: no query
looks claims up by the first, the second has two values, and without statistics SQLite took
either for a selective search (then sorted every live claim, or every quotation).
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SORT_KEYS = ("last_seen", "first_seen", "outlet_count", "mention_count", "disagreement_count")
LIVE = sa.text("merged_into_id IS NULL AND mention_count > 0")
CONTESTED = sa.text("merged_into_id IS NULL AND mention_count > 0 AND disagreement_count > 0")


def upgrade() -> None:
    op.drop_index("ix_claim_merged_into_id", table_name="claim")
    op.drop_index("ix_claim_kind", table_name="claim")
    for key in SORT_KEYS:
        op.drop_index(f"ix_claim_{key}", table_name="claim")
        op.create_index(f"ix_live_claim_{key}", "claim", [key, "id"], sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_live_claim_id", "claim", ["id"], sqlite_where=LIVE, postgresql_where=LIVE)
    for key in SORT_KEYS + ("id",):
        op.create_index(f"ix_contested_claim_{key}", "claim", list(dict.fromkeys([key, "id"])),
                        sqlite_where=CONTESTED, postgresql_where=CONTESTED)


def downgrade() -> None:
    for key in SORT_KEYS + ("id",):
        op.drop_index(f"ix_contested_claim_{key}", table_name="claim")
    op.drop_index("ix_live_claim_id", table_name="claim")
    for key in SORT_KEYS:
        op.drop_index(f"ix_live_claim_{key}", table_name="claim")
        op.create_index(f"ix_claim_{key}", "claim", [key, "id"])
    op.create_index("ix_claim_merged_into_id", "claim", ["merged_into_id"])
    op.create_index("ix_claim_kind", "claim", ["kind"])
