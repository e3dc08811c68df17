"""editorial workflow: guide revisions, accounts, audit log, login throttle, search journal

Today's guides become published (or draft) revision 1: the text moves from `guides` to
`guide_revisions`, and each guide points at its published revision and its draft. (A content
file that declares a later revision is loaded once more, as that revision, by the next
load-content.) The downgrade keeps one text per guide, the published one where there is one: a
draft beside it, and the history, are lost.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD_GUIDES = sa.table(
    "guides", sa.column("id", sa.Integer), sa.column("item_id", sa.Integer), sa.column("locale", sa.String),
    sa.column("state", sa.String), sa.column("summary", sa.Text), sa.column("body", sa.Text),
    sa.column("revision", sa.Integer), sa.column("source_revision", sa.Integer),
    sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("published_at", sa.DateTime(timezone=True)))

POINTERS = ("published_revision_id", "draft_revision_id")
APPEND_ONLY_SQLITE = [
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
]
APPEND_ONLY_POSTGRESQL = [
    "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$",
    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
]


def upgrade():
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    old = bind.execute(sa.select(OLD_GUIDES)).mappings().all()

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locale', sa.String(length=20), nullable=False, server_default='zh-Hans'))
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True))

    op.create_table('guide_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_revision', sa.Integer(), nullable=True),
    sa.Column('restored_from', sa.Integer(), nullable=True),
    sa.Column('change_note', sa.Text(), nullable=True),
    sa.Column('major', sa.Boolean(), nullable=False),
    sa.Column('publish_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('publisher_id', sa.Integer(), nullable=True),
    sa.Column('review_comment', sa.Text(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_guide_revisions_author_id_users')),
    sa.ForeignKeyConstraint(['guide_id'], ['guides.id'], name=op.f('fk_guide_revisions_guide_id_guides'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['publisher_id'], ['users.id'], name=op.f('fk_guide_revisions_publisher_id_users')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_guide_revisions_reviewer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_revisions')),
    sa.UniqueConstraint('guide_id', 'number', name=op.f('uq_guide_revisions_guide_id'))
    )
    with op.batch_alter_table('guide_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_revisions_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guide_revisions_guide_id'), ['guide_id'], unique=False)
        batch_op.create_index('ix_guide_revisions_state_publish_at', ['state', 'publish_at'], unique=False)

    # On SQLite the batch rebuild drops and recreates `guides`: done while guide_revisions is
    # still empty (dropping a referenced table deletes its rows first), and after it exists
    # (SQLite refuses rows that refer to a table it cannot find).
    with op.batch_alter_table('guides', schema=None) as batch_op:
        for column in ('state', 'summary', 'body', 'revision', 'source_revision', 'published_at'):
            batch_op.drop_column(column)
        batch_op.add_column(sa.Column('published_revision_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('draft_revision_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('edited_on_web_at', sa.DateTime(timezone=True), nullable=True))
        if sqlite:
            # SQLite adds a constraint only by rebuilding the table: this rebuild.
            for pointer in POINTERS:
                batch_op.create_foreign_key(op.f(f'fk_guides_{pointer}_guide_revisions'), 'guide_revisions',
                                            [pointer], ['id'], ondelete='SET NULL')

    if not sqlite:
        for pointer in POINTERS:
            op.create_foreign_key(op.f(f'fk_guides_{pointer}_guide_revisions'), 'guides', 'guide_revisions',
                                  [pointer], ['id'], ondelete='SET NULL')

    revisions = sa.table(
        "guide_revisions", *(sa.column(name) for name in (
            "id", "guide_id", "number", "state", "summary", "body", "created_at", "source_revision", "major",
            "published_at")))
    guides = sa.table("guides", sa.column("id"), sa.column("published_revision_id"), sa.column("draft_revision_id"))
    source_revision = {(row["item_id"]): row["revision"] for row in old if row["locale"] == "zh-Hans"}
    for row in old:
        state = row["state"] if row["state"] in ("draft", "review", "published", "archived") else "draft"
        translated_from = None
        if row["locale"] != "zh-Hans":
            # Each source is now at revision 1: a translation of it is up to date (1) or
            # was made from an older text (0).
            current = source_revision.get(row["item_id"])
            translated_from = 1 if current is None or (row["source_revision"] or 0) >= current else 0
        bind.execute(revisions.insert().values(
            id=row["id"], guide_id=row["id"], number=1, state=state, summary=row["summary"], body=row["body"],
            created_at=row["updated_at"], source_revision=translated_from, major=False,
            published_at=row["published_at"] if state == "published" else None))
        pointer = {"published": "published_revision_id", "draft": "draft_revision_id",
                   "review": "draft_revision_id"}.get(state)
        if pointer:
            bind.execute(guides.update().where(guides.c.id == row["id"]).values({pointer: row["id"]}))
    if old and not sqlite:
        # Revision ids were given explicitly: move the sequence past them.
        bind.execute(sa.text("SELECT setval(pg_get_serial_sequence('guide_revisions', 'id'), "
                             "(SELECT max(id) FROM guide_revisions))"))

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=80), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=True),
    sa.Column('locale', sa.String(length=20), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=80), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        for column in ('action', 'actor_id', 'actor_name', 'at', 'item_code'):
            batch_op.create_index(batch_op.f(f'ix_audit_events_{column}'), [column], unique=False)
    for statement in APPEND_ONLY_SQLITE if sqlite else APPEND_ONLY_POSTGRESQL:
        op.execute(statement)

    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        for column in ('address', 'at', 'username'):
            batch_op.create_index(batch_op.f(f'ix_login_failures_{column}'), [column], unique=False)

    op.create_table('search_journal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_journal'))
    )


def downgrade():
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.drop_table('search_journal')
    op.drop_table('login_failures')
    if not sqlite:
        op.execute("DROP TRIGGER audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION audit_events_append_only()")
    op.drop_table('audit_events')

    rows = bind.execute(sa.text(
        "SELECT g.id, r.state, r.summary, r.body, r.number, r.source_revision, r.created_at, r.published_at "
        "FROM guides g JOIN guide_revisions r ON r.id = coalesce(g.published_revision_id, g.draft_revision_id)"
    )).mappings().all()
    with op.batch_alter_table('guides', schema=None) as batch_op:
        for pointer in POINTERS:
            batch_op.drop_constraint(op.f(f'fk_guides_{pointer}_guide_revisions'), type_='foreignkey')
    op.drop_table('guide_revisions')
    op.execute("DELETE FROM guides WHERE published_revision_id IS NULL AND draft_revision_id IS NULL")
    with op.batch_alter_table('guides', schema=None) as batch_op:
        batch_op.drop_column('edited_on_web_at')
        batch_op.drop_column('draft_revision_id')
        batch_op.drop_column('published_revision_id')
        batch_op.add_column(sa.Column('state', sa.String(length=20), nullable=False, server_default='draft'))
        batch_op.add_column(sa.Column('summary', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('body', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('revision', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('source_revision', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
    for row in rows:
        # Values as the database gave them (SQLite's dates are text here): back as they were.
        bind.execute(sa.text("UPDATE guides SET state = :state, summary = :summary, body = :body, "
                             "revision = :number, source_revision = :source_revision, published_at = :published_at "
                             "WHERE id = :id"), dict(row))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('session_version')
        batch_op.drop_column('locale')
