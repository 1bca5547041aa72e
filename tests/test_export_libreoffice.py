"""Every exported DOCX opens in another word processor: LibreOffice converts it to PDF.

LibreOffice (``soffice``, Debian's libreoffice-writer-nogui) is installed by ``make test``
as root (packaging/linux/ensure-test-tools.sh, from make test); without it these tests skip and say so.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.edits import InsertionPoint, insert_text
from tailorfit.core.export.pipeline import ExportOptions, export_resume
from tailorfit.core.export.typed import typed_edits
from tailorfit.core.model import Document, Position
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_resume
from tests.core.export_docs import make_resume

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 27)


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: run `make test` as root, or "
                    "apt-get install libreoffice-writer-nogui")
    return found


def _edits(document: Document) -> list:
    """A typed change and an added bullet (when the resume has a list)."""
    lines = document.text.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] = lines[longest] + " Tailored by Tailorfit."
    edits = typed_edits(document, "\n".join(lines))
    bullet = next((i for i, b in enumerate(document.blocks) if b.kind.value == "list_item"), None)
    if bullet is not None:
        edits.append(insert_text(document, InsertionPoint(bullet, Position.AFTER),
                                 "Added bullet from the export test."))
    return edits


def _export_all(sources: list[Path], folder: Path) -> list[Path]:
    written = []
    for number, source in enumerate(sources):
        document = read_document(source)
        for template in ([None, "modern"] if source.suffix == ".docx" else ["classic"]):
            target = folder / f"{number:02d}-{template or 'in-place'}-{source.stem[:30]}.docx"
            export_resume(document, target, edits=_edits(document),
                          options=ExportOptions(template=template, today=TODAY))
            written.append(target)
    return written


def _convert(soffice: str, files: list[Path], folder: Path) -> None:
    out = folder / "pdf"
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    for docx_file in files:
        pdf = out / (docx_file.stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice did not convert {docx_file.name}: {result.stderr}"
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        assert "Tailored by Tailorfit" in " ".join(
            " ".join(p.extract_text().split()) for p in reader.pages)


def test_libreoffice_converts_exports_of_the_samples(tmp_path: Path) -> None:
    soffice = _soffice()
    built = make_resume(tmp_path / "built-resume.docx")
    files = _export_all([sample_resume(), built], tmp_path)
    _convert(soffice, files, tmp_path)


@pytest.mark.corpus
def test_libreoffice_converts_every_corpus_export(corpus: Path, tmp_path: Path) -> None:
    soffice = _soffice()
    sources = sorted((corpus / "resumes" / "docx").glob("*.docx"))
    sources += sorted((corpus / "resumes" / "pdf").glob("*.pdf"))
    sources += sorted((corpus / "resumes" / "text").glob("*.txt"))
    files = _export_all(sources, tmp_path)
    assert len(files) >= 35
    _convert(soffice, files, tmp_path)
