"""The README shows what tipcheck really prints: its sample output is the real output, abridged by one rule."""

from __future__ import annotations

import readme_sample
from readme_sample import README, abridge, real_output
from readme_sample import readme_sample as sample_in


def test_the_readme_sample_is_the_real_output_abridged() -> None:
    want = abridge(real_output())
    assert sample_in(README.read_text(encoding="utf-8")) == want, (
        "README.md's sample output differs from `tipcheck check examples/09MEXICO828.txt`: "
        "regenerate it with `python tests/readme_sample.py --update`")


def test_the_abridged_sample_shows_each_chosen_row_and_rule_once() -> None:
    sample = abridge(real_output())
    lines = sample.splitlines()
    for question in readme_sample.ROWS:
        assert sum(line.startswith(f"{question} ") for line in lines) == 1, question
    for rule in readme_sample.RULES:
        assert sum(f" {rule} " in line for line in lines) == 1, rule
    assert "..." in lines and "...\n...\n" not in sample


def test_regenerating_replaces_only_the_sample() -> None:
    readme = README.read_text(encoding="utf-8")
    rewritten = readme_sample.with_sample(readme, "new sample\n")
    assert sample_in(rewritten) == "new sample\n"
    assert readme_sample.with_sample(rewritten, sample_in(readme)) == readme
