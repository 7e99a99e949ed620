"""YAML reading that remembers the line of every value and refuses duplicate keys and aliases that
expand beyond reason (a "billion laughs")."""

from __future__ import annotations

import re

import yaml

from bot.core.phrase import Phrase
from bot.knowledge.problems import Problem


class LDict(dict):
    """A mapping read from YAML, with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict


class LList(list):
    """A sequence read from YAML, with the line of the sequence and of each item, and how many lines
    each unquoted text item spans (YAML joins the lines of such an item into one text)."""

    line: int = 0
    item_lines: list
    plain_spans: dict  # item index -> lines, for unquoted texts over more than one line


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
        node = _compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = _plain_words(getattr(exc, "problem", None) or str(exc))
        source_line = text.splitlines()[line - 1].strip() if mark and line <= len(text.splitlines()) else ""
        message = (
            Phrase("YAML syntax error: {what} in: {line}", what=what, line=source_line)
            if source_line
            else Phrase("YAML syntax error: {what}", what=what)
        )
        problems.append(Problem(file, line, message))
        return None
    if node is None:
        return None
    budget = _Budget(_distinct_nodes(node) + ALIAS_EXPANSION)
    try:
        return _convert(node, file, problems, budget)
    except _TooLarge:
        alias = _first_alias(text)
        problems.append(
            Problem(
                file,
                alias[0] if alias else 1,
                Phrase(
                    "aliases (*{name}) expand this file by more than {limit} values; write the values out instead "
                    "of aliases that repeat other aliases",
                    name=alias[1] if alias else "",
                    limit=ALIAS_EXPANSION,
                ),
            )
        )
        return None


#: libyaml's composer, ten times faster than PyYAML's own (which stays the fallback without libyaml).
_FAST_LOADER = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None
#: What PyYAML's reader refuses (yaml.reader.Reader.NON_PRINTABLE): such text goes to PyYAML itself.
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _compose(text: str):
    """The node tree of `text`, composed by libyaml when it is there. Its nodes carry the same lines;
    a text it refuses (or one with characters PyYAML refuses) is composed again by PyYAML, so that an
    editor reads the same error, worded and placed as before."""
    if _FAST_LOADER is not None and not _NON_PRINTABLE.search(text):
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _plain_words(problem: str) -> Phrase | str:
    """What the YAML library's most common complaints mean for an editor (translated when shown); others
    as the library words them."""
    if "'\\t'" in problem or "\t" in problem:
        return Phrase("a tab character: YAML indents with spaces only; replace the tab with spaces")
    if problem.startswith(("expected <block end>", "did not find expected key", "did not find expected '-'")):
        return Phrase(
            "this line is indented differently from the lines it belongs with; line it up with the "
            "other fields of its item"
        )
    if problem.startswith("mapping values are not allowed here"):
        return Phrase(
            "a ': ' where YAML does not expect one; put text that contains ': ' in quotes, or check the indentation"
        )
    if problem.startswith(("expected ',' or '}'", "expected ',' or ']'")):
        return Phrase(
            "a '{{' or '[' that is not closed, or a missing comma between its items; check this line and the one above"
        )
    if problem.startswith("found unexpected end of stream"):
        return Phrase("a quote that is never closed; close it at the end of its text")
    return problem


#: How many values aliases may add to a file: reusing a source a few dozen times adds hundreds; a few
#: hundred bytes of aliases of aliases would add billions and take the bot's memory.
ALIAS_EXPANSION = 20_000


class _TooLarge(Exception):
    pass


class _Budget:
    def __init__(self, values: int):
        self.left = values

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _TooLarge


def _distinct_nodes(root) -> int:
    """How many nodes the document holds, an alias's node counted once."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


def _first_alias(text: str) -> tuple[int, str] | None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return (event.start_mark.line + 1 if event.start_mark else 1), str(event.anchor)
    return None


def _convert(node, file: str, problems: list[Problem], budget: _Budget):
    budget.spend()
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            key_line = key_node.start_mark.line + 1
            if key in out:
                problems.append(
                    Problem(
                        file,
                        key_line,
                        Phrase(
                            "key '{key}' appears twice in this mapping (first at line {first}); remove or rename one",
                            key=key,
                            first=out.key_lines[key],
                        ),
                    )
                )
                continue
            out[key] = _convert(value_node, file, problems, budget)
            out.key_lines[key] = key_line
        return out
    if isinstance(node, yaml.SequenceNode):
        items = LList()
        items.line, items.item_lines, items.plain_spans = line, [], {}
        for i, item in enumerate(node.value):
            items.append(_convert(item, file, problems, budget))
            items.item_lines.append(item.start_mark.line + 1)
            if isinstance(item, yaml.ScalarNode) and not item.style and item.end_mark.line > item.start_mark.line:
                items.plain_spans[i] = item.end_mark.line - item.start_mark.line + 1
        return items
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value
