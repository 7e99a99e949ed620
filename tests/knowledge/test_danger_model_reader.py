"""The model file is read back as written, a damaged one is refused with its line, the knowledge
loads without it (a warning: the rules still bring the card), and the shipped one is up to date."""

import shutil

import pytest
from conftest import PROJECT

from bot.core.danger_model import DangerModel
from bot.knowledge.danger_model_reader import FILE_NAME, ModelFileError, corpus_digest, read_model, write_model
from bot.knowledge.loader import check_knowledge

MODEL = DangerModel(
    {" ab": (1.5, 0.25, -0.25), "cd ": (-0.5, 0.0, 0.1)}, -1.0, 0.8, ("suicide", "violence"), (0.1, -0.1)
)


def test_a_written_model_reads_back_the_same(tmp_path):
    path = tmp_path / FILE_NAME
    write_model(path, MODEL, "abc123", ["a note"])
    read = read_model(path)
    assert read.model == MODEL and read.corpus == "abc123" and read.notes == ("a note",)


@pytest.mark.parametrize(
    "damage, line, says",
    [
        (lambda t: t.replace("threshold\t0.8000", "threshold\t1.5"), 4, "between 0 and 1"),
        (lambda t: t.replace("g\t ab\t1.5000", "g\t ab\tone"), 9, "not a number"),
        (
            lambda t: t.replace("situation-bias\t0.1000\t-0.1000", "situation-bias\t0.1000"),
            7,
            "one number per situation",
        ),
        (lambda t: t.replace("\tsuicide\tviolence", "\tsuicide"), 9, "the n-gram and 2 weights"),
        (lambda t: t + "weights\t1\n", 11, "unknown line"),
    ],
)
def test_a_damaged_model_file_is_refused_with_its_line(tmp_path, damage, line, says):
    path = tmp_path / FILE_NAME
    write_model(path, MODEL, "abc123", ["a note"])
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ModelFileError) as error:
        read_model(path)
    assert error.value.line == line and says in error.value.message


def test_the_knowledge_loads_without_a_damaged_model_and_says_so(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", root)
    (root / FILE_NAME).write_text("threshold\tnone\n", encoding="utf-8")
    knowledge, problems = check_knowledge(root)
    assert knowledge is not None and knowledge.crisis.model is None
    assert any(
        p.severity == "warning" and FILE_NAME in p.file and "rules work without it" in p.render() for p in problems
    )


def test_the_shipped_model_was_trained_on_the_current_corpus():
    shipped = read_model(PROJECT / "knowledge" / FILE_NAME)
    assert shipped.corpus == corpus_digest(PROJECT), (
        "tests/data/crisis or eval/questions.yaml changed since the danger model was trained: "
        "pip install -e '.[train]' && python3 scripts/train_danger_model.py"
    )
