"""Packaging beyond pyproject.toml: a built wheel carries the shipped knowledge, the catalogs and the
question set as package data (bot/shipped/), so `pip install` + `equality-bot ask` works anywhere;
bot/knowledge/files.py finds them there (or in the checkout when running from source)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("knowledge", "locales", "eval")


class BuildWithShippedData(build_py):
    """build_py, then copy knowledge/, locales/ (without compiled .mo files) and eval/ into bot/shipped/."""

    def run(self):
        super().run()
        target = Path(self.build_lib) / "bot" / "shipped"
        for name in SHIPPED:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(name, target / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithShippedData})
