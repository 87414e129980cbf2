""".ci/run proves what a new user gets: README.md's two commands, verbatim, in a fresh clone and virtual
environment with nothing beside it; a command that fails, or a test run that finds no tests, fails CI."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

CI = ROOT / ".ci" / "run"
SETUP, TESTS = "Set up and run", "Run the tests"


def readme_block(readme: str, section: str) -> str:
    """The first ```sh block under the heading '## section'."""
    lines = readme.splitlines()
    start = lines.index(f"## {section}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    fence = next(i for i in range(start, end) if lines[i].strip() == "```sh")
    close = next(i for i in range(fence + 1, end) if lines[i].strip() == "```")
    return "\n".join(lines[fence + 1:close])


def test_ci_extracts_exactly_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    printed = subprocess.run(["bash", str(CI), "--print-commands"], capture_output=True, text=True, check=True,
                             timeout=60).stdout
    setup, tests = readme_block(readme, SETUP), readme_block(readme, TESTS)
    assert printed == f"{setup}\n{tests}\n"
    # In spirit: one command installs and checks the bundled example, the other installs and runs every test.
    assert "pip install" in setup and "tipcheck check examples/09MEXICO828.txt" in setup
    assert "pip install" in tests and "pytest" in tests and "not browser" not in tests  # nothing deselected


def _fake_checkout(root: Path, setup: str, tests: str) -> Path:
    """A committed repository holding .ci/run and a README with the given commands."""
    (root / ".ci").mkdir(parents=True)
    shutil.copy(CI, root / ".ci" / "run")
    (root / "README.md").write_text(f"# x\n\n## {SETUP}\n\n```sh\n{setup}\n```\n\n## {TESTS}\n\n```sh\n{tests}\n```\n",
                                    encoding="utf-8")
    (root / "uncommitted.txt").write_text("not in HEAD", encoding="utf-8")
    git = ["git", "-C", str(root), "-c", "user.name=ci", "-c", "user.email=ci@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", ".ci", "README.md"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True)
    return root / ".ci" / "run"


# The set-up command checks where it runs: a clone of HEAD (no uncommitted file), nothing beside it, a new venv.
WHERE = ("test ! -e uncommitted.txt && test \"$(ls ..)\" = \"$(printf 'tipcheck\\nvenv')\" "
         "&& python -c 'import sys; assert sys.prefix != sys.base_prefix' && echo environment-ok")


@pytest.mark.parametrize(("setup", "tests", "status", "message"), [
    (WHERE, "echo tests-ok", 0, "CI passed"),
    ("false", "echo never", 1, f"README '{SETUP}' exited 1"),
    ("true", "python -c 'import sys; sys.exit(5)'", 1, "exited 5: pytest collected no tests"),
], ids=["passes", "failing-setup", "no-tests"])
def test_ci_runs_the_commands_in_a_fresh_clone_and_fails_when_one_fails(
        tmp_path: Path, setup: str, tests: str, status: int, message: str) -> None:
    run = subprocess.run(["bash", str(_fake_checkout(tmp_path / "checkout", setup, tests))], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == status, run.stdout + run.stderr
    assert message in run.stderr
    if status == 0:
        assert "environment-ok" in run.stdout and "tests-ok" in run.stdout
    else:
        assert "never" not in run.stdout
