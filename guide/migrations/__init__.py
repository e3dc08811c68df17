"""Schema migrations (alembic). `guide init-db` upgrades to head."""
from alembic import command
from alembic.config import Config


#: Tables of the postgres search backend (0009): written with SQL of its own (tsvector columns,
#: no model), and only on PostgreSQL. Comparisons of the schema with the models leave them out.
UNMODELLED_TABLES = frozenset({"search_documents", "search_words", "search_state"})


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: everything but the unmodelled tables and their indexes."""
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table not in UNMODELLED_TABLES


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
