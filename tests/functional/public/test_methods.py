"""Read-only routes take GET and HEAD: OPTIONS is answered 204 with `Allow`, any other method 405
with `Allow`, in the route's format (HTML or JSON), without the view running or the body read."""
import io

import pytest
from webob import Request


@pytest.mark.parametrize("path, allowed", [
    ("/en/", "GET, HEAD, OPTIONS"),
    ("/zh-hans/items/GAJ-0014", "GET, HEAD, OPTIONS"),
    ("/en/search?q=passport", "GET, HEAD, OPTIONS"),
    ("/api/v1/items/GAJ-0014", "GET, HEAD, OPTIONS"),
    ("/api/v1/search?q=passport", "GET, HEAD, OPTIONS"),
    ("/healthz", "GET, HEAD, OPTIONS"),
    ("/en/items/GAJ-0014/feedback", "POST, OPTIONS"),
])
def test_methods_a_route_does_not_take_are_405_with_allow(testapp, path, allowed):
    for method in ("TRACE", "PUT", "DELETE", "PATCH", "POST", "GET"):
        response = testapp.request(path, method=method, expect_errors=True)
        if method in allowed or (method == "GET" and "GET" in allowed):
            assert response.status_int != 405, (method, path)
            continue
        assert response.status_int == 405 and response.headers["Allow"] == allowed, (method, path)
        assert response.content_type == ("application/json" if path.startswith("/api/") else "text/html")
        assert "Content-Security-Policy" in response.headers
    options = testapp.request(path, method="OPTIONS")
    assert options.status_int == 204 and options.headers["Allow"] == allowed and options.body == b""


class Unreadable(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the body was read")


def test_a_405_does_not_read_the_body(wsgi_app):
    request = Request.blank("/api/v1/items/GAJ-0014", method="PUT", environ={
        "wsgi.input": Unreadable(), "CONTENT_LENGTH": "500000", "CONTENT_TYPE": "application/x-www-form-urlencoded"})
    assert request.get_response(wsgi_app).status_int == 405


def test_an_unknown_address_stays_404_whatever_the_method(testapp):
    for method in ("GET", "POST", "OPTIONS"):
        assert testapp.request("/en/items/NO-SUCH", method=method, expect_errors=True).status_int == 404


def test_the_api_is_readable_from_any_site_and_answers_a_cors_preflight(testapp):
    answer = testapp.get("/api/v1/items/GAJ-0014", headers={"Origin": "https://wechat.example"})
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    preflight = testapp.request("/api/v1/search?q=x", method="OPTIONS", headers={
        "Origin": "https://wechat.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "accept-language"})
    assert preflight.status_int == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Accept-Language" in preflight.headers["Access-Control-Allow-Headers"]
    # Pages are not the API: no other site's script reads them.
    page = testapp.request("/en/", method="OPTIONS", headers={"Origin": "https://wechat.example"})
    assert "Access-Control-Allow-Origin" not in page.headers
