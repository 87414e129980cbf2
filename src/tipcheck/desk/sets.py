"""A folder of replies sorted into the replies they make: the parts of one reply ("part 1 of 2", "part 2 of 2")
and a reply's supplements belong together, so that a set counts as one reply.

Cables group when they come from the same post in the same year (read from the cable id, `09REYKJAVIK49`, else
the file name) and at least one of them says it is a part or a supplement; two complete replies of one post and
year stay apart. A supplement joins the reply its REF line cites, else the one reply (or the parts) of its post
and year. Pure: reports in, groups of reports out, in the order the reports came.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from tipcheck.desk.merge import _cites as cites  # one reading of a REF line, shared with merge
from tipcheck.regex import lazy_compile
from tipcheck.results import CableReport

_CABLE_ID = lazy_compile(r"^(\d{2})([A-Z]+?)(\d+)$")
SET_KINDS = ("part", "supplement")


def post_year(report: CableReport) -> tuple[str, str] | None:
    """('REYKJAVIK', '09') for 09REYKJAVIK49, from the cable id or else the file name; None when neither is one."""
    # a merged set's id and path join its cables' with " + ": its first cable stands for it
    first_id, first_path = (report.cable_id or "").split(" + ")[0], report.path.split(" + ")[0]
    for name in (first_id, PurePath(first_path).stem.upper()):
        m = _CABLE_ID.match(name)
        if m:
            return m.group(2), m.group(1)
    return None


def _cited(supplement: CableReport, replies: Sequence[CableReport]) -> CableReport | None:
    return next((r for r in replies if cites(r, supplement.kind.main_ref)), None)


def _split(members: list[CableReport]) -> list[list[CableReport]]:
    """One post's cables of one year as replies: the parts together, each supplement with the reply it adds to."""
    replies = [[r] for r in members if r.kind.kind not in SET_KINDS]
    parts = [r for r in members if r.kind.kind == "part"]
    groups = replies + ([parts] if parts else [])
    for supplement in (r for r in members if r.kind.kind == "supplement"):
        cited = _cited(supplement, [g[0] for g in replies])
        if cited is not None:
            next(g for g in groups if g[0] is cited).append(supplement)
        elif len(groups) == 1:
            groups[0].append(supplement)
        else:
            groups.append([supplement])
    return groups


def group(reports: Sequence[CableReport]) -> list[list[CableReport]]:
    """The reports as replies: each list is one reply (one cable, or a set's cables), ordered by first cable."""
    by_key: dict[tuple[str, str, str], list[CableReport]] = {}
    alone: list[list[CableReport]] = []
    for r in reports:
        key = post_year(r)
        if key is None or not r.reply:
            alone.append([r])
        else:
            by_key.setdefault((*key, r.questionnaire), []).append(r)
    groups = alone
    for members in by_key.values():
        if any(r.kind.kind in SET_KINDS for r in members):
            groups += _split(members)
        else:
            groups += [[r] for r in members]
    first = {id(r): i for i, r in enumerate(reports)}
    return sorted(groups, key=lambda g: min(first[id(r)] for r in g))
