"""notices: site-wide or for chosen centers or items, between a start and an end

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'notices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=True),
        sa.Column('severity', sa.String(length=20), nullable=False),
        sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('text_zh', sa.Text(), nullable=False),
        sa.Column('text_en', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notices')),
        sa.UniqueConstraint('slug', name=op.f('uq_notices_slug')),
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notices_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_ends_at'), ['ends_at'], unique=False)
    for name, other, table in (('notice_centers', 'center_id', 'service_centers'), ('notice_items', 'item_id', 'items')):
        op.create_table(
            name,
            sa.Column('notice_id', sa.Integer(), nullable=False),
            sa.Column(other, sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f(f'fk_{name}_notice_id_notices'),
                                    ondelete='CASCADE'),
            sa.ForeignKeyConstraint([other], [f'{table}.id'], name=op.f(f'fk_{name}_{other}_{table}'),
                                    ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('notice_id', other, name=op.f(f'pk_{name}')),
        )


def downgrade():
    op.drop_table('notice_items')
    op.drop_table('notice_centers')
    op.drop_table('notices')
