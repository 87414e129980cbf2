"""Several replies side by side: a question x cable matrix of statuses, as a desk officer would build by hand.

Rows are questions, never paragraph positions: two posts number their paragraphs differently, but answer the
same question. Across years the questions are lined up through the questionnaire models: the older models'
questions are paired with the newest one's by wording (`questionnaire diff`, since letters shift from year to
year: 2010 inserted scene E-F), and a question with no counterpart in a cable's model is `None` there ("no
counterpart"). Without the models, questions are matched by their id. Pure: reports and models in, a Matrix out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import PurePath

from tipcheck.frozen import frozen
from tipcheck.questionnaire import diff as qdiff
from tipcheck.questionnaire.model import Questionnaire
from tipcheck.results import CableReport
from tipcheck.status import ANSWERING, QuestionStatus

SHORT_TEXT = 60
Key = tuple[str, str]  # (model id, question id) of a row: the newest model's question, or a question with no
# counterpart in it


def short(wording: str, width: int = SHORT_TEXT) -> str:
    """A question's wording cut to its first sentence and `width` characters, for a matrix row or a heading."""
    first = re.split(r"(?<=[?.:])\s", wording.strip(), maxsplit=1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


@frozen
class Row:
    question: str  # the question's id in `questionnaire`
    section: str
    letter: str
    cells: tuple[QuestionStatus | None, ...]  # one status per cable; None: no counterpart in that cable's model
    questionnaire: str = ""  # the model the id is of: the newest compared, or the question's own when it has no
    # counterpart there ("" when compared by id alone)
    text: str = ""  # the question's wording ("" when not known)
    ids: tuple[str | None, ...] = ()  # per cable, the id its model gives this question (relettered across years)

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

    @property
    def short(self) -> str:
        return short(self.text) if self.text else "(wording not known)"


@frozen
class Column:
    label: str  # short and unique among the columns: the cable id, else the file name
    path: str
    questionnaire: str
    answered: int  # questions with status in ANSWERING
    asked: int  # questions in the cable's questionnaire

    @property
    def answered_percent(self) -> float:
        return 100.0 * self.answered / self.asked if self.asked else 0.0


@frozen
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    only_differences: bool = False
    reference: str = ""  # the model whose question ids name the rows ("" when compared by id)

    def row(self, question: str, questionnaire: str | None = None) -> Row | None:
        """The row of `question` (an id of the reference model, or of `questionnaire`)."""
        model = self.reference if questionnaire is None else questionnaire
        return next((r for r in self.rows if r.question == question and r.questionnaire == model), None)

    def label(self, row: Row) -> str:
        """The row's id, with its model when that is not the reference: `prosecution.K (tip-2009)`."""
        return row.question if row.questionnaire == self.reference else f"{row.question} ({row.questionnaire})"

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


@frozen
class QuestionMap:
    """Every compared model's questions mapped onto the newest model's (`questionnaire diff`'s pairing by
    wording); a question with no counterpart there keeps its own key."""

    reference: str
    keys: dict[Key, Key]
    texts: dict[Key, str]

    def key(self, model: str, question: str) -> Key:
        return self.keys.get((model, question), (model, question))


def question_map(models: Sequence[Questionnaire]) -> QuestionMap:
    """Each model's questions mapped onto the newest model's by wording (`questionnaire diff`): directly, or
    else year by year through the models between, since neighbouring years are worded most alike. A question
    that reaches no counterpart in the newest model stops at the newest model that has one, or keeps its own
    key; no two questions of one model share a row."""
    chain = sorted({m.id: m for m in models}.values(), key=lambda m: m.year)
    newest = chain[-1]
    direct: dict[Key, Key] = {}
    step: dict[Key, Key] = {}
    for older, newer in itertools.pairwise(chain):
        step.update(_pairs(older, newer))
        direct.update(_pairs(older, newest) if newer is not newest else {})
    keys: dict[Key, Key] = {}
    for model in chain[:-1]:
        taken: set[Key] = set()
        for q in model.questions:
            key = _follow((model.id, q.id), direct, step)
            keys[(model.id, q.id)] = key if key not in taken else (model.id, q.id)
            taken.add(keys[(model.id, q.id)])
    texts = {(m.id, q.id): q.text for m in chain for q in m.questions}
    return QuestionMap(newest.id, keys, texts)


def _pairs(older: Questionnaire, newer: Questionnaire) -> dict[Key, Key]:
    return {(older.id, p.old.id): (newer.id, p.new.id) for p in qdiff.diff(older, newer).pairs}


def _follow(start: Key, direct: dict[Key, Key], step: dict[Key, Key]) -> Key:
    key = start
    while key not in direct and key in step:
        key = step[key]
    return direct.get(key, key)


def _section(key: Key) -> str:
    return key[1].rpartition(".")[0]


def _keys(report: CableReport, by_model: QuestionMap | None) -> list[Key]:
    """The row key of each of the report's questions, in its questionnaire's order."""
    if by_model is None:
        return [("", q.id) for q in report.questions]
    return [by_model.key(report.questionnaire, q.id) for q in report.questions]


def _question_order(reports: Sequence[CableReport], by_model: QuestionMap | None) -> list[Key]:
    """The union of the rows, in questionnaire order (the newest model's first): a question only an older
    model asks is placed right after the question it follows in that model."""
    reference = by_model.reference if by_model else ""
    order: list[Key] = []
    seen: set[Key] = set()
    for report in sorted(reports, key=lambda r: r.questionnaire != reference):
        previous: Key | None = None
        for key in _keys(report, by_model):
            if key not in seen:
                at = next((i + 1 for i, item in enumerate(order) if item == previous), None)
                if previous is None:
                    at = next((i for i, item in enumerate(order) if _section(item) == _section(key)), len(order))
                order.insert(at if at is not None else len(order), key)
                seen.add(key)
            previous = key
    return order


def compare(reports: Sequence[CableReport], only_differences: bool = False,
            models: Sequence[Questionnaire] = ()) -> Matrix:
    """The matrix of `reports`; given the `models` they answer, questions are lined up through the models
    (across years, by wording), else by id."""
    if not reports:
        raise ValueError("compare needs at least one report")
    by_model = question_map(models) if models else None
    by_key = [dict(zip(_keys(r, by_model), r.questions, strict=True)) for r in reports]
    rows = []
    for key in _question_order(reports, by_model):
        found = [questions.get(key) for questions in by_key]
        rows.append(Row(key[1], _section(key), key[1].rpartition(".")[2],
                        tuple(q.status if q else None for q in found), key[0],
                        by_model.texts.get(key, "") if by_model else "", tuple(q.id if q else None for q in found)))
    if only_differences:
        rows = [r for r in rows if r.differs]
    columns = tuple(
        Column(label, r.path, r.questionnaire, sum(1 for q in r.questions if q.status in ANSWERING), len(r.questions))
        for label, r in zip(labels(reports), reports, strict=True))
    return Matrix(columns, tuple(rows), only_differences, by_model.reference if by_model else "")


@frozen
class DeskView:
    """What a desk officer's report shows beyond each reply: the comparison of all replies, each post's replies
    across years, and the wording of every question."""

    matrix: Matrix
    by_post: tuple[tuple[str, Matrix], ...]  # posts with replies from two or more years, each post's oldest first
    texts: dict[Key, str]  # (model id, question id) -> the question's wording

    def wording(self, questionnaire: str, question: str) -> str:
        return self.texts.get((questionnaire, question), "")


def desk_view(reports: Sequence[CableReport], models: Sequence[Questionnaire]) -> DeskView:
    from tipcheck.desk.sets import post_year

    posts: dict[str, list[tuple[str, CableReport]]] = {}
    for r in reports:
        where = post_year(r)
        if where is not None:
            posts.setdefault(where[0], []).append((where[1], r))
    by_post = []
    for post, replies in posts.items():
        if len({year for year, _ in replies}) > 1:  # row ids as in the whole comparison: the newest model's
            by_post.append((post, compare([r for _, r in sorted(replies, key=lambda item: item[0])],
                                          models=models)))
    texts = {(m.id, q.id): q.text for m in models for q in m.questions}
    return DeskView(compare(reports, models=models), tuple(by_post), texts)
