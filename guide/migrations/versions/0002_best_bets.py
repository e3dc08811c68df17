"""best bets

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('best_bets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('query', sa.String(length=200), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_best_bets_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_best_bets')),
    sa.UniqueConstraint('query', 'item_id', name=op.f('uq_best_bets_query'))
    )
    with op.batch_alter_table('best_bets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_best_bets_query'), ['query'], unique=False)


def downgrade():
    with op.batch_alter_table('best_bets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_best_bets_query'))

    op.drop_table('best_bets')
