"""docs/crisis.md's examples work as the guide says: a word added to a concept brings the card,
an idiom added to the exceptions removes the alarm — on a copy of the shipped knowledge."""

import re
import shutil

from conftest import PROJECT

from bot.core.assistant import Assistant
from bot.knowledge.danger_model_reader import FILE_NAME
from bot.knowledge.loader import load_knowledge

GUIDE = (PROJECT / "docs" / "crisis.md").read_text(encoding="utf-8")


def example(name: str) -> tuple[str, str, str]:
    """(section line, language, the item added) of an example block of the guide."""
    block = re.search(rf"<!-- example: {name} -->\n```yaml\n(.*?)```", GUIDE, re.S).group(1)
    section, line = block.strip("\n").splitlines()
    lang, items = line.strip().split(":", 1)
    return section.rstrip(), lang, items.strip().rstrip("]").split(",")[-1].strip()


def without(text: str, section: str, lang: str, item: str) -> str:
    """The knowledge text with `item` removed from `section`'s list in `lang`."""
    start = text.index(section + "\n")
    head, line = text[:start], re.search(rf"\n\s+{lang}: \[.*\]", text[start:]).group(0)
    kept = re.sub(rf", {re.escape(item)}(?=[,\]])", "", line, count=1)
    assert kept != line, f"the guide's {item} must be shipped in {section.strip()} {lang}"
    return head + text[start:].replace(line, kept, 1)


def reply(tmp_path, lexicon, catalogs, text: str, knowledge_text: str):
    root = tmp_path / "knowledge"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(PROJECT / "knowledge", root)
    (root / "crisis.yaml").write_text(knowledge_text, encoding="utf-8")
    (root / FILE_NAME).unlink()  # the guide's examples are about the rules; the learnt back-off is not
    return Assistant(load_knowledge(root), lexicon, catalogs).reply(text)


def test_the_guides_concept_example_brings_the_card(tmp_path, lexicon, catalogs):
    section, lang, item = example("concept")
    assert (section, lang, item) == ("    pills:", "pl", "ketrel*")
    shipped = (PROJECT / "knowledge" / "crisis.yaml").read_text(encoding="utf-8")
    message = "łyknęłam 20 ketreli"
    assert reply(tmp_path, lexicon, catalogs, message, without(shipped, section, lang, item)).outcome != "crisis"
    after = reply(tmp_path, lexicon, catalogs, message, shipped)
    assert after.outcome == "crisis" and after.explain["danger"]["frame"] == "took-dozens"


def test_the_guides_exception_example_removes_the_alarm(tmp_path, lexicon, catalogs):
    section, lang, item = example("exception")
    assert (section, lang, item) == ("  exceptions:", "pl", '"umieram z zazdrości"')
    shipped = (PROJECT / "knowledge" / "crisis.yaml").read_text(encoding="utf-8")
    message = "umieram z zazdrości"
    assert reply(tmp_path, lexicon, catalogs, message, without(shipped, section, lang, item)).danger == "concern"
    assert reply(tmp_path, lexicon, catalogs, message, shipped).danger is None
