"""Schema migrations (alembic). `guide init-db` upgrades to head."""
from alembic import command
from alembic.config import Config


def alembic_config(url: str | None = None, connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "guide:migrations")
    if url:
        # ConfigParser interpolation would choke on % in URL-encoded passwords.
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine) -> None:
    from ..models import WRITES

    # A writer from its first statement (SQLite: it reads the version table, then alters).
    with engine.connect().execution_options(**{WRITES: True}) as connection, connection.begin():
        command.upgrade(alembic_config(connection=connection), "head")
