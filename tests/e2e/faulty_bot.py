"""`equality-bot run` with one fault injected for tests/e2e/test_faults.py: a message containing
"injected-fault" makes the answering code raise, as an unforeseen bug would."""

import sys

from bot.core.assistant import Assistant

_respond = Assistant.respond


def _faulty_respond(self, reading, preferred_lang=None):
    if "injected-fault" in reading.cleaned:
        raise RuntimeError("injected fault")
    return _respond(self, reading, preferred_lang)


Assistant.respond = _faulty_respond

if __name__ == "__main__":
    from bot.cli.main import main

    sys.exit(main(["run"]))
