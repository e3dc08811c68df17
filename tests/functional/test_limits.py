"""Every request body has a size limit: refused before it is read, as HTML or JSON."""
from guide.limits import MAX_BODY_BYTES

BIG = b"x" * (MAX_BODY_BYTES + 1)


def test_a_body_over_the_limit_is_refused_everywhere(testapp):
    page = testapp.post("/editor/login?lang=en", BIG, content_type="application/x-www-form-urlencoded", status=413)
    assert "too large" in page.html.select_one("main").text
    api = testapp.post("/api/v1/search", BIG, content_type="application/json", status=413)
    assert api.json["error"]["status"] == 413
    testapp.post("/zh-hans/items", BIG, content_type="application/x-www-form-urlencoded", status=413)


def test_a_body_within_the_limit_reaches_the_view(testapp):
    # The login form without its CSRF token: refused by the view's check, not by the limit.
    response = testapp.post("/editor/login?lang=en", {"username": "x" * 100_000}, status=400)
    assert "did not come from this site" in response.text


class Unreadable:
    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_body_over_the_limit_is_never_read(wsgi_app):
    from webob import Request

    request = Request.blank("/editor/login?lang=en", method="POST", content_type="application/x-www-form-urlencoded")
    request.environ["wsgi.input"] = Unreadable()
    request.environ["CONTENT_LENGTH"] = str(50 * MAX_BODY_BYTES)
    response = request.get_response(wsgi_app)
    assert response.status_int == 413


def test_the_servers_refuse_what_no_route_takes():
    """waitress's own caps (production.ini, development.ini; `guide demo` passes them): a body
    larger than the largest route's limit, or headers over 32 KB, are refused before the app
    reads them."""
    import configparser
    from pathlib import Path

    from guide.limits import server_limits

    root = Path(__file__).resolve().parents[2]
    for name in ("production.ini", "development.ini"):
        config = configparser.ConfigParser(interpolation=None)
        config.read(root / name)
        for setting, limit in server_limits().items():
            assert int(config["server:main"][setting]) == limit, (name, setting)
