"""How page templates are compiled: one at a time, and kept in a folder across restarts.

Chameleon turns each page template into Python the first time it is rendered. Two threads that
render a template no one has rendered yet compile it at the same time, and CPython's compiler is
not safe for that: about one first request in 64 just after a start failed with "SystemError:
AST constructor recursion depth mismatch". Compiling therefore takes a lock, once per template
object (a compiled one renders without it).

A compiled template takes about a second for the guide page and its layout, which a restarted
process would otherwise spend on its first reader. With a folder (`guide.template_cache`), the
compiled module is written there once and loaded by every later process. Chameleon names each
module by a digest of the template's text and its own version, so a changed template is
compiled anew, never served stale.
"""
import threading
from pathlib import Path

from pyramid_chameleon import renderer
from pyramid_chameleon.zpt import PyramidPageTemplateFile, ZPTTemplateRenderer
from pyramid.decorator import reify

#: One lock for the process: templates load others (`load: master.pt`) while compiling.
_COMPILING = threading.RLock()


class OneAtATimeTemplateFile(PyramidPageTemplateFile):
    """A page template that compiles under the lock. The templates it loads (its macros'
    files) are made of its own class by Chameleon's loader, so they compile under it too."""

    def cook_check(self):
        if self._cooked and not self.auto_reload:
            return False
        with _COMPILING:
            return super().cook_check()


class OneAtATimeRenderer(ZPTTemplateRenderer):
    @reify
    def template(self):
        return OneAtATimeTemplateFile(self.path, auto_reload=self.lookup.auto_reload, debug=self.lookup.debug,
                                      translate=self.lookup.translate, macro=self.macro)


def renderer_factory(info):
    return renderer.template_renderer_factory(info, OneAtATimeRenderer)


def includeme(config):
    # pyramid_chameleon's own includeme, with this module's .pt renderer (our templates are all .pt).
    config.add_renderer(".pt", renderer_factory)
    config.include("pyramid_chameleon.localization")
    folder = config.get_settings().get("guide.template_cache")
    if not folder:
        return
    from chameleon.loader import ModuleLoader
    from chameleon.template import BaseTemplate

    path = Path(folder).resolve()
    path.mkdir(parents=True, exist_ok=True)
    # Chameleon reads its CHAMELEON_CACHE variable once, at import; this is the loader it builds from it.
    BaseTemplate.loader = ModuleLoader(str(path))
