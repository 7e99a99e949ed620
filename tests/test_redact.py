import pytest

from bot.core.redact import redact


@pytest.mark.parametrize("raw, expected", [
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
    ("stacjonarny 12 421 92 82", "stacjonarny [phone]"),
    ("numer (12) 616 55 55", "numer [phone]"),
    ("0048 600700800", "[phone]"),
    ("w 2023 roku, art. 32, 3 razy", "w 2023 roku, art. 32, 3 razy"),
    ("ul. Dekerta 24, 30-703 Kraków", "ul. Dekerta 24, 30-703 Kraków"),
])
def test_redaction_table(raw, expected):
    assert redact(raw) == expected
