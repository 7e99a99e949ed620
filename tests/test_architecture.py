"""The core stays pure: no Telegram, database, YAML, babel or I/O imports."""

import ast
from pathlib import Path

from conftest import PROJECT

FORBIDDEN = {"telegram", "yaml", "babel", "sqlite3", "psycopg", "httpx", "requests", "os", "pathlib",
             "socket", "subprocess", "gettext", "simplemma", "logging", "asyncio"}


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
    missing = [str(p.relative_to(PROJECT)) for p in (PROJECT / "bot").rglob("*.py")
               if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert missing == []
