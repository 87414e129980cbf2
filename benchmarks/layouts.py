"""Layout invariance: how many answers tipcheck still places when a labelled reply is laid out anew.

    python benchmarks/layouts.py [--per-reply] [--random N] [--seed S]

Every fully labelled reply (tests/layouts/replies.py) is rendered in every layout of tests/layouts/renderers.py
and checked with the label's questionnaire. Per layout:

- status:    questions (all of each questionnaire) whose answered-or-missing status matches the label
- placed:    answered questions whose reported line is the line of the label that answers them in the rendering
- exact:     renderings in which every question agrees on both

The named layouts are the ones the grammar was tuned on; `--random N` adds N layouts drawn at random from the
renderers' syntax choices (seeded, so the same each run), each applied to one reply drawn at random.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from layouts.renderers import LAYOUTS, Syntax, random_syntax, render  # noqa: E402
from layouts.replies import Reply, fully_labelled, load_reply  # noqa: E402
from tipcheck.api import check_text  # noqa: E402
from tipcheck.errors import TipcheckError  # noqa: E402
from tipcheck.settings import Settings  # noqa: E402


@dataclass
class Score:
    status: int = 0
    questions: int = 0
    placed: int = 0
    answers: int = 0
    exact: int = 0
    replies: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(reply: Reply, syntax: Syntax) -> Score:
    rendered = render(reply, syntax)
    result = Score(questions=len(reply.questionnaire.questions), answers=len(rendered.lines), replies=1)
    try:
        report = check_text(rendered.text, reply.name, Settings(questionnaire=reply.questionnaire.id))
    except TipcheckError:
        result.status = len(reply.unanswered)
        result.exact = 0
        return result
    got = {q.id: q for q in report.questions}
    result.status = sum(1 for qid, q in got.items() if (q.status == "missing") == (qid not in rendered.lines))
    result.placed = sum(1 for qid, line in rendered.lines.items() if got[qid].line == line)
    result.exact = int(result.status == result.questions and result.placed == result.answers)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-reply", action="store_true", help="one row per layout and reply")
    parser.add_argument("--random", type=int, default=0, metavar="N", help="N more layouts drawn at random")
    parser.add_argument("--seed", type=int, default=11, help="seed of the random layouts (default 11)")
    args = parser.parse_args()
    replies = [load_reply(p) for p in fully_labelled()]
    rows = []
    total = Score()
    for layout in LAYOUTS:
        layout_score = Score()
        for reply in replies:
            s = score(reply, layout.syntax)
            layout_score.add(s)
            if args.per_reply:
                rows.append([layout.name, reply.name, f"{s.status}/{s.questions}", f"{s.placed}/{s.answers}"])
        total.add(layout_score)
        if not args.per_reply:
            rows.append(_row(layout.name, layout_score))
    if not args.per_reply:
        rows.append(_row("all named layouts", total))
    if args.random:
        rows.append(_row(f"{args.random} random layouts (seed {args.seed})",
                         _random_layouts(replies, args.random, args.seed)))
    print(tabulate(rows, headers=["layout", "status", "placed", "exact replies"] if not args.per_reply
                   else ["layout", "reply", "status", "placed"], tablefmt="github"))


def _random_layouts(replies: list[Reply], count: int, seed: int) -> Score:
    rng = random.Random(seed)
    total = Score()
    for _ in range(count):
        syntax = random_syntax(rng)
        total.add(score(rng.choice(replies), syntax))
    return total


def _row(name: str, s: Score) -> list[str]:
    return [name, f"{100 * s.status / s.questions:.1f} %", f"{100 * s.placed / max(s.answers, 1):.1f} %",
            f"{s.exact}/{s.replies}"]


if __name__ == "__main__":
    main()
