"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-21

All tables, their indexes, and the full-text index over mention text: an FTS5 table kept in
step by triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('apikey',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('key_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key_hash')
    )
    op.create_table('curationevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('mention_id', sa.Integer(), nullable=True),
    sa.Column('disagreement_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('curationevent', schema=None) as batch_op:
        batch_op.create_index('ix_curation_claim', ['claim_id', 'id'], unique=False)

    op.create_table('outlet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('domain', sqlmodel.sql.sqltypes.AutoString(length=253), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('domain'),
    sa.UniqueConstraint('slug')
    )
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2048), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('published_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=35), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('extractor', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('attribution', sa.Boolean(), nullable=False),
    sa.Column('ingested_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url')
    )
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index('ix_article_outlet_published', ['outlet_id', 'published_at', 'id'], unique=False)
        batch_op.create_index('ix_article_published', ['published_at', 'id'], unique=False)

    op.create_table('claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('speaker', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('mention_count', sa.Integer(), nullable=False),
    sa.Column('outlet_count', sa.Integer(), nullable=False),
    sa.Column('disagreement_count', sa.Integer(), nullable=False),
    sa.Column('first_seen', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_seen', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('first_outlet_id', sa.Integer(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['first_outlet_id'], ['outlet.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index('ix_claim_disagreement_count', ['disagreement_count', 'id'], unique=False)
        batch_op.create_index('ix_claim_first_seen', ['first_seen', 'id'], unique=False)
        batch_op.create_index('ix_claim_kind', ['kind'], unique=False)
        batch_op.create_index('ix_claim_last_seen', ['last_seen', 'id'], unique=False)
        batch_op.create_index('ix_claim_mention_count', ['mention_count', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index('ix_claim_outlet_count', ['outlet_count', 'id'], unique=False)
        batch_op.create_index('ix_claim_speaker', ['speaker'], unique=False)

    op.create_table('claimoutlet',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('mention_count', sa.Integer(), nullable=False),
    sa.Column('first_seen', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], ),
    sa.PrimaryKeyConstraint('claim_id', 'outlet_id')
    )
    with op.batch_alter_table('claimoutlet', schema=None) as batch_op:
        batch_op.create_index('ix_claim_outlet_outlet', ['outlet_id', 'claim_id'], unique=False)

    op.create_table('mention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('is_quote', sa.Boolean(), nullable=False),
    sa.Column('speaker', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('speaker_role', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('checkworthiness', sa.Float(), nullable=True),
    sa.Column('quote_spans', sa.JSON(), nullable=False),
    sa.Column('provenance', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('provenance_version', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True),
    sa.Column('match_score', sa.Float(), nullable=True),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.create_index('ix_mention_article', ['article_id', 'start'], unique=False)
        batch_op.create_index('ix_mention_claim', ['claim_id', 'id'], unique=False)
        batch_op.create_index('ix_mention_speaker', ['speaker'], unique=False)

    op.create_table('disagreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('mention_a_id', sa.Integer(), nullable=False),
    sa.Column('mention_b_id', sa.Integer(), nullable=False),
    sa.Column('outlet_a_id', sa.Integer(), nullable=False),
    sa.Column('outlet_b_id', sa.Integer(), nullable=False),
    sa.Column('a_start', sa.Integer(), nullable=False),
    sa.Column('a_end', sa.Integer(), nullable=False),
    sa.Column('a_text', sa.Text(), nullable=False),
    sa.Column('b_start', sa.Integer(), nullable=False),
    sa.Column('b_end', sa.Integer(), nullable=False),
    sa.Column('b_text', sa.Text(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('diff', sa.JSON(), nullable=False),
    sa.Column('detector_version', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('dismissed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('dismissed_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('dismiss_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.ForeignKeyConstraint(['mention_a_id'], ['mention.id'], ),
    sa.ForeignKeyConstraint(['mention_b_id'], ['mention.id'], ),
    sa.ForeignKeyConstraint(['outlet_a_id'], ['outlet.id'], ),
    sa.ForeignKeyConstraint(['outlet_b_id'], ['outlet.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('mention_a_id', 'mention_b_id', 'kind', name='uq_disagreement_pair_kind')
    )
    with op.batch_alter_table('disagreement', schema=None) as batch_op:
        batch_op.create_index('ix_disagreement_claim', ['claim_id', 'id'], unique=False)
        batch_op.create_index('ix_disagreement_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_disagreement_kind', ['kind', 'id'], unique=False)
        batch_op.create_index('ix_disagreement_mention_b', ['mention_b_id'], unique=False)
        batch_op.create_index('ix_disagreement_outlet_a', ['outlet_a_id', 'id'], unique=False)
        batch_op.create_index('ix_disagreement_outlet_b', ['outlet_b_id', 'id'], unique=False)

    _create_fulltext()


def _create_fulltext() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for stmt in SQLITE_FTS:
            op.execute(stmt)
    else:
        op.execute("ALTER TABLE mention ADD COLUMN search_vector tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
        op.execute("CREATE INDEX ix_mention_search ON mention USING GIN (search_vector)")


SQLITE_FTS = [
    "CREATE VIRTUAL TABLE mention_fts USING fts5(text, content='mention', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER mention_fts_ai AFTER INSERT ON mention BEGIN "
    "INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER mention_fts_ad AFTER DELETE ON mention BEGIN "
    "INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER mention_fts_au AFTER UPDATE OF text ON mention BEGIN "
    "INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END",
]


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("mention_fts_au", "mention_fts_ad", "mention_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS mention_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_mention_search")
    with op.batch_alter_table('disagreement', schema=None) as batch_op:
        batch_op.drop_index('ix_disagreement_outlet_b')
        batch_op.drop_index('ix_disagreement_outlet_a')
        batch_op.drop_index('ix_disagreement_mention_b')
        batch_op.drop_index('ix_disagreement_kind')
        batch_op.drop_index('ix_disagreement_created')
        batch_op.drop_index('ix_disagreement_claim')

    op.drop_table('disagreement')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index('ix_mention_speaker')
        batch_op.drop_index('ix_mention_claim')
        batch_op.drop_index('ix_mention_article')

    op.drop_table('mention')
    with op.batch_alter_table('claimoutlet', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_outlet_outlet')

    op.drop_table('claimoutlet')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_speaker')
        batch_op.drop_index('ix_claim_outlet_count')
        batch_op.drop_index(batch_op.f('ix_claim_merged_into_id'))
        batch_op.drop_index('ix_claim_mention_count')
        batch_op.drop_index('ix_claim_last_seen')
        batch_op.drop_index('ix_claim_kind')
        batch_op.drop_index('ix_claim_first_seen')
        batch_op.drop_index('ix_claim_disagreement_count')

    op.drop_table('claim')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index('ix_article_published')
        batch_op.drop_index('ix_article_outlet_published')

    op.drop_table('article')
    op.drop_table('outlet')
    with op.batch_alter_table('curationevent', schema=None) as batch_op:
        batch_op.drop_index('ix_curation_claim')

    op.drop_table('curationevent')
    op.drop_table('apikey')
