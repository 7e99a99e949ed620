"""The core stays pure: no Telegram, database, YAML, babel or I/O imports."""

import ast
from pathlib import Path

from conftest import PROJECT

FORBIDDEN = {
    "telegram",
    "yaml",
    "babel",
    "sqlite3",
    "psycopg",
    "httpx",
    "requests",
    "os",
    "pathlib",
    "socket",
    "subprocess",
    "gettext",
    "simplemma",
    "logging",
    "asyncio",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_no_io_or_adapter_modules():
    offenders = {p.name: imported_modules(p) & FORBIDDEN for p in (PROJECT / "bot" / "core").glob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_modules_do_not_import_adapters():
    for p in (PROJECT / "bot" / "core").glob("*.py"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot."):
                assert node.module.startswith("bot.core"), f"{p.name} imports {node.module}"


def test_every_module_has_a_docstring():
    missing = [
        str(p.relative_to(PROJECT))
        for p in (PROJECT / "bot").rglob("*.py")
        if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert missing == []


ADAPTERS = ("knowledge", "storage", "telegram", "usage", "cli")


def adapter_imports(path: Path) -> set[str]:
    """The adapter packages a module imports (from bot.<adapter>...), its own excepted."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module]
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
            else []
        )
        for name in names:
            parts = name.split(".")
            if parts[0] == "bot" and len(parts) > 1 and parts[1] in ADAPTERS:
                found.add(parts[1])
    own = path.relative_to(PROJECT / "bot").parts[0]
    return found - {own}


def test_knowledge_usage_and_storage_never_import_telegram():
    offenders = {
        str(p.relative_to(PROJECT)): adapter_imports(p)
        for pkg in ("knowledge", "usage", "storage")
        for p in (PROJECT / "bot" / pkg).glob("*.py")
    }
    assert {k: v for k, v in offenders.items() if "telegram" in v} == {}


def test_only_the_composition_root_and_the_command_line_import_more_than_one_adapter():
    offenders = {
        str(p.relative_to(PROJECT)): sorted(adapter_imports(p))
        for p in (PROJECT / "bot").rglob("*.py")
        if p.relative_to(PROJECT / "bot").parts[0] not in ("cli", "app.py")
    }
    assert {k: v for k, v in offenders.items() if len(v) > 1} == {}


def test_no_module_is_over_400_lines():
    long = {
        str(p.relative_to(PROJECT)): n
        for p in (PROJECT / "bot").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_no_import_cycle_between_modules():
    modules = {
        ".".join(p.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__"): p
        for p in (PROJECT / "bot").rglob("*.py")
    }
    graph = {}
    for name, path in modules.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                deps |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
        graph[name] = deps & set(modules) - {name}
    done, cycles = set(), []

    def visit(module, path):
        if module in path:
            cycles.append(path[path.index(module) :] + [module])
            return
        if module in done:
            return
        for dep in sorted(graph[module]):
            visit(dep, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert cycles == []
