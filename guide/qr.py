"""QR codes (segno, inline SVG) of public addresses, so a citizen carries a page away on a phone.

The address is built on the public base URL (`GUIDE_BASE_URL` or `guide.base_url`) when one is
set: a kiosk reaches the app at an address inside the hall's network that a phone cannot.
"""
from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

import segno
from pyramid.exceptions import ConfigurationError

BASE_URL = "guide.base_url"


def public_url(request, route_name: str, **kw) -> str:
    base = request.registry.settings.get(BASE_URL)
    return request.route_url(route_name, **kw, **({"_app_url": base} if base else {}))


def qr_svg(data: str, label: str) -> str:
    """An accessible inline SVG: sized by CSS (viewBox only), named by `label`, a light quiet
    zone so dark page themes do not break the scan."""
    svg = segno.make(data, error="m", micro=False).svg_inline(
        omitsize=True, border=4, dark="#000", light="#fff", svgclass="qr", lineclass=None)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def _base_url(settings) -> str | None:
    # (GUIDE_BASE_URL reaches the setting through guide.settings, applied by main.)
    base = (settings.get(BASE_URL) or "").strip().rstrip("/")
    if base and (urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).netloc):
        raise ConfigurationError(f"GUIDE_BASE_URL / {BASE_URL} must be an http(s) address, not {base!r}")
    return base or None


def includeme(config):
    config.registry.settings[BASE_URL] = _base_url(config.registry.settings)
