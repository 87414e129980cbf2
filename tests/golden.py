"""Golden reports: the JSON report of every labelled cable and of the bundled example, stored in tests/data/golden.

`tests/test_golden.py` compares each report byte for byte with its stored copy, so that a change meant only to
make tipcheck faster (or to move code) cannot change what it reports. A change that is meant to change the
reports regenerates them, after rebasing, and says why in its commit message:

    python tests/golden.py --update     # rewrite every golden report from the current code
    python tests/golden.py              # list the reports that differ (exit 1 if any)

Each report is what `tipcheck check -f json PATH` prints when run from the repository root with the label's
questionnaire (`--questionnaire`), for the path relative to the root; the example is checked with the
questionnaire tipcheck chooses itself.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = DATA / "golden"
LABEL_DIRS = (DATA / "labels", ROOT / "tests" / "labels")
EXAMPLE = "examples/09MEXICO828.txt"


@dataclass(frozen=True)
class Case:
    name: str  # the golden file's name without .json
    cable: str  # relative to the repository root, as it appears in the report's "path"
    questionnaire: str | None  # None: the one tipcheck chooses

    @property
    def golden(self) -> Path:
        return GOLDEN / f"{self.name}.json"


def cases() -> list[Case]:
    labelled = []
    for path in sorted(p for d in LABEL_DIRS if d.is_dir() for p in d.glob("*.yaml")):
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        cable = (DATA / str(label["cable"])).relative_to(ROOT).as_posix()
        labelled.append(Case(path.stem, cable, str(label["questionnaire"])))
    return [*labelled, Case("example-09MEXICO828", EXAMPLE, None)]


def report(case: Case) -> str:
    from tipcheck.api import check_bytes, read_file
    from tipcheck.formatters import FormatOptions, json_format
    from tipcheck.settings import Settings

    data = read_file(ROOT / case.cable)
    result = check_bytes(data, case.cable, Settings(questionnaire=case.questionnaire))
    return json_format.render([result], FormatOptions())


def main(argv: list[str]) -> int:
    update = "--update" in argv
    GOLDEN.mkdir(parents=True, exist_ok=True)
    differ = []
    for case in cases():
        text = report(case)
        if update:
            case.golden.write_text(text, encoding="utf-8")
        elif not case.golden.exists() or case.golden.read_text(encoding="utf-8") != text:
            differ.append(case.name)
    stale = {p.stem for p in GOLDEN.glob("*.json")} - {c.name for c in cases()}
    for name in sorted(stale):
        if update:
            (GOLDEN / f"{name}.json").unlink()
        else:
            differ.append(f"{name} (no such labelled cable any more)")
    if update:
        print(f"wrote {len(cases())} golden reports to {GOLDEN.relative_to(ROOT)}")
        return 0
    for name in differ:
        print(f"differs: {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
