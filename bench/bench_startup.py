"""Start-up benchmark, as a newcomer meets it: the package built into a wheel and installed into a fresh
virtual environment (the dependencies from this environment, offline, as tests/test_packaging.py
does), then `equality-bot chat` answering one question on stdin, in a fresh $BOT_CACHE_DIR (the
first start) and again (warm starts). Each start runs in its own process: the wall time from
launching it to its exit after the answer, and its peak resident memory (ru_maxrss of that child).
Then the knowledge's load and validation on start, in a child as well. Prints figures; asserts nothing.

    python bench/bench_startup.py [--warm 5] [--question "gdzie zgłosić dyskryminację w pracy"]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = shutil.ignore_patterns(
    ".git", "node_modules", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench", "docs", ".pytest_cache"
)
KNOWLEDGE_TIMING = """
import time
started = time.perf_counter()
import bot.app  # what the start imports before it reads the knowledge
from bot.knowledge.files import knowledge_dir
try:
    from bot.knowledge.knowledge_cache import load_knowledge_cached
except ImportError:  # a checkout from before the knowledge cache (--source)
    from bot.knowledge.loader import load_knowledge as load_knowledge_cached
imported = time.perf_counter()
load_knowledge_cached(knowledge_dir())
print(f"{(time.perf_counter() - imported) * 1000:.0f}")
"""


def measured(args: list[str], env: dict, stdin: str = "") -> tuple[float, float, str, str]:
    """Run a child and wait for it with wait4: (wall seconds, its own peak RSS in MiB, stdout, stderr)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        # Far from any checkout: `python -c` would import the package from the working directory.
        child = subprocess.Popen(
            args, env=env, cwd=env["HOME"], stdin=subprocess.PIPE, stdout=out, stderr=err, text=True
        )
        assert child.stdin is not None
        child.stdin.write(stdin)
        child.stdin.close()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({child.returncode}):\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stdout, stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warm", type=int, default=5, help="warm starts to time")
    parser.add_argument("--question", default="gdzie zgłosić dyskryminację w pracy")
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout to package (default: this one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(tmp)
        shutil.copytree(args.source, work / "checkout", ignore=LEFT_OUT)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
            + ["--wheel-dir", str(work / "wheel"), str(work / "checkout")],
            check=True,
            capture_output=True,
        )
        (wheel,) = (work / "wheel").glob("*.whl")
        built = time.perf_counter() - started
        wheel_mib = wheel.stat().st_size / 2**20
        venv.create(work / "venv", system_site_packages=True, with_pip=True)
        python, bot = work / "venv" / "bin" / "python", work / "venv" / "bin" / "equality-bot"
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BOT_KNOWLEDGE_DIR", "BOT_CACHE_DIR")}
        env["BOT_CACHE_DIR"] = str(work / "cache")
        env["XDG_CONFIG_HOME"] = str(work / "config")
        env["HOME"] = str(work / "home")
        (work / "home").mkdir()
        install, install_rss, _, _ = measured(
            [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], env
        )
        first, first_rss, reply, log = measured([str(bot), "chat"], env, args.question + "\n")
        warm = [measured([str(bot), "chat"], env, args.question + "\n")[:2] for _ in range(args.warm)]
        # The knowledge on start: read and validated (the cache dropped), then from the cache.
        (work / "cache" / "knowledge-v1.pickle").unlink(missing_ok=True)
        cold_ms = measured([str(python), "-c", KNOWLEDGE_TIMING], env)[2].strip()
        warm_ms = sorted(int(measured([str(python), "-c", KNOWLEDGE_TIMING], env)[2]) for _ in range(5))
        cached = sorted(p.name for p in (work / "cache").iterdir())
    lines = reply.strip().splitlines()
    answered = lines[3][:70] if len(lines) > 3 else "(no answer)"  # after the help in three languages
    print(f"wheel {wheel.name}: {wheel_mib:.1f} MiB (built in {built:.0f} s)")
    print(f"pip install --no-deps of the wheel into a fresh venv: {install:.1f} s, peak {install_rss:.0f} MiB")
    print(
        f"first `equality-bot chat` (empty BOT_CACHE_DIR) to its answer and exit: {first:.2f} s, peak {first_rss:.0f} MiB"
    )
    print(f"  pip install + first start: {install + first:.2f} s")
    print(
        f"warm starts ({len(warm)}): median {statistics.median(w for w, _ in warm):.2f} s "
        f"(min {min(w for w, _ in warm):.2f}), peak {max(r for _, r in warm):.0f} MiB"
    )
    print(
        f"knowledge load + validation on start: {cold_ms} ms read and validated, {warm_ms[len(warm_ms) // 2]} ms (median of 5) from the cache"
    )
    print(f"cache after: {', '.join(cached)}")
    print(f"first answer: {answered}")
    if log.strip():
        print("first start logged:\n  " + "\n  ".join(log.strip().splitlines()))


if __name__ == "__main__":
    main()
