"""Questionnaire models: the YAML files in `questionnaire/`, loaded into plain dataclasses.

Bundled models are validated by the test suite, so loading one by name skips the JSON Schema (and the
jsonschema import) on the hot path; a model from a user's path is always validated, and its errors name the
file, the YAML path and the line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from tipcheck import bundled
from tipcheck.errors import QuestionnaireError
from tipcheck.frozen import frozen


@frozen
class Expectation:
    """What an answer to a sub-question must contain (see docs/questionnaire-format.md)."""

    kind: str
    things: tuple[str, ...] = ()
    by: tuple[str, ...] = ()
    currency: str | None = None
    optional: bool = False  # asked only under a condition the reply may not meet: reported, never flagged


@frozen
class SubQuestion:
    """A part of a question's text that an answer should cover, and what a covering answer holds."""

    id: str
    text: str
    expects: Expectation | None = None
    keywords: tuple[str, ...] = ()


@frozen
class Question:
    """One lettered question of a questionnaire section."""

    id: str
    section_id: str
    section_paragraph: int
    letter: str
    text: str
    labels: tuple[str, ...]
    completeness: str
    source: str
    subquestions: tuple[SubQuestion, ...]
    position: int  # 1-based position in the whole questionnaire


@frozen
class Section:
    """A numbered paragraph of the tasking cable and the questions it asks."""

    id: str
    paragraph: int
    heading: str
    questions: tuple[Question, ...]


@frozen
class Questionnaire:
    """A year's questionnaire: its tasking cable and sections, and how replies name and number it."""

    id: str
    year: int
    title: str
    tasking_cable: str
    sections: tuple[Section, ...]
    subject_markers: tuple[str, ...] = ()
    related_cables: tuple[str, ...] = ()
    numbering_instruction: str = ""
    deadline: dt.date | None = None
    reporting_period: tuple[dt.date | None, dt.date | None] = (None, None)
    source_path: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # A check asks for the questions and looks questions up hundreds of times: built once per model.
    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    def question(self, qid: str) -> Question | None:
        return self._by_id.get(qid)

    def section(self, sid: str) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)

    def section_by_paragraph(self, paragraph: int) -> Section | None:
        return next((s for s in self.sections if s.paragraph == paragraph), None)

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}


def bundled_dir() -> Path:
    return Path(__file__).parent / "data"  # not importlib.resources.files, which imports zipfile (~5 ms)


@cache  # the bundled models do not change while tipcheck runs; choosing one per cable need not list them again
def bundled_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in bundled_dir().glob("tip-*.yaml")))


def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((bundled_dir() / "schema.json").read_text(encoding="utf-8"))
    return data


@cache
def load_bundled(name: str) -> Questionnaire:
    path = bundled_dir() / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(bundled_names()) or "none"
        raise QuestionnaireError(f"unknown questionnaire {name!r} (bundled: {known}; or give a path)")
    data = bundled.read("questionnaire", path, parse=lambda text: _parse_yaml(text, str(path)))
    return from_mapping(data, str(path))


_QUESTION_DEPTH = 6  # a bundled model's questions are indented this far; its header and sections less


@cache
def bundled_outline(name: str) -> Questionnaire:
    """A bundled model without its questions: the header (id, year, tasking cable, related cables, subject
    markers) and the sections (id, paragraph, heading) that choosing the model a cable answers, and detecting
    a reply, read: from its own JSON file (tipcheck.bundled), or from the model being edited, only the lines indented
    less than the questions (a test compares each outline with its whole model)."""
    path = bundled_dir() / f"{name}.yaml"

    def parse_outline(text: str) -> dict[str, Any]:
        lines = text.splitlines()
        return _parse_yaml("\n".join(line for line in lines if len(line) - len(line.lstrip(" ")) < _QUESTION_DEPTH),
                           str(path))

    return from_mapping(bundled.read("questionnaire", path, "outline", parse_outline), str(path))


def load(name_or_path: str) -> Questionnaire:
    """A bundled model by name (`tip-2009`), or a model file at a path, validated."""
    if re.fullmatch(r"tip-\d{4}", name_or_path) and not Path(name_or_path).exists():
        return load_bundled(name_or_path)
    path = Path(name_or_path)
    if not path.exists():
        if "/" not in name_or_path and not name_or_path.endswith((".yaml", ".yml")):
            return load_bundled(name_or_path)
        raise QuestionnaireError(f"{name_or_path}: no such questionnaire file")
    if path.is_dir():
        raise QuestionnaireError(f"{name_or_path}: is a directory, not a questionnaire file")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionnaireError(f"{name_or_path}: cannot read: {exc}") from exc
    data = _parse_yaml(text, name_or_path)
    validate(data, text, name_or_path)
    return from_mapping(data, name_or_path)


def _parse_yaml(text: str, where: str) -> dict[str, Any]:
    import yaml  # here: a bundled model is read from its JSON (tipcheck.bundled)

    try:
        data = bundled.parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if mark is not None:
            raise QuestionnaireError(
                f"{where}:{mark.line + 1}:{mark.column + 1}: invalid YAML: {problem}") from exc
        raise QuestionnaireError(f"{where}: invalid YAML: {problem}") from exc
    if not isinstance(data, dict):
        raise QuestionnaireError(f"{where}: a questionnaire must be a YAML mapping")
    return data


def validate(data: dict[str, Any], text: str, where: str) -> None:
    """Check `data` against questionnaire/schema.json; the first error names its YAML path and line."""
    import jsonschema  # imported here: only models from user paths need it

    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(_jsonable(data)), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        ypath = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        line = yaml_line(text, list(err.absolute_path))
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise QuestionnaireError(f"{where}:{line}: {ypath}: {err.message}{more}")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def yaml_line(text: str, path: list[Any]) -> int:
    """The 1-based line of the node at `path` in YAML `text` (the nearest existing ancestor's line)."""
    import yaml

    try:
        node: Any = yaml.compose(text)
    except yaml.YAMLError:
        return 1
    line = 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(key)), None)
            if match is None:
                break
            key_node = next(k for k, v in node.value if v is match)
            line = key_node.start_mark.line + 1
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def from_mapping(data: dict[str, Any], source_path: str = "") -> Questionnaire:
    try:
        sections = []
        position = 0
        for s in data["sections"]:
            questions = []
            for q in s.get("questions") or []:
                position += 1
                qid = f"{s['id']}.{q['letter']}"
                prov = q.get("provenance") or {}
                subs = tuple(
                    SubQuestion(
                        id=sq["id"], text=sq.get("text", ""),
                        expects=_expectation(sq.get("expects")),
                        keywords=tuple(sq.get("keywords") or ()))
                    for sq in q.get("subquestions") or [])
                questions.append(Question(
                    id=qid, section_id=s["id"], section_paragraph=int(s["paragraph"]), letter=q["letter"],
                    text=" ".join(str(q.get("text") or "").split()), labels=tuple(q.get("labels") or ()),
                    completeness=str(prov.get("completeness", "unknown")), source=str(prov.get("source", "")),
                    subquestions=subs, position=position))
            sections.append(Section(s["id"], int(s["paragraph"]), str(s.get("heading", "")), tuple(questions)))
        period = data.get("reporting_period") or {}
        instruction = data.get("numbering_instruction") or {}
        return Questionnaire(
            id=str(data["id"]), year=int(data.get("year") or 0), title=str(data.get("title", "")),
            tasking_cable=str(data.get("tasking_cable", "")), sections=tuple(sections),
            subject_markers=tuple(data.get("subject_markers") or ()),
            related_cables=tuple(data.get("related_cables") or ()),
            numbering_instruction=str(instruction.get("text", "") if isinstance(instruction, dict) else instruction),
            deadline=_date(data.get("deadline")),
            reporting_period=(_date(period.get("start")), _date(period.get("end"))),
            source_path=source_path, raw=data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise QuestionnaireError(f"{source_path}: not a questionnaire model: {exc!r}") from exc


def _expectation(value: Any) -> Expectation | None:
    if not isinstance(value, dict) or "kind" not in value:
        return None
    return Expectation(kind=str(value["kind"]), things=tuple(value.get("things") or ()),
                       by=tuple(value.get("by") or ()), currency=value.get("currency"),
                       optional=bool(value.get("optional", False)))
