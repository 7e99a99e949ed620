"""Load benchmark through the Bot API emulator: N residents × M messages against `equality-bot run`
(polling). Prints answered / sent, reply latency p50 / p95 / max, the bot process's CPU per message
answered (above what it spends idle, measured first, and with it) and its peak RSS; asserts nothing.
With --rate, messages arrive at that fixed rate (below Telegram's 30 a second, so the limiter's
queue is not what is measured); without it, `--workers` residents at a time send as fast as they
are answered (the queue behind the limit). Clients look for their reply every --poll seconds (the
emulator is on the same machine: polling it faster slows the bot down). With --flood,
groups flood the bot meanwhile (one account sending /help@bot, ten members mentioning it), and the
figures are those of the private chats. --profile FILE writes a cProfile of the bot's main thread
(its event loop) over the measured messages only.

    npm ci && python bench/bench_telegram.py [--residents 200] [--messages 5] [--workers 50] [--flood]
    python bench/bench_telegram.py --rate 10 --residents 50 --messages 4 --poll 0.02
"""

from __future__ import annotations

import argparse
import os
import signal
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
TICKS = os.sysconf("SC_CLK_TCK")
#: `equality-bot run` with cProfile switched on by SIGUSR1 and written out by SIGUSR2 (bench only).
PROFILED = """
import cProfile, signal, sys
from bot.cli.main import main
profile = cProfile.Profile()
signal.signal(signal.SIGUSR1, lambda *_: profile.enable())
signal.signal(signal.SIGUSR2, lambda *_: (profile.disable(), profile.dump_stats(sys.argv[1])))
raise SystemExit(main(["run"]))
"""


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int, thread: int | None = None) -> float:
    """User + system CPU of a process (all its threads) so far, or of one of its threads."""
    stat = f"/proc/{pid}/task/{thread}/stat" if thread else f"/proc/{pid}/stat"
    fields = Path(stat).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime: fields 14 and 15 of stat


def resident_session(
    emulator: Emulator, user_id: int, messages: int, schedule: list[float] | None = None, poll: float = 0.005
) -> list[float | None]:
    """One resident's messages, each sent when the previous is answered or at its `schedule` time;
    the client looks for the reply every `poll` seconds."""
    resident = Resident(emulator, user_id, "pl" if user_id % 2 else "en")
    latencies: list[float | None] = []
    for i in range(messages):
        if schedule is not None:
            time.sleep(max(0.0, schedule[i] - time.perf_counter()))
        start = time.perf_counter()
        try:
            resident.say(QUESTIONS[(user_id + i) % len(QUESTIONS)], timeout=60, settle=0, poll=poll)
            latencies.append((time.perf_counter() - start) * 1000)
        except AssertionError:
            latencies.append(None)
    return latencies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--residents", type=int, default=200)
    ap.add_argument("--messages", type=int, default=5)
    ap.add_argument("--workers", type=int, default=50)
    ap.add_argument("--rate", type=float, default=0.0, help="messages a second arriving at a fixed pace")
    ap.add_argument("--flood", action="store_true", help="groups flood the bot at the same time")
    ap.add_argument("--poll", type=float, default=0.005, help="how often a client looks for its reply (s)")
    ap.add_argument("--idle", type=float, default=5.0, help="seconds of idle bot measured first")
    ap.add_argument("--profile", type=Path, help="write a cProfile of the bot's main thread here")
    args = ap.parse_args()
    emulator = Emulator()
    command = None
    if args.profile:
        command = [sys.executable, "-c", PROFILED, str(args.profile.resolve())]
    users = range(1000, 1000 + args.residents)
    with tempfile.TemporaryDirectory() as data:
        bot = BotProcess(emulator, Path(data), command=command)
        try:
            Resident(emulator, 1, "pl").command("/start", timeout=60)
            for user_id in users:  # every resident once, so that each message counted is a question
                Resident(emulator, user_id, "pl").command("/help", timeout=60)
            if args.flood:
                from tests.e2e.test_delivery import flood

                for group in range(5):
                    flood(emulator, -9000 - 10 * group)
            idle0, idle_t0 = cpu_seconds(bot.process.pid), time.perf_counter()
            time.sleep(args.idle)  # what the bot spends waiting (polling, heartbeat, knowledge watcher)
            idle = (cpu_seconds(bot.process.pid) - idle0) / (time.perf_counter() - idle_t0)
            if args.profile:
                bot.process.send_signal(signal.SIGUSR1)
            cpu0, loop0 = cpu_seconds(bot.process.pid), cpu_seconds(bot.process.pid, bot.process.pid)
            t0 = time.perf_counter()
            if args.rate:
                start = t0 + 0.2
                plans = {
                    uid: [start + (i * args.residents + n) / args.rate for i in range(args.messages)]
                    for n, uid in enumerate(users)
                }
                workers = min(args.residents, max(8, int(args.rate * 2)))
                sessions = lambda uid: resident_session(emulator, uid, args.messages, plans[uid], args.poll)  # noqa: E731
            else:
                workers = args.workers
                sessions = lambda uid: resident_session(emulator, uid, args.messages, poll=args.poll)  # noqa: E731
            with ThreadPoolExecutor(workers) as pool:
                results = list(pool.map(sessions, users))
            wall = time.perf_counter() - t0
            cpu = cpu_seconds(bot.process.pid) - cpu0
            loop_cpu = cpu_seconds(bot.process.pid, bot.process.pid) - loop0  # the main thread: the event loop
            if args.profile:
                bot.process.send_signal(signal.SIGUSR2)
                time.sleep(1.0)
            rss = peak_rss_mib(bot.process.pid)
        finally:
            bot.stop()
            emulator.stop()
    flat = [x for r in results for x in r]
    answered = sorted(x for x in flat if x is not None)
    pct = lambda q: answered[min(len(answered) - 1, int(len(answered) * q))]  # noqa: E731
    pace = f"arriving at {args.rate:g} a second" if args.rate else f"{args.workers} at a time"
    print(
        f"{args.residents} residents x {args.messages} messages, {pace}, in {wall:.1f} s"
        + (" (5 groups flooding: 200 commands and 300 mentions)" if args.flood else "")
    )
    print(f"answered / sent: {len(answered)} / {len(flat)}")
    print(
        f"reply latency: p50 {pct(0.5):.0f} ms, p95 {pct(0.95):.0f} ms, max {answered[-1]:.0f} ms "
        "(send -> reply visible to the client, through the emulator)"
    )
    busy = max(0.0, cpu - idle * wall)
    print(
        f"bot CPU: {busy * 1000 / max(1, len(answered)):.2f} ms per message answered above idle, "
        f"{cpu * 1000 / max(1, len(answered)):.2f} ms with idle ({cpu:.2f} s user+system over {wall:.1f} s, "
        f"all threads; idle {idle * 1000:.1f} ms a second); the event loop's thread "
        f"{loop_cpu * 1000 / max(1, len(answered)):.2f} ms, the others (storage, DNS) "
        f"{(cpu - loop_cpu) * 1000 / max(1, len(answered)):.2f} ms"
    )
    print(f"bot peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
