"""Every rule explains itself and carries a failing and a passing example, and the examples hold."""

from __future__ import annotations

import pytest

from tipcheck import rules
from tipcheck.api import check_text
from tipcheck.settings import Settings

REGISTRY = rules.registry()


def test_the_registry_has_the_rules_the_issue_asks_for() -> None:
    assert {"unanswered-question", "misnumbered-paragraph", "duplicate-paragraph-number", "out-of-order-answer",
            "stray-paragraph-mark", "question-label-mismatch", "duplicate-answer", "seeking-information",
            "information-unavailable", "broken-cross-reference"} <= set(REGISTRY)


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_rule_has_docstring_and_summary(rule_id: str) -> None:
    info = REGISTRY[rule_id]
    assert len(info.doc.split()) >= 15, f"{rule_id}: the docstring should explain the rule"
    assert info.summary.strip() and "\n" not in info.summary


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_failing_example_is_flagged(rule_id: str) -> None:
    examples = REGISTRY[rule_id].examples
    report = check_text(examples.failing, f"{rule_id}-failing.txt", Settings(questionnaire=examples.questionnaire))
    found = [f for f in report.findings if f.rule == rule_id]
    assert found, f"{rule_id}: the failing example produced no finding of the rule"
    for f in found:
        assert f.message and f.line >= 1 and f.column >= 1


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_passing_example_is_clean(rule_id: str) -> None:
    examples = REGISTRY[rule_id].examples
    report = check_text(examples.passing, f"{rule_id}-passing.txt", Settings(questionnaire=examples.questionnaire))
    found = [(f.line, f.message) for f in report.findings if f.rule == rule_id]
    assert found == [], f"{rule_id}: the passing example produced findings"
