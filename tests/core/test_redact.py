"""What could identify someone is removed from a question before the editors can see it."""

import importlib.util
import sys

import pytest
from conftest import DATA, PROJECT

from bot.core.redact import one_line, redact


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("napisz na jan.kowalski@gmail.com", "napisz na [e-mail]"),
        ("zobacz https://example.org/a?b=1 i www.test.pl", "zobacz [link] i [link]"),
        ("pisał do mnie @jankowalski123", "pisał do mnie [handle]"),
        ("konto PL61 1090 1014 0000 0712 1981 2874", "konto [account number]"),
        ("konto 61109010140000071219812874", "konto [account number]"),
        ("karta 4111 1111 1111 1111", "karta [card number]"),
        ("karta 4111-1111-1111-1111", "karta [card number]"),
        ("mój pesel 44051401359", "mój pesel [PESEL]"),
        ("dzwoń +48 600 700 800", "dzwoń [phone]"),
        ("tel. 600-700-800", "tel. [phone]"),
        ("stacjonarny 12 345 67 89", "stacjonarny [phone]"),
        ("numer (12) 345 67 89", "numer [phone]"),
        # The help lines the bot itself gives identify no one: the editors need to see which was meant.
        (
            "dzwoniłam na 12 421 92 82 i (12) 616 55 55, nikt nie odebrał",
            "dzwoniłam na 12 421 92 82 i (12) 616 55 55, nikt nie odebrał",
        ),
        ("0048 600700800", "[phone]"),
        ("w 2023 roku, art. 32, 3 razy", "w 2023 roku, art. 32, 3 razy"),
        ("mieszkam na ul. Długiej 15 m. 3, 30-703 Kraków", "mieszkam na [address], [postal code] Kraków"),
        ("os. Złotego Wieku 34 i al. Jana Pawła II 78", "[address] i [address]"),
        ("I live at 14 Baker Street", "I live at [address]"),
        ("szef Tomasz Wiśniewski i pani Nowak z kadr", "szef [name] i pani [name] z kadr"),
        ("mam problem z szefową, nazywa się beata kowalczyk", "mam problem z szefową, nazywa się [name]"),
        ("My manager John Smith said it", "My manager [name] said it"),
        ("samochód KR 4F123 stał pod domem", "samochód [plate] stał pod domem"),
        ("dowód ABC 123456, paszport EA1234567", "dowód [ID number], paszport [ID number]"),
        ("urodzona 12 marca 1990 r., born on 3/4/1985", "urodzona [date], born on [date of birth]"),
        ("ur. 12.03.1990", "[date of birth]"),
        ("strona kowalski-firma.pl i t.me/janek", "strona [link] i [link]"),
        ("jan [at] gmail [dot] com, jan at wp dot pl", "[e-mail], [e-mail]"),
        ("NIP PL 123-456-78-90", "NIP [NIP]"),
        (
            "Rzecznik Praw Obywatelskich, Kraków, Wisła, PIP i ZUS",
            "Rzecznik Praw Obywatelskich, Kraków, Wisła, PIP i ZUS",
        ),
        # Names come from lists of common names in every case, not from the corpus' own names.
        ("Gosia i Jędrek z pracy śmieją się ze mnie", "[name] i [name] z pracy śmieją się ze mnie"),
        ("rozmawiałam z Bożydarem i z Halszką", "rozmawiałam z [name] i z [name]"),
        ("dzwoniłam do Kowalczyka, a Wiesia z kadr nic", "dzwoniłam do [name], a [name] z kadr nic"),
        ("Ahmed i Fatima z Syrii szukają mieszkania", "[name] i [name] z Syrii szukają mieszkania"),
        ("Мій начальник Олександр Петренко кричить", "Мій начальник [name] кричить"),
        ("Написала Марії і Андрію з Києва", "Написала [name] і [name] з Києва"),
        # A capitalised word no list knows, away from a sentence start, is taken for a name.
        ("wczoraj Chiamaka powiedziała mi to", "wczoraj [name] powiedziała mi to"),
        # Names that are also ordinary words are only names in context.
        ("mój kot jest chory, a sąsiad Kot krzyczy", "mój kot jest chory, a sąsiad [name] krzyczy"),
        ("koło domu tylko stan i lata", "koło domu tylko stan i lata"),
        (
            "kierowca Ubera i MOPS-ie w Polsce, Poland, on Sundays",
            "kierowca Ubera i MOPS-ie w Polsce, Poland, on Sundays",
        ),
        ("Uniwersytet Jagielloński i Szkoła Podstawowa nr 5", "Uniwersytet Jagielloński i Szkoła Podstawowa nr 5"),
        # Account numbers and phones in any spacing; addresses without a street prefix; flat numbers.
        ("konto PL 12 1234 1234 1234 1234 1234 1234", "konto [account number]"),
        (
            "konto 12-1234-1234-1234-1234-1234-1234 i 1212 3412 3412 3412 3412 3412 34",
            "konto [account number] i [account number]",
        ),
        ("dzwoń 600 70 08 00, (+48) 600 700 800 lub 600.700.800", "dzwoń [phone], [phone] lub [phone]"),
        (
            "mieszkam na Długiej 7/12, a brat przy Karmelickiej 10, mieszkanie 15",
            "mieszkam na [address], a brat przy [address]",
        ),
        ("I live at 12B Baker St, apartment 4B", "I live at [address]"),
        ("profil facebook.com/jan.kowalski i linktr.ee/abc", "profil [link] i [link]"),
        # Case references, and employee, badge, student and contract numbers after the words that say so;
        # bus lines, years and sums stay.
        (
            "sprawa ma sygnaturę IV P 318/24, policja KP-II 2319/24",
            "sprawa ma sygnaturę [ID number], policja [ID number]",
        ),
        ("nr sprawy OIP-KR/0457/2023 i ref. 1874/24/KP-I", "nr sprawy [ID number] i ref. [ID number]"),
        (
            "Mój numer pracowniczy to 004417, nr pracownika: 2045/B",
            "Mój numer pracowniczy to [ID number], nr pracownika: [ID number]",
        ),
        ("his badge number: 104567, work ID: EMP-44512", "his badge number: [ID number], work ID: [ID number]"),
        ("autobus nr 173, od 2019 roku, 200 zł", "autobus nr 173, od 2019 roku, 200 zł"),
        # Birth years in any writing; the English cue "born" stays.
        (
            "ur. '54, born 1985, I was born on 4 July 1988",
            "[date of birth], born [date of birth], I was born on [date of birth]",
        ),
        # A surname that is also a word, a month or a nationality, after a first name; a nickname between.
        ("Lucyna Marzec i Dominika Polak", "[name] i [name]"),
        ('My boss Jan "Żółw" Nowicki laughs', 'My boss [name] "[name]" [name] laughs'),
        ("I'm Rohan, from Sri Lanka", "I'm [name], from Sri Lanka"),
        (
            "my friend Hiroshi (Japanese) said it. hiroshi's English is limited",
            "my friend [name] (Japanese) said it. [name]'s English is limited",
        ),
        ("nazywa się chyba Mirek Kowal", "nazywa się chyba [name]"),
        # Places, streets without a number, peoples, eponyms, brands and events are no one's name.
        (
            "pracuję w Zielonkach, sklep przy Józefa, hotel na Kazimierzu, in Kazimierz",
            "pracuję w Zielonkach, sklep przy Józefa, hotel na Kazimierzu, in Kazimierz",
        ),
        ("Bank na Rynku Podgórskim, Galeria Kazimierz", "Bank na Rynku Podgórskim, Galeria Kazimierz"),
        ("jest Kurdem, a ja jestem Romką", "jest Kurdem, a ja jestem Romką"),
        ("syn ma zespół Downa i chorobę Crohna", "syn ma zespół Downa i chorobę Crohna"),
        ("Marsz Równości, TikTok i Discord", "Marsz Równości, TikTok i Discord"),
        # Links on one-letter domains, spelt-out e-mails, addresses after "Adres:", "vul." and flat numbers.
        ("konto x.com/seba_gorka_ i m.me/ernest.bialas", "konto [link] i [link]"),
        ("kuba kropka sobczyk małpa gmail kropka com", "[e-mail]"),
        ("Adres: Gaj 118, 32-031 Mogilany", "Adres: [address], [postal code] Mogilany"),
        ("na vul. Pawia 8/19 i os. Dywizjonu 303 nr 5, m. 77", "na [address] i [address]"),
    ],
)
def test_redaction_table(raw, expected):
    assert redact(raw) == expected


def test_control_format_and_bidi_characters_are_removed_before_anything_is_kept():
    assert redact("mobbing\u202e w\u200b pracy\x1b[2J\x07") == "mobbing w pracy[2J"
    assert one_line("jak\nzgłosić\t\u2066mobbing") == "jak zgłosić mobbing"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_redaction", PROJECT / "bench" / "bench_redaction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", ["dev.yaml", "dev2.yaml"])
def test_the_development_corpora_lose_at_least_99_percent_of_their_identifiers_and_keep_their_words(corpus):
    path = DATA / "redaction" / corpus
    if not path.exists():
        pytest.skip(f"{corpus} is not written yet")
    bench = _bench()
    figures = bench.measure(bench.load_messages(path), rounds=1)
    assert figures.share_removed() >= 0.99, figures.misses
    assert figures.share_wrongly_removed() <= 0.01
