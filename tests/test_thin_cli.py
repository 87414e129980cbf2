"""`tipcheck check` only parses its arguments and calls the library: the checking goes through `tipcheck.api`
(with the command line's batch runner, configuration and the formatters), never a pipeline stage directly."""

from __future__ import annotations

import ast

from conftest import ROOT

CLI = ROOT / "src" / "tipcheck" / "cli"
# What the check command may use: the library's API and plain data types, and the command line's own helpers.
ALLOWED = ("tipcheck.api", "tipcheck.cli", "tipcheck.formatters", "tipcheck.errors", "tipcheck.settings",
           "tipcheck.findings", "tipcheck.results", "tipcheck.frozen", "tipcheck.__version__")
CHECK_FUNCTIONS = {"check", "_effective", "_format_options", "_write_reports", "_exit_code", "_outcomes",
                   "_write_streamed", "_Tally"}


def _imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tipcheck"):
            found |= {f"{node.module}.{alias.name}" if node.module == "tipcheck" else node.module
                      for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("tipcheck")}
    return found


def _allowed(module: str) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in ALLOWED)


def test_check_reaches_the_pipeline_only_through_the_api() -> None:
    main = ast.parse((CLI / "main.py").read_text(encoding="utf-8"))
    functions = [n for n in main.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in CHECK_FUNCTIONS]
    assert {f.name for f in functions} == CHECK_FUNCTIONS
    used = set().union(*(_imports(f) for f in functions), _imports(ast.parse((CLI / "batch.py").read_text("utf-8"))))
    assert "tipcheck.api" in used
    assert {m for m in used if not _allowed(m)} == set()


def test_the_rule_tells_a_stage_from_the_api() -> None:
    assert _allowed("tipcheck.api") and _allowed("tipcheck.cli.batch") and _allowed("tipcheck.formatters.text")
    assert not _allowed("tipcheck.reading.segment") and not _allowed("tipcheck.analysis.align")
    assert not _allowed("tipcheck.rules")
