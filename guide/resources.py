"""Route factories: load the object a URL names, or answer 404 before any view runs. Editor
resources carry the one ACL (guide.security.EDITOR_ACL)."""
from pyramid.httpexceptions import HTTPNotFound
from sqlalchemy import select

from .catalogue.interfaces import ICatalogueService
from .i18n import DEFAULT_LOCALE, LOCALES_BY_TAG, LOCALES_BY_URL
from .models import Bundle, Notice, User, transaction_scope
from .places.interfaces import IPlacesService
from .security import EditorContext, claims_a_session
from .workflow.service import GuideWorkflow


class ItemResource:
    def __init__(self, request):
        self.item = request.find_service(ICatalogueService).get_item(request.matchdict["code"])
        if self.item is None:
            raise HTTPNotFound()


class DepartmentResource:
    def __init__(self, request):
        self.department = request.find_service(ICatalogueService).get_department(request.matchdict["code"])
        if self.department is None:
            raise HTTPNotFound()


class CenterResource:
    def __init__(self, request):
        self.center = request.find_service(IPlacesService).get_center(request.matchdict["code"])
        if self.center is None:
            raise HTTPNotFound()


class BundleResource:
    """A one-step bundle's page: /{lang}/bundles/{slug}."""

    def __init__(self, request):
        from .bundles import load_bundles

        found = load_bundles(request.dbsession, slug=request.matchdict["slug"], materials=True)
        self.bundle = found[0] if found else None
        if self.bundle is None:
            raise HTTPNotFound()


class KioskResource:
    """A hall's kiosk: /kiosk/{center}/... Any center can have one."""

    def __init__(self, request):
        self.center = request.find_service(IPlacesService).get_center(request.matchdict["center"])
        if self.center is None:
            raise HTTPNotFound()
        #: the language the kiosk opens in, and returns to when idle
        self.default_locale = LOCALES_BY_TAG.get(self.center.default_locale, DEFAULT_LOCALE)


class KioskItemResource(KioskResource):
    def __init__(self, request):
        super().__init__(request)
        self.item = request.find_service(ICatalogueService).get_item(request.matchdict["code"])
        if self.item is None:
            raise HTTPNotFound()


def publish_what_is_due(request) -> None:
    """Scheduled publications whose time has come go out on an editor's request, even without
    the timer: in a short transaction of their own, before this request reads anything, so a
    GET takes no write lock unless there is something to publish, and then sees it published."""
    factory = request.registry["dbsession_factory"]
    with factory() as dbsession:
        if not GuideWorkflow(dbsession, request.now).anything_due():
            return
    with transaction_scope(factory) as dbsession:
        GuideWorkflow(dbsession, request.now).publish_due()


class EditorRoot(EditorContext):
    """Every editor page. Nothing is looked up for a visitor who is not signed in: they are
    sent to the login page whatever the address names (no probing for names)."""

    def __init__(self, request):
        if claims_a_session(request):
            publish_what_is_due(request)
        # Who is signed in, as plain data, before the view runs (guide.security.Editor).
        self.signed_in = request.editor is not None


class GuideResource(EditorRoot):
    """One item's guide in one language: /editor/items/{code}/{locale}."""

    def __init__(self, request):
        super().__init__(request)
        if self.signed_in:
            self.item = request.find_service(ICatalogueService).get_item(request.matchdict["code"])
            self.locale = LOCALES_BY_URL.get(request.matchdict["locale"])
            if self.item is None or self.locale is None:
                raise HTTPNotFound()


class EditorItemResource(EditorRoot):
    """An item, for editors: /editor/items/{code}/forms."""

    def __init__(self, request):
        super().__init__(request)
        if self.signed_in:
            self.item = request.find_service(ICatalogueService).get_item(request.matchdict["code"])
            if self.item is None:
                raise HTTPNotFound()


class UserResource(EditorRoot):
    """An account, for admins: /editor/users/{name}."""

    def __init__(self, request):
        super().__init__(request)
        # Only for those who may see accounts: to anyone else every name answers alike (403).
        if self.signed_in and request.has_permission("admin", self):
            self.user = request.dbsession.scalar(select(User).where(User.username == request.matchdict["name"]))
            if self.user is None:
                raise HTTPNotFound()


class NoticeResource(EditorRoot):
    """A notice, for publishers: /editor/notices/{id}."""

    def __init__(self, request):
        super().__init__(request)
        # As for accounts: to anyone who may not manage notices, every id answers alike (403).
        if self.signed_in and request.has_permission("publish", self):
            raw = request.matchdict["id"]
            self.notice = request.dbsession.get(Notice, int(raw)) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None
            if self.notice is None:
                raise HTTPNotFound()


class EditorBundleResource(EditorRoot):
    """A one-step bundle, for publishers: /editor/bundles/{slug}."""

    def __init__(self, request):
        super().__init__(request)
        if self.signed_in and request.has_permission("publish", self):
            self.bundle = request.dbsession.scalar(select(Bundle).where(Bundle.slug == request.matchdict["slug"]))
            if self.bundle is None:
                raise HTTPNotFound()
