"""`guide check-content`: rules over what the site serves (the database after loading).

Each rule reads a `Served` snapshot (items with materials, departments, windows, published guides,
the glossary and the rule tables of content/) and yields findings; the command prints them, errors
apart from warnings, and exits 1 on any error. Rules are data where they can be
(content/checks/rules.csv: what an item's materials, result or conditions must or must not name)
and code where they compare facts with text (a guide's steps against the item's online depth).
"""
from __future__ import annotations

from .findings import Finding, Report
from .served import RulesInvalid, Served, load_served
from .rules import RULES, run

__all__ = ["Finding", "Report", "RulesInvalid", "Served", "load_served", "RULES", "run", "check"]


def check(dbsession, content_dir) -> Report:
    return run(load_served(dbsession, content_dir))
