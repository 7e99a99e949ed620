"""The one gate every knowledge edit passes before it goes live — `validate`, the running bot's reload
(file watcher, SIGHUP, /reload) and `review --add-variant` alike: the schema, then the deeper checks;
an error of either refuses the edit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.core.assistant import Assistant
from bot.core.model import Knowledge
from bot.knowledge.checks import check
from bot.knowledge.loader import Loaded, read_knowledge
from bot.knowledge.problems import Problem


@dataclass(frozen=True)
class Verdict:
    """What the gate says of a knowledge directory: the schema's problems, the deeper checks' (none
    when the schema has errors), and — when none is an error — an assistant on the knowledge, ready to
    serve."""

    loaded: Loaded
    deeper: list[Problem]
    assistant: Assistant | None = None

    @property
    def problems(self) -> list[Problem]:
        """Every problem: the schema's, then the deeper checks', each sorted by file and line."""
        return self.loaded.problems + self.deeper

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def admit(directory: Path, build: Callable[[Knowledge], Assistant], today: date | None = None) -> Verdict:
    """Read and check `directory`; `build` makes the assistant the deeper checks ask (and that serves
    the knowledge when it is admitted)."""
    loaded = read_knowledge(directory)
    if loaded.knowledge is None:
        return Verdict(loaded, [])
    assistant = build(loaded.knowledge)
    deeper = check(loaded, assistant, today)
    refused = any(p.severity == "error" for p in loaded.problems + deeper)
    return Verdict(loaded, deeper, None if refused else assistant)
