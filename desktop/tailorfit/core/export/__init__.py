"""Exporting a tailored resume (DOCX) and the match report.

The window calls these from its worker thread; the command line calls them directly:

- :func:`plan_edits` gives the edits to export: the differences between the source and the
  resume pane's working text (:func:`typed_edits`), labelled with the accepted suggestions
  they carry, or the accepted suggestions applied to the source (:func:`suggestion_edits`).
  All are :class:`~tailorfit.core.edits.Edit` objects with source anchors.
- :func:`export_resume` writes the tailored DOCX (in place for a Word source, a clean copy
  in a look otherwise), atomically, reads it back and returns an :class:`ExportResult`.
- :func:`default_file_name` gives "Jane Doe - Mercari - Backend Engineer.docx".
- :func:`render_report` renders the HTML match report (``tailorfit.ui.pdf`` prints it).

Names load on first use (PEP 562): importing the package costs nothing until an export runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tailorfit.core.export.ats import AtsWarning
    from tailorfit.core.export.checks import find_placeholders
    from tailorfit.core.export.clean import DEFAULT_TEMPLATE, template_names
    from tailorfit.core.export.pipeline import (
        ExportOptions,
        ExportResult,
        Progress,
        export_mode,
        export_resume,
    )
    from tailorfit.core.export.plan import label_suggestions, plan_edits
    from tailorfit.core.export.report import edit_rows, render_report, write_report_html
    from tailorfit.core.export.save import default_file_name, write_atomically
    from tailorfit.core.export.suggestions import (
        AcceptedSuggestion,
        load_suggestions,
        parse_suggestions,
        suggestion_edits,
    )
    from tailorfit.core.export.typed import typed_edits

_WHERE = {
    "AtsWarning": "ats", "find_placeholders": "checks", "DEFAULT_TEMPLATE": "clean",
    "template_names": "clean", "ExportOptions": "pipeline", "ExportResult": "pipeline",
    "Progress": "pipeline", "export_mode": "pipeline", "export_resume": "pipeline",
    "render_report": "report", "write_report_html": "report", "edit_rows": "report",
    "plan_edits": "plan", "label_suggestions": "plan",
    "default_file_name": "save", "write_atomically": "save",
    "AcceptedSuggestion": "suggestions", "load_suggestions": "suggestions",
    "parse_suggestions": "suggestions", "suggestion_edits": "suggestions",
    "typed_edits": "typed",
}
__all__ = [
    "DEFAULT_TEMPLATE", "AcceptedSuggestion", "AtsWarning", "ExportOptions", "ExportResult",
    "Progress", "default_file_name", "edit_rows", "export_mode", "export_resume",
    "find_placeholders", "label_suggestions", "load_suggestions", "parse_suggestions",
    "plan_edits", "render_report", "suggestion_edits",
    "template_names", "typed_edits", "write_atomically", "write_report_html",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tailorfit.core.export' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"tailorfit.core.export.{module}"), name)
