"""The reply texts: the source line says what the date means and writes it the reply language's way."""

from bot.core.compose import IdentityTranslations, source_line
from bot.core.model import Entry, Source


def entry():
    return Entry(id="x", topic="t", title={"pl": "T", "en": "T"}, questions={}, answer={"pl": "A", "en": "A"},
                 sources=(Source("Kodeks pracy", "Sejm", "1974-06-26"), Source("Strona", "Miasto", "undated")),
                 reviewed="2026-12-01")


def test_source_line_names_each_source_with_its_date_and_what_was_compared_when(catalogs):
    en = source_line(entry(), IdentityTranslations())
    assert en == "Source: Kodeks pracy, Sejm, 1974-06-26; Strona, Miasto, undated. Facts compared with these sources on 2026-12-01."
    assert "Checked" not in en
    pl = source_line(entry(), catalogs("pl"))
    assert pl == ("Źródło: Kodeks pracy, Sejm, 1974-06-26; Strona, Miasto, bez daty. Dane porównano z tymi źródłami 01.12.2026.")
