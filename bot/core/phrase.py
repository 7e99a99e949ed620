"""Messages shown in either language: an English template and its values, translated when shown."""

from __future__ import annotations

from collections.abc import Callable


def _same(text: str) -> str:
    return text


class Phrase:
    """`Phrase("entry '{id}' is empty", id="x")`: str() gives English; render(gettext) another language.
    Values may be Phrases themselves; they are rendered in the same language."""

    __slots__ = ("template", "args")

    def __init__(self, template: str, **args: object) -> None:
        self.template = template
        self.args = tuple(sorted(args.items()))

    def render(self, translate: Callable[[str], str] = _same) -> str:
        values = {k: v.render(translate) if isinstance(v, Phrase) else v for k, v in self.args}
        try:
            return translate(self.template).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a mistyped placeholder: show English
            return self.template.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Phrase({self.render()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Phrase):
            return (self.template, self.args) == (other.template, other.args)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.template, self.args))


def render(message: Phrase | str, translate: Callable[[str], str] = _same) -> str:
    """A Phrase in the language of `translate`; plain text as it is."""
    return message.render(translate) if isinstance(message, Phrase) else message
