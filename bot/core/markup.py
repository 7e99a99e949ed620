"""The small HTML subset Telegram accepts in answers: checking it, and turning it into plain text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from bot.core.phrase import Phrase

#: Tags Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style).
ALLOWED_TAGS = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "code": set(),
    "pre": set(),
    "blockquote": set(),
    "tg-spoiler": set(),
    "a": {"href"},
    "span": {"class"},
}
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.problems: list[Phrase] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(Phrase("tag <{tag}> is not allowed in Telegram messages", tag=tag))
            self.stack.append(tag)
            return
        for name, _ in attrs:
            if name not in ALLOWED_TAGS[tag]:
                self.problems.append(Phrase("attribute '{name}' is not allowed on <{tag}>", name=name, tag=tag))
        if tag == "a" and not dict(attrs).get("href"):
            self.problems.append(Phrase("<a> needs an href attribute"))
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(Phrase("self-closing <{tag}/> is not allowed in Telegram messages", tag=tag))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(Phrase("closing </{tag}> does not match an open tag", tag=tag))
        else:
            self.stack.pop()

    def handle_entityref(self, name: str) -> None:
        if name not in ("lt", "gt", "amp", "quot"):
            self.problems.append(
                Phrase("entity &{name}; is not supported; use &amp;lt; &amp;gt; &amp;amp; &amp;quot;", name=name)
            )


def markup_problems(text: str) -> list[Phrase]:
    """What Telegram's HTML parser would reject in `text` (empty when it is fine)."""
    checker = _Checker()
    for match in re.finditer(r"&", text):
        if not _ENTITY.match(text, match.start()) and not re.match(r"&[a-zA-Z]+;", text[match.start() :]):
            checker.problems.append(Phrase("a bare '&' must be written as &amp;"))
            break
    if re.search(r"<(?![a-zA-Z/])", text):
        checker.problems.append(Phrase("a bare '<' must be written as &lt;"))
    checker.feed(text)
    checker.close()
    for tag in checker.stack:
        checker.problems.append(Phrase("<{tag}> is never closed", tag=tag))
    return list(dict.fromkeys(checker.problems))


_LINK = re.compile(r'<a\s+href="([^"]*)"\s*>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def to_plain(text: str) -> str:
    """Plain text of an answer: links become "label (url)", other tags vanish, entities decode."""

    def link(m: re.Match[str]) -> str:
        url, label = m.group(1), _TAG.sub("", m.group(2))
        return label if html.unescape(url) in html.unescape(label) else f"{label} ({url})"

    return html.unescape(_TAG.sub("", _LINK.sub(link, text)))
