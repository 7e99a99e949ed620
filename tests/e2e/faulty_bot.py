"""`equality-bot run` with one fault injected for tests/e2e/test_faults.py: a message containing
"injected-fault" makes the answering code raise, as an unforeseen bug would."""

import sys

from bot.core.assistant import Assistant

_reply = Assistant.reply


def _faulty_reply(self, text, preferred_lang=None):
    if "injected-fault" in text:
        raise RuntimeError("injected fault")
    return _reply(self, text, preferred_lang)


Assistant.reply = _faulty_reply

if __name__ == "__main__":
    from bot.cli.main import main

    sys.exit(main(["run"]))
