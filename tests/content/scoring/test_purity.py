"""The scoring core stays plain Python: no module imports Django."""

import ast
from pathlib import Path

import content.scoring

PACKAGE = Path(content.scoring.__file__).parent


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            modules.update(
                arg.value for arg in node.args if isinstance(arg, ast.Constant) and arg.value
            )
    return modules


def test_package_has_modules() -> None:
    assert len(list(PACKAGE.glob("*.py"))) >= 4


def test_no_module_imports_django() -> None:
    offenders = {
        path.name: sorted(m for m in imported_modules(path) if m.split(".")[0] == "django")
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def module_level_imports(path: Path) -> set[str]:
    """Imports run when the module loads (not inside functions or TYPE_CHECKING blocks)."""
    modules = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_default_runtime_dependencies_are_light() -> None:
    # Optional extras may be imported lazily inside functions; loading the package may not.
    allowed = {"snowballstemmer", "rapidfuzz"}
    third_party = set()
    for path in PACKAGE.rglob("*.py"):
        for module in module_level_imports(path):
            root = module.split(".")[0]
            if root not in allowed and not _is_stdlib(root):
                third_party.add(root)
    assert third_party == set()


def _is_stdlib(name: str) -> bool:
    import sys

    return name in sys.stdlib_module_names or name == "__future__"
