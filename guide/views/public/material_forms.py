"""A form to download (guide.forms): always as an attachment with the type read from its content,
nosniff and a sandboxing policy, so that nothing in it runs in the site's origin."""
from urllib.parse import quote

from pyramid.httpexceptions import HTTPNotFound, HTTPNotModified
from pyramid.response import Response
from pyramid.view import view_config
from sqlalchemy import select

from ...models import MaterialForm

#: a form may be replaced under the same address: kept for an hour, then revalidated
CACHE_CONTROL = "public, max-age=3600"


def content_disposition(filename: str) -> str:
    """attachment, with the name for every browser: an ASCII fallback and the UTF-8 name."""
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\' else "_" for ch in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


@view_config(route_name="public.form", request_method="GET")
def download(request):
    raw = request.matchdict["id"]
    form = request.dbsession.scalar(select(MaterialForm).where(MaterialForm.id == int(raw))) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None
    if form is None:
        raise HTTPNotFound()
    etag = form.sha256[:32]
    headers = {"ETag": f'"{etag}"', "Cache-Control": CACHE_CONTROL}
    if etag in request.if_none_match:
        return HTTPNotModified(headers=headers)
    response = Response(body=form.data, content_type=form.media_type, charset=None)
    response.headers.update({
        **headers, "Content-Disposition": content_disposition(form.filename),
        "Content-Security-Policy": "default-src 'none'; sandbox", "Cross-Origin-Resource-Policy": "same-origin"})
    return response
