"""Compiled templates kept in a folder (`guide.template_cache`) across restarts.

Chameleon turns each page template into Python the first time it is rendered: about a second
for the guide page and its layout, which a restarted process otherwise spends on its first
reader. With a folder, the compiled module is written there once and loaded by every later
process. Chameleon names each module by a digest of the template's text and its own version,
so a changed template is compiled anew, never served stale.
"""
from pathlib import Path


def includeme(config):
    folder = config.get_settings().get("guide.template_cache")
    if not folder:
        return
    from chameleon.loader import ModuleLoader
    from chameleon.template import BaseTemplate

    path = Path(folder).resolve()
    path.mkdir(parents=True, exist_ok=True)
    # Chameleon reads its CHAMELEON_CACHE variable once, at import; this is the loader it builds from it.
    BaseTemplate.loader = ModuleLoader(str(path))
