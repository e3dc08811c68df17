"""service lines: which of a department's windows handle which of its items

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('items') as batch:
        batch.add_column(sa.Column('service', sa.String(length=40), nullable=True))
    with op.batch_alter_table('windows') as batch:
        batch.add_column(sa.Column('services', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('windows') as batch:
        batch.drop_column('services')
    with op.batch_alter_table('items') as batch:
        batch.drop_column('service')
