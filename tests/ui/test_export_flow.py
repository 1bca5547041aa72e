"""The window's exports (issue 10): the tailored DOCX and the match report, through the flow
the menu calls, with its dialogs replaced."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QWidget

from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume
from tailorfit.ui.controller import Controller
from tailorfit.ui.export_flow import ExportChoice, ExportFlow, add_export_actions
from tailorfit.ui.settings import load_settings

TIMEOUT = 20000


@dataclass
class Dialogs:
    """What the stubbed dialogs answer, and what they were asked."""

    save_as: Path | None = None
    choice: ExportChoice | None = field(default_factory=ExportChoice)
    replace: bool = False
    anyway: bool = False
    suggested: list[Path] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    asked_anyway: list[str] = field(default_factory=list)
    informed: list[tuple[str, str]] = field(default_factory=list)
    options_asked: list[bool] = field(default_factory=list)


@dataclass
class Setup:
    controller: Controller
    flow: ExportFlow
    dialogs: Dialogs
    resume: Path
    out: Path


def stub(flow: ExportFlow, dialogs: Dialogs) -> None:
    def ask_options(word_source: bool) -> ExportChoice | None:
        dialogs.options_asked.append(word_source)
        return dialogs.choice

    def ask_save_path(suggested: Path, filter: str) -> Path | None:
        dialogs.suggested.append(suggested)
        dialogs.filters.append(filter)
        return dialogs.save_as

    def confirm(title: str, text: str) -> bool:
        dialogs.confirmed.append(f"{title}\n{text}")
        return dialogs.replace

    def export_anyway(title: str, text: str) -> bool:
        dialogs.asked_anyway.append(f"{title}\n{text}")
        return dialogs.anyway

    def inform(title: str, text: str) -> None:
        dialogs.informed.append((title, text))

    flow._ask_options = ask_options  # type: ignore[method-assign]
    flow._ask_save_path = ask_save_path  # type: ignore[method-assign]
    flow._confirm = confirm  # type: ignore[method-assign]
    flow._export_anyway = export_anyway  # type: ignore[method-assign]
    flow._inform = inform  # type: ignore[method-assign]


def make_controller() -> Controller:
    return Controller(load_settings(), today=date(2026, 11, 27))


def open_documents(qtbot, controller: Controller, resume: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(controller.analysis_changed, timeout=TIMEOUT):
        controller.open_file("posting", sample_posting())
        controller.open_file("resume", resume)


def type_into_resume(qtbot, controller: Controller, text: str) -> None:  # type: ignore[no-untyped-def]
    """What the resume pane does on every keystroke; waits for the re-analysis."""
    with qtbot.waitSignal(controller.analysis_changed, timeout=TIMEOUT):
        controller.text_edited("resume", text)


@pytest.fixture
def setup(qtbot, home: Path, tmp_path: Path) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "resumes"
    folder.mkdir()
    resume = folder / "Maya Okafor.docx"
    shutil.copy(sample_resume(), resume)
    out = tmp_path / "out"
    out.mkdir()
    controller = make_controller()
    parent = QWidget()
    qtbot.addWidget(parent)
    flow = ExportFlow(controller, parent, list)
    dialogs = Dialogs()
    stub(flow, dialogs)
    open_documents(qtbot, controller, resume)
    yield Setup(controller, flow, dialogs, resume, out)
    controller.tasks.wait(5000)


def export(qtbot, flow: ExportFlow) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as blocker:
        flow.export_docx()
    return str(blocker.args[0])


def test_a_typed_edit_reaches_the_export_and_the_source_stays_as_it_was(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    c, flow, dialogs = setup.controller, setup.flow, setup.dialogs
    source_bytes = setup.resume.read_bytes()
    edited = c.sides["resume"].shown.replace("Kubernetes", "Kubernetes and Helm", 1)
    assert edited != c.sides["resume"].shown
    type_into_resume(qtbot, c, edited)
    dialogs.save_as = setup.out / "Tailored"  # no suffix: .docx is added
    progress: list[tuple[str, float]] = []
    flow.progress.connect(lambda stage, fraction: progress.append((stage, fraction)))

    note = export(qtbot, flow)

    target = setup.out / "Tailored.docx"
    assert "Tailored.docx" in note and "your formatting kept" in note
    assert "Kubernetes and Helm" in read_document(target).text
    assert setup.resume.read_bytes() == source_bytes  # the opened file is never written
    assert c.sides["resume"].shown == edited  # the working copy is untouched
    assert c.sides["resume"].document is not None
    assert "Kubernetes and Helm" not in c.sides["resume"].document.text
    # The name proposed: person, company (the sample posting names none) and title, in the
    # resume's own folder; the word source was offered the Word options.
    assert dialogs.suggested[0] == setup.resume.parent / "Maya Okafor - Senior Backend Engineer.docx"
    assert dialogs.filters[0].endswith("(*.docx)")
    assert dialogs.options_asked == [True]
    # Progress came across from the worker, in order, ending done, before "finished".
    assert progress and progress[-1] == ("Done", 1.0)
    assert [f for _, f in progress] == sorted(f for _, f in progress)
    result = flow.last_result
    assert result is not None and result.mode == "in-place"
    # The read-back scores what the window showed; the ATS warnings are shown in a message.
    assert c.view is not None and result.score_after == c.view.analysis.score
    assert result.notes == ()
    if result.warnings:
        title, text = dialogs.informed[-1]
        assert title == "Tailored resume exported"
        assert all(w.message in text for w in result.warnings)
    assert not flow.running
    # The next export proposes the folder used last.
    dialogs.save_as = None
    flow.export_docx()
    assert dialogs.suggested[-1].parent == setup.out


def test_the_opened_resume_is_never_the_target(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    flow, dialogs = setup.flow, setup.dialogs
    source_bytes = setup.resume.read_bytes()
    for chosen in (setup.resume, setup.resume.with_suffix("")):  # the suffix is added back
        dialogs.save_as = chosen
        with qtbot.waitSignal(flow.failed, timeout=1000) as blocker:
            flow.export_docx()
        title, message = blocker.args
        assert title == "Could not export the resume"
        assert "is the resume you opened" in message and "never writes over it" in message
        assert not flow.running
    assert dialogs.confirmed == []  # refused before any question about replacing
    assert setup.resume.read_bytes() == source_bytes
    # The posting is not a target either.
    dialogs.save_as = sample_posting()
    with qtbot.waitSignal(flow.failed, timeout=1000) as blocker:
        flow.export_docx()
    assert "is the posting you opened" in blocker.args[1]


def test_an_existing_file_is_replaced_only_when_the_user_agrees(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    flow, dialogs = setup.flow, setup.dialogs
    target = setup.out / "Existing.docx"
    target.write_bytes(b"keep me")
    dialogs.save_as = target
    dialogs.replace = False
    flow.export_docx()  # declined: returns at once, nothing runs
    assert len(dialogs.confirmed) == 1 and "Replace 'Existing.docx'?" in dialogs.confirmed[0]
    assert not flow.running
    assert target.read_bytes() == b"keep me"
    assert not [p for p in setup.out.iterdir() if p.name != "Existing.docx"]  # no temp file

    dialogs.replace = True
    export(qtbot, flow)
    assert target.read_bytes() != b"keep me"
    assert "Maya Okafor" in read_document(target).text


def test_placeholders_stop_the_export_unless_the_user_overrides(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    c, flow, dialogs = setup.controller, setup.flow, setup.dialogs
    edited = c.sides["resume"].shown.replace("cutting p99 API latency",
                                            "cutting p99 API latency by [X%]", 1)
    assert "[X%]" in edited
    type_into_resume(qtbot, c, edited)
    target = setup.out / "With placeholder.docx"
    dialogs.save_as = target
    dialogs.anyway = False
    with qtbot.waitSignal(flow.running_changed, timeout=TIMEOUT,
                          check_params_cb=lambda running: not running):
        flow.export_docx()
    assert len(dialogs.asked_anyway) == 1
    assert "[X%]" in dialogs.asked_anyway[0] and "Nothing was written" in dialogs.asked_anyway[0]
    assert not target.exists()

    dialogs.anyway = True
    note = export(qtbot, flow)
    assert "With placeholder.docx" in note
    assert len(dialogs.asked_anyway) == 2
    assert "by [X%]" in read_document(target).text


def test_tracked_changes_are_written_when_asked(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    c, flow, dialogs = setup.controller, setup.flow, setup.dialogs
    type_into_resume(qtbot, c, c.sides["resume"].shown.replace("Kubernetes", "Kubernetes and Helm", 1))
    dialogs.choice = ExportChoice(tracked=True)
    dialogs.save_as = setup.out / "Tracked.docx"
    note = export(qtbot, flow)
    assert "tracked changes" in note
    with zipfile.ZipFile(setup.out / "Tracked.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "Tailorfit" in body


def test_a_clean_copy_in_a_look_and_cancelling_the_options(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    flow, dialogs = setup.flow, setup.dialogs
    dialogs.choice = None  # Cancel in the options dialog: no file dialog, nothing written
    flow.export_docx()
    assert dialogs.suggested == [] and not flow.running
    dialogs.choice = ExportChoice(template="modern")
    dialogs.save_as = setup.out / "Clean.docx"
    note = export(qtbot, flow)
    assert "clean copy in the 'modern' look" in note
    assert "Maya Okafor" in read_document(setup.out / "Clean.docx").text


def test_an_unexpected_error_is_reported_and_nothing_is_written(qtbot, setup,  # type: ignore[no-untyped-def]
                                                               monkeypatch) -> None:
    import tailorfit.core.export.pipeline as pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "export_resume", broken)
    setup.dialogs.save_as = setup.out / "Broken.docx"
    with qtbot.waitSignal(setup.flow.failed, timeout=TIMEOUT) as blocker:
        setup.flow.export_docx()
    title, message = blocker.args
    assert title == "Could not export the resume"
    assert message.startswith("Something unexpected went wrong; nothing was written")
    assert "disk on fire" in message
    assert not (setup.out / "Broken.docx").exists()
    assert not setup.flow.running


def test_a_source_changed_on_disk_is_refused_with_its_message(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    c, flow = setup.controller, setup.flow
    type_into_resume(qtbot, c, c.sides["resume"].shown.replace("Kubernetes", "Kubernetes and Helm", 1))
    with setup.resume.open("ab") as stream:
        stream.write(b"\0")  # changed after it was opened
    setup.dialogs.save_as = setup.out / "Stale.docx"
    with qtbot.waitSignal(flow.failed, timeout=TIMEOUT) as blocker:
        flow.export_docx()
    assert "changed on disk" in blocker.args[1]
    assert not (setup.out / "Stale.docx").exists()


def test_the_match_report_as_html_and_as_pdf(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    c, flow, dialogs = setup.controller, setup.flow, setup.dialogs
    type_into_resume(qtbot, c, c.sides["resume"].shown.replace("Kubernetes", "Kubernetes and Helm", 1))
    score = c.view.analysis.score if c.view is not None else None
    dialogs.save_as = setup.out / "report"  # no suffix: HTML
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as blocker:
        flow.export_report()
    html_file = setup.out / "report.html"
    assert "report.html" in blocker.args[0] and f"score {score}/100" in blocker.args[0]
    html = html_file.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Kubernetes and Helm" in html  # the edit is listed
    assert dialogs.suggested[0].name == "Maya Okafor - Senior Backend Engineer - match report.html"
    assert "(*.pdf)" in dialogs.filters[0]

    dialogs.save_as = setup.out / "report.pdf"
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT):
        flow.export_report()
    assert (setup.out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert not flow.running

    # An existing report is asked about too; declined, it stays.
    dialogs.replace = False
    before = (setup.out / "report.pdf").read_bytes()
    flow.export_report()
    assert dialogs.confirmed and (setup.out / "report.pdf").read_bytes() == before
    # Choosing the resume's own name gives a report beside it, never over it.
    source_bytes = setup.resume.read_bytes()
    dialogs.save_as = setup.resume
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT):
        flow.export_report()
    assert setup.resume.read_bytes() == source_bytes
    assert setup.resume.with_name(setup.resume.name + ".html").is_file()


def test_the_menu_actions_follow_the_analysis(qtbot, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller()
    parent = QWidget()
    qtbot.addWidget(parent)
    flow = ExportFlow(controller, parent, list)
    dialogs = Dialogs(save_as=tmp_path / "Menu.docx")
    stub(flow, dialogs)
    menu = QMenu(parent)
    docx_action, report_action = add_export_actions(menu, flow)
    assert [a.text() for a in menu.actions()] == ["&Export tailored resume…",
                                                  "Export &match report…"]
    assert docx_action.shortcut().toString() == "Ctrl+E"
    assert not docx_action.isEnabled() and not report_action.isEnabled()
    # Without documents the flow says what to do rather than failing.
    with qtbot.waitSignal(flow.failed, timeout=1000) as blocker:
        flow.export_docx()
    assert "Open your resume and a job posting first" in blocker.args[1]

    resume = tmp_path / "resume.docx"
    shutil.copy(sample_resume(), resume)
    open_documents(qtbot, controller, resume)
    assert docx_action.isEnabled() and report_action.isEnabled()
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT):
        docx_action.trigger()
        assert flow.running and not docx_action.isEnabled()  # one export at a time
    assert docx_action.isEnabled()
    assert (tmp_path / "Menu.docx").is_file()
    controller.tasks.wait(5000)


def test_the_options_dialog_offers_tracked_changes_only_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    from tailorfit.ui.export_flow import ExportOptionsDialog

    word = ExportOptionsDialog(True, ["classic", "modern"])
    qtbot.addWidget(word)
    assert word.look.count() == 3 and word.choice() == ExportChoice()
    word.tracked.setChecked(True)
    assert word.choice() == ExportChoice(tracked=True)
    word.look.setCurrentIndex(2)
    assert not word.tracked.isEnabled()
    assert word.choice() == ExportChoice(template="modern")
    pasted = ExportOptionsDialog(False, ["classic", "modern"])
    qtbot.addWidget(pasted)
    assert pasted.look.count() == 2 and pasted.tracked.isHidden()
    assert pasted.choice() == ExportChoice(template="classic")


def test_the_save_dialog_adds_the_chosen_filters_suffix(qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tailorfit.ui import export_flow

    flow = ExportFlow(make_controller(), None, list)
    answers = iter([(str(tmp_path / "r"), "PDF report (*.pdf)"),
                    (str(tmp_path / "r.htm"), "HTML report (*.html *.htm)"),
                    ("", "")])
    asked: list[tuple[object, ...]] = []

    def fake(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append((*args, kwargs.get("options")))
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert flow._ask_save_path(tmp_path / "x.html", export_flow.REPORT_FILTER) == tmp_path / "r.pdf"
    assert flow._ask_save_path(tmp_path / "x.html", export_flow.REPORT_FILTER) == tmp_path / "r.htm"
    assert flow._ask_save_path(tmp_path / "x.html", export_flow.REPORT_FILTER) is None
    # The flow asks before replacing a file itself, so the dialog must not ask too.
    assert asked[0][-1] == QFileDialog.Option.DontConfirmOverwrite
