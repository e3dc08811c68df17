"""material forms: blank forms and filled-in samples to download, attached to materials

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'material_forms',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('material_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('media_type', sa.String(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_material_forms_material_id_materials'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_material_forms_uploaded_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_material_forms')),
        sa.UniqueConstraint('material_id', 'kind', name=op.f('uq_material_forms_material_id')),
    )
    with op.batch_alter_table('material_forms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_forms_material_id'), ['material_id'], unique=False)


def downgrade():
    op.drop_table('material_forms')
