"""Messages built once and shown in the editor's language."""

from bot.core.phrase import Phrase, render

POLISH = {
    "entry '{id}'": "wpis '{id}'",
    "{label} is empty": "{label}: pole jest puste",
    "{label} has {n} items": "{label}: liczba pozycji {count}",
}  # the last one is a translator's slip


def test_english_by_default_and_nested_phrases_in_the_same_language():
    message = Phrase("{label} is empty", label=Phrase("entry '{id}'", id="council"))
    assert str(message) == "entry 'council' is empty"
    assert message.render(lambda s: POLISH.get(s, s)) == "wpis 'council': pole jest puste"


def test_a_translation_with_a_wrong_placeholder_falls_back_to_english_instead_of_crashing():
    message = Phrase("{label} has {n} items", label="x", n=3)
    assert message.render(lambda s: POLISH.get(s, s)) == "x has 3 items"


def test_format_specs_and_plain_text():
    assert str(Phrase("score {score:.2f}", score=0.5)) == "score 0.50"
    assert render("already text", lambda s: "never called") == "already text"


def test_equal_phrases_are_one_problem():
    assert Phrase("a {x}", x=1) == Phrase("a {x}", x=1) and len({Phrase("a {x}", x=1), Phrase("a {x}", x=1)}) == 1
    assert Phrase("a {x}", x=1) != Phrase("a {x}", x=2)
