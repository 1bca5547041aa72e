"""The match report printed to PDF through Qt (tailorfit.ui.pdf)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from tailorfit.core.export.report import render_report
from tailorfit.core.match import analyze
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume


def test_report_pdf_holds_the_reports_text(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from tailorfit.ui.pdf import write_report_pdf

    posting = parse_posting(read_document(sample_posting()))
    analysis = analyze(posting, parse_resume(read_document(sample_resume()),
                                             today=date(2026, 11, 27)))
    target = tmp_path / "report.pdf"
    write_report_pdf(render_report(analysis), target, title="Match report")
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Match report" in text and "Checklist" in text
    assert str(analysis.score) in text
    assert "GraphQL" in text  # a gap to prepare for
    assert reader.metadata is not None and reader.metadata.title == "Match report"
