"""Drafts in Word and e-mail: each reads back to the statuses of the same reply as plain text, Word's
auto-numbers come out as the reader sees them, and a format tipcheck cannot read is refused in one line."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import docx
import jsonschema
import pytest

from cli_runner import clear_ci_environment, run_cli
from conftest import CABLES, SEED
from drafts import write_docx, write_eml
from tipcheck import api
from tipcheck.errors import InputError
from tipcheck.formatters import FormatOptions, json_format
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.reading.encoding import decode
from tipcheck.reading.sources import Kind, read_source

SANAA = CABLES / "10SANAA295.txt"  # sections 25.-30. with lettered questions, then 33.: a list set anew
CAIRO = CABLES / "10CAIRO211.txt"  # the reply whose quoted-printable e-mail read as 30 of 46 answered
SCHEMA = Path(__file__).resolve().parent.parent / "src" / "tipcheck" / "schemas" / "json-output.schema.json"


def _statuses(report: api.CableReport) -> dict[str, str]:
    return {q.id: str(q.status) for q in report.questions}


@pytest.mark.parametrize("cable", [SANAA, SEED], ids=lambda p: p.stem)
def test_a_word_draft_gives_the_statuses_of_its_text(cable: Path, tmp_path: Path) -> None:
    draft = write_docx(cable.read_bytes(), tmp_path / f"{cable.stem}.docx")
    assert _statuses(api.check_file(draft)) == _statuses(api.check_file(cable))


def test_word_auto_numbers_come_out_as_the_reader_sees_them(tmp_path: Path) -> None:
    draft = write_docx(SANAA.read_bytes(), tmp_path / "draft.docx")
    lines = read_source(draft.read_bytes(), str(draft)).text.splitlines()
    numbered = [line.split(" ", 1)[0] for line in lines if line[:1].isalnum() and line.split(" ", 1)[0][-1:] == "."
                and len(line.split(" ", 1)[0]) <= 3]
    # the multilevel list: 25 with A-E, 26 with A-F, ..., 30 with A-B, then 33 set anew
    assert numbered[:7] == ["25.", "A.", "B.", "C.", "D.", "E.", "26."]
    assert [n for n in numbered if n[0].isdigit()] == ["25.", "26.", "27.", "28.", "29.", "30.", "33."]
    assert "A. What is (are) the source(s) of available information on human trafficking?" in "\n".join(lines)
    # the numbers are Word's: the document's own text has none
    body = docx.Document(str(draft)).paragraphs
    assert not any(p.text.startswith(("25.", "A. What")) for p in body)


def test_findings_on_a_word_draft_name_the_paragraph_and_its_first_words(tmp_path: Path) -> None:
    draft = write_docx(SANAA.read_bytes(), tmp_path / "draft.docx")
    report = api.check_file(draft)
    paragraphs = [p.text for p in docx.Document(str(draft)).paragraphs if p.text.strip()]
    assert report.findings
    for finding in report.findings:
        assert finding.location is not None
        words = finding.location.first_words.split()
        shown = paragraphs[finding.location.paragraph - 1].split()
        # the first words are the paragraph's, after the number Word puts in front of a list paragraph
        assert words == shown[: len(words)] or words[1:] == shown[: len(words) - 1]
    document = json_format.document([report], FormatOptions())
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    first = document["cables"][0]["findings"][0]
    assert set(first["location"]) == {"paragraph", "first_words"}
    redacted = json_format.document([report], FormatOptions(redact=True))["cables"][0]["findings"][0]
    assert redacted["location"] == {"paragraph": first["location"]["paragraph"]}


def test_a_plain_text_cable_has_no_location() -> None:
    report = api.check_file(SEED)
    assert all(f.location is None for f in report.findings)
    assert all("location" not in f for f in json_format.document([report], FormatOptions())["cables"][0]["findings"])


def test_word_styles_tables_and_bullets() -> None:
    document = docx.Document()
    document.add_paragraph("first", style="List Number")  # numbered by its style, not by the paragraph
    document.add_paragraph("second", style="List Number")
    document.add_paragraph("")
    document.add_paragraph("a point", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Prosecutions", "12"
    data = io.BytesIO()
    document.save(data)
    source = read_source(data.getvalue(), "draft.docx")
    assert source.kind is Kind.WORD
    assert source.text == "1. first\n\n2. second\n\n• a point\n\nProsecutions | 12\n"
    assert [p.paragraph if p else None for p in source.places] == [1, None, 2, None, 3, None, 4]


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_an_emailed_draft_gives_the_statuses_of_its_text(encoding: str, tmp_path: Path) -> None:
    message = write_eml(CAIRO.read_text(encoding="utf-8"), tmp_path / "reply.eml", encoding)
    assert _statuses(api.check_file(message)) == _statuses(api.check_file(CAIRO))


def test_a_quoted_printable_message_is_recognised_whatever_its_name(tmp_path: Path) -> None:
    # The bug: read as text, soft line breaks split the paragraphs and 12 answers were lost (30 of 46 answered).
    message = write_eml(CAIRO.read_text(encoding="utf-8"), tmp_path / "reply.txt", "quoted-printable")
    as_text = parse_cable(decode(message.read_bytes())[0])
    wrong = api.check_cable(as_text)
    right = api.check_file(message)
    assert wrong.counts()["answered"] < right.counts()["answered"] == api.check_file(CAIRO).counts()["answered"]
    assert read_source(message.read_bytes(), str(message)).kind is Kind.EMAIL


def test_an_html_only_message_is_read_as_its_text() -> None:
    body = "".join(f"<p>{line}</p>" for line in SEED.read_text(encoding="utf-8").split("\n\n"))
    data = (b"From: pol@example.org\nTo: gtip@example.org\nMIME-Version: 1.0\n"
            b"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            + f"<html><head><style>p {{}}</style></head><body>{body}</body></html>".encode())
    source = read_source(data, "reply.eml")
    assert "<p>" not in source.text and "p {}" not in source.text
    assert _statuses(api.check_cable(parse_cable(source.text))) == _statuses(api.check_file(SEED))


def test_an_outlook_message_saved_as_text_loses_its_header() -> None:
    text = SEED.read_text(encoding="utf-8")
    data = ("From: Archuleta, Suzanne\nSent: Friday, March 20, 2009 4:39 PM\nTo: G/TIP\n"
            "Subject: TIP report supplement\n\n" + text).encode("utf-8")
    source = read_source(data, "reply.txt")
    assert source.kind is Kind.EMAIL and source.text == text


def test_a_cable_is_not_taken_for_a_message() -> None:
    for cable in sorted(CABLES.glob("*.txt")):
        assert read_source(cable.read_bytes(), str(cable)).kind is Kind.TEXT, cable.name


def _zip(names: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        for name, content in names.items():
            package.writestr(name, content)
    return data.getvalue()


@pytest.mark.parametrize(("name", "data", "what"), [
    ("reply.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    ("reply.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old-style Office file"),
    ("reply.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old-style Office file"),
    ("reply.rtf", b"{\\rtf1\\ansi UNCLAS SECTION 01 OF 11", "an RTF document"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "a PNG image"),
    ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(50), "a JPEG image"),
    ("reply.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "OpenDocument"),
    ("drafts.zip", _zip({"reply.txt": b"UNCLAS"}), "a zip archive"),
    ("reply.docx", b"not a zip at all", "not a Word document"),
    ("reply.docx", _zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x"}),
     "not a Word document that can be read"),
    ("reply.odt", b"UNCLAS SECTION 01 OF 11", "OpenDocument text"),
])
def test_a_format_that_cannot_be_read_is_refused_with_a_hint(name: str, data: bytes, what: str) -> None:
    with pytest.raises(InputError, match="save") as info:
        read_cable(data, name)
    assert what in str(info.value) and "\n" not in str(info.value)


def test_the_command_line_refuses_a_pdf_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    pdf = tmp_path / "reply.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(100))
    run = run_cli(capsys, monkeypatch, "check", str(pdf))
    assert run.code == 2 and run.out == ""
    assert run.err.strip().splitlines() == [
        f"tipcheck: error: {pdf}: a PDF document cannot be checked; save it as plain text (.txt) and check that"]


def test_without_the_word_reader_a_word_draft_gets_a_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    draft = write_docx(SEED.read_bytes(), tmp_path / "draft.docx")
    monkeypatch.setitem(sys.modules, "docx", None)  # as on an install without the extra: import docx fails
    run = run_cli(capsys, monkeypatch, "check", str(draft))
    assert run.code == 2 and run.out == ""
    (line,) = run.err.strip().splitlines()
    assert "pip install tipcheck[docx]" in line and "save the draft as plain text" in line


def test_the_text_report_of_a_word_draft_names_the_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    draft = write_docx(SANAA.read_bytes(), tmp_path / "draft.docx")
    run = run_cli(capsys, monkeypatch, "check", str(draft), "--fail-on", "never")
    assert run.code == 0
    finding = next(line for line in run.out.splitlines() if " partial-answer " in line)
    assert finding.startswith(f"{draft}:") and finding.endswith('…")]') and "[paragraph " in finding
    redacted = run_cli(capsys, monkeypatch, "check", str(draft), "--fail-on", "never", "--redact").out
    assert all(line.endswith("]") and '("' not in line for line in redacted.splitlines() if " partial-answer " in line)


def test_a_folder_of_drafts_is_checked_whatever_they_were_saved_as(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a-reply.txt").write_bytes(SEED.read_bytes())
    write_docx(SEED.read_bytes(), folder / "b-reply.docx")
    write_eml(SEED.read_text(encoding="utf-8"), folder / "c-reply.eml", "quoted-printable")
    (folder / "~$b-reply.docx").write_bytes(b"\x05owner file of an open Word document")
    (folder / "notes.md").write_text("not a draft", encoding="utf-8")
    run = run_cli(capsys, monkeypatch, "check", str(folder), "-f", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    reports = json.loads(run.out)["cables"]
    assert [Path(c["path"]).name for c in reports] == ["a-reply.txt", "b-reply.docx", "c-reply.eml"]
    statuses = [{q["id"]: q["status"] for q in c["questions"]} for c in reports]
    assert statuses[0] == statuses[1] == statuses[2]  # the same reply, whatever the format
    only_word = run_cli(capsys, monkeypatch, "check", str(folder), "--glob", "*.docx", "-f", "json",
                        "--fail-on", "never")
    assert [Path(c["path"]).name for c in json.loads(only_word.out)["cables"]] == ["b-reply.docx"]
