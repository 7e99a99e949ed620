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
