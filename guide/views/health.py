from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from pyramid.view import view_config


@view_config(route_name="healthz", renderer="json")
def healthz(request):
    """Liveness and readiness: answers, and says whether the database does."""
    try:
        items = request.dbsession.execute(text("SELECT count(*) FROM items WHERE active")).scalar()
    except SQLAlchemyError:
        request.response.status_int = 503
        return {"status": "unavailable", "database": False}
    return {"status": "ok", "database": True, "items": items}
