"""YAML reading that remembers the line of every value and refuses duplicate keys."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a knowledge file, at a line (1-based)."""

    file: str
    line: int
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.file}:{self.line}: {prefix}{self.message}"


class LDict(dict):
    """A mapping read from YAML, with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict


class LList(list):
    """A sequence read from YAML, with the line of the sequence and of each item."""

    line: int = 0
    item_lines: list


def line_of(container, key) -> int:
    """The line of `container[key]`, or of the container when unknown."""
    if isinstance(container, LDict):
        return container.key_lines.get(key, container.line)
    if isinstance(container, LList) and isinstance(key, int) and 0 <= key < len(container.item_lines):
        return container.item_lines[key]
    return getattr(container, "line", 1)


def read(text: str, file: str, problems: list[Problem]):
    """Parse YAML text into LDict / LList / str / None, adding syntax and duplicate-key problems."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(exc, "problem", None) or str(exc)
        source_line = text.splitlines()[line - 1].strip() if mark and line <= len(text.splitlines()) else ""
        shown = f" in: {source_line}" if source_line else ""
        problems.append(Problem(file, line, f"YAML syntax error: {what}{shown}"))
        return None
    if node is None:
        return None
    return _convert(node, file, problems)


def _convert(node, file: str, problems: list[Problem]):
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            key_line = key_node.start_mark.line + 1
            if key in out:
                problems.append(Problem(file, key_line, f"key '{key}' appears twice in this mapping "
                                        f"(first at line {out.key_lines[key]}); remove or rename one"))
                continue
            out[key] = _convert(value_node, file, problems)
            out.key_lines[key] = key_line
        return out
    if isinstance(node, yaml.SequenceNode):
        out = LList()
        out.line, out.item_lines = line, []
        for item in node.value:
            out.append(_convert(item, file, problems))
            out.item_lines.append(item.start_mark.line + 1)
        return out
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value
