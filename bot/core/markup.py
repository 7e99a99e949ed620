"""The small HTML subset Telegram accepts in answers: checking it, and turning it into plain text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: Tags Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style).
ALLOWED_TAGS = {
    "b": set(), "strong": set(), "i": set(), "em": set(), "u": set(), "ins": set(),
    "s": set(), "strike": set(), "del": set(), "code": set(), "pre": set(),
    "blockquote": set(), "tg-spoiler": set(), "a": {"href"}, "span": {"class"},
}
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.problems: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed in Telegram messages")
            self.stack.append(tag)
            return
        for name, _ in attrs:
            if name not in ALLOWED_TAGS[tag]:
                self.problems.append(f"attribute '{name}' is not allowed on <{tag}>")
        if tag == "a" and not dict(attrs).get("href"):
            self.problems.append("<a> needs an href attribute")
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"self-closing <{tag}/> is not allowed in Telegram messages")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"closing </{tag}> does not match an open tag")
        else:
            self.stack.pop()

    def handle_entityref(self, name):
        if name not in ("lt", "gt", "amp", "quot"):
            self.problems.append(f"entity &{name}; is not supported; use &amp;lt; &amp;gt; &amp;amp; &amp;quot;")


def markup_problems(text: str) -> list[str]:
    """What Telegram's HTML parser would reject in `text` (empty when it is fine)."""
    checker = _Checker()
    for match in re.finditer(r"&", text):
        if not _ENTITY.match(text, match.start()) and not re.match(r"&[a-zA-Z]+;", text[match.start():]):
            checker.problems.append("a bare '&' must be written as &amp;")
            break
    if re.search(r"<(?![a-zA-Z/])", text):
        checker.problems.append("a bare '<' must be written as &lt;")
    checker.feed(text)
    checker.close()
    for tag in checker.stack:
        checker.problems.append(f"<{tag}> is never closed")
    return list(dict.fromkeys(checker.problems))


_LINK = re.compile(r'<a\s+href="([^"]*)"\s*>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def to_plain(text: str) -> str:
    """Plain text of an answer: links become "label (url)", other tags vanish, entities decode."""

    def link(m: re.Match) -> str:
        url, label = m.group(1), _TAG.sub("", m.group(2))
        return label if html.unescape(url) in html.unescape(label) else f"{label} ({url})"

    return html.unescape(_TAG.sub("", _LINK.sub(link, text)))
