"""What starting tipcheck costs, as structure rather than time (the times are in benchmarks/startup.py): listing
the rules and printing the version import no part of the checker, and importing the package compiles no
regular expression (module-level patterns are `tipcheck.regex.lazy_compile`, compiled on first use)."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys

from conftest import SEED
from package_patterns import modules as package_modules
from package_patterns import patterns_in

# the checker's stages and the libraries only checking needs
CHECKER = ("tipcheck.api", "tipcheck.analysis", "tipcheck.reading.segment", "tipcheck.rules._gap_grammar",
           "tipcheck.questionnaire.model", "yaml", "rapidfuzz")


def _imported_by(code: str) -> set[str]:
    """The modules a fresh interpreter has imported once it has run `code`."""
    listing = "\nimport sys\nprint('\\n'.join(sys.modules))"
    env = {name: value for name, value in os.environ.items() if name != "COLUMNS"}  # output to a pipe, unfitted
    done = subprocess.run([sys.executable, "-c", code + listing], capture_output=True, text=True, check=True,
                          env=env)
    return set(done.stdout.split())


def _run_tipcheck(*args: str) -> str:
    """Code that runs `tipcheck ARGS` in the interpreter, as the program does."""
    return (f"import sys\nsys.argv = ['tipcheck', *{list(args)!r}]\nfrom tipcheck.cli.main import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")


def test_listing_the_rules_imports_no_part_of_the_checker() -> None:
    modules = _imported_by("from tipcheck import rules\nrules.registry()")
    assert "tipcheck.rules.information_unavailable" in modules  # listed from the rule modules themselves
    assert sorted(m for m in modules if m.startswith(CHECKER)) == []


def test_the_rules_command_imports_no_part_of_the_checker_and_no_tabulate() -> None:
    modules = _imported_by(_run_tipcheck("rules"))
    assert "tipcheck.rules.information_unavailable" in modules
    assert sorted(m for m in modules if m.startswith((*CHECKER, "tabulate"))) == []


def test_the_version_imports_no_part_of_the_checker() -> None:
    modules = _imported_by(_run_tipcheck("--version"))
    assert "tipcheck.cli.main" in modules
    assert sorted(m for m in modules if m.startswith(CHECKER)) == []


def test_checking_a_cable_imports_neither_tabulate_nor_pyyaml() -> None:
    # tabulate reads its version from the installed packages' metadata when imported; the text report's table
    # is written by tipcheck.table. The model and the vocabularies are read from their JSON (tipcheck.bundled).
    for terminal in ("", "import os\nos.environ['COLUMNS'] = '60'\n"):  # the table whole, or wrapped to fit
        modules = _imported_by(terminal + _run_tipcheck("check", str(SEED)))
        assert {"tipcheck.formatters.text", "tipcheck.rules._gap_grammar", "tipcheck.bundled"} <= modules
        assert sorted(m for m in modules if m.startswith(("tabulate", "importlib.metadata", "yaml"))) == []
        # only the format asked for
        assert sorted(m for m in modules if m.startswith("tipcheck.formatters.")) == ["tipcheck.formatters.text"]


def test_importing_the_package_compiles_no_pattern() -> None:
    compiled = [f"{module.__name__}.{name}" for module in package_modules() for name, value in vars(module).items()
                if any(type(p) is re.Pattern for p in patterns_in(value))]
    assert compiled == [], "compiled at import: write tipcheck.regex.lazy_compile(...) instead of re.compile(...)"
    assert sum(1 for module in map(importlib.import_module, ("tipcheck.reading.segment", "tipcheck.text"))
               for value in vars(module).values() for _ in patterns_in(value)) > 10  # the walk sees them


def _prepared(*args: str) -> str:
    return f"from tipcheck.cli.main import prepare\nprepare({list(args)!r})"


def test_the_program_imports_the_checker_before_freezing_only_for_a_check() -> None:
    # tipcheck.__main__.run imports what prepare() imports with the collector paused, then freezes it
    prepared = _imported_by(_prepared("--debug", "check", str(SEED)))
    checked = _imported_by(_prepared("check", str(SEED)) + "\n" + _run_tipcheck("check", str(SEED)))
    assert {"tipcheck.api", "tipcheck.rules._gap_grammar", "tipcheck.cli.batch"} <= prepared
    # what the check imports after: only the report's format
    assert sorted(m for m in checked - prepared if m.startswith("tipcheck")) == [
        "tipcheck.formatters", "tipcheck.formatters.text", "tipcheck.table"]
    for args in (["--version"], ["rules"], ["--help"], ["-x", "check"]):
        assert sorted(m for m in _imported_by(_prepared(*args)) if m.startswith(CHECKER)) == []


def _collector_after(code: str) -> list[str]:
    """The cyclic collector's state (enabled, thresholds, frozen objects or none) once a fresh interpreter has run
    `code`."""
    state = ("\nimport gc\nprint(gc.isenabled(), *gc.get_threshold(), gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", code + state], capture_output=True, text=True, check=True)
    return done.stdout.split()[-5:]


def test_only_the_program_tunes_the_garbage_collector_the_library_leaves_it_as_its_caller_set_it() -> None:
    from tipcheck.__main__ import YOUNG_GENERATION

    untouched = _collector_after("")
    assert _collector_after(f"from tipcheck import api\napi.check_file({str(SEED)!r})") == untouched
    assert _collector_after(_run_tipcheck("check", str(SEED))) == untouched  # cli.main.main(), as tests call it
    program = ("import sys\nsys.argv = ['tipcheck', 'check', '-f', 'json', '-o', __import__('os').devnull, "
               f"{str(SEED)!r}]\nfrom tipcheck.__main__ import run\ntry:\n    run()\nexcept SystemExit:\n    pass")
    assert _collector_after(program) == ["True", str(YOUNG_GENERATION), *untouched[2:4], "True"]
