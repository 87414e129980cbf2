"""Several replies side by side: a question x cable matrix of statuses, as a desk officer would build by hand.

Rows are questions, matched across cables by their stable id (`prosecution.E`), never by paragraph position:
two posts number their paragraphs differently, but answer the same question. Cables that answer different
questionnaires get the union of the question ids as rows; a cell for a question that is not in a cable's
questionnaire is `None` ("n/a"). Pure: reports in, a Matrix out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from tipcheck.results import CableReport
from tipcheck.status import ANSWERING, QuestionStatus


@dataclass(frozen=True)
class Row:
    question: str
    section: str
    letter: str
    cells: tuple[QuestionStatus | None, ...]  # one status per cable; None: the question is not in that cable's model

    @property
    def answering(self) -> int:
        """How many cables answer this question."""
        return sum(1 for status in self.cells if status in ANSWERING)

    @property
    def asked(self) -> int:
        """How many cables' questionnaires ask this question."""
        return sum(1 for status in self.cells if status is not None)

    @property
    def differs(self) -> bool:
        return len(set(self.cells)) > 1


@dataclass(frozen=True)
class Column:
    label: str  # short and unique among the columns: the cable id, else the file name
    path: str
    questionnaire: str
    answered: int  # questions with status in ANSWERING
    asked: int  # questions in the cable's questionnaire

    @property
    def answered_percent(self) -> float:
        return 100.0 * self.answered / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    only_differences: bool = False

    def row(self, question: str) -> Row | None:
        return next((r for r in self.rows if r.question == question), None)

    def cell(self, question: str, label: str) -> str | None:
        row = self.row(question)
        index = next((i for i, c in enumerate(self.columns) if c.label == label), None)
        if row is None or index is None:
            raise KeyError(f"{question} x {label}")
        return row.cells[index]


def labels(reports: Sequence[CableReport]) -> list[str]:
    """A short, unique column label per report: its cable id, else its file name, else its path, then #n."""
    candidates = [[r.cable_id, PurePath(r.path).name, r.path] for r in reports]
    chosen: list[str] = []
    for i, options in enumerate(candidates):
        names = [o for o in options if o]
        label = next((o for o in names
                      if sum(1 for other in candidates if o in other) == 1), names[-1] if names else f"#{i + 1}")
        while label in chosen:
            label = f"{label}#{i + 1}"
        chosen.append(label)
    return chosen


def _question_order(reports: Sequence[CableReport]) -> list[tuple[str, str, str]]:
    """The union of question ids, in questionnaire order: a question only a later cable asks is placed right
    after the question it follows in that cable's questionnaire."""
    order: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for report in reports:
        previous: str | None = None
        for q in report.questions:
            if q.id not in seen:
                at = next((i + 1 for i, item in enumerate(order) if item[0] == previous), None)
                if previous is None:
                    at = next((i for i, item in enumerate(order) if item[1] == q.section), len(order))
                order.insert(at if at is not None else len(order), (q.id, q.section, q.letter))
                seen.add(q.id)
            previous = q.id
    return order


def compare(reports: Sequence[CableReport], only_differences: bool = False) -> Matrix:
    if not reports:
        raise ValueError("compare needs at least one report")
    statuses = [{q.id: q.status for q in r.questions} for r in reports]
    rows = [Row(qid, section, letter, tuple(s.get(qid) for s in statuses))
            for qid, section, letter in _question_order(reports)]
    if only_differences:
        rows = [r for r in rows if r.differs]
    columns = tuple(
        Column(label, r.path, r.questionnaire, sum(1 for q in r.questions if q.status in ANSWERING), len(r.questions))
        for label, r in zip(labels(reports), reports, strict=True))
    return Matrix(columns, tuple(rows), only_differences)
