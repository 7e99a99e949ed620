"""A package that installs anywhere: the built wheel carries the knowledge, the catalogs and the
question set, and answers from a fresh virtual environment in a directory far from the checkout."""

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile

import pytest
from conftest import PROJECT

LEFT_OUT = shutil.ignore_patterns(
    ".git",
    "node_modules",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "tests",
    "bench",
    "docs",
    ".pytest_cache",
    ".hypothesis",
    "*.mo",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("source") / "checkout"
    shutil.copytree(PROJECT, source, ignore=LEFT_OUT)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_shipped_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    knowledge = sorted(p.name for p in (PROJECT / "knowledge").iterdir() if p.is_file())
    assert {f"bot/shipped/knowledge/{name}" for name in knowledge} <= names
    assert {f"bot/shipped/locales/{lang}/LC_MESSAGES/bot.po" for lang in ("pl", "en", "uk", "ru")} <= names
    assert "bot/shipped/eval/questions.yaml" in names and "bot/data/word-frequency.tsv" in names
    assert "bot/data/lexicon-packed.bin" in names  # the folded lexicon, so that a first start takes seconds


@pytest.mark.slow
def test_a_fresh_install_answers_from_any_directory(wheel, tmp_path):
    # The dependencies come from this environment (the tests run offline); the bot itself only from the wheel.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BOT_KNOWLEDGE_DIR")}
    result = subprocess.run(
        [str(env_dir / "bin" / "equality-bot"), "ask", "--json", "gdzie zgłosić dyskryminację w pracy"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    assert (reply["outcome"], reply["entry"], reply["lang"]) == ("answer", "work-discrimination", "pl")
    where = subprocess.run(
        [str(python), "-c", "import bot.knowledge.files as f; print(f.knowledge_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(env_dir)) and where.endswith("bot/shipped/knowledge")
    checked = subprocess.run(
        [str(env_dir / "bin" / "equality-bot"), "validate"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0 and checked.stdout.startswith("OK:"), checked.stdout + checked.stderr
