"""Every interface string is translated in both languages; the catalog workflow round-trips."""

import shutil
import subprocess

import pytest
from babel.messages import pofile
from conftest import PROJECT

from bot.i18n import CatalogError, Catalogs, negotiate


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_message_is_translated(lang):
    with open(PROJECT / "locales" / lang / "LC_MESSAGES" / "bot.po", "rb") as f:
        catalog = pofile.read_po(f, locale=lang)
    untranslated = [
        m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_catalog_is_in_step_with_the_code(tmp_path):
    pot = tmp_path / "bot.pot"
    env = {"LOCALES_DIR": str(tmp_path), "PATH": __import__("os").environ["PATH"]}
    subprocess.run(["bash", "scripts/i18n.sh", "extract"], cwd=PROJECT, env=env, check=True, capture_output=True)
    with open(pot, "rb") as f:
        in_code = {m.id if isinstance(m.id, str) else m.id[0] for m in pofile.read_po(f) if m.id}
    with open(PROJECT / "locales" / "pl" / "LC_MESSAGES" / "bot.po", "rb") as f:
        in_catalog = {m.id if isinstance(m.id, str) else m.id[0] for m in pofile.read_po(f) if m.id}
    assert in_code == in_catalog, "run scripts/i18n.sh extract && scripts/i18n.sh update, then translate"


def test_round_trip_extract_update_compile(tmp_path):
    locales = tmp_path / "locales"
    shutil.copytree(PROJECT / "locales", locales)
    env = {"LOCALES_DIR": str(locales), "PATH": __import__("os").environ["PATH"]}
    subprocess.run(["bash", "scripts/i18n.sh", "all"], cwd=PROJECT, env=env, check=True, capture_output=True)
    assert (locales / "pl" / "LC_MESSAGES" / "bot.mo").exists()
    catalogs = Catalogs(locales)
    assert catalogs("pl").gettext("Who can help:") == "Kto może pomóc:"


def test_polish_plurals():
    pl = Catalogs()("pl")
    one = "I am not sure I understood. Did you mean this topic?"
    many = "I am not sure I understood. Did you mean one of these {n} topics?"
    assert pl.ngettext(one, many, 1) == "Nie mam pewności, czy dobrze rozumiem. Czy chodzi o ten temat?"
    assert "{n} tematów" in pl.ngettext(one, many, 3)


def test_missing_catalog_is_a_clear_error(tmp_path):
    with pytest.raises(CatalogError, match="the pl catalog is missing"):
        Catalogs(tmp_path)


@pytest.mark.parametrize(
    "tag, lang",
    [
        ("pl", "pl"),
        ("pl-PL", "pl"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("de", None),
        ("", None),
        (None, None),
        ("xx-!!", None),
    ],
)
def test_negotiate_language_codes(tag, lang):
    assert negotiate(tag) == lang


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_translations_keep_every_placeholder(lang):
    """A translated message that drops or renames {a placeholder} would lose the file's facts."""
    import re

    with open(PROJECT / "locales" / lang / "LC_MESSAGES" / "bot.po", "rb") as f:
        catalog = pofile.read_po(f, locale=lang)
    placeholder = re.compile(r"\{[^{}]*\}")
    wrong = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        expected = set().union(*(placeholder.findall(i) for i in ids))
        if len(ids) == 1:  # plural forms may leave {n} out of the singular
            wrong += [(ids[0], s) for s in strings if set(placeholder.findall(s)) != expected]
        else:
            wrong += [(ids[0], s) for s in strings if not set(placeholder.findall(s)) <= expected]
    assert wrong == []
