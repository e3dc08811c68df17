"""catalogue uploads: a catalogue checked with a dry run in the browser, kept until confirmed

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'catalogue_uploads',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_catalogue_uploads_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_uploads')),
    )
    with op.batch_alter_table('catalogue_uploads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalogue_uploads_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalogue_uploads_created_at'), ['created_at'], unique=False)


def downgrade():
    op.drop_table('catalogue_uploads')
