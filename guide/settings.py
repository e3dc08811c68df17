"""Settings from the environment: the one place that says which variable sets which setting.

The app (`guide.main`) and the `guide` command apply `from_environment` to the settings they
read from an .ini (or make up, for the demo), so a deployment can keep its secrets and
addresses out of the .ini. A variable that is set and not empty wins over the .ini.

It also fills in where the sample content and the compiled catalogues are: the copy packaged
in the wheel (`guide/_data/`, written by setup.py's build step) when there is one, else the
source tree's `content/` and `locales/` (a checkout, or an editable install).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pyramid.exceptions import ConfigurationError
from pyramid.settings import asbool, aslist

#: environment variable -> the setting it sets
ENVIRONMENT = {
    "GUIDE_DATABASE_URL": "sqlalchemy.url",
    "GUIDE_SECRET": "guide.secret",
    "GUIDE_BASE_URL": "guide.base_url",
    "GUIDE_INDEX_DIR": "guide.search.index_dir",
    "GUIDE_SEARCH_BACKEND": "guide.search.backend",
    "GUIDE_CONTENT_DIR": "guide.content_dir",
    "GUIDE_ENV": "guide.env",
}
#: the variable that names each setting, for messages
VARIABLE = {key: name for name, key in ENVIRONMENT.items()}
#: set in the settings once the environment has been applied, so applying it again (the app
#: after the demo, the session secret after the app) changes nothing the caller chose since
APPLIED = "guide.environment_applied"

PACKAGE = Path(__file__).resolve().parent
SOURCE_TREE = PACKAGE.parent
#: where the wheel keeps its copy of content/ and locales/ (setup.py's build_py)
PACKAGED_DATA = PACKAGE / "_data"

#: settings that turn on debugging help, which production must not have
DEBUG_SETTINGS = ("pyramid.reload_templates", "pyramid.reload_assets", "pyramid.reload_all",
                  "pyramid.debug_all", "pyramid.debug_authorization", "pyramid.debug_notfound",
                  "pyramid.debug_routematch", "pyramid.debug_templates")
DEBUG_INCLUDES = ("pyramid_debugtoolbar",)


def data_path(name: str) -> Path:
    """`content` or `locales`: the packaged copy when installed from a wheel, else the source tree's."""
    packaged = PACKAGED_DATA / name
    return packaged if packaged.is_dir() else SOURCE_TREE / name


def from_environment(settings: Mapping, environ: Mapping | None = None) -> dict:
    """A copy of `settings` with the environment's values over them, and the data folders'
    defaults. In production (GUIDE_ENV=production) settings that turn on debugging are refused."""
    if settings.get(APPLIED):
        return dict(settings)
    environ = os.environ if environ is None else environ
    result = dict(settings)
    for name, key in ENVIRONMENT.items():
        value = (environ.get(name) or "").strip()
        if value:
            result[key] = value
    result.setdefault("guide.content_dir", str(data_path("content")))
    result.setdefault("guide.locales_dir", str(data_path("locales")))
    result[APPLIED] = True
    if is_production(result):
        refuse_debugging(result)
    return result


def is_production(settings: Mapping) -> bool:
    return (settings.get("guide.env") or "").strip() == "production"


def refuse_debugging(settings: Mapping) -> None:
    on = [key for key in DEBUG_SETTINGS if asbool(settings.get(key, False))]
    on += [name for name in aslist(settings.get("pyramid.includes", "")) if name in DEBUG_INCLUDES]
    if on:
        raise ConfigurationError("GUIDE_ENV=production: turn off the debugging settings " + ", ".join(on))
