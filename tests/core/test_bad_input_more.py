"""Bad input found by trying the app as a new user (issue 7): each gets one clear message."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from tailorfit.cli import main
from tailorfit.core.checks import check_language, check_posting, language_of
from tailorfit.core.errors import (
    CorruptFileError,
    FileMissingError,
    FileTooLargeError,
    NoRequirementsError,
    UnsupportedFormatError,
    UnsupportedLanguageError,
)
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.readers import MAX_TEXT_CHARS, read_document, read_pasted
from tailorfit.core.resources import sample_posting, sample_resume
from tests.core.test_bad_input import assert_user_message

GERMAN_RESUME = """Maximilian Mustermann
Lebenslauf
Berufserfahrung
2018 - heute Softwareentwickler bei der Beispiel GmbH in Berlin
Ich bin verantwortlich für die Entwicklung und Wartung von Webanwendungen mit Java und Spring.
Die Arbeit im Team ist mir sehr wichtig und ich habe auch neue Kollegen eingearbeitet.
2014 - 2018 Werkstudent bei der Muster AG
Unterstützung des Teams bei der Einführung eines neuen Systems für die Verwaltung der Kunden
und der Aufträge. Ich war auch für die Dokumentation zuständig.
Ausbildung
2010 - 2014 Studium der Informatik an der Technischen Universität München, Abschluss als
Bachelor of Science mit der Note gut. Die Bachelorarbeit war über die Analyse von Daten.
Kenntnisse
Java, Spring, SQL, Git, Docker und Linux sind meine wichtigsten Werkzeuge für die Arbeit.
"""
NO_REQUIREMENTS = "Acme Rockets\n\nAbout us\nWe build rockets and we love our people.\n\nApply today!\n"


def corrupt_deflate(target: Path) -> Path:
    """The sample resume with document.xml's compressed bytes damaged, directory intact."""
    data = bytearray(sample_resume().read_bytes())
    with zipfile.ZipFile(sample_resume()) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


def media_bomb(target: Path) -> Path:
    """The sample resume plus a 300 MB image part that compresses to a few hundred KB."""
    with zipfile.ZipFile(sample_resume()) as src, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        with dst.open("word/media/image99.png", "w") as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                part.write(chunk)
    return target


def binary_named_txt(target: Path) -> Path:
    shutil.copyfile(sys.executable, target)  # an executable renamed resume.txt
    return target


def test_corrupt_deflate_data_is_a_damaged_file(tmp_path: Path) -> None:
    path = corrupt_deflate(tmp_path / "resume.docx")
    with pytest.raises(CorruptFileError) as caught:
        read_document(path)
    assert_user_message(caught.value, "resume.docx")


def test_a_zip_bomb_in_a_media_part_is_refused(tmp_path: Path) -> None:
    path = media_bomb(tmp_path / "bomb.docx")
    assert path.stat().st_size < 2_000_000
    with pytest.raises(FileTooLargeError) as caught:
        read_document(path)
    assert_user_message(caught.value, "bomb.docx")
    assert "ZIP bomb" in str(caught.value)


def test_an_executable_named_txt_is_no_resume(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError) as caught:
        read_document(binary_named_txt(tmp_path / "resume.txt"))
    assert_user_message(caught.value, "resume.txt")
    assert "binary" in str(caught.value)


def test_utf16_text_without_a_byte_order_mark_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_bytes("Jane Doe\nSkills\nPython, Go and Kubernetes\n".encode("utf-16-le"))
    assert "Kubernetes" in read_document(path).text


def test_a_folder_is_called_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "resume.docx"
    folder.mkdir()
    with pytest.raises(FileMissingError) as caught:
        read_document(folder)
    assert "is a folder" in str(caught.value)
    assert "does not exist" not in str(caught.value)


def test_text_beyond_the_size_limit_says_so(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = "Built Kafka pipelines in Go for the payments team.\n"
    path.write_text(line * (MAX_TEXT_CHARS // len(line) + 10), encoding="utf-8")
    with pytest.raises(FileTooLargeError) as caught:
        read_document(path)
    assert_user_message(caught.value, "huge.txt")
    assert "million characters" in str(caught.value)
    with pytest.raises(FileTooLargeError):
        read_pasted(path.read_text(encoding="utf-8"))


def test_a_posting_without_requirements_is_refused() -> None:
    posting = parse_posting(read_pasted(NO_REQUIREMENTS))
    with pytest.raises(NoRequirementsError) as caught:
        check_posting(posting)
    assert "No requirements were found" in str(caught.value)
    check_posting(parse_posting(read_document(sample_posting())))  # a real one passes


def test_a_resume_in_another_language_is_refused() -> None:
    assert language_of(GERMAN_RESUME) == "German"
    with pytest.raises(UnsupportedLanguageError) as caught:
        check_language(read_pasted(GERMAN_RESUME), "resume")
    assert "German" in str(caught.value) and "English" in str(caught.value)


def test_english_documents_pass_the_language_check(corpus: Path) -> None:
    files = sorted((corpus / "resumes").glob("*/*.*")) + sorted((corpus / "postings").glob("*.txt"))
    files = [f for f in files if f.suffix in (".txt", ".pdf", ".docx")]
    assert len(files) > 40
    for path in files:
        assert language_of(read_document(path).text) is None, path.name


def test_a_skills_only_resume_is_not_called_foreign() -> None:
    assert language_of("Python, Go, SQL, Kubernetes, Docker, Terraform, AWS, GCP, Kafka") is None


@pytest.mark.parametrize("make, expected", [
    (corrupt_deflate, "damaged"),
    (binary_named_txt, "not a text document"),
    (media_bomb, "ZIP bomb"),
])
def test_cli_exits_2_with_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      make: object, expected: str) -> None:
    name = {"corrupt_deflate": "resume.docx", "binary_named_txt": "resume.txt",
            "media_bomb": "bomb.docx"}[make.__name__]  # type: ignore[attr-defined]
    path = make(tmp_path / name)  # type: ignore[operator]
    assert main(["analyze", str(sample_posting()), str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and err.count("\n") == 1


def test_cli_refuses_a_posting_without_requirements_and_a_foreign_resume(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posting = tmp_path / "about-us.txt"
    posting.write_text(NO_REQUIREMENTS, encoding="utf-8")
    assert main(["analyze", str(posting), str(sample_resume())]) == 2
    assert "No requirements were found in 'about-us.txt'" in capsys.readouterr().err
    resume = tmp_path / "lebenslauf.txt"
    resume.write_text(GERMAN_RESUME, encoding="utf-8")
    assert main(["analyze", str(sample_posting()), str(resume)]) == 2
    assert "German" in capsys.readouterr().err
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["analyze", str(sample_posting()), str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err
