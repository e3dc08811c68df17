from ...i18n import DEFAULT_LOCALE, KNOWN_LOCALES, locale_from_param
from ..params import BadParameter, _, text_param


def api_locale(request):
    """The API's `lang` parameter (zh-Hans by default); an unknown language is a 400."""
    raw = text_param(request, "lang", 20)
    if raw is None:
        return DEFAULT_LOCALE
    loc = locale_from_param(raw)
    if loc is None:
        raise BadParameter(_("Unknown language '${value}'; use one of: ${known}.",
                             mapping={"value": raw, "known": ", ".join(l.tag for l in KNOWN_LOCALES)}), "lang")
    return loc
