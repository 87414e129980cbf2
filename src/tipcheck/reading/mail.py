"""An e-mailed draft (.eml, or an Outlook message saved as text) as cable text: the message's text part,
decoded.

Read as plain text, a quoted-printable message is mis-checked: soft line breaks (`=` at a line's end) split
paragraph numbers and sentences, and `=E2=80=A6` stands where a character should. The standard library's
`email` package undoes the transfer encoding (quoted-printable, base64) and the charset; the text/plain part is
taken, or the text of the HTML part when there is no plain one.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from html.parser import HTMLParser

from tipcheck.errors import InputError
from tipcheck.regex import lazy_compile

# A message starts with header fields: `Name: value` lines (folded lines start with white space) up to a blank
# line. MIME headers or the fields an Outlook "save as text" writes tell a message from a cable, whose own
# header (`FM AMEMBASSY ...`, `SUBJECT: ...`) has neither.
_FIELD = lazy_compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]")
_TELLING_FIELDS = frozenset({b"mime-version", b"content-type", b"content-transfer-encoding", b"message-id",
                             b"received", b"return-path", b"sent"})
_MAX_HEADER_LINES = 200


def looks_like_message(data: bytes) -> bool:
    """Whether `data` starts with an e-mail header: only header fields up to the first blank line, with at least
    one field no cable has (MIME-Version, Content-Type, Received, Outlook's Sent) and From or To."""
    names: set[bytes] = set()
    for raw in data.lstrip(b"\r\n").splitlines()[:_MAX_HEADER_LINES]:
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header line
        m = _FIELD.match(line)
        if m is None:
            return False
        names.add(m.group(1).lower())
    else:
        return False
    return bool(names & _TELLING_FIELDS) and bool(names & {b"from", b"to"})


def read_message(data: bytes) -> str:
    """The text of the message's body: the text/plain part, else the HTML part's text, decoded."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # pragma: no cover - the default policy always makes one
        raise InputError("not an e-mail message that can be read; save the draft as plain text (.txt)")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise InputError("the e-mail has no text part (only attachments?); save the draft as plain text (.txt)")
    payload = body.get_payload(decode=True)  # the transfer encoding undone: bytes in the part's charset
    if not isinstance(payload, bytes):
        raise InputError("the e-mail's body is not text; save the draft as plain text (.txt)")
    content = _text(payload, body.get_content_charset())
    text = html_text(content) if body.get_content_subtype() == "html" else content
    return text.replace("\r\n", "\n")


def _text(payload: bytes, charset: str | None) -> str:
    """The body's text in its declared charset; with none declared (an Outlook message saved as text), told
    from the bytes as for a plain-text cable."""
    from tipcheck.reading.encoding import decode

    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset label: the bytes decide, as for a text file
    return decode(payload)[0]


def html_text(markup: str) -> str:
    """The text an HTML body shows: block elements end lines, scripts and styles are dropped."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


class _TextOfHtml(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table",
                         "blockquote"})
    _HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
