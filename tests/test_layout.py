"""The package's shape (issue: analyzers as real components): module-level
imports form no circle, each analyzer is a package exposing ANALYZER, no
module in the library forks or grows past the size we can review."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "framing"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """framing modules imported at module level (not inside functions or TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module(path)
    pkg = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            continue
        nodes = [node] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
        for n in nodes:
            if isinstance(n, ast.Import):
                out |= {a.name for a in n.names if a.name.startswith("framing")}
                continue
            base = n.module or ""
            if n.level:
                anchor = pkg.split(".")[: len(pkg.split(".")) - (n.level - 1)]
                base = ".".join(anchor + ([n.module] if n.module else []))
            if not base.startswith("framing"):
                continue
            for a in n.names:  # "from . import x" may name a submodule
                sub = f"{base}.{a.name}"
                out.add(sub if (PACKAGE.parent / Path(*sub.split("."))).with_suffix(".py").exists()
                        or (PACKAGE.parent / Path(*sub.split(".")) / "__init__.py").exists() else base)
    out.discard(me)
    return out


def test_no_import_circles():
    graph = {_module(p): _imports(p) for p in PACKAGE.rglob("*.py")}
    # a package's __init__ importing its own submodules is not a circle
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for dep in sorted(graph.get(m, ())):
            if dep.startswith(m + "."):
                continue
            if state.get(dep) == 1:
                cycle = stack[stack.index(dep):] + [dep]
                if not all(b.startswith(a + ".") or a.startswith(b + ".") for a, b in zip(cycle, cycle[1:])):
                    raise AssertionError("import circle: " + " -> ".join(cycle))
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_each_analyzer_is_a_package_exposing_its_analyzer():
    from framing.analyzers import REGISTRY

    flat = [p.name for p in (PACKAGE / "analyzers").glob("*_*.py") if not p.name.startswith("__")]
    assert flat == [], f"flat analyzer modules left: {flat}"
    for analyzer in REGISTRY:
        module = importlib.import_module(f"framing.analyzers.{analyzer.name}")
        assert module.ANALYZER is analyzer


MAX_LINES = 500
OVER_LIMIT: dict[str, int] = {}  # no exceptions: every module is ≤ 500 lines


def test_no_fork_and_no_oversized_module_in_the_library():
    for path in PACKAGE.rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        assert "os.fork(" not in src, path
        limit = OVER_LIMIT.get(path.relative_to(PACKAGE).as_posix(), MAX_LINES)
        assert len(src.splitlines()) <= limit, f"{path} has {len(src.splitlines())} lines"
