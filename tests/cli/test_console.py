import io

from bot.cli.console import chat


def test_console_chat_answers_and_picks_a_suggestion_by_number(small_assistant):
    stdin = io.StringIO("rada\n1\n/lang en\nleuven\n/quit\nnever read\n")
    stdout = io.StringIO()
    assert chat(small_assistant, None, stdin, stdout) == 0
    out = stdout.getvalue()
    assert "Czy chodzi o któryś z tych 2 tematów?" in out
    assert "1. " in out
    assert "Rada doradza prezydentowi Krakowa" in out or "Członków wybiera się" in out
    assert "I will answer in English when your language is unclear." in out
    assert "The partner city of Leuven sent a rainbow flag." in out
    assert "never read" not in out


def test_a_number_out_of_range_keeps_the_choices_and_the_conversation_language(small_assistant):
    stdin = io.StringIO("council\n7\n2\n")
    stdout = io.StringIO()
    assert chat(small_assistant, None, stdin, stdout) == 0
    out = stdout.getvalue()
    assert "Choose a number from 1 to 2, or ask in other words." in out
    after = out.split("Choose a number from 1 to 2")[1]
    assert "Wybierz" not in after and "Nie znam" not in after  # still in English, and no "I don't know"
    assert "The Council advises the mayor" in after or "Members are chosen in an open call." in after


def test_the_help_says_what_lang_does(small_assistant):
    stdout = io.StringIO()
    chat(small_assistant, "en", io.StringIO(""), stdout)
    assert stdout.getvalue().strip() == (
        "Type a question. A number picks a suggestion. /lang pl|en|uk: the language "
        "of replies when a message's own language is unclear. /quit exits."
    )
