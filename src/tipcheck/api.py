"""The public library API: check a cable given as text, bytes or a path, and get typed results back.

Nothing here prints. Errors the user can act on are raised as `tipcheck.errors.TipcheckError` subclasses.

    >>> from tipcheck.api import check_file
    >>> report = check_file("examples/09MEXICO828.txt")  # from the repository's root
    >>> counts = report.counts()
    >>> counts["answered"], counts["partial"], counts["missing"], len(report.questions)
    (17, 4, 21, 42)
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipcheck import rules
from tipcheck.analysis.align import align
from tipcheck.analysis.cable_analysis import analyse
from tipcheck.analysis.detect import Detection, Known, detect, known
from tipcheck.analysis.sentences import answer_sentences
from tipcheck.errors import InputError, about_file
from tipcheck.findings import Finding
from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.choose import Choice, choose_for_cable
from tipcheck.questionnaire.model import Questionnaire
from tipcheck.reading.cable import Cable, read_cable
from tipcheck.reading.kinds import reply_kind
from tipcheck.reading.segment import segment
from tipcheck.results import CableReport, statuses
from tipcheck.rules import duplicate_answer, information_unavailable, partial_answer, seeking_information
from tipcheck.rules.base import Context
from tipcheck.settings import Ignore, Settings

if TYPE_CHECKING:
    from tipcheck.desk.compare import DeskView, Matrix
    from tipcheck.desk.merge import ReplySet

__all__ = ["CableReport", "Finding", "Settings", "check_bytes", "check_cable", "check_file", "check_set",
           "check_text", "compare", "desk_view", "group_replies", "models_of",
           "read_file"]

MAX_BYTES = 64 * 1024 * 1024  # far beyond any real cable; a larger file is refused, not read into memory


def read_file(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a cable (use 'tipcheck check DIR' to check every file in it)")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size // (1024 * 1024)} MB is too large for a cable (limit "
                             f"{MAX_BYTES // (1024 * 1024)} MB)")
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def bundled_models() -> list[Questionnaire]:
    """The bundled models without their questions: what choosing a model and detecting a reply read (only the
    chosen model is loaded whole)."""
    return [qmod.bundled_outline(name) for name in qmod.bundled_names()]


@functools.cache  # what reply detection needs from the bundled models, worked out once per process
def bundled_facts() -> Known:
    return known(bundled_models())


# What checking a reply imports on its first use: the grammar of the gap rules, the readers of files.
_FIRST_USE = ("tipcheck.rules._gap_grammar", "tipcheck.reading.sources", "tipcheck.reading.encoding",
              "tipcheck.reading.mail")


def import_checker() -> None:
    """Import every module that checking a cable uses, also those imported on their first use: for a process
    about to check cables, to import them all at once."""
    for module in _FIRST_USE:
        importlib.import_module(module)


def resolve_questionnaire(cable: Cable, settings: Settings) -> tuple[Questionnaire, Choice]:
    if settings.questionnaire:
        model = qmod.load(settings.questionnaire)
        return model, Choice(model.id, "given with --questionnaire")
    choice = choose_for_cable(cable, bundled_models())
    return qmod.load_bundled(choice.questionnaire), choice


def check_cable(cable: Cable, settings: Settings | None = None) -> CableReport:
    """Check a reply cable; a cable detected as not a reply (unless --questionnaire forces a check) gets
    a report with no questions and one not-a-reply finding, and is not aligned at all."""
    settings = settings or Settings()
    started, clock = time.time(), time.perf_counter()
    detection = None if settings.questionnaire else detect(cable, bundled_facts())
    if detection is not None and not detection.reply:
        report = _not_a_reply(cable, detection, settings)
    else:
        report = _check_reply(cable, settings, detection)
    # when and how long, for the formats that show it (JUnit's timestamp and time)
    report.extra.update(started=started, seconds=time.perf_counter() - clock)
    return report


def _check_reply(cable: Cable, settings: Settings, detection: Detection | None) -> CableReport:
    model, choice = resolve_questionnaire(cable, settings)
    segmentation = segment(cable)
    if not segmentation.units and not segmentation.headings:
        raise InputError(f"{cable.path}: no numbered or lettered paragraphs found; is this a reply cable?")
    alignment = align(segmentation, model)
    kind = reply_kind(cable.header)
    enabled = {rid for rid in rules.registry() if settings.severities.get(rid, True) is not None}
    # What only one rule reports is looked for only with that rule on; the rules and the report share it all.
    seeking, unavailable = seeking_information.ID in enabled, information_unavailable.ID in enabled
    gap_reader = functools.partial(seeking_information.answer_gaps, extra_phrases=settings.extra_seeking_phrases,
                                   seeking=seeking, unavailable=unavailable)
    sentences = answer_sentences(segmentation.units)  # every answer split once, for each stage that reads sentences
    analysis = analyse(cable, alignment, kind, sentences, subquestions_wanted=partial_answer.ID in enabled,
                       duplicates_wanted=duplicate_answer.ID in enabled,
                       gap_reader=gap_reader if seeking or unavailable else None)
    findings = [_with_severity(f, settings) for f in rules.run(Context(analysis), enabled)]
    if cable.places:
        findings = [dataclasses.replace(f, location=cable.place(f.line)) for f in findings]
    kept, suppressed = _apply_ignores(findings, settings)
    kept.sort(key=Finding.sort_key)
    return CableReport(
        path=cable.path, questionnaire=model.id, questionnaire_reason=choice.reason, kind=kind,
        subject=cable.header.subject, cable_id=cable.header.cable_id, questions=statuses(analysis),
        findings=tuple(kept), cross_references=analysis.cross_references,
        numbering=alignment.scheme.describe() if alignment.scheme else None, suppressed=len(suppressed),
        extra={"ignores_used": [i for i in settings.ignores if any(i.matches(f) for f in suppressed)]},
        **_reply_fields(detection))


def _reply_fields(detection: Detection | None) -> dict[str, Any]:
    if detection is None:
        return {"reply": True, "reply_reason": "checked as a reply: given with --questionnaire"}
    return {"reply": detection.reply, "reply_reason": detection.reason, "reply_quote": detection.quote,
            "reply_confidence": detection.confidence}


def _not_a_reply(cable: Cable, detection: Detection, settings: Settings) -> CableReport:
    from tipcheck.rules import not_a_reply

    findings = [_with_severity(not_a_reply.finding(cable, detection), settings)]
    findings = [f for f in findings if settings.severities.get(f.rule, True) is not None]
    kept, suppressed = _apply_ignores(findings, settings)
    return CableReport(
        path=cable.path, questionnaire="", questionnaire_reason="not checked: not a reply", kind=detection.kind,
        subject=cable.header.subject, cable_id=cable.header.cable_id, questions=(), findings=tuple(kept),
        suppressed=len(suppressed),
        extra={"ignores_used": [i for i in settings.ignores if any(i.matches(f) for f in suppressed)]},
        **_reply_fields(detection))


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    severity = settings.severities.get(finding.rule)
    return dataclasses.replace(finding, severity=severity) if severity is not None else finding


def _apply_ignores(findings: list[Finding], settings: Settings) -> tuple[list[Finding], list[Finding]]:
    if not settings.use_ignores or not settings.ignores:
        return list(findings), []
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for f in findings:
        (dropped if any(i.matches(f) for i in settings.ignores) else kept).append(f)
    return kept, dropped


def check_bytes(data: bytes, path: str = "<bytes>", settings: Settings | None = None) -> CableReport:
    return check_cable(read_cable(data, path), settings)


def check_text(text: str, path: str = "<string>", settings: Settings | None = None) -> CableReport:
    from tipcheck.reading.cable import parse_cable

    if not text.strip():
        raise InputError(f"{path}: the cable is empty")
    return check_cable(parse_cable(text, path), settings)


def check_file(path: str | Path, settings: Settings | None = None) -> CableReport:
    try:
        # the file's bytes are a temporary, let go once decoded: not held through the check (10 MB for 10 MB)
        return check_cable(read_cable(read_file(path), str(path)), settings)
    except InputError as exc:
        raise InputError(about_file(str(path), str(exc))) from exc


def unused_ignores(reports: Iterable[CableReport], settings: Settings, used: Iterable[Ignore] = ()) -> list[Ignore]:
    """The ignores of `settings` that suppressed nothing in `reports`, nor among `used`: the ignores used in
    reports the caller no longer holds (a batch that streams its reports keeps only these)."""
    # by value, not identity: reports made in worker processes carry copies of the ignores
    seen = {i for r in reports for i in r.extra.get("ignores_used", [])} | set(used)  # type: ignore[attr-defined]
    return [i for i in settings.ignores if i not in seen]


def check_set(paths_or_cables: Sequence[str | Path | Cable], settings: Settings | None = None) -> ReplySet:
    """Check several cables as one reply (parts of a set, or a main reply with its supplements): a question
    answered in any of them is answered; each finding keeps the file it was found in."""
    from tipcheck.desk.merge import merge

    reports = [check_cable(item, settings) if isinstance(item, Cable) else check_file(item, settings)
               for item in paths_or_cables]
    return merge(reports, settings)


def models_of(reports: Sequence[CableReport], settings: Settings | None = None) -> list[Questionnaire]:
    """The questionnaire models the reports answer, each once, in the reports' order."""
    settings = settings or Settings()
    if settings.questionnaire:
        return [qmod.load(settings.questionnaire)]
    return [qmod.load_bundled(name) for name in dict.fromkeys(r.questionnaire for r in reports if r.questionnaire)]


def compare(reports: Sequence[CableReport], settings: Settings | None = None,
            only_differences: bool = False) -> Matrix:
    """The question x reply matrix, questions lined up across years through the models the replies answer."""
    from tipcheck.desk.compare import compare as matrix

    return matrix(reports, only_differences, _with_years_between(models_of(reports, settings)))


def desk_view(reports: Sequence[CableReport], settings: Settings | None = None) -> DeskView:
    """The comparison, the year-over-year view per post and the questions' wording, for the desk report."""
    from tipcheck.desk.compare import desk_view as view

    return view(reports, _with_years_between(models_of(reports, settings)))


def _with_years_between(models: list[Questionnaire]) -> list[Questionnaire]:
    """The models, and the bundled ones of the years between them: questions are followed year by year."""
    years = {m.year for m in models}
    between = [m for m in bundled_models() if min(years, default=0) < m.year < max(years, default=0)
               and m.year not in years]
    return models + between


def group_replies(reports: Sequence[CableReport], settings: Settings | None = None, as_one_reply: bool = False,
                  group: bool = True) -> list[ReplySet]:
    """The reports as the replies they make: the parts of a set and a reply's supplements merged (same post,
    same year: `desk.sets.group`), or all of them as one reply with `as_one_reply`, or each alone without
    `group`. Cables of one post and year that answer different questionnaires stay apart."""
    from tipcheck.desk import sets
    from tipcheck.desk.merge import ReplySet, merge

    if as_one_reply:
        return [merge(reports, settings)]
    groups = sets.group(reports) if group else [[r] for r in reports]
    return [merge(members, settings) if len(members) > 1 else ReplySet((members[0],), members[0], True, ())
            for members in groups]
