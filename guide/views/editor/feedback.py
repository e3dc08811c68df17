"""What readers said about the guide pages, for editors: counts per item and the mistakes reported."""
from pyramid.view import view_config
from sqlalchemy import case, func, select

from ...models import Feedback, Item

#: the most recent reports listed
RECENT = 100


@view_config(route_name="editor.feedback", request_method="GET", permission="edit",
             renderer="guide:templates/editor/feedback.pt")
def feedback(request):
    counts = request.dbsession.execute(
        select(Item, func.sum(case((Feedback.useful.is_(True), 1), else_=0)),
               func.sum(case((Feedback.useful.is_(False), 1), else_=0)),
               func.sum(case((Feedback.text.is_not(None), 1), else_=0)))
        .join(Feedback, Feedback.item_id == Item.id).group_by(Item.id)
        .order_by(func.sum(case((Feedback.text.is_not(None), 1), else_=0)).desc(), Item.code)).all()
    reports = request.dbsession.scalars(select(Feedback).where(Feedback.text.is_not(None))
                                        .order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(RECENT)).all()
    return {"counts": counts, "reports": reports}
