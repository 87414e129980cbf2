"""Renderers: one labelled reply laid out anew, in the many ways posts write their replies.

A `Syntax` holds the small choices a drafter makes (how a label is printed, marking, bullet, blank lines,
indentation, what follows the label, how sections are bannered, telegram style, answers merged); `render`
applies it to a `Reply` and returns the text with the line of every question's label, so a check of the
rendering can be compared with the label answer by answer. `LAYOUTS` names the layouts the harness and
benchmarks/layouts.py run, each documented by its own docstring-like `about`; tests/test_layouts.py also draws
syntaxes at random with hypothesis.

Label templates: `{n}` is the tasking cable's paragraph number of the section, `{L}` the letter (or the letters
of a merged answer, joined by `Syntax.joiner`).
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field, replace

from layouts.replies import Answer, Reply
from tipcheck.questionnaire.model import Question, Section

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_STOP = frozenset({
    "a", "an", "and", "any", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "has", "have", "how",
    "if", "in", "is", "it", "its", "of", "on", "or", "the", "their", "there", "this", "to", "was", "were", "what",
    "which", "who", "whom", "with", "whether", "please", "provide", "describe"})


@dataclass(frozen=True)
class Syntax:
    label: str = "-- {L}."  # the marker: `{n}({L}):`, `({n}/{L})`, `¶{L}.`, `PARA {n} {L}.` ...
    lower: bool = False  # lower-case letters: `(e)`
    marking: str = ""  # a classification marking after the label: `(SBU) `, `(U) `, `(C) `
    text: str = "question"  # after the label: "question" (restated), "first-sentence", "topic", "none"
    blank_lines: bool = True  # a blank line between paragraphs
    indent: int = 0
    banner: str = "title"  # "title", "roman", "para", "paragraph-title", "dashed", "numbered", "none"
    upper: bool = False  # the whole body in upper case
    width: int = 76  # lines wrapped at this column
    page_breaks: bool = False  # page-break lines (`SANAA 00000295  002 OF 011`) every 50 lines
    answer_bullets: bool = False  # the answer as `-- ` lines, two sentences each
    merge: bool = False  # pairs of consecutive answered letters share one label (`E and F`)
    joiner: str = " and "  # how a merged label joins its letters: " and ", "/", "-", ", "
    numbered: bool = False  # every answer also starts a numbered paragraph (`7. (SBU) QUESTION B.`)


@dataclass(frozen=True)
class Layout:
    name: str
    about: str
    syntax: Syntax


@dataclass(frozen=True)
class Rendered:
    text: str
    lines: dict[str, int]  # question id -> 1-based line of the label that answers it


LAYOUTS: tuple[Layout, ...] = (
    Layout("dash-restated", "`-- B.` then the restated question, a blank line, the answer; upper-case section "
           "titles (the seed's layout)", Syntax()),
    Layout("roman-pilcrow-topic", "roman-numeral banners between dashed lines, `¶G. (U) TOPIC:` and the answer "
           "on the same line", Syntax(label="¶{L}.", marking="(U) ", text="topic", banner="roman")),
    Layout("sbu-first-sentence-bullets", "`F. (SBU) <first sentence of the question>` then `-- ` bullet lines, "
           "no blank lines anywhere", Syntax(label="{L}.", marking="(SBU) ", text="first-sentence",
                                              blank_lines=False, answer_bullets=True)),
    Layout("paragraph-title-lower", "`Paragraph 25 -- Investigation And Prosecution Of Traffickers` headings, "
           "`(e) The Attorney General ...`", Syntax(label="({L})", lower=True, text="none",
                                                    banner="paragraph-title")),
    Layout("keyed-colon-no-blanks", "`25(E): <answer>` with no headings and no blank lines",
           Syntax(label="{n}({L}):", text="none", banner="none", blank_lines=False)),
    Layout("telegram", "upper case, wrapped at 69 columns, page-break lines, `PARA 25` banners, `B. (SBU)` and "
           "the restated question", Syntax(label="{L}.", marking="(SBU) ", banner="para", upper=True, width=69,
                                           page_breaks=True)),
    Layout("keyed-dot", "`25B.` and the restated question on the label's line, no headings",
           Syntax(label="{n}{L}.", banner="none")),
    Layout("question-word", "`Question 25 B:` and the restated question under `¶25. (SBU) HEADING` lines",
           Syntax(label="Question {n} {L}:", banner="numbered")),
    Layout("slash-brackets-indented", "`(25/B) (C) TOPIC:` indented three spaces, dashed banners",
           Syntax(label="({n}/{L})", marking="(C) ", text="topic", banner="dashed", indent=3)),
    Layout("merged-pairs", "pairs of answers under one label, `-- E and F.`, restated questions dropped",
           Syntax(label="-- {L}.", text="none", merge=True)),
    Layout("merged-keyed-slash", "`26 E/F:` grouped labels with no headings and no blank lines",
           Syntax(label="{n} {L}:", text="none", banner="none", merge=True, joiner="/", blank_lines=False)),
    Layout("lower-paren-indented", "`  b) TOPIC: ...` indented two spaces, no blank lines, numbered section lines",
           Syntax(label="{L})", lower=True, text="topic", banner="numbered", indent=2, blank_lines=False)),
    Layout("q-short", "`Q25B.` then the answer, no headings", Syntax(label="Q{n}{L}.", text="none", banner="none")),
    Layout("numbered-paragraphs", "each answer a numbered paragraph `7. (SBU) QUESTION B.` under section titles",
           Syntax(label="QUESTION {L}.", numbered=True, marking="")),
    Layout("para-dash-letter", "`PARA 25-C.` with a topic, roman banners, dashes before labels",
           Syntax(label="-- PARA {n}-{L}.", text="topic", banner="roman")),
)


# The small syntax choices tests/test_layouts.py draws with hypothesis and benchmarks/layouts.py with `random_syntax`
CHOICES: dict[str, tuple[object, ...]] = {
    "label": ("{L}.", "{L})", "({L})", "{L}:", "-- {L}.", "¶{L}.", "- {L}:", "{n}{L}.", "{n}.{L}.", "{n}-{L}:",
              "{n} {L}.", "{n}({L}):", "({n}/{L})", "({n}{L})", "PARA {n} {L}.", "Paragraph {n}({L})",
              "Question {n} {L}:", "Q{n}{L}.", "Section {n}.{L}.", "--{n}{L}.", "QUESTION {L}.", "Question {L}:",
              "[{L}]", "{n}/{L}", "{L} -", "para {n}{L}.", "Ques. {L}:", "{n}{L}", "{L}.-",
              "({L}.)", "#{L}.", "Item {L}.", "{L}/"),
    "lower": (False, True),
    "marking": ("", "(U) ", "(SBU) ", "(C) "),
    "text": ("question", "first-sentence", "topic", "none"),
    "blank_lines": (True, False),
    "indent": (0, 1, 4),
    "banner": ("title", "roman", "para", "paragraph-title", "dashed", "numbered"),
    "upper": (False, True),
    "width": (69, 76, 100),
    "page_breaks": (False, True),
    "merge": (False, True),
    "joiner": (" and ", "/", "-", ", "),
}


def random_syntax(rng: random.Random) -> Syntax:
    return Syntax(**{name: rng.choice(values) for name, values in CHOICES.items()})  # type: ignore[arg-type]


def topic(question: Question) -> str:
    """A short topic heading for a question: its model label, else the first content words of its text."""
    if question.labels:
        return question.labels[0].upper()
    first = re.split(r"(?<=[?.])\s", question.text, maxsplit=1)[0]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", first) if w.lower() not in _STOP]
    return " ".join(words[:5]).upper()


def first_sentence(question: Question) -> str:
    return re.split(r"(?<=[?.])\s", question.text, maxsplit=1)[0]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"(])", text) if s]


def _title_case(heading: str) -> str:
    small = {"and", "of", "the", "to", "for", "in", "on"}
    words = heading.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _banner(section: Section, index: int, syntax: Syntax) -> list[str]:
    heading = section.heading.upper()
    n = section.paragraph
    dashes = "-" * 40
    return {
        "title": [f"{heading}:"],
        "roman": [dashes, f"{ROMAN[index]}. {heading}", dashes],
        "para": [f"PARA {n} - {heading}"],
        "paragraph-title": [f"Paragraph {n} -- {_title_case(section.heading)}"],
        "dashed": [f"---------- {heading} ----------"],
        "numbered": [f"{n}. (SBU) {heading}"],
        "none": [],
    }[syntax.banner]


def _groups(answers: list[Answer], syntax: Syntax) -> list[tuple[Question, ...]]:
    """The labels to print: one per answer, or pairs of consecutive letters merged."""
    groups = [a.questions for a in answers]
    if not syntax.merge:
        return groups
    merged: list[tuple[Question, ...]] = []
    for qs in groups:
        prev = merged[-1] if merged else ()
        if len(prev) == 1 and len(qs) == 1 and ord(qs[0].letter) == ord(prev[0].letter) + 1:
            merged[-1] = (*prev, *qs)
        else:
            merged.append(qs)
    return merged


def _letters(questions: tuple[Question, ...], syntax: Syntax) -> str:
    letters = [q.letter.lower() if syntax.lower else q.letter for q in questions]
    if len(letters) == 1:
        return letters[0]
    if syntax.joiner == "-":
        return f"{letters[0]}-{letters[-1]}"
    return syntax.joiner.join(letters)


def _label(questions: tuple[Question, ...], syntax: Syntax) -> str:
    label = syntax.label.format(n=questions[0].section_paragraph, L=_letters(questions, syntax))
    return f"{label} {syntax.marking}".rstrip() + " "


def _lead(questions: tuple[Question, ...], syntax: Syntax) -> str:
    """What follows the label on its own line: the restated question, a topic heading, or nothing."""
    if syntax.text == "question":
        return " ".join(q.text for q in questions)
    if syntax.text == "first-sentence":
        return " ".join(first_sentence(q) for q in questions)
    topics = [t for t in (topic(q) for q in questions) if t]
    if syntax.text == "topic" and topics:  # a question the model knows no wording of gets none
        return " AND ".join(topics) + ":"
    return ""


@dataclass
class _Page:
    syntax: Syntax
    post: str
    lines: list[str] = field(default_factory=list)

    def paragraph(self, text: str, first: str = "") -> int:
        """Wrap and add a paragraph; the line number where it starts."""
        if self.lines and self.lines[-1] and self.syntax.blank_lines:
            self.lines.append("")
        start = len(self.lines) + 1
        pad = " " * self.syntax.indent
        body = f"{first}{text}".strip()
        self.lines.extend(textwrap.wrap(body, self.syntax.width, initial_indent=pad, subsequent_indent=pad,
                                        break_on_hyphens=False, break_long_words=False) or [pad + first.strip()])
        return start

    def raw(self, lines: list[str]) -> None:
        if lines and self.lines and self.lines[-1] and self.syntax.blank_lines:
            self.lines.append("")
        self.lines.extend(lines)


def _answer_paragraphs(page: _Page, questions: tuple[Question, ...], text: str) -> int:
    syntax = page.syntax
    label = _label(questions, syntax)
    lead = _lead(questions, syntax)
    if syntax.text in ("question", "first-sentence"):
        line = page.paragraph(lead, label)
    else:
        line = page.paragraph(f"{lead} {text}".strip() if not syntax.answer_bullets else lead, label)
        if not syntax.answer_bullets:
            return line
    if syntax.answer_bullets:
        sentences = _sentences(text)
        for i in range(0, len(sentences), 2):
            page.paragraph(" ".join(sentences[i:i + 2]), "-- ")
    else:
        page.paragraph(text)
    return line


def render(reply: Reply, syntax: Syntax) -> Rendered:
    page = _Page(syntax, reply.post.upper())
    page.raw(["UNCLASSIFIED", f"SUBJECT: {reply.questionnaire.title.upper()}",
              f"REF: {reply.questionnaire.tasking_cable}", ""])
    page.paragraph("Summary: Post's responses to the questions of reftel follow, keyed to its paragraphs "
                   "and letters.", "1. (SBU) ")
    texts = {a.questions: a.text for a in reply.answers}
    lines: dict[str, int] = {}
    number = 1
    for index, section in enumerate(reply.questionnaire.sections):
        answers = [a for a in reply.answers if a.questions[0].section_id == section.id]
        if not answers:
            continue
        page.raw(_banner(section, index, syntax))
        for group in _groups(answers, syntax):
            text = texts.get(group) or " ".join(texts[(q,)] for q in group)
            chosen = syntax
            if syntax.numbered:
                number += 1
                chosen = replace(syntax, label=f"{number}. (SBU) {syntax.label}")
                page.syntax = chosen
            line = _answer_paragraphs(page, group, text)
            page.syntax = syntax
            lines.update({q.id: line for q in group})
    page.paragraph("Embassy point of contact for TIP issues is the political officer. End of submission.")
    body = page.lines
    if syntax.upper:
        body = body[:4] + [ln.upper() for ln in body[4:]]
    if syntax.page_breaks:
        body, lines = _with_page_breaks(body, lines, reply.post.upper())
    return Rendered("\n".join(body) + "\n", lines)


def _with_page_breaks(body: list[str], lines: dict[str, int], post: str) -> tuple[list[str], dict[str, int]]:
    """A page-break line and a blank line every 50 lines, as telegrams print them; label lines shift down."""
    out: list[str] = []
    new_number: dict[int, int] = {}
    pages = len(body) // 50 + 1
    for i, text in enumerate(body, start=1):
        if i > 5 and i % 50 == 0:
            out.extend([f"{post} 00000123  {i // 50 + 1:03d} OF {pages:03d}", ""])
        out.append(text)
        new_number[i] = len(out)
    return out, {qid: new_number[line] for qid, line in lines.items()}
