"""The README's sample output ("What it says") is the real output of `tipcheck check examples/09MEXICO828.txt`,
abridged by one fixed rule, so that it cannot go stale (tests/test_readme.py):

    python tests/readme_sample.py --update     # rewrite the README's sample from the current output
    python tests/readme_sample.py              # show how the README's sample differs (exit 1 if it does)

The rule keeps the summary line, the table's header, the rows of the questions in ROWS, the numbering line and
the first finding of each rule in RULES, in the order tipcheck prints them; each run of lines left out becomes
one `...` line.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLE = "examples/09MEXICO828.txt"
HEADING = "## What it says"
ROWS = ("situation.A", "situation.B", "prosecution.E")  # an answer, a missing one, a partial one
RULES = ("stray-paragraph-mark", "misnumbered-paragraph", "seeking-information", "information-unavailable")
TABLE_HEADER_LINES = 3  # the summary line, the column names and the rule under them


def real_output() -> str:
    """What `tipcheck check examples/09MEXICO828.txt` prints, run from the repository root into a pipe."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "COLUMNS")}
    run = subprocess.run([sys.executable, "-m", "tipcheck", "check", EXAMPLE], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    if run.returncode not in (0, 1) or run.stderr:
        raise RuntimeError(f"tipcheck check {EXAMPLE} exited {run.returncode}: {run.stderr}")
    return run.stdout


def _kept(index: int, line: str, rules_seen: set[str]) -> bool:
    if index < TABLE_HEADER_LINES or line.startswith("numbering: ") or line.split(" ", 1)[0] in ROWS:
        return True
    if line.startswith(f"{EXAMPLE}:"):
        rule = line.split()[2]  # path:line:column: severity rule message
        if rule in RULES and rule not in rules_seen:
            rules_seen.add(rule)
            return True
    return False


def abridge(output: str) -> str:
    """The output as the README shows it: the lines the rule keeps, and `...` for each run of the others."""
    shown: list[str] = []
    rules_seen: set[str] = set()
    for index, line in enumerate(output.splitlines()):
        if _kept(index, line, rules_seen):
            shown.append(line)
        elif shown[-1:] != ["..."]:
            shown.append("...")
    return "\n".join(shown) + "\n"


def _block_span(lines: list[str]) -> tuple[int, int]:
    """The first and last line index inside the ```text block under the heading."""
    start = lines.index(HEADING)
    fence = next(i for i in range(start, len(lines)) if lines[i] == "```text")
    close = next(i for i in range(fence + 1, len(lines)) if lines[i] == "```")
    return fence + 1, close


def readme_sample(readme: str) -> str:
    lines = readme.splitlines()
    first, end = _block_span(lines)
    return "\n".join(lines[first:end]) + "\n"


def with_sample(readme: str, sample: str) -> str:
    lines = readme.splitlines(keepends=True)
    first, end = _block_span([line.rstrip("\n") for line in lines])
    return "".join(lines[:first]) + sample + "".join(lines[end:])


def main(argv: list[str]) -> int:
    readme = README.read_text(encoding="utf-8")
    want = abridge(real_output())
    if "--update" in argv:
        README.write_text(with_sample(readme, want), encoding="utf-8")
        print(f"README.md: sample output rewritten from tipcheck check {EXAMPLE}")
        return 0
    have = readme_sample(readme)
    sys.stdout.writelines(difflib.unified_diff(have.splitlines(keepends=True), want.splitlines(keepends=True),
                                               "README.md", f"tipcheck check {EXAMPLE} (abridged)"))
    return int(have != want)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
