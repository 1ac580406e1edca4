"""store_generation: one counter every write to the stored data moves, in the write's transaction

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

One row, ``store_generation (id = 1, n)``. A trigger on every table a read answers from (not
``apikey``: no read shows keys) adds one to ``n`` in the transaction of each statement that
inserts, updates or deletes there (PostgreSQL: once per statement, and on ``TRUNCATE``; SQLite,
which has no statement triggers: once per row). So whoever writes — a request, the command line,
a migration, a script — a reader that finds ``n`` unchanged knows that nothing it could read has
changed since. The app's read cache (``api/read_cache.py``) validates every answer it keeps
against it.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Every table whose rows a read answers (frozen here: a later table adds its own trigger).
TABLES = ("outlet", "article", "claim", "claimoutlet", "mention", "mention_vector", "disagreement", "term_stat",
          "curationevent")
PG_FUNCTION = ("CREATE FUNCTION store_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
               "BEGIN UPDATE store_generation SET n = n + 1 WHERE id = 1; RETURN NULL; END $$")


def upgrade() -> None:
    op.create_table(
        "store_generation",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_store_generation_one_row"),
    )
    op.execute("INSERT INTO store_generation (id, n) VALUES (1, 0)")
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for action in ("INSERT", "UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER store_generation_{table}_{action.lower()} AFTER {action} ON {table} "
                           "BEGIN UPDATE store_generation SET n = n + 1 WHERE id = 1; END")
        return
    op.execute(PG_FUNCTION)
    for table in TABLES:
        op.execute(f"CREATE TRIGGER store_generation_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION store_generation_bump()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for action in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS store_generation_{table}_{action}")
    else:
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS store_generation_bump ON {table}")
        op.execute("DROP FUNCTION IF EXISTS store_generation_bump()")
    op.drop_table("store_generation")
