"""A cable that does not answer the TIP questionnaire, and is therefore not checked.

A folder of drafts or incoming cables holds many cables about trafficking that are not replies: press
guidance on the published report, hero nominations, demarches, funding proposals, a child-labour report that
answers another numbered questionnaire. Before any checking, tipcheck weighs the subject, the sender, the REF
lines, lettered answers and the words of the questions (analysis/detect.py); a cable it takes for something
else gets this one finding, with the reason, instead of dozens of false "unanswered question" errors. It has
no questions, is listed as skipped and never changes the exit code. `--questionnaire NAME` checks it anyway.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples

if TYPE_CHECKING:
    from tipcheck.analysis.detect import Detection
    from tipcheck.reading.cable import Cable

ID = "not-a-reply"
DEFAULT_SEVERITY = Severity.INFO
SUMMARY = "The cable does not answer a TIP questionnaire; it is skipped, not checked."
EXAMPLES = Examples(
    failing="""FM AMEMBASSY MANAMA
TO SECSTATE WASHDC
SUBJECT: RECOGNITION OF LOCAL TIP HERO RAISES AWARENESS

REF: STATE 2731

¶1. (SBU) The Department's Trafficking in Persons (TIP) report recognized a local activist as a "Hero" for her
years of advocacy on behalf of migrant workers.
""",
    passing="""FM AMEMBASSY SANAA
TO SECSTATE WASHDC
SUBJECT: YEMEN: TENTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

REF: STATE 2094

¶1. (SBU) Embassy Sanaa's responses to the questions of reftel follow.

¶25. (SBU) THE COUNTRY'S TIP SITUATION

¶A. Yemen is a country of origin and, to a lesser extent, transit and destination for trafficked persons.
""",
    questionnaire=None,
)


def check(ctx: Context) -> Iterator[Finding]:
    """Nothing to find in a cable that is being checked: the finding is made before alignment (`finding`)."""
    del ctx
    return iter(())


def finding(cable: Cable, detection: Detection) -> Finding:
    """The one finding of a cable detected as not a reply, at its subject line (else its first line)."""
    line = next((ln.number for ln in cable.lines[:cable.body_start] if ln.text.lstrip().upper().startswith(
        ("SUBJECT", "SUBJ"))), 1)
    return Finding(
        rule=ID, severity=DEFAULT_SEVERITY, path=cable.path, line=line, column=1,
        message=f"not a reply to a TIP questionnaire, so not checked: {detection.reason}", excerpt=detection.quote,
        fix="check it anyway with --questionnaire NAME if it does answer the questionnaire",
        data={"confidence": detection.confidence})
