"""In-place DOCX export: anchors address python-docx's tree, untouched parts stay identical,
and edits keep the user's formatting (split runs, tables, hyperlinks, headers, bullets)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tailorfit.core import docx_xml as dx
from tailorfit.core.edits import EditKind, apply_edits, insert_text, replace_text
from tailorfit.core.errors import ExportError, SourceChangedError
from tailorfit.core.export.docx_tree import DocxTree
from tailorfit.core.export.in_place import write_in_place
from tailorfit.core.export.suggestions import AcceptedSuggestion, suggestion_edits
from tailorfit.core.export.typed import typed_edits
from tailorfit.core.model import Document, DocxAnchor, InsertionPoint, Position, Region
from tailorfit.core.normalize import normalize
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume
from tests.core.export_docs import (
    W,
    body_xml,
    canonical,
    make_resume,
    paragraph_with,
    parts,
    runs_of,
)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    return make_resume(tmp_path / "jane.docx")


def _docx_sources(corpus: Path | None) -> list[Path]:
    found = [sample_resume(), sample_posting()]
    if corpus is not None:
        found += sorted(corpus.glob("**/*.docx"))
    return found


def _block_index(document: Document, text: str) -> int:
    return next(i for i, b in enumerate(document.blocks) if text in b.text)


def _export(source: Path, document: Document, edits: list, tmp_path: Path, *,
            tracked: bool = False) -> Path:
    out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}.docx"
    out.write_bytes(write_in_place(source.read_bytes(), document, edits, tracked=tracked))
    return out


# -- anchors and identity ---------------------------------------------------------------------

def _assert_anchors_address_runs(path: Path) -> int:
    """Every block's pieces, resolved in python-docx's tree, spell the block's text."""
    document = read_document(path)
    tree = DocxTree(path.read_bytes(), path)
    checked = 0
    for block in document.blocks:
        raw = ""
        for piece in block.pieces:
            anchor = piece.anchor(piece.raw_start, piece.raw_end)
            assert isinstance(anchor, DocxAnchor)
            span = tree.resolve(anchor)
            raw += dx.run_text(span.run, span.part.w)[span.start:span.end]
            checked += 1
        assert normalize(raw).text == block.text, (path.name, block.text)
    return checked


def test_anchors_address_python_docx_runs_in_samples_and_built(built: Path) -> None:
    for path in [*_docx_sources(None), built]:
        assert _assert_anchors_address_runs(path) > 10


@pytest.mark.corpus
def test_anchors_address_python_docx_runs_on_every_corpus_docx(corpus: Path) -> None:
    paths = sorted(corpus.glob("**/*.docx"))
    assert len(paths) >= 6
    for path in paths:
        assert _assert_anchors_address_runs(path) > 0


def test_hyperlink_runs_are_counted_though_python_docx_runs_skips_them(built: Path) -> None:
    document = read_document(built)
    index = _block_index(document, "github.com/jane")
    paragraph = docx.Document(str(built)).paragraphs[_paragraph_number(document, index)]
    assert "github.com/jane" not in "".join(r.text for r in paragraph.runs)  # python-docx
    tree = DocxTree(built.read_bytes(), built)
    anchor = document.blocks[index].anchors(*_span(document.blocks[index].text, "github"))[0]
    span = tree.resolve(anchor)
    assert dx.local(span.run.getparent()) == "hyperlink"


def _paragraph_number(document: Document, index: int) -> int:
    anchor = document.blocks[index].anchors(0, 1)[0]
    assert isinstance(anchor, DocxAnchor)
    return anchor.paragraph


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _assert_identical(source: Path, exported: bytes) -> None:
    before, after = parts(source), parts(exported)
    assert list(before) == list(after)
    for name, data in before.items():
        if name == "docProps/core.xml":
            assert canonical(data, drop_modified=True) == canonical(after[name],
                                                                    drop_modified=True)
            assert data != after[name]  # the modified time moved on
        elif name.endswith((".xml", ".rels")):
            assert canonical(data) == canonical(after[name]), (source.name, name)
        else:
            assert data == after[name], (source.name, name)


def test_export_without_edits_is_the_same_document(built: Path) -> None:
    for path in [*_docx_sources(None), built]:
        document = read_document(path)
        _assert_identical(path, write_in_place(path.read_bytes(), document, []))


@pytest.mark.corpus
def test_round_trip_identity_on_every_corpus_docx(corpus: Path) -> None:
    for path in sorted(corpus.glob("**/*.docx")):
        document = read_document(path)
        _assert_identical(path, write_in_place(path.read_bytes(), document, []))


def test_untouched_parts_keep_their_bytes(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    index = _block_index(document, "Go, Python, SQL")
    edits = [replace_text(document, index, 0, 2, "Golang")]
    after = parts(_export(built, document, edits, tmp_path))
    before = parts(built)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"word/document.xml", "docProps/core.xml"}


# -- edits keep formatting ----------------------------------------------------------------------

def test_replacement_spanning_runs_keeps_each_remaining_runs_formatting(
        built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    index = _block_index(document, "Kafka pipelines")
    text = document.blocks[index].text
    start, end = text.index("Kafka"), text.index("pipelines") + len("pipeline")
    # One replacement over the bold "Kaf", the italic "ka pipeline" (all but its "s").
    out = _export(built, document, [replace_text(document, index, start, end, "event stream")],
                  tmp_path)
    runs = runs_of(paragraph_with(body_xml(out), "event streams"))
    assert ("event stream", {"b"}) in runs  # the new text takes the first run's formatting
    assert ("s", {"i"}) in runs  # what remains of the italic run stays italic
    assert ("github.com/jane", {"b", "link"}) in runs
    assert read_document(out).blocks[index].text == text[:start] + "event stream" + text[end:]


def test_word_level_suggestion_keeps_unchanged_words_in_their_runs(
        built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    index = _block_index(document, "Kafka pipelines")
    before = document.blocks[index].text
    after = before.replace("Kafka pipelines handling", "Kafka pipelines in Go handling")
    suggestion = AcceptedSuggestion("s1", "rewrite", "Name Go", index, before, after)
    out = _export(built, document, suggestion_edits(document, [suggestion]), tmp_path)
    runs = runs_of(paragraph_with(body_xml(out), "pipelines in Go"))
    assert ("Kaf", {"b"}) in runs and ("ka pipelines", {"i"}) in runs
    assert read_document(out).blocks[index].text == after


def test_edit_in_a_table_cell(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    index = _block_index(document, "Go, Python, SQL")
    assert document.blocks[index].kind.value == "table_cell"
    skill = AcceptedSuggestion("s2", "skill", "Add Rust", index, "", "Rust",
                               position=Position.INSIDE)
    out = _export(built, document, suggestion_edits(document, [skill]), tmp_path)
    root = body_xml(out)
    cell = paragraph_with(root, "Go, Python, SQL, Rust")
    assert dx.container_kind(cell, W) == "table"
    assert len(list(root.iter(f"{{{W}}}tbl"))) == 1


def test_edit_inside_a_hyperlink_stays_in_the_link(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    index = _block_index(document, "github.com/jane")
    working = document.text.replace("github.com/jane", "github.com/jane-example")
    out = _export(built, document, typed_edits(document, working), tmp_path)
    runs = runs_of(paragraph_with(body_xml(out), "jane-example"))
    linked = "".join(text for text, flags in runs if "link" in flags)
    assert linked == "github.com/jane-example"
    assert parts(out)["word/_rels/document.xml.rels"] == parts(built)["word/_rels/document.xml.rels"]
    assert "github.com/jane-example" in read_document(out).blocks[index].text


def test_edit_in_the_page_header(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    assert document.blocks[0].region is Region.HEADER
    working = document.text.replace("Austin, TX", "Remote (US)", 1)
    out = _export(built, document, typed_edits(document, working), tmp_path)
    header = read_document(out).blocks[0]
    assert header.region is Region.HEADER and header.text.endswith("Remote (US)")
    runs = runs_of(paragraph_with(body_xml(out, "word/header1.xml"), "Remote"))
    assert ("jane@example.com", {"i"}) in runs  # the untouched run keeps its italics


def test_added_bullet_copies_its_neighbour_and_continues_the_list(
        built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    lines = document.text.split("\n")
    at = lines.index("Led a team of four engineers through a Kubernetes migration.")
    lines.insert(at + 1, "Mentored two junior engineers to promotion.")
    edits = typed_edits(document, "\n".join(lines))
    assert [e.kind for e in edits] == [EditKind.INSERT] and edits[0].is_paragraph
    out = _export(built, document, edits, tmp_path)
    root = body_xml(out)
    new = paragraph_with(root, "Mentored two junior")
    old = paragraph_with(root, "Led a team of four")
    assert new.getprevious() is old
    style = new.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val")
    assert style == old.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val") == "ListBullet"
    written = read_document(out)
    block = written.blocks[_block_index(written, "Mentored two junior")]
    assert block.kind.value == "list_item" and block.props is not None
    assert block.props.num_id == document.blocks[at].props.num_id


def test_added_bullet_with_direct_numbering_keeps_num_id(tmp_path: Path) -> None:
    source = docx.Document()
    source.add_heading("Experience", level=1)
    numbering = source.styles["List Number"].element.pPr.numPr.numId.val
    for text in ("Shipped the billing service.", "Ran the on-call rotation."):
        paragraph = source.add_paragraph(text)
        ppr = paragraph._p.get_or_add_pPr()
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 1
        numpr.get_or_add_numId().val = numbering
    path = tmp_path / "numbered.docx"
    source.save(path)
    document = read_document(path)
    last = len(document.blocks) - 1
    edit = insert_text(document, InsertionPoint(last, Position.AFTER), "Wrote the runbooks.")
    written = read_document(_export(path, document, [edit], tmp_path))
    new = written.blocks[-1]
    assert new.text == "Wrote the runbooks." and new.kind.value == "list_item"
    assert (new.props.num_id, new.props.level) == (numbering, 1)


@pytest.mark.corpus
def test_added_bullet_continues_a_corpus_list(corpus: Path, tmp_path: Path) -> None:
    path = corpus / "resumes/docx/fictional-ebony-moore-accountant-soupboss.docx"
    document = read_document(path)
    at = next(i for i, b in enumerate(document.blocks) if b.kind.value == "list_item")
    edit = insert_text(document, InsertionPoint(at, Position.AFTER), "Closed the books in 4 days.")
    written = read_document(_export(path, document, [edit], tmp_path))
    new = written.blocks[at + 1]
    assert new.text == "Closed the books in 4 days."
    assert new.props.num_id == document.blocks[at].props.num_id
    assert new.props.level == document.blocks[at].props.level


def test_typed_edit_reaches_the_export_with_the_runs_formatting(
        built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    working = document.text.replace("Senior Software Engineer", "Staff Software Engineer")
    edits = typed_edits(document, working)
    assert len(edits) == 1 and edits[0].text == "Staff"
    out = _export(built, document, edits, tmp_path)
    runs = runs_of(paragraph_with(body_xml(out), "Staff Software"))
    assert ("Staff", {"b"}) in runs
    assert read_document(out).text == working


def test_typed_edits_of_every_kind_match_the_working_text(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    lines = document.text.split("\n")
    lines[lines.index("Cut p99 latency from 800 ms to 120 ms.")] = \
        "Cut p99 latency from 800 ms to 90 ms with caching."
    lines.remove("Designed REST APIs in Python for scheduling.")
    lines.insert(lines.index("Bluebonnet Health, Dallas, TX") + 1,
                 "Designed gRPC and REST APIs in Python.")
    working = "\n".join(lines)
    edits = typed_edits(document, working)
    written = read_document(_export(built, document, edits, tmp_path))
    assert written.text == working
    assert written.text == apply_edits(document, edits).text


def test_deleted_line_removes_its_paragraph(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    lines = document.text.split("\n")
    lines.remove("Cut p99 latency from 800 ms to 120 ms.")
    out = _export(built, document, typed_edits(document, "\n".join(lines)), tmp_path)
    before = len(list(body_xml(built).iter(f"{{{W}}}p")))
    assert len(list(body_xml(out).iter(f"{{{W}}}p"))) == before - 1


def test_tracked_changes_by_tailorfit(built: Path, tmp_path: Path) -> None:
    document = read_document(built)
    lines = document.text.split("\n")
    lines[lines.index("Cut p99 latency from 800 ms to 120 ms.")] = \
        "Cut p99 latency from 800 ms to 90 ms."
    lines.insert(lines.index("Led a team of four engineers through a Kubernetes migration."),
                 "Owned the payments API.")
    working = "\n".join(lines)
    out = _export(built, document, typed_edits(document, working), tmp_path, tracked=True)
    root = body_xml(out)
    inserted = list(root.iter(f"{{{W}}}ins"))
    deleted = list(root.iter(f"{{{W}}}del"))
    assert inserted and deleted
    assert {e.get(f"{{{W}}}author") for e in inserted + deleted} == {"Tailorfit"}
    ids = [e.get(f"{{{W}}}id") for e in inserted + deleted]
    assert len(ids) == len(set(ids))
    assert "".join(t.text for d in deleted for t in d.iter(f"{{{W}}}delText")) == "120"
    assert read_document(out).text == working  # the reader shows the document as accepted


def test_source_changed_on_disk_is_refused(built: Path, tmp_path: Path) -> None:
    from tailorfit.core.export.pipeline import export_resume

    document = read_document(built)
    other = docx.Document(str(built))
    other.add_paragraph("Added in Word after Tailorfit opened the file.")
    other.save(built)
    target = tmp_path / "tailored.docx"
    with pytest.raises(SourceChangedError, match="changed on disk"):
        export_resume(document, target)
    assert not target.exists()


def test_macro_enabled_source_gets_a_clear_message(tmp_path: Path) -> None:
    import zipfile

    source = make_resume(tmp_path / "jane.docx")
    docm = tmp_path / "jane.docm"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(docm, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document."
                    b"main+xml", b"application/vnd.ms-word.document.macroEnabled.main+xml")
            new.writestr(info, data)
    document = read_document(docm)
    with pytest.raises(ExportError, match="macro-enabled"):
        write_in_place(docm.read_bytes(), document, [])


def test_suggested_bullet_copies_a_typed_bullet_glyph_and_the_texts_look(tmp_path: Path) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    source = docx.Document()
    source.add_heading("Experience", level=1)
    paragraph = source.add_paragraph()
    glyph = paragraph.add_run("\u2022\t")
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), "Symbol")
    glyph._r.get_or_add_rPr().append(fonts)
    paragraph.add_run("Built dashboards for 40 stores.").italic = True
    path = tmp_path / "glyphs.docx"
    source.save(path)
    document = read_document(path)
    index = _block_index(document, "Built dashboards")
    assert document.blocks[index].content_start == 2
    suggestion = AcceptedSuggestion("s1", "bullet", "", index, "", "Cut reporting time by 60%.",
                                    position=Position.AFTER)
    out = _export(path, document, suggestion_edits(document, [suggestion]), tmp_path)
    runs = runs_of(paragraph_with(body_xml(out), "Cut reporting"))
    assert runs == [("\u2022\t", {"rFonts"}), ("Cut reporting time by 60%.", {"i"})]
    assert read_document(out).blocks[index + 1].text == "• Cut reporting time by 60%."
    typed = typed_edits(document, document.text + "\nTyped without a bullet")
    written = read_document(_export(path, document, typed, tmp_path))
    assert written.blocks[-1].text == "Typed without a bullet"
