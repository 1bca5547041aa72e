"""Readers: layout of PDFs, saved job pages, Markdown and Word structure."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tailorfit.core.model import BlockKind, Region, SourceFormat
from tailorfit.core.readers import read_document
from tests.pdfgen import Page, build_pdf


def test_two_column_pdf_reads_one_column_then_the_other(tmp_path: Path) -> None:
    # The content stream interleaves the columns row by row, as some producers do.
    page = Page().text(72, 740, "JANE ROE", 20)
    left = ["SKILLS", "Python", "Kubernetes", "Terraform", "PostgreSQL", "EDUCATION",
            "B.S. Computer Science", "LANGUAGES", "English", "Spanish"]
    right = ["EXPERIENCE", "Senior Engineer, Acme Corp", "Jan 2020 - Present",
             "- Built data pipelines for billing", "- Led a team of five engineers",
             "Engineer, Beta LLC", "Jun 2015 - Dec 2019", "- Wrote services in Go",
             "- Ran the on-call rotation", "- Cut latency by 40%"]
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        page.text(72, 700 - row * 16, a).text(250, 700 - row * 16, b)
    path = tmp_path / "two-column.pdf"
    path.write_bytes(build_pdf([page]))
    blocks = [b.text for b in read_document(path).blocks]
    assert blocks[0] == "JANE ROE"
    assert not any(a in b and c in b for b in blocks for a, c in zip(left, right, strict=True))
    left_end = max(i for i, b in enumerate(blocks) if any(b.startswith(x) for x in left))
    right_start = min(i for i, b in enumerate(blocks) if any(b.startswith(x) for x in right))
    assert left_end < right_start


def test_date_column_stays_on_its_row(tmp_path: Path) -> None:
    # moderncv: dates in a narrow left column beside each entry are read with the entry.
    page = Page().text(72, 740, "Experience", 14)
    entries = [("2019 - 2021", "Data Engineer, Northwind", "Built pipelines and reports."),
               ("2016 - 2019", "Analyst, Contoso", "Wrote SQL for finance teams."),
               ("2014 - 2016", "Intern, Fabrikam", "Cleaned data in Excel.")]
    y = 700
    for when, title, detail in entries:
        page.text(72, y, when).text(160, y, title).text(160, y - 14, detail)
        y -= 48
    path = tmp_path / "moderncv.pdf"
    path.write_bytes(build_pdf([page]))
    texts = [b.text for b in read_document(path).blocks]
    assert "2019 - 2021 | Data Engineer, Northwind" in texts
    assert "2016 - 2019 | Analyst, Contoso" in texts


def test_wrapped_pdf_lines_join_and_hyphenation_is_undone(tmp_path: Path) -> None:
    page = Page()
    lines = ["- Designed and implemented the real-time fraud detection pipeline for pay-",
             "ments across twelve regional markets with strict latency budgets, with a",
             "small team.",
             "- Second bullet starts here"]
    for row, line in enumerate(lines):
        page.text(72, 700 - row * 13, line)
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(build_pdf([page]))
    blocks = read_document(path).blocks
    assert [b.kind for b in blocks] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert "for payments across twelve" in blocks[0].text
    assert blocks[0].text.endswith("with a small team.")


def test_a_sentence_that_ends_short_of_the_column_ends_the_line(tmp_path: Path) -> None:
    """Bullets whose glyphs are drawn, not written, arrive as lines of text at one indent: a
    line that ends a sentence well before the column's right edge is no wrapped line."""
    page = Page()
    lines = ["Led a team to optimize load balancing and network configurations across three",
             "regions, boosting application response time by 30%.",
             "Deployed Docker containers for twelve services.",
             "Collaborated in on-call rotations, maintaining 99.9% service availability."]
    for row, line in enumerate(lines):
        page.text(90, 700 - row * 13, line)
    path = tmp_path / "drawn-bullets.pdf"
    path.write_bytes(build_pdf([page]))
    texts = [b.text for b in read_document(path).blocks]
    assert texts == ["Led a team to optimize load balancing and network configurations across "
                     "three regions, boosting application response time by 30%.",
                     "Deployed Docker containers for twelve services.",
                     "Collaborated in on-call rotations, maintaining 99.9% service availability."]


def test_a_date_range_wrapped_in_its_column_stays_with_its_entry(tmp_path: Path) -> None:
    """moderncv sets "2021 -" and "Present" on two lines of a narrow date column."""
    page = Page()
    page.text(108, 700, "2021 -")
    page.text(150, 700, "Machine Learning Engineer, OpenAI, San Francisco")
    page.text(104, 687, "Present")
    page.text(150, 687, "Leading a team of AI engineers on ranking models and evaluation.")
    page.text(82, 660, "2018 - 2021")
    page.text(150, 660, "Data Scientist, Uber, San Francisco")
    path = tmp_path / "dates.pdf"
    path.write_bytes(build_pdf([page]))
    texts = [b.text for b in read_document(path).blocks]
    assert texts[0] == "2021 - Present | Machine Learning Engineer, OpenAI, San Francisco"
    assert texts[1].startswith("Leading a team of AI engineers")


@pytest.mark.corpus
def test_drawn_bullets_of_a_real_resume_stay_apart(corpus: Path) -> None:
    path = corpus / "resumes/pdf/fictional-anderson-devops-sre-resumementor-soupboss.pdf"
    texts = [b.text for b in read_document(path).blocks]
    assert any(t.startswith("Managed cloud infrastructure on AWS") for t in texts)
    assert not any("by 15%. Managed" in t for t in texts)


def test_saved_job_page_drops_scripts_navigation_and_footer(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>Job</title>
    <script>window.apply = "Apply now";</script><style>p{color:red}</style></head><body>
    <nav class="top-nav"><a href="/">Home</a> &gt; <a>Careers</a></nav>
    <div id="cookie-banner">We use cookies. <button>Accept all</button></div>
    <main><h1>Senior Data Engineer</h1><p>Acme Corp &ndash; Remote</p>
    <h2>What you&#8217;ll need</h2>
    <ul><li>5+ years with <b>Python</b> and
    SQL</li><li>Experience with dbt &amp; Airflow</li></ul></main>
    <div hidden>Hidden tracking text</div>
    <footer>&copy; 2024 Acme &middot; Privacy</footer></body></html>"""
    path = tmp_path / "job.html"
    path.write_text(html, encoding="utf-8")
    document = read_document(path)
    assert document.source.format is SourceFormat.HTML
    assert [b.text for b in document.blocks] == [
        "Senior Data Engineer", "Acme Corp - Remote", "What you'll need",
        "5+ years with Python and SQL", "Experience with dbt & Airflow"]
    assert document.blocks[0].kind is BlockKind.HEADING
    assert document.blocks[3].kind is BlockKind.LIST_ITEM
    lines = html.split("\n")
    start = document.text.index("Python")
    (anchor,) = document.anchors(start, start + 6)
    assert lines[anchor.line - 1][anchor.start:anchor.end] == "Python"


def test_markdown_syntax_is_not_analysed_text(tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text("# Jane Roe\n\n## Experience\n\n- Built **Kafka** pipelines in `Go`\n"
                    "- See [my repo](https://example.com/repo)\n", encoding="utf-8")
    document = read_document(path)
    assert [b.text for b in document.blocks] == [
        "Jane Roe", "Experience", "- Built Kafka pipelines in Go", "- See my repo"]
    assert document.blocks[1].style.heading_level == 2
    assert document.blocks[2].content == "Built Kafka pipelines in Go"


def test_docx_text_boxes_are_read_once(tmp_path: Path) -> None:
    source = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Body paragraph")
    document.save(source)
    import zipfile

    xml = zipfile.ZipFile(source).read("word/document.xml").decode()
    box = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
           'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
           '<w:p><w:r><w:t>Sidebar skills: Go, SQL</w:t></w:r></w:p></w:txbxContent></w:drawing>'
           '</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Sidebar skills: Go, '
           'SQL</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>'
           '</w:r></w:p>')
    xml = xml.replace("<w:sectPr", box + "<w:sectPr", 1)
    path = tmp_path / "textbox.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, xml if item.filename == "word/document.xml" else src.read(item))
    blocks = read_document(path).blocks
    boxes = [b for b in blocks if b.text == "Sidebar skills: Go, SQL"]
    assert len(boxes) == 1 and boxes[0].region is Region.TEXTBOX


def test_docx_headings_lists_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Experience", level=1)
    document.add_paragraph("Shipped things", style="List Bullet")
    document.add_paragraph("Second level", style="List Bullet 2")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Go, SQL"
    path = tmp_path / "styles.docx"
    document.save(path)
    blocks = read_document(path).blocks
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].style.heading_level == 1
    assert blocks[1].kind is BlockKind.LIST_ITEM
    assert blocks[2].kind is BlockKind.LIST_ITEM
    assert [b.kind for b in blocks[3:]] == [BlockKind.TABLE_CELL, BlockKind.TABLE_CELL]


def test_page_numbers_in_a_deep_bottom_margin_are_footers(tmp_path: Path) -> None:
    # moderncv puts "1/2" about 100 pt above the page edge, higher than most footers.
    pages = []
    for number in (1, 2):
        page = Page().text(72, 740, "Experience", 14)
        page.text(72, 700, "Built pipelines and reports for the finance team.")
        page.text(300, 100, f"{number}/2")
        pages.append(page)
    path = tmp_path / "numbered.pdf"
    path.write_bytes(build_pdf(pages))
    numbers = [b for b in read_document(path).blocks if b.text in ("1/2", "2/2")]
    assert len(numbers) == 2 and all(b.region is Region.FOOTER for b in numbers)


def test_icon_font_glyphs_are_not_read_as_letters(corpus: Path) -> None:
    """moderncv's FontAwesome phone, mail and GitHub marks map to stray letters in the text
    layer ("I (123) 456-7891", "ð hdent"); they are blanked, the words beside them kept."""
    document = read_document(corpus / "resumes" / "pdf" /
                             "fictional-harvey-dent-ml-engineer-moderncv-rm.pdf")
    texts = [block.text for block in document.blocks]
    assert "(123) 456-7891" in texts and "hdent@email.com" in texts
    assert not any(t.startswith(("I (", "# ", "ð", "§")) or "| I (" in t for t in texts)


def test_a_hanging_indent_continues_a_long_list_item(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "EXPERIENCE\n"
        " - Designed and led an independent project on kinase regulation; built 30+ (Gibson,\n"
        "   Golden Gate) expression constructs and site-directed mutants.\n"
        " - Co-supervised 2 MSc students.\n"
        "\n"
        "- Sales Representative\n"
        "  XYZ Corporation, Springfield\n", encoding="utf-8")
    texts = [b.text for b in read_document(path).blocks]
    assert ("- Designed and led an independent project on kinase regulation; built 30+ "
            "(Gibson, Golden Gate) expression constructs and site-directed mutants.") in texts
    assert "- Co-supervised 2 MSc students." in texts
    # under a short item, an indented line is a line of its own (the employer under a title)
    assert "- Sales Representative" in texts and "XYZ Corporation, Springfield" in texts


def test_a_line_that_leaves_a_parenthesis_open_runs_on(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text("You hold a relevant Master's degree ( i.e .\nBusiness Engineering or Supply "
                    "Chain Management ) backed by 7 years of experience .\nYou speak English .\n",
                    encoding="utf-8")
    texts = [b.text for b in read_document(path).blocks]
    assert texts[0].startswith("You hold a relevant Master's degree ( i.e . Business")
    assert texts[1] == "You speak English ."


def test_an_ongoing_range_does_not_take_the_next_entrys_dates(tmp_path: Path) -> None:
    page = Page()
    page.text(108, 700, "2021 -")
    page.text(150, 700, "Staff Engineer, Northwind, Berlin")
    page.text(82, 687, "2018 - 2021")
    page.text(150, 687, "Engineer, Acme, Hamburg")
    path = tmp_path / "ongoing.pdf"
    path.write_bytes(build_pdf([page]))
    texts = [b.text for b in read_document(path).blocks]
    assert texts[0].startswith("2021 -") and "2018" not in texts[0]
    assert any(t.startswith("2018 - 2021") for t in texts)
