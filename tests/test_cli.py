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
