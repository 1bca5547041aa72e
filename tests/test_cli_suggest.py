"""``tailorfit suggest``: text for people, JSON for ``export --apply``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tailorfit.cli import main
from tailorfit.core.resources import sample_posting, sample_resume


def test_text_lists_suggestions_by_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(sample_posting()), str(sample_resume())]) == 0
    out = capsys.readouterr().out
    assert out.split(" ", 1)[1].startswith("suggestion(s) for sample-resume.docx against "
                                           "Senior Backend")
    assert "Questions for you" in out and "Have you used gRPC? (+5) [needs your answer]" in out


def test_json_round_trips_through_export(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(sample_posting()), str(sample_resume()), "--format",
                 "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "tailorfit.suggestions/1"
    for item in data["suggestions"]:
        assert {"id", "kind", "message", "target", "before", "after", "reason",
                "requirement_id", "needs_confirmation", "score_delta"} <= set(item)
    headline = [s for s in data["suggestions"] if s["kind"] == "summary"]
    # the skills go on the resume's own title line ("Senior Backend & Platform Engineer | ...")
    assert headline and headline[0]["target"]["position"] == "inside"
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps({"schema": data["schema"], "suggestions": headline}),
                     encoding="utf-8")
    out = tmp_path / "tailored.docx"
    assert main(["export", str(sample_posting()), str(sample_resume()), "--out", str(out),
                 "--apply", str(edits)]) == 0
    from tailorfit.core.readers import read_document

    assert headline[0]["after"] in read_document(out).text


def test_a_missing_file_is_one_sentence(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(tmp_path / "nope.txt"), str(sample_resume())]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tailorfit: ") and "Traceback" not in err
