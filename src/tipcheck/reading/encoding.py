"""Bytes of a text file -> text: the encoding told from a byte-order mark, else UTF-8, else Windows-1252."""

from __future__ import annotations

from tipcheck.errors import InputError


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was read with; binary data is refused."""
    if not data.strip():
        raise InputError("the file is empty")
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(f"the file starts with a {name} byte-order mark but is not {name}") from exc
    if b"\x00" in data[:65536]:
        raise InputError("the file looks binary (it contains NUL bytes), not a cable")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise InputError("the file looks binary (many control characters), not a cable")
    return text, encoding
