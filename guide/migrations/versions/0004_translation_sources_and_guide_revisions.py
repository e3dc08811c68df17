"""translation sources and guide revisions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('translation_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('locale', sa.String(length=20), nullable=False),
    sa.Column('source_digest', sa.String(length=40), nullable=False),
    sa.Column('stale', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_translation_sources')),
    sa.UniqueConstraint('kind', 'key', 'field', 'locale', name=op.f('uq_translation_sources_kind'))
    )
    with op.batch_alter_table('translation_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translation_sources_stale'), ['stale'], unique=False)

    with op.batch_alter_table('guides', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('source_revision', sa.Integer(), nullable=True))



def downgrade():
    with op.batch_alter_table('guides', schema=None) as batch_op:
        batch_op.drop_column('source_revision')
        batch_op.drop_column('revision')

    with op.batch_alter_table('translation_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translation_sources_stale'))

    op.drop_table('translation_sources')
