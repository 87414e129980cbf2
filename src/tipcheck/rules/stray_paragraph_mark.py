"""A paragraph sign (¶) that does not start a paragraph.

Cables number paragraphs with the sign; one left inside a sentence (`repatriated in ¶2008.`) or on a list
item inside an answer is read by recipients' systems as a paragraph number and breaks paragraph references.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.regex import lazy_compile
from tipcheck.rules.base import Context, Examples

ID = "stray-paragraph-mark"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "A paragraph sign inside a sentence or on a list item, not starting a paragraph."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶3. (SBU) QUESTION A. What is (are) the source(s) of available information on trafficking in persons?

POST RESPONSE: INM reported that approximately 55,560 were repatriated in ¶2008.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶3. (SBU) QUESTION A. What is (are) the source(s) of available information on trafficking in persons?

POST RESPONSE: INM reported that approximately 55,560 were repatriated in 2008.
""",
)

_SIGN = lazy_compile(r"¶\s*\S*?(?=[\s,;:)]|\.(?:\s|$)|$)")


def check(ctx: Context) -> Iterator[Finding]:
    markers = {u.marker.line for u in ctx.alignment.segmentation.units if u.marker.sign == "¶"}
    markers |= {h.line for h in ctx.alignment.segmentation.headings}
    for ln in ctx.cable.body_lines():
        if "¶" not in ln.text:
            continue
        for m in _SIGN.finditer(ln.text):
            at_start = not ln.text[: m.start()].strip()
            if at_start and ln.number in markers:
                continue
            where = "at the start of a line that is no paragraph (a list item, or a sentence run on)" if at_start \
                else "inside a sentence"
            mark = m.group(0)
            yield ctx.finding(
                ID, DEFAULT_SEVERITY, f"paragraph sign {where}, where it does not start a paragraph",
                ln.number, m.start() + 1, question=ctx.question_at(ln.number), excerpt=mark,
                fix="remove the sign (write the number or year alone)", text=mark)

