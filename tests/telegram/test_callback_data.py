"""Button data: packed and unpacked in one place, within Telegram's 64 bytes, forged data refused."""

import pytest

from bot.telegram.callback_data import (
    LIMIT,
    ButtonDataError,
    ChooseLanguage,
    DropOffer,
    Forget,
    OpenEntry,
    OpenTopic,
    Rate,
    ReportStep,
    SendOffer,
    ShowOffer,
    WhyThisAnswer,
    pack,
    unpack,
)

BUTTONS = [
    (OpenEntry("pl", "work-discrimination"), "e:pl:work-discrimination"),
    (OpenTopic("en", "work"), "t:en:work"),
    (ReportStep("en"), "r:en"),
    (ReportStep("pl", "work"), "r:pl:work"),
    (ReportStep("pl", "work", "age"), "r:pl:work:age"),
    (ReportStep("pl", "work", "age", True), "r:pl:work:age:y"),
    (ReportStep("en", "work", "age", False), "r:en:work:age:n"),
    (ShowOffer("AbC-d_e1f2g3"), "fq:AbC-d_e1f2g3"),
    (SendOffer("AbC-d_e1f2g3"), "fs:AbC-d_e1f2g3"),
    (DropOffer("AbC-d_e1f2g3"), "fc:AbC-d_e1f2g3"),
    (Rate("rpo-complaint", True), "fb:rpo-complaint:1"),
    (Rate("rpo-complaint", False), "fb:rpo-complaint:0"),
    (WhyThisAnswer("en", "rpo-complaint", "pl", 3, "m"), "why:en:rpo-complaint:pl3:m"),
    (WhyThisAnswer("pl", "rpo-complaint", "en", -1, "l"), "why:pl:rpo-complaint:en-1:l"),
    (ChooseLanguage("en"), "lang:en"),
    (Forget(True), "forget:yes"),
    (Forget(False), "forget:no"),
]


@pytest.mark.parametrize("button, data", BUTTONS, ids=lambda b: b if isinstance(b, str) else type(b).__name__)
def test_every_button_packs_to_the_wire_format_of_old_messages_and_back(button, data):
    assert pack(button) == data  # buttons under messages sent before keep working
    assert unpack(data) == button


def test_data_over_64_bytes_is_refused_when_packed_never_sent():
    longest = "a" * 40  # the longest id the knowledge allows
    assert len(pack(WhyThisAnswer("en", longest, "en", 999, "h")).encode()) <= LIMIT
    assert len(pack(OpenEntry("en", longest)).encode()) <= LIMIT
    with pytest.raises(ButtonDataError):
        pack(ReportStep("pl", longest, longest, False))  # 89 bytes
    with pytest.raises(ButtonDataError):
        pack(OpenTopic("pl", "ż" * 31))  # 31 letters, 62 bytes in UTF-8
    assert pack(OpenTopic("pl", "ż" * 29)) == "t:pl:" + "ż" * 29


def test_every_report_step_of_the_real_knowledge_fits(real_assistant):
    routing = real_assistant.knowledge.routing
    for place in routing.places:
        for ground in routing.grounds:
            assert unpack(pack(ReportStep("pl", place.id, ground.id, True))).ground == ground.id


def test_a_field_that_would_change_how_the_data_reads_back_is_refused():
    for button in (OpenEntry("pl", "a:b"), ShowOffer("x:y"), ReportStep("pl", None, "age")):
        with pytest.raises(ButtonDataError):
            pack(button)


@pytest.mark.parametrize(
    "data",
    [
        "",
        ":",
        "v1|answer|42",
        "e" * 64,
        "x:pl:work",
        "r",
        "r:",
        "r:de:work",
        "r:en:work:age:maybe",
        "r:en:a:b:c:d",
        "fb:rpo-complaint:2",
        "fb:rpo-complaint",
        "why:garbage",
        "why:en:x:en1:sure",
        "why:en:x:en--1:h",
        "why:en:x:en²:h",
        "why:en:x:en٣:h",
        "why:en:x:e:h",
        "why:en:x:en1:h:more",
        "lang:de",
        "lang:",
        "forget:maybe",
        "forget:",
    ],
)
def test_forged_or_outdated_data_is_no_button(data):
    assert unpack(data) is None


def test_data_naming_an_unknown_language_opens_in_polish_and_what_it_names_is_for_the_handler_to_check():
    assert unpack("e:de:equality-council") == OpenEntry("pl", "equality-council")
    assert unpack("e:") == OpenEntry("pl", "")
    assert unpack("t:xx:work") == OpenTopic("pl", "work")
    assert unpack("why:de:x:en0:h") == WhyThisAnswer("pl", "x", "en", 0, "h")
    assert unpack("r:pl:zzz:yyy") == ReportStep("pl", "zzz", "yyy")
    assert unpack("fq:deadbeef") == ShowOffer("deadbeef")
    assert unpack("e:pl:<script>") == OpenEntry("pl", "<script>")
