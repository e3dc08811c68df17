"""axe-core (npm, pinned by package-lock.json) run in the page the browser shows.

`npm ci` puts it in node_modules/ at the repository root; without it the accessibility tests fail
(they never skip), so CI cannot pass without checking accessibility.
"""
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Worst first.
IMPACTS = ("critical", "serious", "moderate", "minor")
#: How many of a violation's elements are reported.
TARGETS = 5
#: Best-practice rules every page must pass, whatever else it is held to (issue 15): content
#: outside the landmarks is missed by those who move from landmark to landmark, and two
#: landmarks of one kind need names that tell them apart. axe runs them by default (only
#: experimental rules are off), but they are asked for by name, and each run checks that they
#: ran: a later axe that turned them off would otherwise pass every page in silence.
REQUIRED_RULES = ("region", "landmark-unique")

_RUN = """
const done = arguments[arguments.length - 1];
const targets = arguments[0], required = arguments[1];
const rules = Object.fromEntries(required.map((id) => [id, {enabled: true}]));
axe.run(document, {resultTypes: ['violations'], rules}).then(
  (results) => done({
    ran: required.filter((id) => ['violations', 'passes', 'incomplete', 'inapplicable'].some(
      (kind) => results[kind].some((r) => r.id === id))),
    violations: results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, count: v.nodes.length,
    targets: v.nodes.slice(0, targets).map((n) => n.target.map(String).join(' >>> ')),
    summary: v.nodes.length ? (v.nodes[0].failureSummary || '') : ''}))}),
  (error) => done({error: String(error && error.stack || error)}));
"""


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} "
                    "(package.json pins axe-core) before the browser tests", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(driver, url_or_none=None, impacts=None):
    """axe's violations on `url_or_none` (loaded first) or the current page, worst first.

    Each is a dict: id, impact, help, helpUrl, count (elements), targets (the first few CSS
    selectors) and summary (how to fix the first element). `impacts` keeps only those impacts.
    """
    source = axe_source()
    if url_or_none is not None:
        driver.get(url_or_none)
    if not driver.execute_script("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        driver.execute_script(source)
    driver.set_script_timeout(60)
    answer = driver.execute_async_script(_RUN, TARGETS, list(REQUIRED_RULES))
    if "error" in answer:
        raise AssertionError(f"axe.run failed on {driver.current_url}: {answer['error']}")
    missing = set(REQUIRED_RULES) - set(answer["ran"])
    if missing:
        raise AssertionError(f"axe did not run {sorted(missing)} on {driver.current_url}")
    found = [v for v in answer["violations"] if impacts is None or v["impact"] in impacts]
    return sorted(found, key=lambda v: (IMPACTS.index(v["impact"]) if v["impact"] in IMPACTS else len(IMPACTS), v["id"]))


def format_violations(violations, url="") -> str:
    """The violations as lines for an assertion message or a report."""
    lines = [f"{len(violations)} accessibility violation(s)" + (f" on {url}" if url else "") + ":"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['count']} element(s)) {v['helpUrl']}")
        lines.extend(f"    {target}" for target in v["targets"])
        if v["count"] > len(v["targets"]):
            lines.append(f"    ... and {v['count'] - len(v['targets'])} more")
        summary = "; ".join(line.strip() for line in v.get("summary", "").splitlines() if line.strip())
        if summary:
            lines.append(f"    fix: {summary[:300]}")
    return "\n".join(lines)
