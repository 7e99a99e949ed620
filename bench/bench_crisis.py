"""Benchmark: danger recognition on the crisis corpus — recall per category and language, the share
of everyday messages, topical questions and the project's in-scope questions that get the emergency
card, and the latency of the danger check. Prints figures; asserts nothing (the gate is a test).

    python bench/bench_crisis.py [--blind] [--misses] [FILE ...]

Without files: the development part (tests/data/crisis/dev-*.yaml). `--blind` measures the blind
part instead and never prints its messages (it is read once before and once after a change).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.assistant import Assistant  # noqa: E402
from bot.i18n import Catalogs  # noqa: E402
from bot.knowledge.crisis_corpus import Tally, load_corpus, measure, report  # noqa: E402
from bot.knowledge.evaluation import load_items  # noqa: E402
from bot.knowledge.lexicon_store import load_lexicon  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "crisis"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--blind", action="store_true", help="the blind part; messages are never printed")
    ap.add_argument("--misses", action="store_true", help="list missed danger messages and needless cards")
    a = ap.parse_args()
    files = a.files or ([CORPUS / "blind.yaml"] if a.blind else sorted(CORPUS.glob("dev-*.yaml")))
    assistant = Assistant(load_knowledge(ROOT / "knowledge"), load_lexicon(), Catalogs())
    messages = [m for f in files for m in load_corpus(f)]
    print(f"{len(messages)} messages from {', '.join(f.name for f in files)}")
    figures = measure(messages, assistant.reply)
    for line in report(figures, show_messages=a.misses and not a.blind):
        print(line)

    in_scope = [i for i in load_items(ROOT / "eval" / "questions.yaml") if i.outcome in ("answer", "info")]
    cards = Tally()
    for item in in_scope:
        cards.add(assistant.reply(item.q, item.lang if item.lang in ("pl", "en") else None).outcome == "crisis")
    print(f"card on the project's in-scope questions: {cards}")

    texts = [m.text for m in messages]
    for t in texts[:50]:
        assistant.reply(t)
    samples = []
    for _ in range(3):
        for t in texts:
            start = time.perf_counter()
            assistant.reply(t)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    print(
        f"reply latency over the corpus: p50 {samples[len(samples) // 2]:.2f} ms, "
        f"p99 {samples[int(len(samples) * 0.99)]:.2f} ms, max {samples[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
