"""The settings a check runs with, whatever set them (defaults, a config file, the command line)."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import field

from tipcheck.findings import Finding, Severity
from tipcheck.frozen import frozen


@frozen
class Ignore:
    """A suppression: findings of `rule` and/or on `question` in files matching `files` (glob)."""

    reason: str
    files: str = "*"
    rule: str | None = None
    question: str | None = None

    def matches(self, finding: Finding) -> bool:
        return (
            (self.rule is None or self.rule == finding.rule)
            and (self.question is None or self.question == finding.question
                 or (finding.question is not None and finding.question.startswith(self.question + ".")))
            and self.matches_file(finding.path)
        )

    def matches_file(self, path: str) -> bool:
        # a configuration file makes globs with a directory absolute, so the absolute path is tried too
        return (fnmatch.fnmatch(path, self.files) or fnmatch.fnmatch(os.path.basename(path), self.files)
                or (os.path.isabs(self.files) and fnmatch.fnmatch(os.path.abspath(path), self.files)))


@frozen
class Settings:
    """What a check is told beyond the cable: the model, the rules' severities, extra phrases, the ignores."""

    questionnaire: str | None = None  # name or path; None chooses by the cable's REF, subject and date
    severities: dict[str, Severity | None] = field(default_factory=dict)  # rule id -> severity, None = off
    extra_seeking_phrases: tuple[str, ...] = ()
    ignores: tuple[Ignore, ...] = ()
    use_ignores: bool = True
