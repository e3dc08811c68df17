"""PostgreSQL full-text search: the documents of the postgres search backend (tsvector columns
with GIN indexes), its spelling vocabulary (pg_trgm), and the content version it was last
written at. Nothing on SQLite, where only the Whoosh backend runs.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

FIELDS = ("name_zh", "name_bigram", "name_en", "pinyin", "initials", "text_zh", "text_en", "materials_zh",
          "materials_en", "spell_en")


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    # Both are trusted extensions: a database owner may create them.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch")
    columns = ", ".join(f"{field} tsvector NOT NULL" for field in FIELDS)
    # No foreign key to items: a cascade would delete a row before the backend has taken its
    # words out of the vocabulary's counts; the backend deletes the rows of deleted items itself.
    op.execute(f"""CREATE TABLE search_documents (
        item_id integer PRIMARY KEY,
        code text NOT NULL, {columns}, meta jsonb NOT NULL, lengths jsonb NOT NULL)""")
    # fastupdate off: each write goes into the index itself. With it on, new entries wait in a
    # pending list that every search scans in full until a vacuum (a rebuild made searches 10 ms).
    for field in FIELDS:
        op.execute(f"CREATE INDEX ix_search_documents_{field} ON search_documents USING gin ({field}) "
                   "WITH (fastupdate = off)")
    op.execute("CREATE TABLE search_words (word text PRIMARY KEY, documents integer NOT NULL)")
    # The extension may live in another schema than this one (created there first): name it.
    schema = op.get_bind().exec_driver_sql(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'").scalar()
    op.execute(f"CREATE INDEX ix_search_words_trigrams ON search_words USING gin (word {schema}.gin_trgm_ops)")
    op.execute("CREATE TABLE search_state (id integer PRIMARY KEY, content_version integer NOT NULL, "
               "format text NOT NULL)")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("search_state", "search_words", "search_documents"):
        op.execute(f"DROP TABLE {table}")
