"""The truth bank's dialog: lists the answers, flips and removes them, saves on OK."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tailorfit.core.truth import Answer, Fact, TruthBank, TruthBankError, default_path
from tailorfit.ui.truth_view import EMPTY_TEXT, TruthBankDialog

DAY = date(2026, 11, 27)
LATER = date(2026, 12, 3)


@pytest.fixture
def bank(home: Path) -> TruthBank:
    bank = TruthBank.load()
    bank.answer("kubernetes", "Kubernetes", Answer.YES, DAY)
    bank.answer("cobol", "COBOL", Answer.NO, date(2026, 1, 5))
    bank.answer("airflow", "Apache Airflow", Answer.YES, DAY)
    bank.save()
    return bank


def _dialog(qtbot, bank: TruthBank) -> TruthBankDialog:  # type: ignore[no-untyped-def]
    dialog = TruthBankDialog(bank, today=LATER)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _rows(dialog: TruthBankDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(table.rowCount())]


def _select(dialog: TruthBankDialog, *names: str) -> None:
    keys = [f.key for f in dialog.facts() if f.name in names]
    assert len(keys) == len(names)
    dialog.select_keys(keys)


def _ok(qtbot, dialog: TruthBankDialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_dialog_lists_the_answers_sorted_by_name(qtbot, bank: TruthBank) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, bank)
    assert _rows(dialog) == [
        ("Apache Airflow", "I have this", "2026-11-27"),
        ("COBOL", "Not true for me", "2026-01-05"),
        ("Kubernetes", "I have this", "2026-11-27"),
    ]
    assert dialog.table.isVisible() and not dialog.empty.isVisible()
    assert not dialog.flip_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert not dialog.warning.isVisible() and not dialog.private_note.isVisible()


def test_the_table_sorts_by_any_column(qtbot, bank: TruthBank) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, bank)
    assert dialog.table.isSortingEnabled()
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert [row[2] for row in _rows(dialog)] == ["2026-11-27", "2026-11-27", "2026-01-05"]
    dialog.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [row[1] for row in _rows(dialog)][-1] == "Not true for me"


def test_an_empty_bank_says_how_to_fill_it(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, TruthBank.load())
    assert dialog.table.rowCount() == 0
    assert dialog.empty.isVisible() and dialog.empty.text() == EMPTY_TEXT
    assert EMPTY_TEXT == ("Nothing confirmed or denied yet. Answer a question in the suggestions "
                          "panel and it is kept here.")
    assert not dialog.table.isVisible()


def test_flipping_and_removing_change_the_bank_on_ok(qtbot, bank: TruthBank) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, bank)
    _select(dialog, "Kubernetes", "COBOL")
    assert dialog.flip_button.isEnabled() and dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.flip_button, Qt.MouseButton.LeftButton)
    assert _rows(dialog) == [
        ("Apache Airflow", "I have this", "2026-11-27"),
        ("COBOL", "I have this", "2026-12-03"),
        ("Kubernetes", "Not true for me", "2026-12-03"),
    ]
    assert sorted(dialog.selected_keys()) == ["cobol", "kubernetes"]  # still selected
    _select(dialog, "Apache Airflow")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [row[0] for row in _rows(dialog)] == ["COBOL", "Kubernetes"]
    assert bank.get("kubernetes") is Answer.YES  # nothing changes before OK

    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert bank.facts() == [Fact("cobol", "COBOL", Answer.YES, "2026-12-03"),
                            Fact("kubernetes", "Kubernetes", Answer.NO, "2026-12-03")]
    saved = TruthBank.load()
    assert saved.facts() == bank.facts()
    assert saved.denied() == frozenset({"kubernetes"})


def test_flipping_twice_restores_the_original_answer_and_date(qtbot, bank: TruthBank) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, bank)
    _select(dialog, "COBOL")
    dialog.flip_selected()
    dialog.flip_selected()
    assert ("COBOL", "Not true for me", "2026-01-05") in _rows(dialog)


def test_cancel_discards_the_changes(qtbot, bank: TruthBank) -> None:  # type: ignore[no-untyped-def]
    before = default_path().read_bytes()
    dialog = _dialog(qtbot, bank)
    _select(dialog, "Kubernetes")
    dialog.remove_selected()
    dialog.reject()
    assert bank.get("kubernetes") is Answer.YES
    assert default_path().read_bytes() == before


def test_the_delete_key_removes_the_selection(qtbot, bank: TruthBank) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, bank)
    _select(dialog, "COBOL")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [row[0] for row in _rows(dialog)] == ["Apache Airflow", "Kubernetes"]


def test_a_failed_save_shows_the_error_and_loses_nothing(  # type: ignore[no-untyped-def]
        qtbot, bank: TruthBank, monkeypatch: pytest.MonkeyPatch) -> None:
    before = default_path().read_bytes()
    dialog = _dialog(qtbot, bank)
    _select(dialog, "Kubernetes")
    dialog.flip_selected()
    message = "Your confirmed and denied skills could not be saved (disk full). Free some space."

    def fail() -> None:
        raise TruthBankError(message)

    with monkeypatch.context() as patch:
        patch.setattr(bank, "save", fail)
        _ok(qtbot, dialog)
        box = dialog.message_box
        assert box is not None and box.isVisible() and box.text() == message
        assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        assert ("Kubernetes", "Not true for me", "2026-12-03") in _rows(dialog)
        assert bank.get("kubernetes") is Answer.YES  # the bank is as it was
        box.close()
    assert default_path().read_bytes() == before

    _ok(qtbot, dialog)  # saving works again: OK again saves the same changes
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert TruthBank.load().get("kubernetes") is Answer.NO


def test_a_private_bank_says_it_is_forgotten_and_a_warning_is_shown(  # type: ignore[no-untyped-def]
        qtbot, home: Path) -> None:
    private = TruthBank(None)
    private.answer("go", "Go", Answer.YES, DAY)
    dialog = _dialog(qtbot, private)
    assert dialog.private_note.isVisible()
    _select(dialog, "Go")
    dialog.remove_selected()
    _ok(qtbot, dialog)
    assert private.facts() == []
    assert not default_path().exists()

    default_path().parent.mkdir(parents=True)
    default_path().write_text("{damaged", encoding="utf-8")
    damaged = TruthBank.load()
    dialog = _dialog(qtbot, damaged)
    assert damaged.warning is not None
    assert dialog.warning.isVisible() and dialog.warning.text() == damaged.warning
