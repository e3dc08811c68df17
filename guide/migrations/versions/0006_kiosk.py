"""kiosk: a hall's default language, its kiosks' paper and its popular items

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service_centers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('default_locale', sa.String(length=20), nullable=False,
                                      server_default='zh-Hans'))
        batch_op.add_column(sa.Column('kiosk_paper', sa.String(length=10), nullable=False, server_default='a4'))
    op.create_table(
        'center_popular_items',
        sa.Column('center_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['center_id'], ['service_centers.id'],
                                name=op.f('fk_center_popular_items_center_id_service_centers'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['item_id'], ['items.id'],
                                name=op.f('fk_center_popular_items_item_id_items'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('center_id', 'item_id', name=op.f('pk_center_popular_items')),
    )


def downgrade():
    op.drop_table('center_popular_items')
    with op.batch_alter_table('service_centers', schema=None) as batch_op:
        batch_op.drop_column('kiosk_paper')
        batch_op.drop_column('default_locale')
