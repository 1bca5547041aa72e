"""The command line: parse, version, errors on stderr with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tailorfit import __version__
from tailorfit.cli import main
from tailorfit.core.resources import sample_posting, sample_resume


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"tailorfit {__version__}"


def test_parse_posting_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(sample_posting()), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "tailorfit.parse/1" and data["as"] == "posting"
    assert data["title"] == "Senior Backend Engineer"
    years = next(r for r in data["requirements"] if r["kind"] == "years")
    assert years["years"]["min"] == 6
    assert years["anchor"][0]["type"] == "docx"


def test_parse_resume_text_with_fixed_today(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(sample_resume()), "--as", "resume", "--today", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "Resume: Maya Okafor" in out
    assert "Total experience: 7.2 years (as of 2026-11-27)" in out
    assert "Software Engineer II at Marrowfield Health (2021-04 - 2022-12)" in out


def test_kind_is_guessed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(sample_resume()), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["as"] == "resume"


def test_errors_go_to_stderr_with_exit_code_2(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert main(["parse", str(legacy)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "old.doc" in captured.err and "save it as .docx" in captured.err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["parse", "x.pdf", "--as", "letter"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_analyze_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(sample_posting()), str(sample_resume()), "--format", "json",
                 "--today", "2026-11-27"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "tailorfit.analysis/1"
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    assert isinstance(data["must_missing"], int)
    for item in data["requirements"]:
        assert {"id", "text", "section", "strength", "kind", "status", "evidence",
                "explanation"} <= set(item)
        assert item["strength"] in ("must", "nice")
        assert item["kind"] in ("skill", "years", "degree", "cert", "soft", "other")
        assert item["status"] in ("met", "partial", "missing")
        for evidence in item["evidence"]:
            assert evidence["text"] and evidence["anchor"][0]["type"] == "docx"
    keyword = data["keywords"][0]
    assert {"term", "canonical", "category", "posting_count", "resume_count"} <= set(keyword)
    resume = data["resume"]
    assert resume["total_years_experience"] == 7.2
    assert resume["highest_degree"] == "bachelor"
    assert "Computer Science" in resume["degree_fields"]
    istio = next(s for s in resume["skills"] if s["canonical"] == "istio")
    assert istio["mentions"][0]["anchor"][0]["part"] == "word/document.xml"


def test_analyze_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(sample_posting()), str(sample_resume())]) == 0
    out = capsys.readouterr().out
    assert "must-haves missing:" in out and "[met]" in out and "[missing]" in out


def test_rank_expands_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Go Developer\n\nRequirements\n- Experience with Go and "
                                    "Kubernetes\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Nurse\n\nRequirements\n- Registered Nurse license\n"
                                    "- BLS certification\n", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert main(["rank", str(sample_resume()), str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "tailorfit.rank/1"
    assert [Path(row["posting"]).name for row in data["postings"]] == ["a.txt", "b.txt"]
    assert data["postings"][0]["score"] > data["postings"][1]["score"]


def test_eval_reports_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Engineer\n\nRequirements\n- Experience with Kubernetes\n"
                       "- Experience with Salesforce\n", encoding="utf-8")
    case = {"id": "mini", "domain": "software", "posting": "p.txt",
            "resume": str(sample_resume()), "as_of": "2026-11-27",
            "requirements": [
                {"text": "Experience with Kubernetes", "status": "met"},
                {"text": "Experience with Salesforce", "status": "met"},
                {"text": "A requirement the posting does not have", "status": "missing"}]}
    (tmp_path / "mini.json").write_text(json.dumps(case), encoding="utf-8")
    assert main(["eval", str(tmp_path), "--format", "json"]) == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert overall["recall"] == pytest.approx(2 / 3)
    assert overall["agreement"] == pytest.approx(1 / 2)
    assert overall["severe"] == pytest.approx(1 / 2)  # Salesforce: met labelled, missing given
