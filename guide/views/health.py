from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from pyramid.view import view_config

from ..search import search_service


@view_config(route_name="healthz", request_method="GET", renderer="json")
def healthz(request):
    """Liveness: the process answers. It touches nothing else, so it stays fast while the
    database does not answer (/readyz says what is down)."""
    request.response.cache_control = "no-store"
    return {"status": "ok"}


@view_config(route_name="readyz", request_method="GET", renderer="json")
def readyz(request):
    """Whether this process can serve: the database, and search ("degraded" while a damaged
    index is rebuilt and searches use the database). 503 only when the database is down."""
    try:
        request.dbsession.execute(text("SELECT 1"))
        database = "ok"
    except SQLAlchemyError:
        database = "down"
        request.response.status_int = 503
    search = search_service(request).health()
    request.response.cache_control = "no-store"
    return {"database": database, "search": search if database == "ok" else "down"}
