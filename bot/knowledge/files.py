"""The one definition of the knowledge's files: which files of a directory are knowledge, what changes
when an editor saves one, a snapshot to roll an edit back, and where the shipped data lives."""

from __future__ import annotations

import os
from pathlib import Path

from bot.knowledge.danger_model_reader import FILE_NAME as MODEL_FILE  # the danger back-off's weights

SUFFIXES = (".yaml", ".yml")
#: The checkout's root when the bot runs from source (or an editable install).
SOURCE_ROOT = Path(__file__).resolve().parents[2]
#: Where a built wheel carries knowledge/, locales/ and eval/ (setup.py copies them in).
SHIPPED_ROOT = Path(__file__).resolve().parents[1] / "shipped"


def knowledge_files(directory: Path) -> list[Path]:
    """The YAML files of a knowledge directory, in the order they are read (hidden files are not; a
    file that cannot be read is still one, so that the loader says so)."""
    return sorted(p for p in Path(directory).iterdir() if p.suffix in SUFFIXES and not p.name.startswith("."))


def watched_files(directory: Path) -> list[Path]:
    """Every file whose change is an edit to the knowledge: the YAML and the danger model's weights."""
    model = Path(directory) / MODEL_FILE
    return knowledge_files(directory) + ([model] if model.exists() else [])


def signature(directory: Path) -> tuple:
    """What changes when an editor saves a knowledge file: names, modification times, sizes."""
    try:
        stats = [(p.name, p.stat()) for p in watched_files(directory)]
        return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)
    except OSError:
        return ("unreadable",)


def snapshot(directory: Path) -> dict[Path, bytes]:
    """The bytes of every knowledge file, to put back when an edit is refused."""
    return {p: p.read_bytes() for p in knowledge_files(directory)}


def restore(saved: dict[Path, bytes]) -> None:
    """Write a snapshot back, byte for byte."""
    for path, data in saved.items():
        path.write_bytes(data)


def data_dir(name: str) -> Path:
    """A shipped data directory (knowledge, locales, eval): the checkout's when running from source,
    else the copy inside the installed package."""
    source = SOURCE_ROOT / name
    if (SOURCE_ROOT / "pyproject.toml").is_file() and source.is_dir():
        return source
    return SHIPPED_ROOT / name


def knowledge_dir(explicit: str | Path | None = None) -> Path:
    """The knowledge directory: the given one, else $BOT_KNOWLEDGE_DIR, else the shipped knowledge."""
    return Path(explicit or os.environ.get("BOT_KNOWLEDGE_DIR") or data_dir("knowledge"))


def question_set() -> Path:
    """The project's question set, which `eval` and `review --add-variant` measure against."""
    return data_dir("eval") / "questions.yaml"
