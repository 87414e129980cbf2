"""An e-mailed draft (.eml, or an Outlook message saved as text) as cable text: the message's text part,
decoded.

Read as plain text, a quoted-printable message is mis-checked: soft line breaks (`=` at a line's end) split
paragraph numbers and sentences, and `=E2=80=A6` stands where a character should. The standard library's
`email` package undoes the transfer encoding (quoted-printable, base64) and the charset; the text/plain part is
taken, or the text of the HTML part when there is no plain one.
"""

from __future__ import annotations

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
    # imported here: every plain-text cable is asked whether it is a message, and only a message needs them
    import email
    import email.policy
    from email.message import EmailMessage

    from tipcheck.reading.html_text import html_text

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
