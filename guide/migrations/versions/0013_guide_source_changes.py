"""guide source changes: an import changed the facts a guide is about

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'guide_source_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('guide_id', sa.Integer(), nullable=False),
        sa.Column('changes', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['guide_id'], ['guides.id'], name=op.f('fk_guide_source_changes_guide_id_guides'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_source_changes')),
    )
    with op.batch_alter_table('guide_source_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_source_changes_guide_id'), ['guide_id'], unique=False)


def downgrade():
    op.drop_table('guide_source_changes')
