"""Every URL. Route names are dotted by audience (public.*, api.*, editor.*); URLs are a contract (DESIGN.md)."""
from .http_cache import STATIC_MAX_AGE
from .i18n import URL_PATTERN
from .resources import (BundleResource, CenterResource, DepartmentResource, EditorBundleResource, EditorItemResource,
                        EditorRoot, GuideResource, ItemResource, KioskItemResource, KioskResource, NoticeResource, UserResource)

LANG = "{lang:%s}" % URL_PATTERN


def includeme(config):
    # Static URLs carry a hash of the file (guide.http_cache): they can be kept for a year.
    config.add_static_view("static", "guide:static", cache_max_age=STATIC_MAX_AGE)
    config.add_route("root", "/")
    config.add_route("healthz", "/healthz")
    config.add_route("readyz", "/readyz")

    config.add_route("public.home", f"/{LANG}/")
    config.add_route("public.items", f"/{LANG}/items")
    config.add_route("public.item", f"/{LANG}/items/{{code}}", factory=ItemResource)
    config.add_route("public.print", f"/{LANG}/items/{{code}}/print", factory=ItemResource)
    config.add_route("public.feedback", f"/{LANG}/items/{{code}}/feedback", factory=ItemResource)
    config.add_route("public.departments", f"/{LANG}/departments")
    config.add_route("public.department", f"/{LANG}/departments/{{code}}", factory=DepartmentResource)
    config.add_route("public.search", f"/{LANG}/search")
    config.add_route("public.centers", f"/{LANG}/centers")
    config.add_route("public.center", f"/{LANG}/centers/{{code}}", factory=CenterResource)
    config.add_route("public.privacy", f"/{LANG}/privacy")
    config.add_route("public.bundles", f"/{LANG}/bundles")
    config.add_route("public.bundle", f"/{LANG}/bundles/{{slug}}", factory=BundleResource)
    config.add_route("public.statistics", f"/{LANG}/statistics")
    # a form to download: one address in every language (the name is only what it is saved as)
    config.add_route("public.form", "/forms/{id}/{name}")
    # for crawlers (guide.views.public.seo): the sitemap names every page in every language
    config.add_route("public.robots", "/robots.txt")
    config.add_route("public.sitemap", "/sitemap.xml")
    config.add_route("public.feed", f"/{LANG}/feed.atom")

    # A hall's kiosk: the language is in the URL, never a cookie (guide.i18n.kiosk_locale).
    config.add_route("kiosk.start", "/kiosk/{center}/", factory=KioskResource)
    config.add_route("kiosk.start_bare", "/kiosk/{center}", factory=KioskResource)
    config.add_route("kiosk.board", "/kiosk/{center}/board", factory=KioskResource)
    kiosk = f"/kiosk/{{center}}/{LANG}"
    config.add_route("kiosk.home_bare", kiosk, factory=KioskResource)
    config.add_route("kiosk.home", f"{kiosk}/", factory=KioskResource)
    config.add_route("kiosk.search", f"{kiosk}/search", factory=KioskResource)
    config.add_route("kiosk.item", f"{kiosk}/items/{{code}}", factory=KioskItemResource)
    config.add_route("kiosk.print", f"{kiosk}/items/{{code}}/print", factory=KioskItemResource)

    config.add_route("api.openapi", "/api/v1/openapi.json")
    config.add_route("api.items", "/api/v1/items")
    config.add_route("api.item", "/api/v1/items/{code}", factory=ItemResource)
    config.add_route("api.item_windows", "/api/v1/items/{code}/windows", factory=ItemResource)
    config.add_route("api.centers", "/api/v1/centers")
    config.add_route("api.center_status", "/api/v1/centers/{code}/status", factory=CenterResource)
    config.add_route("api.search", "/api/v1/search")
    config.add_route("api.suggest", "/api/v1/suggest")
    config.add_route("api.notices", "/api/v1/notices")
    config.add_route("api.departments", "/api/v1/departments")
    config.add_route("api.topics", "/api/v1/topics")
    config.add_route("api.export_json", "/api/v1/export.json")
    config.add_route("api.export_csv", "/api/v1/export.csv")
    # the OpenAPI document as a page to read (guide.views.public.api_reference)
    config.add_route("public.api_reference", f"/{LANG}/api")

    # The editor: every route's permission is in its view (guide.security.PERMISSIONS).
    config.add_route("editor.root", "/editor", factory=EditorRoot)
    config.add_route("editor.login", "/editor/login", factory=EditorRoot)
    config.add_route("editor.logout", "/editor/logout", factory=EditorRoot)
    config.add_route("editor.home", "/editor/", factory=EditorRoot)
    config.add_route("editor.items", "/editor/items", factory=EditorRoot)
    config.add_route("editor.preferences", "/editor/preferences", factory=EditorRoot)
    guide = "/editor/items/{code}/{locale}"
    # before the guide's route, whose {locale} would take "forms"
    config.add_route("editor.forms", "/editor/items/{code}/forms", factory=EditorItemResource)
    config.add_route("editor.guide", guide, factory=GuideResource)
    config.add_route("editor.history", f"{guide}/revisions", factory=GuideResource)
    config.add_route("editor.diff", f"{guide}/diff", factory=GuideResource)
    config.add_route("editor.revision", f"{guide}/revisions/{{number}}", factory=GuideResource)
    config.add_route("editor.restore", f"{guide}/revisions/{{number}}/restore", factory=GuideResource)
    config.add_route("editor.source_holds", f"{guide}/source-holds", factory=GuideResource)
    config.add_route("editor.users", "/editor/users", factory=EditorRoot)
    config.add_route("editor.user", "/editor/users/{name}", factory=UserResource)
    config.add_route("editor.notices", "/editor/notices", factory=EditorRoot)
    config.add_route("editor.notice", "/editor/notices/{id}", factory=NoticeResource)
    config.add_route("editor.feedback", "/editor/feedback", factory=EditorRoot)
    config.add_route("editor.bundles", "/editor/bundles", factory=EditorRoot)
    config.add_route("editor.bundle", "/editor/bundles/{slug}", factory=EditorBundleResource)
    config.add_route("editor.search_terms", "/editor/search-terms", factory=EditorRoot)
    config.add_route("editor.catalogue_import", "/editor/catalogue-import", factory=EditorRoot)
    config.add_route("editor.audit", "/editor/audit", factory=EditorRoot)
