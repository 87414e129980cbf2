"""GitHub Actions workflow commands: one annotation per finding (`::error file=…,line=…,col=…,title=…::…`).

GitHub shows only ten annotations of each type per step, so the command line also appends the Markdown
summary to $GITHUB_STEP_SUMMARY. A cable that could not be read is an error annotation of its own, and is
listed in the summary. Escaping follows the runner's rules: in the message, % CR LF become %25 %0D
%0A; in property values, also : and , (%3A %2C).
"""

from __future__ import annotations

import os

from tipcheck.findings import Severity
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.results import CableReport

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _relative(path: str) -> str:
    return os.path.relpath(path) if os.path.isabs(path) else path


def render(reports: list[CableReport], options: FormatOptions) -> str:
    lines = []
    for r in reports:
        if not r.reply:  # listed as skipped whatever --min-severity hides: its one finding is only a note
            properties = f"file={escape_property(_relative(r.path))},title=skipped (not a reply)"
            lines.append(f"::notice {properties}::{escape_data(r.describe_reply(options.redact))}")
            continue
        for f in r.findings:
            if f.severity < options.min_severity:
                continue
            title = f"{f.rule} ({f.question})" if f.question else f.rule
            properties = ",".join(f"{key}={escape_property(value)}" for key, value in (
                ("file", _relative(f.path)), ("line", str(f.line)), ("col", str(f.column)), ("title", title)))
            message = finding_message(f.message, f.excerpt, options.redact)
            lines.append(f"::{COMMANDS[f.severity]} {properties}::{escape_data(message)}")
    for path, reason in options.unreadable:  # not checked at all: an error, like the exit code 2 it gives
        lines.append(f"::error file={escape_property(_relative(path))},title=unreadable cable::{escape_data(reason)}")
    return "".join(line + "\n" for line in lines)
