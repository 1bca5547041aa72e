"""``tailorfit export`` and ``tailorfit report``: output, refusals with exit code 2, nothing
written on error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tailorfit.cli import main
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume

TODAY = ["--today", "2026-11-27"]


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "maya.docx"
    path.write_bytes(sample_resume().read_bytes())
    return path


def _block(text: str) -> int:
    document = read_document(sample_resume())
    return next(i for i, b in enumerate(document.blocks) if b.text.startswith(text))


def _edits_file(tmp_path: Path, *suggestions: dict[str, object]) -> Path:
    path = tmp_path / "edits.json"
    path.write_text(json.dumps({"schema": "tailorfit.suggestions/1",
                                "suggestions": list(suggestions)}), encoding="utf-8")
    return path


def _rewrite(after_extra: str = " and gRPC") -> dict[str, object]:
    document = read_document(sample_resume())
    index = _block("Designed versioned REST APIs")
    before = document.blocks[index].text
    return {"id": "s1", "kind": "rewrite", "message": "Show gRPC", "reason": "asked for gRPC",
            "requirement_id": "r6", "needs_confirmation": False, "score_delta": 3,
            "target": {"text": "REST APIs", "block": index, "anchors": []},
            "before": before, "after": before.replace("REST", "REST" + after_extra, 1)}


def _run(*args: str) -> int:
    return main([*args, *TODAY])


def test_export_applies_suggestions_in_place(resume: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    skill = {"id": "s2", "kind": "skill", "message": "Add GraphQL", "reason": "",
             "target": {"block": _block("Go, Python, PHP"), "position": "inside"},
             "before": "", "after": "GraphQL"}
    bullet = {"id": "s3", "kind": "bullet", "message": "Design reviews",
              "target": {"block": _block("Mentored 4 engineers"), "position": "after"},
              "before": "", "after": "Led weekly technical design reviews for 12 engineers."}
    edits = _edits_file(tmp_path, _rewrite(), skill, bullet)
    out = tmp_path / "tailored.docx"
    assert _run("export", str(sample_posting()), str(resume), "--out", str(out),
                "--apply", str(edits)) == 0
    captured = capsys.readouterr()
    assert "edited in place" in captured.out and "3 suggestion(s)" in captured.out
    assert "ATS warnings" in captured.out
    text = read_document(out).text
    assert "Designed versioned REST and gRPC APIs" in text
    assert "Go, Python, PHP, SQL, GraphQL" in text
    assert "Led weekly technical design reviews for 12 engineers." in text
    assert resume.read_bytes() == sample_resume().read_bytes()


def test_export_refuses_an_existing_file_unless_forced(resume: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tailored.docx"
    out.write_bytes(b"keep me")
    assert _run("export", str(sample_posting()), str(resume), "--out", str(out)) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "already exists" in captured.err and "--force" in captured.err
    assert out.read_bytes() == b"keep me"
    assert _run("export", str(sample_posting()), str(resume), "--out", str(out), "--force") == 0
    assert read_document(out).text == read_document(resume).text


@pytest.mark.parametrize("problem, message", [
    ("stale", "no longer matches"),
    ("placeholder", "placeholders"),
    ("schema", "not a suggestions file"),
    ("suffix", "not a .docx file"),
    ("source", "the file you opened"),
    ("look", "no look called"),
])
def test_export_errors_exit_2_and_write_nothing(resume: Path, tmp_path: Path, problem: str,
                                                message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tailored.docx"
    args = ["export", str(sample_posting()), str(resume), "--out", str(out)]
    if problem == "stale":
        stale = _rewrite()
        stale["before"] = "Designed a thing that is not in the resume"
        args += ["--apply", str(_edits_file(tmp_path, stale))]
    elif problem == "placeholder":
        args += ["--apply", str(_edits_file(tmp_path, _rewrite(" and gRPC (cut latency [X%])")))]
    elif problem == "schema":
        bad = tmp_path / "edits.json"
        bad.write_text('{"schema": "x"}')
        args += ["--apply", str(bad)]
    elif problem == "suffix":
        out = tmp_path / "tailored.pdf"
        args[4] = str(out)
    elif problem == "source":
        args[4] = str(resume)
        out = resume
    elif problem == "look":
        args += ["--template", "fancy"]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert _run(*args) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.err.startswith("tailorfit: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert resume.read_bytes() == sample_resume().read_bytes()


def test_placeholders_can_be_allowed(resume: Path, tmp_path: Path) -> None:
    edits = _edits_file(tmp_path, _rewrite(" and gRPC (cut latency [X%])"))
    out = tmp_path / "tailored.docx"
    assert _run("export", str(sample_posting()), str(resume), "--out", str(out), "--apply",
                str(edits), "--allow-placeholders") == 0
    assert "[X%]" in read_document(out).text


def test_tracked_export_and_a_clean_look(resume: Path, tmp_path: Path) -> None:
    edits = _edits_file(tmp_path, _rewrite())
    tracked = tmp_path / "tracked.docx"
    assert _run("export", str(sample_posting()), str(resume), "--out", str(tracked),
                "--apply", str(edits), "--tracked") == 0
    import zipfile

    assert b'w:author="Tailorfit"' in zipfile.ZipFile(tracked).read("word/document.xml")
    clean = tmp_path / "clean.docx"
    assert _run("export", str(sample_posting()), str(resume), "--out", str(clean),
                "--apply", str(edits), "--template", "modern") == 0
    written = read_document(clean)
    assert written.blocks[0].text == "Maya Okafor"
    assert "REST and gRPC APIs" in written.text


def test_out_folder_gets_the_default_name(resume: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    assert _run("export", str(sample_posting()), str(resume), "--out", str(folder)) == 0
    from tailorfit.core.parse.posting import parse_posting

    posting = parse_posting(read_document(sample_posting()))
    parts = [p for p in ("Maya Okafor", posting.company, posting.title) if p]
    assert [p.name for p in folder.iterdir()] == [" - ".join(parts) + ".docx"]
    assert posting.title == "Senior Backend Engineer"
    capsys.readouterr()


def test_text_resume_exports_a_clean_copy(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "resume.txt"
    text.write_text(read_document(sample_resume()).text, encoding="utf-8")
    out = tmp_path / "tailored.docx"
    assert _run("export", str(sample_posting()), str(text), "--out", str(out)) == 0
    assert "clean copy in the 'classic' look" in capsys.readouterr().out


def test_report_html_and_pdf(resume: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    edits = _edits_file(tmp_path, _rewrite())
    html = tmp_path / "report.html"
    assert _run("report", str(sample_posting()), str(resume), "--out", str(html),
                "--apply", str(edits)) == 0
    page = html.read_text(encoding="utf-8")
    assert "Checklist" in page and "Suggestion s1: Show gRPC" in page
    assert "Gaps to prepare for in an interview" in page
    pdf = tmp_path / "report.pdf"
    assert _run("report", str(sample_posting()), str(resume), "--out", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _run("report", str(sample_posting()), str(resume), "--out", str(pdf)) == 2
    assert "already exists" in capsys.readouterr().err
