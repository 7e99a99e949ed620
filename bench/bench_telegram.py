"""Load benchmark through the Bot API emulator: N residents × M messages against `equality-bot run`
(polling). Prints answered / sent, reply latency p50 / p95 / max and the bot's peak RSS; asserts nothing.
With --flood, groups flood the bot meanwhile (one account sending /help@bot, ten members mentioning
it), and the figures are those of the private chats.

    npm ci && python bench/bench_telegram.py [--residents 200] [--messages 5] [--workers 50] [--flood]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.harness import BotProcess, Emulator, Resident  # noqa: E402

QUESTIONS = [
    "gdzie zglosic dyskryminacje w pracy",
    "free legal advice krakow",
    "czym jest rada rownego traktowania",
    "what is a human rights city",
    "numer do rpo",
    "hello",
    "how do i report a hate crime",
    "Jak dojechać na dworzec?",
    "co symbolizuje herb krakowa",
    "domestic violence help",
]


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def resident_session(emulator: Emulator, user_id: int, messages: int) -> list[float | None]:
    resident = Resident(emulator, user_id, "pl" if user_id % 2 else "en")
    latencies: list[float | None] = []
    for i in range(messages):
        start = time.perf_counter()
        try:
            resident.say(QUESTIONS[(user_id + i) % len(QUESTIONS)], timeout=60, settle=0, poll=0.005)
            latencies.append((time.perf_counter() - start) * 1000)
        except AssertionError:
            latencies.append(None)
    return latencies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--residents", type=int, default=200)
    ap.add_argument("--messages", type=int, default=5)
    ap.add_argument("--workers", type=int, default=50)
    ap.add_argument("--flood", action="store_true", help="groups flood the bot at the same time")
    args = ap.parse_args()
    emulator = Emulator()
    with tempfile.TemporaryDirectory() as data:
        bot = BotProcess(emulator, Path(data))
        try:
            Resident(emulator, 1, "pl").command("/start", timeout=60)
            if args.flood:
                from tests.e2e.test_delivery import flood

                for group in range(5):
                    flood(emulator, -9000 - 10 * group)
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.workers) as pool:
                results = list(
                    pool.map(
                        lambda uid: resident_session(emulator, uid, args.messages), range(1000, 1000 + args.residents)
                    )
                )
            wall = time.perf_counter() - t0
            rss = peak_rss_mib(bot.process.pid)
        finally:
            bot.stop()
            emulator.stop()
    flat = [x for r in results for x in r]
    answered = sorted(x for x in flat if x is not None)
    pct = lambda q: answered[min(len(answered) - 1, int(len(answered) * q))]
    print(
        f"{args.residents} residents x {args.messages} messages, {args.workers} at a time, in {wall:.1f} s"
        + (" (5 groups flooding: 200 commands and 300 mentions)" if args.flood else "")
    )
    print(f"answered / sent: {len(answered)} / {len(flat)}")
    print(
        f"reply latency: p50 {pct(0.5):.0f} ms, p95 {pct(0.95):.0f} ms, max {answered[-1]:.0f} ms "
        "(send -> reply visible to the client, through the emulator)"
    )
    print(f"bot peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
