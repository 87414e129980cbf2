"""A fully labelled reply as plain data: which questions it answers, with what text, and which it leaves out.

Where each answer starts comes from the hand-made label (question -> marker line); its text is the reply's own
text from that line to the next answer or heading, with the marker and any restated question cut off, reflowed
into one paragraph. The renderers then lay these answers out anew.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from conftest import cable_path, label_files
from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.model import Question, Questionnaire
from tipcheck.reading.cable import Passage, parse_cable
from tipcheck.reading.segment import Segmentation, Unit, segment

# A reply whose whole text is in the file (not an opening cut short): its label says where every answer is.
FULL_KINDS = ("full", "reply", "part", "supplement")


@dataclass(frozen=True)
class Answer:
    questions: tuple[Question, ...]  # one, or several the post answered together
    text: str  # the answer, reflowed into one paragraph


@dataclass(frozen=True)
class Reply:
    name: str
    questionnaire: Questionnaire
    answers: tuple[Answer, ...]  # in questionnaire order
    unanswered: frozenset[str]
    post: str  # the post's name as its page-break lines print it, e.g. "SANAA"

    @property
    def answered(self) -> frozenset[str]:
        return frozenset(q.id for a in self.answers for q in a.questions)


def fully_labelled() -> list[Path]:
    """Labels of replies whose whole text is in the file: cables outside cables/partial/."""
    return [p for p in label_files() if not str(_label(p)["cable"]).startswith("cables/partial/")
            and _label(p)["kind"] in FULL_KINDS]


@cache
def _label(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


_RULE = re.compile(r"\s*-{5,}")  # a dashed rule over the next section's banner


def _flat(text: str) -> str:
    return " ".join(text.split())


def _text_until(passage: Passage, stop_lines: set[int]) -> str:
    """The passage's text up to the first of `stop_lines` (a heading or the next answer) it runs into."""
    kept: list[str] = []
    offset = 0
    for piece in passage.text.split("\n"):
        line, _ = passage.locate(offset)
        if (line in stop_lines or _RULE.match(piece)) and kept:
            break
        kept.append(piece)
        offset += len(piece) + 1
    return _flat(" ".join(kept))


def _unit_of(seg: Segmentation, question: Question, line: int) -> Unit:
    """The unit the label places the answer in: the one on its line that names its letter, else the first
    (a line can hold several units: 08MANAMA144 runs a whole section on one)."""
    on_line = [u for u in seg.units if u.marker.line == line]
    return next((u for u in on_line if question.letter in u.marker.letters), on_line[0])


@cache
def load_reply(path: Path) -> Reply:
    label = _label(path)
    questionnaire = qmod.load(label["questionnaire"])
    text = cable_path(label).read_text(encoding="utf-8")
    seg = segment(parse_cable(text, str(path)))
    answered: dict[str, dict[str, Any]] = label["answered"]
    stops = {h.line for h in seg.headings} | {u.marker.line for u in seg.units}
    by_unit: dict[Unit, list[Question]] = {}
    for qid, where in answered.items():
        question = questionnaire.question(qid)
        assert question is not None, qid
        by_unit.setdefault(_unit_of(seg, question, where["line"]), []).append(question)
    answers = [Answer(tuple(sorted(qs, key=lambda q: q.position)), _text_until(unit.response, stops - {unit.line}))
               for unit, qs in by_unit.items()]
    answers.sort(key=lambda a: a.questions[0].position)
    post = re.sub(r"^\d+|\d+$", "", path.stem)
    return Reply(path.stem, questionnaire, tuple(answers), frozenset(label["unanswered"]), post)
