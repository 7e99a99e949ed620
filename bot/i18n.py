"""Interface-string catalogs (gettext, `locales/`): loading, compiling with babel, and the workflow.

The `.po` files are the source of truth. At start-up each one is compiled in memory with babel
(so a fresh checkout needs no build step); `equality-bot i18n compile` writes `.mo` files for
deployments, and `extract` / `update` keep the catalogs in step with the code.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages import pofile
from babel.messages.mofile import write_mo

from bot.core.language import ANSWERED_IN
from bot.core.model import CARD_LANGS, LANGS
from bot.knowledge.files import data_dir

DOMAIN = "bot"
LOCALES_DIR = data_dir("locales")


class CatalogError(Exception):
    """A catalog is missing or cannot be read."""


def _load_one(directory: Path, lang: str) -> gettext.GNUTranslations:
    messages = directory / lang / "LC_MESSAGES"
    po, mo = messages / f"{DOMAIN}.po", messages / f"{DOMAIN}.mo"
    try:
        if mo.exists() and po.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            with open(mo, "rb") as f:
                return gettext.GNUTranslations(f)
        with open(po, "rb") as f:
            catalog = pofile.read_po(f, locale=lang)
    except FileNotFoundError:
        raise CatalogError(f"the {lang} catalog is missing: {po}") from None
    except Exception as exc:  # babel raises several types for malformed files
        raise CatalogError(f"the {lang} catalog cannot be read ({po}): {exc}") from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Catalogs:
    """Translations for every supported language; call with a language code. Polish, English and
    Ukrainian cover the whole interface; Russian covers what the emergency card says and the note
    that answers come in Ukrainian (other strings stay English)."""

    def __init__(self, directory: Path = LOCALES_DIR):
        self.by_lang = {lang: _load_one(Path(directory), lang) for lang in CARD_LANGS}

    def __call__(self, lang: str) -> gettext.GNUTranslations:
        return self.by_lang.get(lang) or self.by_lang.get(negotiate(lang) or "pl", self.by_lang["pl"])


@lru_cache(maxsize=256)
def negotiate(tag: str | None) -> str | None:
    """The supported language for an IETF tag ("pl", "en-US", "pl_PL"), or None."""
    if not tag:
        return None
    try:
        primary = Locale.parse(tag.replace("-", "_")).language
    except Exception:  # babel's UnknownLocaleError, ValueError, TypeError
        primary = tag.split("-")[0].split("_")[0].lower()
    primary = ANSWERED_IN.get(primary, primary)
    return primary if primary in LANGS else None
