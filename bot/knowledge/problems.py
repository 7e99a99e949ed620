"""What is wrong with the knowledge (one problem at a file's line, and the error that carries them) or
with a question set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.phrase import Phrase, render


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a knowledge file, at a line (1-based); the message in English or, through
    `render(gettext)`, in the editor's language."""

    file: str
    line: int
    message: Phrase | str
    severity: str = "error"  # "error" | "warning"

    def render(self, translate: Callable[[str], str] = lambda s: s) -> str:
        text = render(self.message, translate)
        if self.severity != "error":
            text = Phrase("warning: {message}", message=text).render(translate)
        return f"{self.file}:{self.line}: {text}"

    def __str__(self) -> str:
        return self.render()

    def __lt__(self, other: Problem) -> bool:
        return (self.file, self.line, str(self.message), self.severity) < (
            other.file,
            other.line,
            str(other.message),
            other.severity,
        )


class KnowledgeError(Exception):
    """The knowledge could not be loaded; `problems` says why, file by file and line by line."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the knowledge")
        self.problems = problems


class QuestionFileError(Exception):
    """A question set cannot be read or an item is malformed."""
