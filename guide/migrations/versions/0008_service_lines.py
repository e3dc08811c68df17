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
    op.add_column('items', sa.Column('service', sa.String(length=40), nullable=True))
    op.add_column('windows', sa.Column('services', sa.String(length=200), nullable=True))


def downgrade():
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy of `items` would drop and
    # recreate the table, and with foreign keys on that cascades to every guide.
    op.drop_column('windows', 'services')
    op.drop_column('items', 'service')
