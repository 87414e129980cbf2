"""One line per finding, `path:line:column: severity rule message`, and nothing else: for a batch of many
cables, an editor's quickfix list or grep (like `ruff --output-format concise`)."""

from __future__ import annotations

from tipcheck.formatters import FormatOptions, Stream
from tipcheck.formatters.text import finding_line
from tipcheck.results import CableReport


def render_one(r: CableReport, options: FormatOptions) -> str:
    return "".join(finding_line(f, options) + "\n" for f in r.findings if f.severity >= options.min_severity)


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return "".join(render_one(r, options) for r in reports)


STREAM = Stream(start=lambda options: "", cable=lambda report, options, index: render_one(report, options),
                end=lambda options, count: "")
