"""Security headers on every response: everything is served from our own origin."""

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
#: The one feature a page uses is the location, for the nearest windows (static/js/locate.js).
PERMISSIONS_POLICY = ("geolocation=(self), camera=(), microphone=(), payment=(), usb=(), bluetooth=(), "
                      "serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
                      "display-capture=(), browsing-topics=()")
#: Over HTTPS, browsers are told to come back only over HTTPS, for a year. (Secure cookies
#: under HTTPS: guide.security and guide.i18n set them per request.)
HSTS = "max-age=31536000"
#: The API is open data, read-only: any site's script may read it (CORS). A preflight (OPTIONS,
#: answered 204 with `Allow` by guide.views.errors) is told the same methods, the headers a
#: reader sends, and that it may be remembered for a day.
API_PREFIX = "/api/"
CORS_PREFLIGHT = {"Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
                  "Access-Control-Max-Age": "86400"}


def security_headers_tween_factory(handler, registry):
    def tween(request):
        response = handler(request)
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.scheme == "https":
            headers.setdefault("Strict-Transport-Security", HSTS)
        if request.environ.get("PATH_INFO", "").startswith(API_PREFIX):
            headers["Access-Control-Allow-Origin"] = "*"
            if request.method == "OPTIONS" and "Allow" in headers:
                headers["Access-Control-Allow-Methods"] = headers["Allow"]
                headers.update(CORS_PREFLIGHT)
        return response
    return tween


def includeme(config):
    config.add_tween("guide.headers.security_headers_tween_factory")
