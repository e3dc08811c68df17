"""one-step bundles: several items for one life event

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'bundles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('title_zh', sa.String(length=200), nullable=False),
        sa.Column('title_en', sa.String(length=300), nullable=False),
        sa.Column('summary_zh', sa.Text(), nullable=False),
        sa.Column('summary_en', sa.Text(), nullable=False),
        sa.Column('terms_zh', sa.Text(), nullable=False),
        sa.Column('terms_en', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_bundles')),
        sa.UniqueConstraint('slug', name=op.f('uq_bundles_slug')),
    )
    op.create_table(
        'bundle_items',
        sa.Column('bundle_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['bundle_id'], ['bundles.id'], name=op.f('fk_bundle_items_bundle_id_bundles'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_bundle_items_item_id_items'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('bundle_id', 'item_id', name=op.f('pk_bundle_items')),
    )


def downgrade():
    op.drop_table('bundle_items')
    op.drop_table('bundles')
