"""The package has no import circles, counting imports inside functions too (but not those made
for type hints only), and its folders are the stages of a scan: document → extract → relations →
checker → report → render. The extraction engine imports nothing of the stages after relations."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree but those under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        yield node
        yield from runtime_nodes(node)


def absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The module a `from … import` names, with a relative one (`from .x import y`) made absolute."""
    if node.level == 0:
        return node.module or ""
    base = importer.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(path: Path, package: Path) -> set[str]:
    """The modules of `package` a file imports, at any depth of its code (`from x import y` may name a module)."""
    importer, root = module_name(path, package), package.name
    found = set()
    for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = absolute(node, importer, path.name == "__init__.py")
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == root or name.startswith(root + ".")}


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports (a package imports its
    own submodules to re-export or register them; that edge is left out: it is not a circle)."""
    modules = {module_name(p, package): p for p in package.rglob("*.py")}
    return {name: {m for m in imports(path, package) if m in modules and m != name and not m.startswith(name + ".")}
            for name, path in modules.items()}


def cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    """A path from `start` back to itself, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(edges.get(node, ())):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def circles(package: Path = PACKAGE) -> list[list[str]]:
    edges = graph(package)
    return [c for c in (cycle_from(name, edges) for name in sorted(edges)) if c]


def test_no_module_imports_itself_back():
    assert circles() == []


def test_the_check_finds_a_circle():
    assert cycle_from("a", {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_from("a", {"a": {"b"}, "b": set()}) is None


def test_the_check_finds_a_circle_in_a_package_on_disk(tmp_path: Path):
    """The same walk over a small package whose circle goes through a function's import, a
    `from package import module` and a relative import; a TYPE_CHECKING import is no edge."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "top.py").write_text("def f():\n    from pkg.sub import low\n")
    (package / "sub" / "low.py").write_text("from .mid import x\n")
    (package / "sub" / "mid.py").write_text("from pkg import top\nx = 1\n")
    (package / "hints.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.top\n")
    (package / "other.py").write_text("import pkg.hints\n")
    found = circles(package)
    assert ["pkg.sub.low", "pkg.sub.mid", "pkg.top", "pkg.sub.low"] in found
    assert not any("pkg.hints" in c or "pkg.other" in c for c in found)
    (package / "sub" / "mid.py").write_text("x = 1\n")
    assert circles(package) == []


def test_extraction_imports_no_later_stage():
    """`factcheck.extract` uses the document, the shared model and the frames of `relations` it
    compiles with the rules; never the checker, the report's session, the renderers or the CLI."""
    later = ("factcheck.checker", "factcheck.pipeline", "factcheck.session", "factcheck.render",
             "factcheck.cli", "factcheck.lsp", "factcheck.relations.matcher", "factcheck.relations.arithmetic")
    edges = graph()
    wrong = {name: sorted(m for m in targets if m.startswith(later))
             for name, targets in edges.items() if name.startswith("factcheck.extract")}
    assert {name: targets for name, targets in wrong.items() if targets} == {}
