"""The library contract: the public API returns typed data and never prints; YAML is only ever loaded safely;
a check's time grows linearly with the cable (a generous bound on a 2 MB cable built from the seed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEED
from tipcheck import api
from tipcheck.findings import Finding, Severity
from tipcheck.results import CableReport, QuestionResult
from tipcheck.rules import duplicate_paragraph_number

SOURCE_ROOTS = [Path(__file__).resolve().parent.parent / "src" / "tipcheck"]


def test_check_file_and_check_text_return_typed_data_and_print_nothing(
        capsys: pytest.CaptureFixture[str], seed_text: str) -> None:
    from_file = api.check_file(SEED)
    from_text = api.check_text(seed_text, str(SEED))
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""
    for report in (from_file, from_text):
        assert isinstance(report, CableReport)
        assert all(isinstance(q, QuestionResult) for q in report.questions)
        assert all(isinstance(f, Finding) and isinstance(f.severity, Severity) for f in report.findings)
        assert report.questionnaire == "tip-2009"
    assert from_file.counts() == from_text.counts()
    assert from_file.counts()["answered"] > 0
    assert from_file.findings == from_text.findings


def test_errors_are_raised_not_printed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tipcheck.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        api.check_file(tmp_path / "missing.txt")
    with pytest.raises(InputError):
        api.check_text("   \n")
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


_UNSAFE_YAML = re.compile(r"yaml\.load\((?![^)]*Loader=safe_loader\(\))|yaml\.(?:Unsafe|Full)?Loader\b|unsafe_load|"
                          r"yaml\.load_all\(|full_load")


def test_yaml_is_only_loaded_with_the_safe_loader() -> None:
    offenders = []
    for root in SOURCE_ROOTS:
        for path in sorted(root.rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if _UNSAFE_YAML.search(line):
                    offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []
    # and the loader the one permitted yaml.load( call uses is a safe one
    from tipcheck.bundled import safe_loader

    assert safe_loader().__name__ in ("CSafeLoader", "SafeLoader")


def test_the_unsafe_pattern_catches_unsafe_calls() -> None:
    for line in ("yaml.load(text)", "yaml.load(text, Loader=yaml.Loader)", "yaml.unsafe_load(s)",
                 "yaml.full_load(s)", "yaml.load(s, Loader=yaml.FullLoader)"):
        assert _UNSAFE_YAML.search(line), line
    assert not _UNSAFE_YAML.search("data = yaml.load(text, Loader=safe_loader())")
    assert not _UNSAFE_YAML.search("yaml.safe_load(text)")


def test_a_large_cable_is_checked_whole(seed_text: str) -> None:
    # how time grows with size is measured in benchmarks/size.py, not here
    lines = seed_text.splitlines(keepends=True)
    body = "".join(lines[20:])
    copies = 500_000 // len(body)
    big = seed_text + ("\n" + body) * copies
    report = api.check_text(big, "<500KB>")
    seed = api.check_text(seed_text, "<seed>")
    assert len(report.questions) == len(seed.questions)
    numbered_again = [f for f in report.findings if f.rule == duplicate_paragraph_number.ID]
    assert len(numbered_again) >= copies and max(f.line for f in report.findings) > len(lines) * copies
