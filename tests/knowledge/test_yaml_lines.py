"""YAML read with the line of every value: libyaml composes it when it is there (ten times faster),
PyYAML when it is not, and an editor reads the same values, lines and errors either way."""

import pytest
import yaml
from conftest import PROJECT

from bot.knowledge import yaml_lines
from bot.knowledge.yaml_lines import LDict, LList, read

SHIPPED = sorted((PROJECT / "knowledge").glob("*.yaml"))

BROKEN = [
    "entries:\n  - id: a\n    title: {pl: x, en: y\n",  # an unclosed brace
    "entries:\n  - id: a\n\t- id: b\n",  # a tab
    "entries:\n  - id: a\n   title: x\n",  # bad indentation
    "entries:\n  - id: a\n    title: skarga: brak\n",  # a colon in a plain text
    'entries:\n  - id: "a\n',  # a quote never closed
    "a: &x [1]\nb: *y\n",  # an unknown alias
    "a: 1\x07\n",  # a control character
]


def _lines(value):
    """The value with every line `read` recorded for it, to compare two readings."""
    if isinstance(value, LDict):
        return ("map", value.line, value.key_lines, {k: _lines(v) for k, v in value.items()})
    if isinstance(value, LList):
        return ("seq", value.line, value.item_lines, value.plain_spans, [_lines(v) for v in value])
    return value


def _without_libyaml(monkeypatch):
    monkeypatch.setattr(yaml_lines, "_FAST_LOADER", None)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
def test_the_shipped_knowledge_is_composed_without_the_slow_pure_python_composer(monkeypatch):
    def refuse(self):
        raise AssertionError("PyYAML's pure-Python composer was used")

    monkeypatch.setattr(yaml.composer.Composer, "compose_document", refuse)
    for path in SHIPPED:
        problems: list = []
        assert isinstance(read(path.read_text(encoding="utf-8"), path.name, problems), LDict)
        assert problems == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_without_libyaml_the_same_values_on_the_same_lines(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    fast_problems: list = []
    fast = _lines(read(text, path.name, fast_problems))
    _without_libyaml(monkeypatch)
    slow_problems: list = []
    assert _lines(read(text, path.name, slow_problems)) == fast
    assert slow_problems == fast_problems


@pytest.mark.parametrize("text", BROKEN)
def test_editors_read_the_same_syntax_error_with_or_without_libyaml(text, monkeypatch):
    fast: list = []
    assert read(text, "extra.yaml", fast) is None or fast
    _without_libyaml(monkeypatch)
    slow: list = []
    read(text, "extra.yaml", slow)
    assert fast and [str(p) for p in fast] == [str(p) for p in slow]
