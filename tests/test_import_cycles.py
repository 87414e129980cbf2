"""No import cycle among tipcheck's modules: each stage imports only the stages before it and the shared
vocabulary (`text`, `status`, `findings`), so the modules can be read, and imported, in pipeline order.

Every import counts, also one inside a function or under TYPE_CHECKING: a cycle put off until run time is
still a cycle in the design. Importing `tipcheck.rules.base` runs `tipcheck/rules/__init__.py` too, so a module
depends on the packages that hold what it imports (except its own packages, which are already being imported).
"""

from __future__ import annotations

from pathlib import Path

from test_architecture import SRC, _imported_modules, _package_of


def _module_name(path: Path) -> str:
    parts = ("tipcheck", *path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in SRC.rglob("*.py")}


def _dependencies(module: str, path: Path) -> set[str]:
    found: set[str] = set()
    for imported in _imported_modules(path.read_text(encoding="utf-8"), _package_of(path)):
        name = imported
        while name and name not in MODULES:  # `from tipcheck.text import MONTH`: the module is tipcheck.text
            name = name.rpartition(".")[0]
        while name and name != "tipcheck":
            if not module.startswith(name + "."):
                found.add(name)
            name = name.rpartition(".")[0]
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    return {module: _dependencies(module, path) for module, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_through_packages() -> None:
    graph = import_graph()
    assert "tipcheck.text" in graph["tipcheck.analysis.subquestions"]
    # api imports rule modules: it depends on the rules package, whose __init__ runs first
    assert {"tipcheck.rules", "tipcheck.rules.base"} <= graph["tipcheck.api"]


def test_no_import_cycle_in_the_package() -> None:
    assert cycles(import_graph()) == []
