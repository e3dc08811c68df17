"""synonyms: kept in the database (publishers edit them on the web), seeded from content/search

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'synonyms',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('term', sa.String(length=100), nullable=False),
        sa.Column('officials', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_synonyms')),
        sa.UniqueConstraint('term', name=op.f('uq_synonyms_term')),
    )


def downgrade():
    op.drop_table('synonyms')
