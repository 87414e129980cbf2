"""What kind of file a draft is, and its text: plain text, a Word document, an e-mail; anything else refused.

The kind is told from the content first (a PDF is a PDF whatever its name) and from the name's extension
second. Bytes in, text out: no file is opened here.
"""

from __future__ import annotations

import enum
import io
from pathlib import PurePath

from tipcheck.errors import InputError
from tipcheck.findings import Place
from tipcheck.frozen import frozen

SAVE_AS_TEXT = "save it as plain text (.txt) and check that"


class Kind(enum.StrEnum):
    TEXT = "text"
    WORD = "docx"
    EMAIL = "e-mail"


@frozen
class Source:
    """A draft's text, what it was read as, and (for a Word draft) the paragraph each line came from."""

    text: str
    encoding: str  # the text's encoding for plain text; for the others how it was read (`docx`, `e-mail`)
    kind: Kind = Kind.TEXT
    places: tuple[Place | None, ...] = ()


# content that tells a format no matter the file's name: (leading bytes, what it is)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (a Word 97-2003 .doc, an Outlook .msg)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
)
_UNSUPPORTED_EXTENSIONS = {
    ".pdf": "a PDF document", ".doc": "a Word 97-2003 document (.doc)", ".odt": "an OpenDocument text (.odt)",
    ".rtf": "an RTF document", ".msg": "an Outlook message (.msg)",
    ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".tif": "an image",
    ".tiff": "an image", ".bmp": "an image", ".webp": "an image", ".heic": "an image", ".zip": "a zip archive",
    ".xlsx": "a spreadsheet", ".xls": "a spreadsheet", ".pptx": "a presentation", ".ppt": "a presentation",
    ".pages": "a Pages document",
}


def read_source(data: bytes, path: str = "<bytes>") -> Source:
    """The draft's text. Formats tipcheck cannot read are refused with a hint to save the draft as text."""
    from tipcheck.reading import mail
    from tipcheck.reading.encoding import decode

    kind = _kind(data, PurePath(path).suffix.lower())
    if kind is Kind.WORD:
        from tipcheck.reading.word import read_docx

        text, places = read_docx(data)
        return Source(text, "docx", kind, places)
    if kind is Kind.EMAIL:
        return Source(mail.read_message(data), "e-mail", kind)
    text, encoding = decode(data)
    return Source(text, encoding)


def _kind(data: bytes, extension: str) -> Kind:
    from tipcheck.reading import mail

    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _refused(what)
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if extension == ".docx":
        raise InputError("not a Word document (.docx): it is not a zip package; save the draft as plain text "
                         "(.txt) and check that")
    if extension in _UNSUPPORTED_EXTENSIONS:
        raise _refused(_UNSUPPORTED_EXTENSIONS[extension])
    if extension == ".eml" or mail.looks_like_message(data):
        return Kind.EMAIL
    return Kind.TEXT


def _zip_kind(data: bytes) -> Kind:
    """A Word document, or another zip package (OpenDocument, spreadsheet, archive), which is refused."""
    import zipfile  # here: most cables are text, and zipfile costs ~1.5 ms to import

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            mimetype = package.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refused(f"a damaged zip package ({exc})") from None
    if "word/document.xml" in names:
        return Kind.WORD
    if b"opendocument" in mimetype:
        raise _refused("an OpenDocument file (.odt)")
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        raise _refused("an Office spreadsheet or presentation")
    raise _refused("a zip archive")


def _refused(what: str) -> InputError:
    return InputError(f"{what} cannot be checked; {SAVE_AS_TEXT}")
