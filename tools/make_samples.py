"""Write the bundled sample documents that Tailorfit opens on first start.

Usage: python tools/make_samples.py

Writes resources/samples/sample-resume.docx and resources/samples/sample-posting.docx.
Everything in them is fictional: the person, the employers, the school and the company
hiring. Phone numbers are 555-01xx numbers and addresses are under example.com/.org.

The output is deterministic: the core properties carry fixed dates and the zip entries a
fixed timestamp, so running the script again gives byte-identical files (with the same
python-docx and zlib).

The resume deliberately contains things a DOCX reader must cope with:
  * contact details (with w:hyperlink elements) in the page header, not the body;
  * the name as a Title-style paragraph, headings in "Heading 1" rendered in caps;
  * date ranges after a right tab stop, with en dashes ("Jan 2023 – Present");
  * "List Bullet" paragraphs (real Word numbering, numId from the style);
  * words split across runs: bold "Kafka" + "-based", "Terra" + "form" (noProof on the
    second run), "Postgre" + "SQL" (same formatting, different rsid);
  * curly quotes and apostrophes, non-breaking spaces in "820 ms";
  * the skills as a borderless two-column table;
  * a footer with a PAGE field (its instruction text must not be read as content).

The posting contains trap phrases for a naive matcher: "go-to person" and "C-level".
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "samples"

FIXED_DATE = dt.datetime(2026, 1, 5, 9, 0, 0)
ZIP_DATE = (2026, 1, 5, 9, 0, 0)
AUTHOR = "Tailorfit samples"

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x55, 0x5F, 0x6B)
LINK = RGBColor(0x05, 0x63, 0xC1)

PAGE_WIDTH = Inches(8.5)
SIDE_MARGIN = Inches(0.75)
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * SIDE_MARGIN)  # right tab stop for dates

EN_DASH = "\u2013"
MIDDOT = "\u00b7"
RSQUO = "\u2019"
LDQUO, RDQUO = "\u201c", "\u201d"
NBSP = "\u00a0"


# --------------------------------------------------------------------------- helpers


def set_font(style_or_run, name: str) -> None:
    """Set all four rFonts slots, so theme fonts do not win for any script."""
    style_or_run.font.name = name
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def drop_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for el in ppr.findall(qn("w:pBdr")):
        ppr.remove(el)


def bottom_border(style, color: str = "1F3A5F", size: int = 6, space: int = 1) -> None:
    ppr = style.element.get_or_add_pPr()
    for el in ppr.findall(qn("w:pBdr")):
        ppr.remove(el)
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size))
    bottom.set(qn("w:space"), str(space))
    bottom.set(qn("w:color"), color)
    pbdr.append(bottom)
    # w:pBdr must come after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr
    # and before w:shd/w:tabs/w:spacing etc.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind",
                "w:contextualSpacing", "w:jc", "w:outlineLvl"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(pbdr)
    else:
        ppr.append(pbdr)


def run(paragraph, text: str, *, bold=None, italic=None, size=None, color=None,
        no_proof=False, rsid=None):
    r = paragraph.add_run(text)
    if bold is not None:
        r.bold = bold
    if italic is not None:
        r.italic = italic
    if size is not None:
        r.font.size = Pt(size)
    if color is not None:
        r.font.color.rgb = color
    if no_proof:
        r.font.no_proof = True
    if rsid is not None:
        r._r.set(qn("w:rsidR"), rsid)
    return r


def hyperlink(paragraph, url: str, text: str) -> None:
    """Append a real <w:hyperlink r:id=...> with one run in the Hyperlink style."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rstyle = OxmlElement("w:rStyle")
    rstyle.set(qn("w:val"), "Hyperlink")
    rpr.append(rstyle)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    link.append(r)
    paragraph._p.append(link)


def field(paragraph, instr: str, cached: str) -> None:
    """Append a complex field (begin / instrText / separate / result / end)."""

    def fld_char(kind: str):
        r = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r.append(fc)
        return r

    paragraph._p.append(fld_char("begin"))
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r.append(it)
    paragraph._p.append(r)
    paragraph._p.append(fld_char("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = cached
    r.append(t)
    paragraph._p.append(r)
    paragraph._p.append(fld_char("end"))


def no_cell_margins_table(table, width) -> None:
    """Fixed-width table whose first column starts flush with the body text."""
    table.autofit = False  # adds <w:tblLayout w:type="fixed"/>
    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(int(width.twips)))
    mar = OxmlElement("w:tblCellMar")
    for side, w in (("left", 0), ("right", 115)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(w))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    # Schema order: ... tblLayout, tblCellMar, tblLook.
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(mar)
    else:
        tblpr.append(mar)


def base_document(*, title: str, subject: str, keywords: str):
    doc = Document()

    # Drop the template's thumbnail (a picture of some other document).
    pkg_rels = doc.part.package.rels
    for r_id, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg_rels.pop(r_id)

    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = title
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = "Fictional sample document written for Tailorfit."
    cp.category = "Sample"
    cp.revision = 1
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE

    section = doc.sections[0]
    section.page_width = PAGE_WIDTH
    section.page_height = Inches(11)
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin = Inches(0.9)
    section.bottom_margin = Inches(0.75)
    section.header_distance = Inches(0.4)
    section.footer_distance = Inches(0.4)

    styles = doc.styles
    normal = styles["Normal"]
    set_font(normal, "Calibri")
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.05

    title_style = styles["Title"]
    drop_border(title_style)
    set_font(title_style, "Calibri")
    title_style.font.size = Pt(26)
    title_style.font.bold = True
    title_style.font.color.rgb = ACCENT
    title_style.paragraph_format.space_after = Pt(0)
    title_style.paragraph_format.space_before = Pt(0)

    h1 = styles["Heading 1"]
    set_font(h1, "Calibri")
    h1.font.size = Pt(11.5)
    h1.font.bold = True
    h1.font.color.rgb = ACCENT
    h1.paragraph_format.space_before = Pt(11)
    h1.paragraph_format.space_after = Pt(4)
    h1.paragraph_format.keep_with_next = True

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)

    link_style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link_style.font.color.rgb = LINK
    link_style.font.underline = True
    link_style.hidden = False
    link_style.unhide_when_used = True
    link_style.priority = 99
    link_style.element.attrib.pop(qn("w:customStyle"), None)  # Word's built-in style

    for name in ("Header", "Footer"):
        st = styles[name]
        st.font.size = Pt(9)
        st.font.color.rgb = MUTED

    return doc


def save_deterministic(doc, path: Path) -> None:
    """Save, then rewrite the zip with fixed timestamps and attributes."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            dst.writestr(zi, data, compresslevel=6)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------- resume

NAME = "Maya Okafor"
EMAIL = "maya.okafor@example.com"
PHONE = "(503) 555-0142"
CITY = "Portland, OR"
LINKEDIN = "linkedin.com/in/maya-okafor-sample"
GITHUB = "github.com/maya-okafor-sample"


def role_heading(doc, title: str, dates: str, employer: str, place: str) -> None:
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    pf.space_before = Pt(7)
    pf.space_after = Pt(0)
    pf.keep_with_next = True
    run(p, title, bold=True, size=11)
    run(p, "\t" + dates, color=MUTED)

    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    p.paragraph_format.keep_with_next = True
    run(p, employer, italic=True)
    run(p, f" {MIDDOT} {place}", italic=True, color=MUTED)


def bullet(doc, *parts) -> None:
    """A List Bullet paragraph. parts are strings or (text, run-kwargs) pairs."""
    p = doc.add_paragraph(style="List Bullet")
    for part in parts:
        if isinstance(part, str):
            run(p, part)
        else:
            text, kwargs = part
            run(p, text, **kwargs)


def build_resume(path: Path) -> None:
    doc = base_document(
        title=f"{NAME} {EN_DASH} R\u00e9sum\u00e9",
        subject="Senior backend / platform engineer",
        keywords="resume; backend; platform; Go; Kubernetes",
    )
    doc.styles["Heading 1"].font.all_caps = True
    doc.styles["Heading 1"].font.size = Pt(11)
    bottom_border(doc.styles["Heading 1"], color="1F3A5F", size=6, space=1)

    section = doc.sections[0]

    # Header: contact details, two centred lines, links as real w:hyperlink elements.
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hyperlink(hp, f"mailto:{EMAIL}", EMAIL)
    run(hp, f"  {MIDDOT}  {PHONE}  {MIDDOT}  {CITY}")
    hp2 = header.add_paragraph(style="Header")
    hp2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hyperlink(hp2, f"https://www.{LINKEDIN}", LINKEDIN)
    run(hp2, f"  {MIDDOT}  ")
    hyperlink(hp2, f"https://{GITHUB}", GITHUB)

    # Footer: name, "Résumé" and a PAGE field.
    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(fp, f"{NAME}  {MIDDOT}  R\u00e9sum\u00e9  {MIDDOT}  Page ")
    field(fp, "PAGE", "1")

    # Name and tagline.
    doc.add_paragraph(NAME, style="Title")
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    run(p, "Senior Backend & Platform Engineer", size=12, color=MUTED)

    doc.add_heading("Summary", level=1)
    p = doc.add_paragraph()
    run(p, "Backend and platform engineer with 7 years of experience building and running "
           "services in Go and Python. I" + RSQUO + "ve led a monolith-to-microservices "
           "migration on Kubernetes, brought a service mesh into production, and cut "
           "cloud spend by 31% without slowing teams down. I enjoy mentoring, writing "
           "things down, and making the reliable path the easy one for other engineers.")

    doc.add_heading("Experience", level=1)

    role_heading(doc, "Senior Software Engineer, Platform", f"Jan 2023 {EN_DASH} Present",
                 "Fernhollow Payments", "Portland, OR")
    bullet(doc, "Led the migration of a 400,000-line PHP monolith to 23 Go microservices on "
                f"Kubernetes (Amazon EKS), cutting p99 API latency from 820{NBSP}ms to "
                f"190{NBSP}ms.")
    bullet(doc, "Rolled out the Istio service mesh across 3 production clusters, bringing "
                "mutual TLS to 100% of service-to-service traffic and enabling canary "
                "releases for 40+ services.")
    bullet(doc, "Built a ", ("Kafka", {"bold": True}),
           "-based event pipeline that processes 12 million payment events a day with "
           "end-to-end lag under 2 seconds.")
    bullet(doc, "Codified all cloud infrastructure in ",
           ("Terra", {"rsid": "00A41C2E"}), ("form", {"rsid": "00A41C2E", "no_proof": True}),
           " (62 modules), reducing the time to stand up a new environment from 2 weeks "
           "to 3 hours and cloud spend by 31%.")
    bullet(doc, "Mentored 4 engineers, two of whom were promoted within 18 months, and "
                "wrote the team" + RSQUO + "s on-call runbooks, cutting mean time to "
                "recovery by 45%.")

    role_heading(doc, "Software Engineer II", f"Apr 2021 {EN_DASH} Dec 2022",
                 "Marrowfield Health", "Seattle, WA (remote)")
    bullet(doc, "Designed versioned REST APIs in Go for the clinic-scheduling platform, "
                "serving 2.4 million requests a day for 35 partner clinics at 99.95% "
                "availability.")
    bullet(doc, "Cut the slowest ", ("Postgre", {"rsid": "00B3D7F1"}),
           ("SQL", {"rsid": "00C85E02"}),
           f" queries from 6{NBSP}s to 140{NBSP}ms by reworking indexes and partitioning "
           "a 900 GB appointments table.")
    bullet(doc, "Added a Redis cache in front of the provider-availability service, "
                "lowering primary database load by 38%.")
    bullet(doc, "Moved CI/CD from Jenkins to GitHub Actions, shortening average build time "
                "from 18 to 7 minutes for 30 engineers.")
    bullet(doc, "Presented the audit-logging rollout plan to the 60-person engineering org "
                f"and wrote the {LDQUO}golden path{RDQUO} guide that new services now "
                "follow.")

    role_heading(doc, "Software Engineer", f"Sep 2019 {EN_DASH} Mar 2021",
                 "Kettlebrook Digital", "Portland, OR")
    bullet(doc, "Built Laravel (PHP) backends and JavaScript admin tools for 14 client "
                "projects, from nonprofits to a regional credit union.")
    bullet(doc, "Containerized 20 legacy applications with Docker, shortening new-developer "
                "setup from 3 days to half a day.")
    bullet(doc, "Wrote a Python service that automated TLS certificate renewal for 60 "
                "client domains, ending certificate-expiry outages.")
    bullet(doc, "Raised automated test coverage of the agency" + RSQUO + "s starter kit "
                "from 12% to 71%.")

    doc.add_heading("Education", level=1)
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.keep_with_next = True
    run(p, "B.S. in Computer Science", bold=True, size=11)
    run(p, "\t2019", color=MUTED)
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    p.paragraph_format.keep_with_next = True
    run(p, "Alder Bay University", italic=True)
    run(p, f" {MIDDOT} Bellingham, WA", italic=True, color=MUTED)
    p = doc.add_paragraph()
    run(p, "Capstone: a replicated key-value store in Go, built by a team of 4.")

    doc.add_heading("Skills", level=1)
    skills = [
        ("Languages", "Go, Python, PHP, SQL"),
        ("Infrastructure", "Docker, Kubernetes, Istio, Terraform, AWS"),
        ("Data", "PostgreSQL, Redis, Kafka"),
        ("Observability", "Prometheus, Grafana, OpenTelemetry"),
        ("Practices", "microservices, CI/CD, code review, mentoring"),
    ]
    table = doc.add_table(rows=len(skills), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    no_cell_margins_table(table, TEXT_WIDTH)
    widths = (Inches(1.45), Emu(TEXT_WIDTH - Inches(1.45)))
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(w.twips)))
    for row, (category, items) in zip(table.rows, skills, strict=False):
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = w
        c0, c1 = row.cells
        p0 = c0.paragraphs[0]
        p0.paragraph_format.space_after = Pt(2)
        run(p0, category, bold=True)
        p1 = c1.paragraphs[0]
        p1.paragraph_format.space_after = Pt(2)
        run(p1, items)

    doc.add_heading("Certifications", level=1)
    bullet(doc, "Certified Kubernetes Administrator (CKA), 2022")
    bullet(doc, "HashiCorp Certified: Terraform Associate, 2023")

    save_deterministic(doc, path)


# --------------------------------------------------------------------------- posting

COMPANY = "Northwind Parcel"


def build_posting(path: Path) -> None:
    doc = base_document(
        title=f"Senior Backend Engineer {EN_DASH} {COMPANY}",
        subject="Job posting",
        keywords="job posting; backend; Go; Kubernetes",
    )
    section = doc.sections[0]
    section.top_margin = Inches(0.6)
    section.bottom_margin = Inches(0.65)
    section.footer_distance = Inches(0.3)
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(9)

    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(fp, f"{COMPANY}  {MIDDOT}  Careers  {MIDDOT}  Job ID NP-2317")

    def heading(text: str) -> None:
        doc.add_heading(text, level=1)

    def bullets(items) -> None:
        for item in items:
            p = doc.add_paragraph(style="List Bullet")
            run(p, item)

    doc.add_paragraph("Senior Backend Engineer", style="Title")
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    run(p, COMPANY, bold=True, size=12)
    run(p, f"  {MIDDOT}  Routing Platform team", size=12, color=MUTED)
    p = doc.add_paragraph()
    run(p, f"Portland, OR (hybrid, two days a week in the office)  {MIDDOT}  Full-time  "
           f"{MIDDOT}  Engineering",
        color=MUTED)

    heading("About us")
    p = doc.add_paragraph()
    run(p, f"{COMPANY} is the delivery network behind 4,000 independent shops in the "
           "Pacific Northwest. Every weekday our drivers carry about 260,000 parcels, and "
           "the software that plans their routes, predicts arrival windows and tells "
           "customers where their order is runs on a platform built by 45 engineers. "
           "We" + RSQUO + "re growing into two new states next year, and the platform "
           "has to grow with us.")
    p = doc.add_paragraph()
    run(p, "As a Senior Backend Engineer on the Routing Platform team, you" + RSQUO
           + "ll become the go-to person for how a parcel moves through our systems, "
           "from the moment a label is printed to the photo on the doorstep. You"
           + RSQUO + "ll report to the Director of Platform Engineering and share "
           "quarterly architecture updates with our C-level leadership.")

    heading("What you" + RSQUO + "ll do")
    bullets([
        "Design, build and operate the Go services that plan routes, assign parcels to "
        "vans and publish live tracking updates.",
        "Break the remaining pieces of our Java monolith into well-bounded microservices "
        "with clear ownership.",
        "Own the reliability of your services end to end: SLOs, dashboards, on-call and "
        "blameless incident reviews.",
        "Lead technical design reviews and help the engineers around you grow.",
        "Work with our operations team to turn what drivers and depot staff need into "
        "clean, well-documented APIs.",
    ])

    heading("What you" + RSQUO + "ll need")
    bullets([
        "6+ years of professional experience building backend services",
        "Strong proficiency in Go (Golang) or Java",
        "Experience with microservices and a service mesh such as Istio or Linkerd",
        "Hands-on experience with Kubernetes and Terraform",
        "Solid knowledge of relational databases (PostgreSQL preferred)",
        "Experience designing and running REST and gRPC APIs",
        "Bachelor" + RSQUO + "s degree in Computer Science or a related field, or "
        "equivalent practical experience",
        "Experience mentoring engineers and leading technical design reviews",
        "Excellent written and verbal communication skills",
    ])

    heading("Nice to have")
    bullets([
        "Experience with event streaming (Kafka, Pulsar)",
        "Familiarity with GraphQL",
        "AWS certification",
        "Experience in logistics or e-commerce",
    ])

    heading("Benefits")
    bullets([
        f"Base salary of $165,000 {EN_DASH} $195,000, plus equity",
        "Medical, dental and vision coverage for you and your dependents, with 100% of "
        "premiums paid",
        "401(k) with a 4% company match",
        "25 days of paid time off, plus 10 company holidays",
        "$2,000 a year for learning: courses, books and conferences",
    ])

    heading("How to apply")
    p = doc.add_paragraph()
    run(p, "Send your resume and a few lines about a system you" + RSQUO + "re proud of "
           "to ")
    hyperlink(p, "mailto:careers@example.org", "careers@example.org")
    run(p, ".")
    p = doc.add_paragraph()
    run(p, f"{COMPANY} is an equal opportunity employer and welcomes applicants of every "
           "background.", italic=True, color=MUTED, size=9.5)

    save_deterministic(doc, path)


def main() -> None:
    build_resume(OUT_DIR / "sample-resume.docx")
    build_posting(OUT_DIR / "sample-posting.docx")
    for name in ("sample-resume.docx", "sample-posting.docx"):
        print(OUT_DIR / name)


if __name__ == "__main__":
    main()
