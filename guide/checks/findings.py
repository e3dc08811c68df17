"""Findings of the content checks, and the two ways the command prints them."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning")


@dataclass(frozen=True, order=True)
class Finding:
    rule: str
    #: an item code, or for places "center/window" (what an editor would open to fix it)
    subject: str
    message: str
    severity: str = "error"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    def of(self, severity: str) -> list[Finding]:
        return sorted(f for f in self.findings if f.severity == severity)

    @property
    def failed(self) -> bool:
        return bool(self.of("error"))

    def as_text(self) -> str:
        lines = []
        for severity in SEVERITIES:
            found = self.of(severity)
            lines.append(f"# {len(found)} {severity}{'' if len(found) == 1 else 's'}")
            lines += [f"{f.rule}  {f.subject}  {f.message}" for f in found]
        return "\n".join(lines) + "\n"

    def as_json(self) -> str:
        return json.dumps({f"{s}s": [asdict(f) for f in self.of(s)] for s in SEVERITIES},
                          ensure_ascii=False, indent=1) + "\n"
