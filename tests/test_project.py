"""Project invariants: the README's commands are the ones CI runs."""

import re

from conftest import PROJECT


def readme_commands() -> list[str]:
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_run_and_test_commands():
    run, test = readme_commands()[:2]
    assert "equality-bot chat" in run
    assert "pytest" in test


def test_ci_runs_the_readme_test_command():
    test = readme_commands()[1]
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci


def test_every_dependency_has_an_upper_bound():
    import tomllib

    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    unbounded = [r for r in requirements if "<" not in r and "==" not in r]
    assert unbounded == []
    package = __import__("json").loads((PROJECT / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"] and all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in package["dependencies"].values())
