"""What changed between two questionnaire models: questions added, removed, reworded and relettered.

Questions are matched by their wording (rapidfuzz similarity), never by letter: the letters shift from year to
year (2010 inserted scene E-F, so the old scene letters after D moved on). Each old question is paired with the
most similar new one, best pairs first; a pair below MATCH_THRESHOLD is no match. A question whose text is not
known cannot be matched and is listed apart. Pure: models in, a QuestionnaireDiff out.
"""

from __future__ import annotations

import difflib

from rapidfuzz import fuzz

from tipcheck.frozen import frozen
from tipcheck.questionnaire.model import Question, Questionnaire

MATCH_THRESHOLD = 60.0  # below this two questions share topic words at most
SAME_THRESHOLD = 97.0  # at or above this the wording is the same but for a word or punctuation
STEM_WEIGHT = 0.9  # a kept stem is strong evidence, but not "the same wording"


@frozen
class Pair:
    old: Question
    new: Question
    score: float  # 0-100

    @property
    def relettered(self) -> bool:
        return (self.old.section_id, self.old.letter) != (self.new.section_id, self.new.letter)

    @property
    def reworded(self) -> bool:
        return self.score < SAME_THRESHOLD


@frozen
class QuestionnaireDiff:
    old: Questionnaire
    new: Questionnaire
    pairs: tuple[Pair, ...]  # in the new model's order
    removed: tuple[Question, ...]
    added: tuple[Question, ...]
    unknown_old: tuple[Question, ...]  # no text in the old model: cannot be matched
    unknown_new: tuple[Question, ...]

    @property
    def reworded(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.reworded)

    @property
    def relettered(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.relettered)

    @property
    def unchanged(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if not p.reworded and not p.relettered)


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("human trafficking", "trafficking").split())


def stem(question: Question) -> str:
    """The question proper: its first sentence that asks, without the topic label some years put before it
    ("Existing Laws against TIP: Does the country have a law ...?")."""
    text = question.text.strip()
    for label in question.labels:
        if text.startswith(label + ":"):
            text = text[len(label) + 1:].lstrip()
            break
    asks = text.find("?")
    return _normal(text[: asks + 1] if asks >= 0 else text)


@frozen
class _Wording:
    """What the pairing compares of a question, worked out once per question rather than once per pair."""

    text: str
    stem: str
    is_label: bool

    @classmethod
    def of(cls, question: Question) -> _Wording:
        return cls(_normal(question.text), stem(question), question.completeness == "label")


def similarity(a: Question, b: Question) -> float:
    """0-100. Whole-text similarity, or for a topic label against a full question how well the label fits; a
    question that keeps its stem while the guidance after it is rewritten scores by its stem (at most 90, so a
    whole text kept word for word still ranks first)."""
    return _similarity(_Wording.of(a), _Wording.of(b))


def _similarity(a: _Wording, b: _Wording) -> float:
    x, y = a.text, b.text
    score = max(fuzz.ratio(x, y), STEM_WEIGHT * fuzz.ratio(a.stem, b.stem))
    if a.is_label or b.is_label or min(len(x), len(y)) * 3 < max(len(x), len(y)):
        # a label or an opening sentence against the whole question: compare the short one with the start
        short, long_ = sorted((x, y), key=len)
        score = max(score, 0.95 * fuzz.ratio(short, long_[: len(short)]), 0.9 * fuzz.partial_ratio(short, long_))
    return float(score)


def diff(old: Questionnaire, new: Questionnaire) -> QuestionnaireDiff:
    known_old = [q for q in old.questions if q.text]
    known_new = [q for q in new.questions if q.text]
    paired = _pairs(known_old, known_new)
    taken_old = {id(p.old) for p in paired.values()}
    return QuestionnaireDiff(
        old=old, new=new,
        pairs=tuple(paired[j] for j in sorted(paired)),
        removed=tuple(q for q in known_old if id(q) not in taken_old),
        added=tuple(q for j, q in enumerate(known_new) if j not in paired),
        unknown_old=tuple(q for q in old.questions if not q.text),
        unknown_new=tuple(q for q in new.questions if not q.text))


def _pairs(known_old: list[Question], known_new: list[Question]) -> dict[int, Pair]:
    """Each new question's pair (by its index), the most similar pairs taken first, none below MATCH_THRESHOLD."""
    old_wordings = [_Wording.of(q) for q in known_old]
    new_wordings = [_Wording.of(q) for q in known_new]
    scored = sorted(((_similarity(a, b), i, j) for i, a in enumerate(old_wordings) for j, b in enumerate(new_wordings)),
                    key=lambda t: (-t[0], t[1], t[2]))
    taken_old: set[int] = set()
    paired: dict[int, Pair] = {}
    for score, i, j in scored:
        if score < MATCH_THRESHOLD:
            break
        if i in taken_old or j in paired:
            continue
        taken_old.add(i)
        paired[j] = Pair(known_old[i], known_new[j], round(score, 1))
    return paired


def _where(q: Question) -> str:
    return f"{q.section_paragraph}.{q.letter} {q.id}"


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_diff(d: QuestionnaireDiff, width: int = 90) -> str:
    """The diff as text: a summary line, then removed, added, reworded and relettered questions."""
    lines = [f"{d.old.id} -> {d.new.id}: {len(d.removed)} removed, {len(d.added)} added, {len(d.reworded)} "
             f"reworded, {len(d.relettered)} relettered, {len(d.unchanged)} unchanged "
             f"(matched by wording, similarity 0-100)"]
    if d.removed:
        lines += ["", f"Removed (in {d.old.id}, nothing like it in {d.new.id}):"]
        lines += [f"  - {_where(q)}: {_short(q.text, width)}" for q in d.removed]
    if d.added:
        lines += ["", f"Added (in {d.new.id}, nothing like it in {d.old.id}):"]
        lines += [f"  + {_where(q)}: {_short(q.text, width)}" for q in d.added]
    if d.reworded:
        lines += ["", "Reworded:"]
        for p in d.reworded:
            moved = f" (was {p.old.section_paragraph}.{p.old.letter} {p.old.id})" if p.relettered else ""
            lines += [f"  ~ {_where(p.new)}{moved}, similarity {p.score:.0f}",
                      f"      {_short(word_changes(p.old.text, p.new.text), 3 * width)}"]
    moved_only = [p for p in d.relettered if not p.reworded]
    if moved_only:
        lines += ["", "Relettered, same wording:"]
        lines += [f"  > {p.old.section_paragraph}.{p.old.letter} {p.old.id} -> {_where(p.new)}" for p in moved_only]
    sections = section_changes(d.old, d.new)
    if sections:
        lines += ["", "Sections:"] + [f"  {change}" for change in sections]
    for label, questions in ((d.old.id, d.unknown_old), (d.new.id, d.unknown_new)):
        if questions:
            lines += ["", f"Not compared (text not known in {label}): " + ", ".join(q.id for q in questions)]
    return "\n".join(lines) + "\n"


def word_changes(old: str, new: str, context: int = 3) -> str:
    """The text with changes marked `[-removed-]{+added+}`; long unchanged runs shortened to `…`."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = a[i1:i2]
            head = context if k > 0 else 0
            tail = context if k < len(opcodes) - 1 else 0
            if len(words) > head + tail + 1:
                words = [*words[:head], "…", *words[len(words) - tail:]] if head or tail else ["…"]
            parts.append(" ".join(words))
            continue
        removed = f"[-{' '.join(a[i1:i2])}-]" if i2 > i1 else ""
        added = f"{{+{' '.join(b[j1:j2])}+}}" if j2 > j1 else ""
        parts.append(removed + added)
    text = " ".join(p for p in parts if p)
    return text if any(op != "equal" for op, *_ in opcodes) else "(only case or spacing changed)"


def section_changes(old: Questionnaire, new: Questionnaire) -> list[str]:
    """Sections added, removed or moved to another paragraph number (matched by section id)."""
    changes = []
    new_by_id = {s.id: s for s in new.sections}
    old_ids = {s.id for s in old.sections}
    for s in old.sections:
        other = new_by_id.get(s.id)
        if other is None:
            changes.append(f"- {s.paragraph} {s.id} ({s.heading}) removed")
        elif other.paragraph != s.paragraph:
            changes.append(f"> {s.id}: paragraph {s.paragraph} -> {other.paragraph}")
    changes += [f"+ {s.paragraph} {s.id} ({s.heading}) added" for s in new.sections if s.id not in old_ids]
    return changes
