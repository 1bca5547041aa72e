"""Every file a user can hand us gets a clear message, or is read; nothing crashes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from tailorfit.core.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedFileError,
    FileMissingError,
    FileTooLargeError,
    LegacyFormatError,
    ReadError,
    ScannedPdfError,
    UnsafeFileError,
    UnsupportedFormatError,
)
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import MAX_FILE_BYTES, read_document, read_pasted
from tests.pdfgen import Page, build_pdf

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def simple_docx(path: Path, text: str = "Senior engineer with Go and Kubernetes") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(path)
    return path


def rewrite_docx(source: Path, target: Path, part: str, content: bytes) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, content if item.filename == part else src.read(item))
    target.write_bytes(buffer.getvalue())
    return target


def assert_user_message(error: ReadError, name: str) -> None:
    """One or two sentences that name the file and say what to do."""
    message = str(error)
    assert name in message
    assert 1 <= message.count(". ") + 1 <= 3
    assert message.endswith(".")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError) as caught:
        read_document(tmp_path / "nowhere.pdf")
    assert_user_message(caught.value, "nowhere.pdf")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocumentError) as caught:
        read_document(path)
    assert_user_message(caught.value, "empty.txt")


def test_pasted_text_must_have_content() -> None:
    with pytest.raises(EmptyDocumentError):
        read_pasted(" \n\n ")


def test_unknown_binary_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(UnsupportedFormatError) as caught:
        read_document(path)
    assert_user_message(caught.value, "resume.pdf")


def test_image_named_pdf_is_called_an_image(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(UnsupportedFormatError, match="PNG image"):
        read_document(path)


def test_docx_named_pdf_is_read_as_word_with_a_note(tmp_path: Path) -> None:
    path = simple_docx(tmp_path / "resume.docx")
    renamed = tmp_path / "resume.pdf"
    renamed.write_bytes(path.read_bytes())
    document = read_document(renamed)
    assert "Kubernetes" in document.text
    assert any("really a Word document" in w for w in document.source.warnings)


def test_text_named_docx_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "posting.docx"
    path.write_text("Requirements\n- 5+ years of Python\n", encoding="utf-8")
    document = read_document(path)
    assert "5+ years of Python" in document.text
    assert document.source.warnings


def test_legacy_doc(tmp_path: Path) -> None:
    path = tmp_path / "resume.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 1024)
    with pytest.raises(LegacyFormatError, match=r"save it as \.docx"):
        read_document(path)


def test_password_protected_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64)
    with pytest.raises(EncryptedFileError) as caught:
        read_document(path)
    assert_user_message(caught.value, "locked.docx")


def test_docm_text_is_read_and_macros_ignored(tmp_path: Path) -> None:
    source = simple_docx(tmp_path / "a.docx")
    types = zipfile.ZipFile(source).read("[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    path = rewrite_docx(source, tmp_path / "macro.docm", "[Content_Types].xml", types)
    assert "Kubernetes" in read_document(path).text


def test_truncated_docx(tmp_path: Path) -> None:
    data = simple_docx(tmp_path / "a.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as caught:
        read_document(path)
    assert_user_message(caught.value, "cut.docx")


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    source = simple_docx(tmp_path / "a.docx")
    path = rewrite_docx(source, tmp_path / "broken.docx", "word/document.xml",
                        b"<w:document><w:body><w:p>unclosed")
    with pytest.raises(CorruptFileError):
        read_document(path)


def test_docx_with_entity_expansion_is_refused(tmp_path: Path) -> None:
    source = simple_docx(tmp_path / "a.docx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")
    path = rewrite_docx(source, tmp_path / "lol.docx", "word/document.xml", laughs)
    with pytest.raises(UnsafeFileError) as caught:
        read_document(path)
    assert_user_message(caught.value, "lol.docx")


def test_docx_with_external_entity_is_refused(tmp_path: Path) -> None:
    source = simple_docx(tmp_path / "a.docx")
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    path = rewrite_docx(source, tmp_path / "xxe.docx", "word/document.xml", xxe)
    with pytest.raises(UnsafeFileError):
        read_document(path)


def test_zip_bomb_docx_is_capped(tmp_path: Path) -> None:
    source = simple_docx(tmp_path / "a.docx")
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item))
        with dst.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                       b'wordprocessingml/2006/main"><w:body>')
            chunk = b" " * (1024 * 1024)
            for _ in range(40):  # 40 MB of blanks compress to about 40 KB
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    assert path.stat().st_size < 1_000_000
    with pytest.raises(FileTooLargeError) as caught:
        read_document(path)
    assert_user_message(caught.value, "bomb.docx")


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is actually written
    with pytest.raises(FileTooLargeError) as caught:
        read_document(path)
    assert_user_message(caught.value, "huge.pdf")


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage without objects " * 50)
    with pytest.raises(CorruptFileError) as caught:
        read_document(path)
    assert_user_message(caught.value, "bad.pdf")


def test_truncated_pdf_reads_what_survives_or_says_it_is_damaged(tmp_path: Path) -> None:
    data = build_pdf([Page().text(72, 700, "Recovered text here")] * 3)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * 0.7)])
    try:
        document = read_document(path)
    except (CorruptFileError, ScannedPdfError) as error:
        assert "cut.pdf" in str(error)
    else:
        assert "Recovered text here" in document.text


def test_password_protected_pdf(tmp_path: Path) -> None:
    reader = pypdf.PdfReader(io.BytesIO(build_pdf([Page().text(72, 700, "Secret resume")])))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="hunter2", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(EncryptedFileError) as caught:
        read_document(path)
    assert_user_message(caught.value, "locked.pdf")


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_pdf([Page(draw_box=True), Page(draw_box=True)]))
    with pytest.raises(ScannedPdfError, match=r"(?i)export a text PDF or a DOCX"):
        read_document(path)


def test_pdf_with_one_scanned_page_warns(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(build_pdf([Page().text(72, 700, "Text page"), Page(draw_box=True)]))
    document = read_document(path)
    assert document.source.warnings == ("Page 2 has no text layer (scanned?); it was skipped.",)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "cp1252", "utf-8-sig"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    text = "Café manager – naïve “quotes”\nSkills: Excel, SQL\n"
    path = tmp_path / "resume.txt"
    path.write_bytes(text.encode(encoding))
    document = read_document(path)
    assert document.blocks[0].text == 'Café manager - naïve "quotes"'
    assert document.blocks[1].text == "Skills: Excel, SQL"


def test_one_very_long_line(tmp_path: Path) -> None:
    line = ("Experience with Python, Kubernetes and Terraform; " * 2000)[:100_000]
    path = tmp_path / "long.txt"
    path.write_text(line, encoding="utf-8")
    document = read_document(path)
    assert len(document.blocks) == 1
    assert len(document.text) >= 99_000
    posting = parse_posting(document)
    assert posting.requirements  # the semicolon list becomes items
    parse_resume(document)


def test_fifty_page_pdf(tmp_path: Path) -> None:
    pages = [Page().text(72, 720, f"Section {n}", 14).text(72, 700, f"Line of text on page {n}.")
             for n in range(1, 51)]
    path = tmp_path / "long.pdf"
    path.write_bytes(build_pdf(pages))
    document = read_document(path)
    assert document.source.pages == 50
    assert "Line of text on page 50." in document.text
    assert max(b.page or 0 for b in document.blocks) == 49


def test_fifty_page_docx(tmp_path: Path) -> None:
    document = docx.Document()
    for n in range(50):
        document.add_heading(f"Part {n}", level=1)
        for m in range(20):
            document.add_paragraph(f"Paragraph {m} of part {n} with Python and SQL experience.")
        document.add_page_break()
    path = tmp_path / "long.docx"
    document.save(path)
    read = read_document(path)
    assert "Paragraph 19 of part 49" in read.text
    parse_resume(read)
