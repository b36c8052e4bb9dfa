#!/usr/bin/env python3
"""Generate the binary and non-UTF-8 files of the Evidence Desk demo library.

Writes into ``resources/demo/documents/``:

* 4 DOCX reports (python-docx), with core properties set;
* 4 PDF reports (fpdf2, built-in Helvetica, real text layer, metadata set);
* 1 plain-text file encoded in Windows-1252 (cp1252);
* 1 plain-text file encoded in UTF-16 with a byte-order mark.

All content is original and fictional, written for the Evidence Desk demo
library. The output is deterministic: fixed dates are used for document
metadata and for the timestamps inside the DOCX zip containers, so running the
script twice produces byte-identical files.

Requirements: python-docx and fpdf2. fpdf2 is not a project dependency, so run
this script from a throwaway virtual environment, e.g.::

    python3 -m venv /tmp/pdfvenv
    /tmp/pdfvenv/bin/pip install fpdf2 python-docx
    /tmp/pdfvenv/bin/python resources/demo/make_binaries.py

Body markup used below (a tiny subset of Markdown):

* ``## Heading`` / ``### Subheading``
* blocks of ``- item`` (bullets) or ``1. item`` (numbered)
* blocks of ``> quoted text`` with an optional final ``> — Name, role`` line
* blocks of ``| a | b |`` rows (first row is the header)
* ``**bold**`` inside paragraphs and list items
* anything else is a paragraph; blocks are separated by blank lines
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "documents"


@dataclass
class Doc:
    filename: str
    title: str
    subtitle: str
    authors: list[str]
    publisher: str
    date: str  # YYYY-MM-DD
    keywords: list[str]
    body: str
    extra: dict = field(default_factory=dict)

    @property
    def when(self) -> datetime:
        y, m, d = (int(x) for x in self.date.split("-"))
        return datetime(y, m, d, 9, 0, 0, tzinfo=timezone.utc)

    @property
    def long_date(self) -> str:
        w = self.when
        return f"{w.day} {w.strftime('%B')} {w.year}"


# ---------------------------------------------------------------------------
# Mini markup parser
# ---------------------------------------------------------------------------

def parse_blocks(body: str):
    """Yield (kind, payload) tuples from the mini markup."""
    for raw in re.split(r"\n\s*\n", body.strip()):
        lines = [ln.rstrip() for ln in raw.strip().splitlines()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("### "):
            yield "h3", first[4:].strip()
        elif first.startswith("## "):
            yield "h2", first[3:].strip()
        elif first.startswith("- "):
            items, cur = [], None
            for ln in lines:
                if ln.startswith("- "):
                    cur = ln[2:].strip()
                    items.append(cur)
                else:
                    items[-1] = items[-1] + " " + ln.strip()
            yield "bullets", items
        elif re.match(r"^\d+\. ", first):
            items = []
            for ln in lines:
                m = re.match(r"^\d+\. (.*)$", ln)
                if m:
                    items.append(m.group(1).strip())
                else:
                    items[-1] = items[-1] + " " + ln.strip()
            yield "numbered", items
        elif first.startswith(">"):
            text_lines, attribution = [], None
            for ln in lines:
                content = ln[1:].strip()
                if content.startswith("— ") or content.startswith("-- "):
                    attribution = content.lstrip("—- ").strip()
                else:
                    text_lines.append(content)
            yield "quote", (" ".join(text_lines), attribution)
        elif first.startswith("|"):
            rows = []
            for ln in lines:
                cells = [c.strip() for c in ln.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    continue
                rows.append(cells)
            yield "table", rows
        else:
            yield "p", " ".join(ln.strip() for ln in lines)


def split_bold(text: str):
    """Split 'a **b** c' into [(a, False), (b, True), (c, False)]."""
    parts = re.split(r"(\*\*.+?\*\*)", text)
    out = []
    for part in parts:
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            out.append((part[2:-2], True))
        else:
            out.append((part, False))
    return out


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------

def write_docx(doc: Doc, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    d = Document()
    styles = d.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(11)

    # Title block
    p = d.add_paragraph(doc.publisher.upper())
    p.runs[0].font.size = Pt(10)
    p.runs[0].font.bold = True
    p.runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    d.add_paragraph(doc.title, style="Title")
    if doc.subtitle:
        d.add_paragraph(doc.subtitle, style="Subtitle")
    p = d.add_paragraph(", ".join(doc.authors))
    p.runs[0].font.bold = True
    d.add_paragraph(doc.long_date)

    for kind, payload in parse_blocks(doc.body):
        if kind == "h2":
            d.add_heading(payload, level=1)
        elif kind == "h3":
            d.add_heading(payload, level=2)
        elif kind in ("bullets", "numbered"):
            style = "List Bullet" if kind == "bullets" else "List Number"
            for item in payload:
                para = d.add_paragraph(style=style)
                for text, bold in split_bold(item):
                    para.add_run(text).bold = bold
        elif kind == "quote":
            text, who = payload
            para = d.add_paragraph(style="Quote")
            para.add_run(text)
            if who:
                para = d.add_paragraph(style="Quote")
                para.add_run("— " + who).italic = False
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "table":
            rows = payload
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Light Grid Accent 1"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
            d.add_paragraph()
        else:
            para = d.add_paragraph()
            for text, bold in split_bold(payload):
                para.add_run(text).bold = bold

    section = d.sections[0]
    footer = section.footer.paragraphs[0]
    footer.text = f"{doc.publisher} — {doc.title}"
    footer.runs[0].font.size = Pt(8)

    cp = d.core_properties
    cp.title = doc.title
    cp.subject = doc.subtitle
    cp.author = "; ".join(doc.authors)
    cp.last_modified_by = doc.authors[0]
    cp.keywords = ", ".join(doc.keywords)
    cp.category = doc.extra.get("category", "Report")
    cp.comments = "Fictional document from the Evidence Desk demo library."
    cp.language = "en-GB"
    cp.created = doc.when.replace(tzinfo=None)
    cp.modified = doc.when.replace(tzinfo=None)
    cp.last_printed = doc.when.replace(tzinfo=None)
    cp.revision = 1
    cp.identifier = doc.filename
    cp.version = "1.0"

    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue(), doc.when))


def normalise_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip with fixed timestamps so output is reproducible."""
    stamp = (when.year, when.month, when.day, 9, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=stamp)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            dst.writestr(new, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

_LATIN1_FIXES = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": " - ", "\u2026": "...", "\u2022": "-",
    "\u2212": "-", "\u00a0": " ", "\u2192": "->",
}


def latin1(text: str) -> str:
    for bad, good in _LATIN1_FIXES.items():
        text = text.replace(bad, good)
    text = text.replace("  - ", " - ").replace(" -  ", " - ")
    text.encode("latin-1")  # fail loudly if anything else slipped through
    return text


def write_pdf(doc: Doc, path: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    short_title = doc.extra.get("short_title", doc.title)

    class ReportPDF(FPDF):
        def header(self):
            if self.page_no() == 1:
                return
            self.set_font("Helvetica", "", 8)
            self.set_text_color(110, 110, 110)
            self.cell(0, 6, latin1(f"{doc.publisher}  |  {short_title}"),
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(2)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(110, 110, 110)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = ReportPDF(format="A4", unit="mm")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    pdf.set_title(latin1(doc.title))
    pdf.set_author(latin1("; ".join(doc.authors)))
    pdf.set_subject(latin1(doc.subtitle))
    pdf.set_keywords(latin1(", ".join(doc.keywords)))
    pdf.set_creator(latin1(doc.publisher))
    pdf.set_producer("Evidence Desk demo library generator (fpdf2)")
    pdf.set_creation_date(doc.when)
    pdf.set_lang("en-GB")

    # Cover page
    pdf.add_page()
    pdf.set_fill_color(31, 78, 121)
    pdf.rect(0, 0, 210, 14, style="F")
    pdf.set_y(40)
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(31, 78, 121)
    pdf.multi_cell(0, 6, latin1(doc.publisher.upper()), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(14)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, latin1(doc.title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    if doc.subtitle:
        pdf.set_font("Helvetica", "", 14)
        pdf.set_text_color(70, 70, 70)
        pdf.multi_cell(0, 7, latin1(doc.subtitle), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(20)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, latin1(", ".join(doc.authors)), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, latin1(doc.long_date), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if doc.extra.get("cover_note"):
        pdf.set_y(240)
        pdf.set_font("Helvetica", "I", 9)
        pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(0, 5, latin1(doc.extra["cover_note"]), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)

    pdf.set_fill_color(255, 255, 255)
    pdf.add_page()
    width = pdf.epw

    def para(text, size=10.5, style="", indent=0.0, line=5.4):
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, line, latin1(text), markdown=True,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    for kind, payload in parse_blocks(doc.body):
        if kind == "h2":
            if pdf.get_y() > 240:
                pdf.add_page()
            pdf.ln(4)
            pdf.start_section(latin1(payload), level=0)
            pdf.set_font("Helvetica", "B", 15)
            pdf.set_text_color(31, 78, 121)
            pdf.multi_cell(0, 8, latin1(payload), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1.5)
        elif kind == "h3":
            if pdf.get_y() > 250:
                pdf.add_page()
            pdf.ln(2)
            pdf.start_section(latin1(payload), level=1)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 6.5, latin1(payload), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.5)
        elif kind in ("bullets", "numbered"):
            for i, item in enumerate(payload, 1):
                marker = "-" if kind == "bullets" else f"{i}."
                pdf.set_font("Helvetica", "", 10.5)
                y = pdf.get_y()
                pdf.set_x(pdf.l_margin + 3)
                pdf.cell(6, 5.4, marker)
                pdf.set_xy(pdf.l_margin + 9, y)
                pdf.multi_cell(width - 9, 5.4, latin1(item), markdown=True,
                               new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(0.8)
            pdf.ln(1.5)
        elif kind == "quote":
            text, who = payload
            pdf.ln(1)
            para(text, size=10.5, style="I", indent=10)
            if who:
                para("- " + who, size=9.5, indent=10)
            pdf.ln(2.5)
        elif kind == "table":
            pdf.set_font("Helvetica", "", 9)
            from fpdf.fonts import FontFace
            heading_style = FontFace(emphasis="BOLD", color=(255, 255, 255),
                                     fill_color=(31, 78, 121))
            with pdf.table(line_height=5.5, text_align="LEFT",
                           first_row_as_headings=True,
                           headings_style=heading_style,
                           cell_fill_color=(238, 243, 248),
                           cell_fill_mode="ROWS",
                           borders_layout="HORIZONTAL_LINES") as table:
                for row in payload:
                    r = table.row()
                    for cell in row:
                        r.cell(latin1(cell))
            pdf.ln(3)
        else:
            para(payload)
            pdf.ln(2.2)

    pdf.output(str(path))


# ---------------------------------------------------------------------------
# Encoded text files
# ---------------------------------------------------------------------------

def write_text(path: Path, text: str, encoding: str) -> None:
    text = text.strip("\n") + "\n"
    text = text.replace("\n", "\r\n")  # Windows-style line endings, as saved by Notepad
    path.write_bytes(text.encode(encoding))


# ---------------------------------------------------------------------------
# CONTENT
# ---------------------------------------------------------------------------

LSIP_2024 = Doc(
    filename="calder-aire-lsip-progress-2024.docx",
    title="Calder and Aire Local Skills Improvement Plan",
    subtitle="Annual Progress Report 2024",
    authors=["Imran Qureshi", "Dr Lorraine Whitby"],
    publisher="Calder and Aire Chamber of Commerce",
    date="2024-07-01",
    keywords=["skills", "local skills improvement plan", "LSIP", "further education",
              "apprenticeships", "apprenticeship levy", "skills funding", "employers",
              "green skills", "investment zone"],
    extra={"category": "Report"},
    body="""
## Foreword

When we published the Calder and Aire Local Skills Improvement Plan in August 2023, we promised employers that it would not be another document that sat on a shelf. This first annual progress report is our attempt to keep that promise. It sets out what has changed in the past twelve months, what has not, and what we need from providers, the combined authority and central government in the year ahead.

The headline is encouraging. Every further education college in the area has changed its curriculum offer in response to the plan. New provision has started in retrofit, electrical installation, data skills and health and care. Employer engagement has grown rather than faded. But the report is also candid about the constraints: a shortage of teaching staff in engineering and construction, skills funding that remains fragmented across more than a dozen national streams, and an apprenticeship system that too many small firms still find impenetrable.

We are grateful to the 1,400 businesses that contributed to the original plan, to the 380 that responded to our follow-up survey this spring, and to the principals, training providers and officers who have worked with us.

— Imran Qureshi, LSIP Director, Calder and Aire Chamber of Commerce

## 1. Summary of progress

The plan identified six priorities. Progress against each is summarised below and discussed in detail in Section 3.

| Priority | Status | Key development in 2023/24 |
|---|---|---|
| 1. Green construction and retrofit | On track | 212 learners on new retrofit coordinator and insulation courses |
| 2. Engineering and advanced manufacturing | Partly on track | New level 3 mechatronics route; lecturer vacancies persist |
| 3. Digital and data skills | On track | Data skills modules embedded in 14 non-IT courses |
| 4. Health and social care | Partly on track | Part-time evening routes launched; low employer uptake |
| 5. Employability and essential skills | On track | Community hubs in 9 wards, co-funded by the combined authority |
| 6. Apprenticeships for small firms | Behind | SME apprenticeship starts down 6% year on year |

In short: where the plan asked providers to change what they teach, they have largely done so. Where it depended on employers, funding rules or the labour market for teaching staff, progress has been slower.

## 2. What employers told us in 2024

### 2.1 The follow-up survey

Our spring 2024 survey received 380 responses, weighted towards small and medium-sized businesses (71% employed fewer than 50 people). Key findings:

- **64%** reported at least one hard-to-fill vacancy in the past year, down from 72% in the 2023 survey.
- The most frequently cited shortages were for **electricians and electrical technicians** (cited by 29% of firms with vacancies), **care workers** (22%), **HGV and bus drivers** (14%) and **data analysts** (12%).
- **41%** said they were aware of the LSIP, up from 18% before publication. Awareness was lowest among micro-businesses.
- **37%** had engaged with a college or training provider in the past year, up from 30%.

### 2.2 What employers want from providers

Three requests stood out in the free-text responses.

- **Flexibility.** Employers want shorter, modular courses that can be taken alongside work, and start dates throughout the year rather than only in September.
- **Practical experience.** Many firms asked for more time on industry-standard equipment. Several offered to host training on their own premises.
- **Communication.** Employers still find the landscape confusing. As one engineering firm in Brighouse put it: "I don't need to understand the funding system. I need one phone number for someone who does."

## 3. Progress by priority

### 3.1 Green construction and retrofit

This has been the area of fastest change. Calder Valley College and Aire Technical College have each launched retrofit coordinator and insulation installer courses, supported by the Local Skills Improvement Fund. Together they enrolled 212 learners in 2023/24, against a target of 150.

Demand, however, remains uncertain. Employers told us that retrofit work depends heavily on national schemes, several of which have been changed or curtailed. Two installers in our survey said they had laid off staff in the past year because expected contracts had not materialised. Providers are therefore wary of over-expanding provision ahead of clear, stable demand.

> Our members want to train people for net zero. But they need confidence that there'll be work at the end of it. A training course is a two-year commitment; a government scheme can disappear in a budget.
> — Sarah Pennington, Chair, Calder and Aire Federation of Builders

### 3.2 Engineering and advanced manufacturing

The plan identified a shortage of level 3 engineering technicians as the single biggest constraint on growth in the area's manufacturing base. In response, Calder Valley College introduced a new level 3 mechatronics route in partnership with five local manufacturers, and Aire Technical College expanded its maintenance engineering apprenticeship cohort.

The main constraint is staff. Between them, the two colleges had seven engineering lecturer vacancies in March 2024, three of which had been open for more than six months. A qualified electrical or mechanical engineer can typically earn substantially more in industry than in teaching, and the colleges cannot close that gap within current funding rates.

The designation of the Eastmoor Riverside Investment Zone in November 2023, with its focus on advanced manufacturing, increases both the opportunity and the pressure. The Investment Zone shadow board has agreed in principle to ring-fence part of its flexible funding for a Riverside Skills Academy; we strongly support this and recommend that it include a funded "industry to teaching" bursary to help close the lecturer gap.

### 3.3 Digital and data skills

Rather than create new standalone courses, providers have embedded data skills modules into existing programmes in business, health, construction and engineering. Fourteen courses across three providers now include a short data skills component, reaching around 1,900 learners.

This approach has been well received by employers, most of whom told us they need people who can use data confidently in their own field rather than specialist data scientists. The next step is to build a recognised local certificate so that learners can evidence these skills to employers.

### 3.4 Health and social care

Providers have launched part-time and evening routes into care work, aimed particularly at adults changing career. Enrolment has been disappointing: 86 learners against a target of 200. Care employers told us they struggle to release staff for training and that low pay makes recruitment into the sector difficult regardless of training availability. We are working with the combined authority and the local integrated care board to develop a joint approach, but this priority will not be met without action on pay and conditions that lies outside the scope of a skills plan.

### 3.5 Employability and essential skills

Working with the Pennine Valleys Combined Authority, which controls the devolved adult skills budget for most of our area, providers have opened community learning hubs in nine wards with low qualification levels. The hubs offer English, maths, digital skills and short vocational tasters in libraries, community centres and housing association offices.

The combined authority's decision to fully fund level 2 and level 3 courses for adults earning below the real living wage has been important here. Enrolments from the most deprived fifth of neighbourhoods rose by 18% compared with 2022/23.

The exception is Eastmoor, which sits outside the combined authority area and relies on nationally administered adult skills funding. Providers report that they cannot offer the same fully funded entitlement to Eastmoor residents, creating an inconsistency within a single travel-to-work area. We recommend that government and the combined authority agree a mechanism to extend the offer across the whole LSIP geography.

### 3.6 Apprenticeships for small firms

This is the area where we have made least progress. Apprenticeship starts in small and medium-sized firms in the LSIP area fell by 6% in 2023/24, continuing a long-term decline since the introduction of the apprenticeship levy in 2017.

Employers identified the following barriers:

- the complexity of the apprenticeship service and the off-the-job training requirement;
- the cost and risk of taking on a young person, particularly for micro-businesses;
- lack of provider capacity in high-cost routes such as electrical installation;
- limited awareness of levy transfers from larger employers.

Levy transfers are under-used. We estimate that large employers in the area transferred around £1.1m of levy funds to other employers in 2023/24, a small fraction of what could be transferred. In response, the Chamber has launched a levy transfer brokerage service, matching large levy payers with small firms in their supply chains. Early results are promising: 23 transfers were agreed in the service's first four months, supporting 41 new apprentices.

> The levy was supposed to make big firms invest in skills. Instead, a lot of it has gone back to the Treasury while our supply chain can't get apprentices funded. Brokering transfers locally is the least we can do.
> — Kate Lindqvist, Managing Director, Riverside Advanced Engineering Ltd

### 3.7 Cross-cutting: careers information and guidance

Employers and providers agree that too few young people and adults know about technical routes into local jobs. Only 23% of employers in our survey had been approached by a school in the past year, and several providers reported that engineering and construction courses were under-subscribed even where employer demand was strong.

In response, the Chamber and the two colleges have launched "Make It Here", a programme of employer visits, taster days and teacher placements with local manufacturers. In its first year it reached 31 secondary schools and around 4,200 pupils. It is too early to judge its effect on course choices, but schools and employers have both asked for it to continue.

### 3.8 Employer case studies

**Riverside Advanced Engineering Ltd, Eastmoor (86 employees).** The firm contributed to the original LSIP survey and has since co-designed the level 3 mechatronics route at Calder Valley College, providing equipment, placements and two staff who teach one day a week. It has also received a levy transfer from a larger regional manufacturer, funding three new engineering apprentices. Its managing director describes the LSIP as "the first time anyone asked us what we needed before designing a course".

**Brightwater Care Group, Halifax (210 employees).** The group took part in the new part-time route into care work but reported that only four of eleven learners completed the course and stayed in the sector. Its managers believe the main barriers are pay and shift patterns rather than training. The group has asked the LSIP to convene a wider discussion with commissioners about fees and workforce terms.

**Pennine Data Works, Hebden Bridge (14 employees).** A small analytics consultancy, the firm had never employed an apprentice until 2024. With support from the Chamber's brokerage service, it took on its first level 4 data analyst apprentice, funded through a levy transfer. It has since offered short data skills workshops for learners on non-IT courses at Aire Technical College.

## 4. The funding landscape

### 4.1 Too many streams

Skills funding in the area comes from at least thirteen separate sources, including 16–19 study programme funding, the devolved adult skills fund, the national adult skills fund for Eastmoor, apprenticeship levy and co-investment funding, skills bootcamps, Free Courses for Jobs, Multiply, the Local Skills Improvement Fund, and the People and Skills strand of the UK Shared Prosperity Fund. Each has its own eligibility rules, reporting requirements and timetable.

Providers estimate that managing this complexity absorbs the equivalent of 11 full-time staff across the area's three main colleges. More importantly, it makes it difficult to build coherent programmes for learners, who may need to move between funding streams as their circumstances change.

### 4.2 The Local Skills Improvement Fund

The Local Skills Improvement Fund has been valuable, financing equipment for retrofit and mechatronics and a shared employer engagement post. But its short-term nature means providers have been reluctant to use it for permanent staff. We would welcome a commitment to a successor fund with a longer horizon.

### 4.3 A growth and skills levy?

The Labour Party's proposal, set out ahead of the general election, to reform the apprenticeship levy into a broader growth and skills levy has been welcomed by many of our members, particularly those seeking funding for shorter courses. However, several providers cautioned that broadening the levy without increasing the overall budget could reduce funding for apprenticeships further, especially at entry level. We will consult members on this in the autumn.

## 5. Relationship with devolution

The Pennine Valleys Combined Authority has been a constructive partner. Its skills strategy and the LSIP share most priorities, and officers from both organisations meet monthly. The combined authority has aligned its adult skills commissioning with LSIP priorities and co-funded the community hubs.

There is, however, potential for confusion as the combined authority's role in skills grows. Employers do not always understand the difference between the LSIP, the combined authority's skills strategy and the Local Skills Improvement Fund. We recommend a single, jointly branded "skills offer" for employers across the area from 2025.

We note the view, expressed by some commentators, that devolved skills budgets have produced measurably better outcomes than national commissioning. Our own evidence — particularly the growth in enrolments from deprived neighbourhoods — is consistent with that view, but we are cautious about attributing all of the improvement to devolution, since the same period saw significant changes in the local labour market and in national policy.

## 6. Priorities for 2024/25

1. **Close the engineering lecturer gap.** Work with the Investment Zone board to establish an industry-to-teaching bursary and shared staffing arrangements with employers.
2. **Scale up levy transfer brokerage.** Target 100 transfers supporting 150 apprentices by July 2025.
3. **Extend the adult skills offer to Eastmoor.** Agree a mechanism with government and the combined authority.
4. **Develop a local data skills certificate** recognised by employers.
5. **Launch a single employer skills gateway** — one number, one website — jointly with the combined authority.
6. **Re-examine the care priority** with the integrated care board, recognising that training alone will not solve recruitment.

## 7. Asks of government

- A multi-year successor to the Local Skills Improvement Fund, with flexibility to fund staff.
- Funding bands for engineering, electrical and construction apprenticeships that reflect the real cost of delivery.
- A protected share of apprenticeship funding for young people and for level 2 and 3 routes within any future growth and skills levy.
- Simplification of adult skills funding streams, ideally consolidating them into a single local allocation.
- A clear, long-term framework for retrofit and low-carbon heating, so that employers and providers can invest in training with confidence.

## Annex: methodology

The 2024 employer survey was conducted online and by telephone between 4 March and 19 April 2024. Responses were weighted by sector and size to the business population of the LSIP area. Provider data were supplied by the three main colleges and four independent training providers. Apprenticeship figures are drawn from published national statistics and should be treated as provisional for 2023/24.
""")

HARBOURSIDE_2024 = Doc(
    filename="harbourside-budget-resilience-review-2024.docx",
    title="Harbourside City Council: Independent Budget Resilience Review",
    subtitle="Report to the Leader and Chief Executive",
    authors=["Helen Marsh", "Alasdair Grant"],
    publisher="Place Analytics Ltd",
    date="2024-01-30",
    keywords=["council finances", "section 114", "social care", "SEND",
              "exceptional financial support", "public services", "reserves"],
    extra={"category": "Review"},
    body="""
## 1. Purpose and scope

Harbourside City Council commissioned this review in November 2023 to provide an independent view of the resilience of its medium-term financial plan and of the risk that its chief finance officer would need to issue a report under section 114 of the Local Government Finance Act 1988. The review was conducted over eight weeks and drew on the council's budget papers, statements of accounts, service data and interviews with 22 senior officers and members.

The review was not an audit and did not examine the council's governance in detail. It focused on three questions:

1. Is the 2024/25 budget gap correctly estimated?
2. Are the proposed savings deliverable?
3. What is the realistic risk of a section 114 notice in 2024/25 and 2025/26?

## 2. Summary of findings

- The council's estimate of a **£47.6m** gap for 2024/25 is, in our view, reasonable and if anything slightly optimistic. We estimate a range of £46m to £53m, driven mainly by uncertainty in adult social care demand and children's placement costs.
- Of the **£24.1m** of savings proposed for 2024/25, we consider **£13.8m** to be deliverable with high confidence, **£6.2m** deliverable with significant risk, and **£4.1m** unlikely to be delivered in year.
- Usable reserves of **£31m** are sufficient to cover at most one year of an unbalanced budget. After 2024/25, on current trajectories, general reserves would fall below the council's own minimum prudent level.
- Without exceptional financial support from government, we consider it **more likely than not** that the chief finance officer would need to issue a section 114 notice during 2024/25.
- We found no evidence of the kind of high-risk commercial investment that has contributed to failures elsewhere. Harbourside's difficulties stem overwhelmingly from demand-led statutory services and a weak council tax base.

## 3. The drivers of the gap

### 3.1 Adult social care

Net spending on adult social care has risen by 38% in cash terms since 2019/20. The main drivers are the national living wage, which feeds directly into provider fees, and a 21% increase in the number of working-age adults receiving long-term support. Harbourside has fewer self-funders than the national average, which means the council pays for a higher proportion of care.

### 3.2 Children's services

The number of looked-after children has been broadly stable at around 640, but the cost of placements has risen sharply. Eleven children are currently in residential placements costing more than £300,000 a year each; two exceed £600,000. The council has few in-house residential places and relies on an external market it describes, with justification, as "dysfunctional".

### 3.3 SEND and home-to-school transport

The council's dedicated schools grant high-needs deficit stands at £38m and is growing by around £9m a year. It is currently held off the general fund under the statutory override. If the override ends as planned in March 2026 without a national solution, the deficit alone would exceed the council's usable reserves. Home-to-school transport costs, which fall on the general fund, have risen by 46% in three years.

### 3.4 Income

Harbourside's council tax base is among the weakest of any English city: 61% of dwellings are in band A. A 1% council tax increase raises around £1.1m, compared with more than £2m in a county council of similar population. Parking and commercial income have not recovered to pre-pandemic levels.

> We have not been reckless. We have been poor, in a system that assumes every council can raise the same amount locally. That assumption is false, and it is the root of our problem.
> — Cllr Owen Fairclough, Leader, Harbourside City Council

## 4. Deliverability of savings

We reviewed each of the 47 savings proposals in the 2024/25 draft budget. The largest and riskiest are:

- **Adult social care demand management (£5.5m).** Depends on a new reablement service that has not yet been fully recruited. We rate this high risk.
- **Children's placements (£3.8m).** Depends on opening two new in-house children's homes. Planning consent for one is not yet secured. High risk.
- **Libraries and community centres (£1.9m).** Involves closure or community transfer of seven branch libraries. Deliverable, but subject to consultation and likely legal challenge.
- **Highways and street cleansing (£2.4m).** Deliverable, but will visibly reduce service standards and is likely to increase future liabilities.

We note that many of the remaining proposals reduce preventative and discretionary services — youth work, community safety, town centre management, economic development — which are precisely the functions the council would need to play its part in regeneration and levelling-up programmes.

## 5. Section 114 risk

We assessed the risk using three scenarios.

| Scenario | 2024/25 gap after savings | Reserves at March 2025 | Section 114 risk |
|---|---|---|---|
| Favourable | £18m | £13m | Moderate |
| Central | £27m | £4m | High |
| Adverse | £34m | Negative | Very high |

In the central scenario, the council would balance 2024/25 only by exhausting almost all usable reserves, leaving no capacity to absorb in-year overspends and no realistic route to a balanced budget in 2025/26. In our judgement, a prudent chief finance officer in that position would be obliged to consider a section 114 report.

## 6. Recommendations

1. **Seek exceptional financial support now.** The council should apply for a capitalisation direction of at least £20m for 2024/25, together with a case for permission to increase council tax above the referendum limit, rather than wait until reserves are exhausted.
2. **Strengthen in-year monitoring.** Monthly budget monitoring for adult and children's social care should be reported to Cabinet, with clear triggers for corrective action.
3. **Prioritise invest-to-save in children's services.** The in-house residential programme should be accelerated; it is the single measure with the largest potential long-term saving.
4. **Protect a minimum regeneration capacity.** Cutting the regeneration team below its current five posts would put at risk the delivery of the council's £19.8m Levelling Up Fund project and its ability to respond to future funding opportunities.
5. **Engage government early and openly.** The council should share this review with the department and seek a multi-year discussion about sustainability, not a single-year rescue.

## 7. Concluding remarks

Harbourside's position is serious but not unique. Many of the pressures we describe are shared by upper-tier and unitary councils across England, particularly in places with weak tax bases and high levels of need. Good local management can delay the point of crisis; it cannot, on its own, resolve a structural mismatch between statutory duties and the resources available to meet them.
""")

RAIL_2019 = Doc(
    filename="connecting-the-north-rail-options-2019.docx",
    title="Connecting the North",
    subtitle="Rail options for the 2020s",
    authors=["Tom O'Brien"],
    publisher="Northern Futures Institute",
    date="2019-05-14",
    keywords=["infrastructure", "rail", "transport", "Northern Powerhouse Rail",
              "HS2", "Transport for the North", "productivity"],
    extra={"category": "Discussion paper"},
    body="""
## Introduction

Ask a business leader in Leeds, Manchester or Newcastle what holds back the northern economy, and transport will be near the top of the list. Journeys between the North's major cities are slow, unreliable and, for commuters on many routes, uncomfortable. The May 2018 timetable collapse, which left passengers on some northern routes without reliable services for weeks, exposed how fragile the network has become.

This discussion paper sets out the main rail options facing the North over the next decade, assesses them against three criteria — economic impact, deliverability and value for money — and argues for a clearer sequence of priorities. It is intended to inform the current debate about HS2, Northern Powerhouse Rail and the future of rail franchising.

## The problem

Four features of the northern rail network stand out.

- **Slow east–west links.** The fastest journey between Leeds and Manchester, around 40 miles apart, takes roughly 50 minutes. Comparable journeys around London are often half that.
- **Capacity constraints.** Key pinch points — the Castlefield corridor in Manchester, Leeds station throat, the approaches to York — limit the number of trains that can run, meaning that new services cannot simply be added.
- **Unreliability.** Punctuality on several northern franchises has been consistently below the national average since 2017.
- **Limited local control.** Transport for the North, established as a statutory sub-national transport body in 2018, has an advisory and coordinating role but does not control rail budgets.

The result is that the North's cities function less as a single connected economy than their combined size would suggest. Economists associated with the Northern Powerhouse agenda have argued that better connectivity could support agglomeration benefits, widening labour markets and raising productivity.

## The options

### Option 1: Northern Powerhouse Rail in full

Transport for the North's preferred network would create new and upgraded lines linking Liverpool, Manchester, Leeds, Sheffield, Hull and Newcastle, with Manchester to Leeds reduced to around 30 minutes. It would share infrastructure with HS2's eastern and western legs. The cost estimate is around £39bn, and the programme would not be complete until the 2040s.

### Option 2: Incremental upgrade

A cheaper alternative would focus on upgrading existing lines, particularly the Transpennine route, through electrification, additional tracks at key points and digital signalling. This would deliver smaller journey time savings but sooner, with some benefits from the early 2020s.

### Option 3: Local networks first

A third option would prioritise intra-city-region connectivity — suburban rail, tram-train and bus — on the grounds that most journeys in the North are local and that labour market benefits come mainly from widening commuting areas around cities rather than from faster intercity links.

## Assessment

| Criterion | Full NPR | Incremental upgrade | Local networks first |
|---|---|---|---|
| Long-term economic impact | High | Medium | Medium |
| Speed of benefits | Slow | Medium | Fast |
| Deliverability risk | High | Medium | Low to medium |
| Dependence on HS2 | High | Low | None |

We conclude that the three options are not genuine alternatives. The North needs all three, but in a sensible sequence. Full Northern Powerhouse Rail is the right long-term ambition, but it depends heavily on decisions about HS2 that have not yet been made, and on funding commitments that extend well beyond the current spending review period. In the meantime, the North cannot afford to wait.

## Recommendations

1. **Commit to the Transpennine upgrade in full**, including electrification of the whole route, rather than the partial scheme currently under discussion.
2. **Fix the Castlefield corridor** as an urgent national priority, since it constrains services across the whole of the North.
3. **Give Transport for the North and the mayoral combined authorities real budgets**, including a multi-year settlement for local transport comparable to that enjoyed by Transport for London.
4. **Protect the eastern leg of HS2**, on which much of the benefit of Northern Powerhouse Rail for Leeds, Sheffield and the North East depends.
5. **Devolve more rail decision-making**, including a stronger role for the North in specifying and managing the next generation of rail contracts.

> If we keep treating the North's railway as a series of separate engineering problems, we'll keep getting separate, partial, late solutions. It needs to be planned as a network, by people accountable to the places it serves.
> — Cllr Janet Holroyd, transport lead for a West Yorkshire council

## Conclusion

Transport alone will not close the productivity gap between the North and the South East. Skills, investment and the quality of local institutions matter at least as much. But poor connectivity is one of the few constraints on northern growth that is unambiguously within the gift of national government to fix. The decisions taken on HS2 and Northern Powerhouse Rail in the next two years will shape the northern economy for a generation.
""")

RECOVERY_2020 = Doc(
    filename="recovery-in-place-2020.docx",
    title="Recovery in Place",
    subtitle="Local economies after COVID-19",
    authors=["Dr Priya Raman", "Niamh O'Connell"],
    publisher="Centre for Place Policy",
    date="2020-10-21",
    keywords=["pandemic recovery", "place-based policy", "levelling up", "high street",
              "furlough", "communities", "local economies"],
    extra={"category": "Briefing"},
    body="""
## Summary

The pandemic has hit every part of the UK, but not equally. Our analysis of furlough take-up, Universal Credit claims and high street footfall shows that the places hardest hit by the first wave of restrictions fall into two broad groups: city centres dependent on office workers, hospitality and culture; and older industrial and coastal towns where a high share of jobs are in sectors that were forced to close, and where household finances were already fragile.

This matters for the government's levelling-up agenda. The places that levelling up was meant to help are, in many cases, the places now suffering the largest economic shock. Unless recovery policy is designed with place in mind, the pandemic risks widening the gaps the government has promised to close.

## Who has been hit hardest?

### Furlough and job losses

At the peak of the Coronavirus Job Retention Scheme, around a third of eligible employees in some coastal districts were furloughed, compared with around a fifth in the least affected areas. Claimant counts rose fastest in places with large hospitality and retail sectors — including seaside towns such as Blackpool, Skegness and Torbay — but also in parts of outer London and in city centres.

### High streets

Footfall data from 74 town and city centres show that by September, weekday footfall in large city centres remained around 40% below its pre-pandemic level, while smaller town centres had recovered to within 15%. Hybrid working is shifting spending from city cores to the suburbs and towns where people live — a potential opportunity for some places, and a threat to others.

### Pre-existing fragility

The places that entered the pandemic with the weakest labour markets, the highest levels of deprivation and the poorest health are also the places where the effects are likely to last longest. Our index of "scarring risk", combining pre-pandemic unemployment, skills levels and health, is highest in parts of the North East, South Wales, the coastal North West and the Fens.

## What has policy done so far?

National support — furlough, business grants, rates relief and the uplift to Universal Credit — has been large and, by international standards, fast. But it was designed to be place-blind. That was appropriate for an emergency. It will not be appropriate for recovery.

Councils have carried much of the local burden: distributing business grants, supporting shielding residents, reopening high streets safely and running local test-and-trace. Many report that the additional funding they have received falls well short of their extra costs and lost income.

> We distributed forty million pounds of business grants in six weeks, with a finance team of twelve. Nobody thanked us and nobody has yet told us how we'll cover the hole in our own budget from lost parking and leisure income.
> — A council chief executive in the North West, interviewed September 2020

## Principles for a place-based recovery

1. **Target the places at greatest risk of scarring**, not only those with the largest immediate job losses.
2. **Invest in skills and employment support locally**, through councils and combined authorities that know their labour markets, rather than through national programmes alone.
3. **Support high streets to adapt**, with revenue funding for town centre management as well as capital for buildings.
4. **Give local government stable funding** — including compensation for lost income — so that councils can plan recovery rather than firefight.
5. **Keep the levelling up promise** by publishing, alongside the spending review, a clear framework for how recovery spending will be allocated between places.

## Conclusion

The government came into office promising to level up. The pandemic has made that harder, but also more urgent. Recovery policy that ignores place will, by default, favour the places best able to bounce back. A recovery built around place could be the beginning of levelling up rather than its casualty.
""")

DEVOLUTION_SCEPTIC_2024 = Doc(
    filename="does-devolution-deliver-2024.pdf",
    title="Does Devolution Deliver?",
    subtitle="A sceptical review of the evidence on English devolution and local outcomes",
    authors=["Prof. Margaret Ellison", "José Martínez"],
    publisher="Wessex Institute for Regional Economics, University of Wessex",
    date="2024-09-18",
    keywords=["devolution", "combined authorities", "mayors", "evaluation",
              "skills", "productivity", "levelling up", "central-local relations"],
    extra={"short_title": "Does Devolution Deliver?",
           "cover_note": "WIRE Working Paper 24/07. Views expressed are those of the authors."},
    body="""
## Summary

English devolution enjoys a rare cross-party consensus. Both main parties went into the 2024 general election promising to extend mayoral devolution across England, and the new government has signalled that it intends to legislate to make devolution the default across England. Underpinning this consensus is a widely repeated claim: that devolution improves outcomes.

This paper asks whether that claim is supported by the evidence. We review the published evaluations of English devolution since 2014, re-examine the most prominent recent study, and set out what a credible evaluation would require.

Our conclusions are deliberately cautious.

- There is **no robust evidence** that mayoral devolution has raised productivity, employment or wages in the areas that have it.
- There is **some evidence** that devolved control of specific budgets, notably adult education, has changed how those budgets are spent. Whether it has improved learner outcomes is less clear once we account for the way areas were selected for devolution.
- The most widely cited recent study, the Centre for Place Policy's *The Devolution Dividend* (March 2024), is a valuable contribution, but its headline estimates are **sensitive to the choice of comparison group** and should not be treated as settled.
- The case for devolution may well be sound on democratic grounds. But policymakers should stop promising that it will deliver measurable economic gains within an electoral cycle.

## 1. Why scepticism is warranted

We should say at the outset that we are not opponents of devolution. One of us has advised a combined authority on its economic strategy; the other has argued in print for greater fiscal autonomy for English local government. Our scepticism is methodological rather than political.

There are three reasons to treat claims about devolution and outcomes with caution.

**First, selection.** The areas that received the first and deepest devolution deals were not chosen at random. Greater Manchester was offered the first deal in 2014 in large part because its ten councils had worked together for decades through the Association of Greater Manchester Authorities. The West Midlands, Liverpool City Region and others followed because they had the institutional capacity and political will to negotiate. These are also, on average, larger and more economically diverse areas than those without deals. Any comparison between "devolved" and "non-devolved" areas risks mistaking pre-existing strengths for the effects of devolution.

**Second, bundling.** Devolution deals rarely arrive alone. They typically coincide with new funding streams — transport settlements, investment funds, brownfield housing money — and sometimes with changes in national policy that affect devolved and non-devolved areas differently. Separating the effect of *who decides* from the effect of *how much money there is* is extremely difficult.

**Third, timing.** Most mayoral combined authorities have existed for less than seven years, and the most substantial budget transfers date from 2019 or later. That period includes a pandemic, an energy price shock and a bout of high inflation. Detecting the effect of institutional change against that background would be hard even with perfect data.

## 2. What the literature says

We identified 31 studies published between 2015 and mid-2024 that attempt to assess the impact of English devolution on one or more outcomes. They fall into three groups.

### 2.1 Process evaluations

The largest group (17 studies) are process evaluations: they describe how deals were negotiated, how combined authorities were set up, and how stakeholders perceive them. These studies are useful, but they do not measure outcomes. Several find that stakeholders believe devolution has improved coordination and strategic capacity; this is a perception, not an effect.

### 2.2 Descriptive outcome studies

Nine studies compare trends in outcomes between devolved and non-devolved areas without attempting to construct a credible counterfactual. Most find that mayoral areas performed somewhat better on some indicators, but these comparisons are vulnerable to all three of the problems above.

### 2.3 Quasi-experimental studies

Only five studies attempt a quasi-experimental design — typically difference-in-differences or synthetic control methods. Their findings can be summarised as follows:

| Outcome | Studies | Finding |
|---|---|---|
| GVA per head | 3 | No significant effect |
| Employment rate | 2 | No significant effect |
| Adult skills participation | 2 | Positive, of uncertain robustness |
| Inward investment | 1 | Small positive, sensitive to controls |
| Bus patronage | 1 | Too early to assess |

This is a thin evidence base on which to rest a national reform programme.

## 3. Re-examining The Devolution Dividend

The Centre for Place Policy's report, by Dr Priya Raman and Tom O'Brien, is the most ambitious recent attempt to estimate the effect of devolution on outcomes. It is careful, transparent and candid about its limitations. Its core claim is that where "real" budgets have been devolved, outcomes have improved faster than in comparable areas. The headline estimate is that achievement rates on level 2 adult courses rose by 4.1 percentage points in areas with devolved adult education budgets, compared with 1.8 points elsewhere.

With the authors' cooperation, we re-ran their analysis using the same published data but three alternative specifications.

### 3.1 Matched comparison areas

Rather than comparing devolved areas with the rest of England, we matched each devolved area with non-devolved areas that had similar trends in adult learner outcomes between 2014/15 and 2018/19, and similar labour market characteristics. On this basis, the estimated effect on level 2 achievement rates falls to **1.3 percentage points**, with a confidence interval that includes zero.

### 3.2 Course mix

Devolved areas changed the mix of courses they funded, reducing short, non-accredited and online provision. Because those courses tend to have different achievement rates from longer courses, part of the headline improvement reflects composition. When we hold the course mix constant, the estimated effect falls further, to around **0.8 percentage points**.

### 3.3 Excluding the pandemic years

Devolution of adult education budgets took effect in 2019/20, the year the pandemic began. Devolved and non-devolved areas responded differently to lockdowns, and learner data for 2019/20 and 2020/21 are unusually noisy. If we exclude those two years, the effect estimate is positive but imprecise.

### 3.4 What this means

None of these results shows that devolution of adult education budgets has *failed*. The point estimates remain positive in every specification. What they show is that the evidence is less conclusive than the headline figures suggest, and that the choice of comparison group matters a great deal. A reasonable reading is that devolved areas may have achieved modest improvements in adult skills outcomes, alongside a clear and deliberate change in the type of provision funded.

It is worth adding that the change in provision may itself be the most important result. Several combined authorities used their new powers to redirect funding towards longer, more substantial courses for adults with low qualifications. That is a policy choice that a national funder could also have made, but did not. Whether one regards that as evidence for devolution depends on whether one thinks local decision-makers are systematically more likely to make good choices — a question our data cannot settle.

## 4. The growth question

The most frequent public justification for devolution is economic: that mayors will drive growth, attract investment and raise productivity. Here the evidence is weakest.

Neither our own analysis nor any of the quasi-experimental studies we reviewed finds a statistically significant effect of mayoral devolution on GVA per head, productivity or employment. This is not surprising. Mayoral investment funds are small relative to local economies, and the main determinants of regional growth — industrial structure, skills, national macroeconomic conditions, infrastructure decisions taken in Whitehall — lie largely outside mayors' control.

Claims that mayors have attracted inward investment deserve particular caution. Investment decisions are driven by many factors, and mayoral investment teams frequently announce projects that were in development before the mayor took office, or that have also been claimed by councils, freeports, investment zones or national agencies.

> Every investment announcement has at least three press releases and four people in the photograph. That doesn't mean none of them made a difference. It means you can't count the press releases.
> — A former senior civil servant, interviewed for this paper

### 4.1 Transport: the most promising test

If there is a policy area in which devolution could plausibly produce measurable effects within a few years, it is local transport. Bus franchising gives a mayor control over routes, fares and timetables, and the outcomes — patronage, reliability, fares paid — are observable monthly. Greater Manchester's first franchised services began in September 2023, and early figures published by the combined authority show patronage growing faster in franchised than in non-franchised parts of the city region.

We would urge caution here too. The first franchising tranche coincided with a fare cap, new vehicles and a high-profile rebranding, and the comparison areas within the city region differ from the franchised areas in their demography and road networks. But transport offers the clearest opportunity for a rigorous evaluation, because roll-out has been staggered across the city region and because other mayoral authorities are following at different speeds. If government is serious about learning whether devolved powers improve services, this is where it should start.

### 4.2 Skills beyond adult education

Mayors control adult skills funding but not, for the most part, the larger budgets for 16-19 education and apprenticeships. Apprenticeship starts have fallen in almost every part of England since the introduction of the apprenticeship levy in 2017, and we find no difference in the trend between mayoral and non-mayoral areas. This is unsurprising, since mayors have had no formal role in the levy. But it is a reminder that the parts of the skills system that matter most for young people remain centrally controlled, and that claims about "devolved skills" should be read with that in mind.

## 5. Arguments for devolution that do not depend on outcomes

If the evidence for measurable outcome gains is weak, should England stop devolving? We think not, for three reasons.

**Democracy.** England is one of the most centralised democracies in the developed world. There is a respectable case that decisions about local transport, skills and planning should be taken by people accountable to local voters, whatever their effect on GVA.

**Option value.** Devolved institutions create the capacity to experiment and to respond to local circumstances. Even if the average effect is small, the ability of some areas to try different approaches has value, especially if successful approaches are spread.

**The counterfactual is not perfection.** Central government's own record on regional policy over the past four decades is not impressive. Devolution does not need to be transformative to be better than the alternative.

These are good arguments. But they are arguments about accountability and governance, not about growth. Politicians who promise that devolution will "unleash" regional economies are setting it up to disappoint.

## 6. Central control by other means

One reason devolution may have had limited measurable effect is that it has been less substantial than its branding suggests. Combined authorities remain heavily dependent on central grants, most of them ring-fenced, and subject to extensive monitoring. In the same period that mayors were created, a growing share of local growth funding was allocated through competitive bids to Whitehall departments — the Towns Fund, the Future High Streets Fund and the Levelling Up Fund — in which mayors often had no formal role.

In other words, England has simultaneously devolved and re-centralised. It is difficult to evaluate the effect of devolution when so much of the relevant money has been controlled from the centre. The trailblazer deals' promise of a single, flexible settlement for Greater Manchester and the West Midlands will be a better test — if it is implemented as described.

### 6.1 The view from the town hall

The councils that make up combined authorities, and those outside them, offer a useful corrective to the national debate. In our interviews with twelve council leaders and chief executives, the question of whether mayors improve outcomes was rarely seen as the most important one. What mattered more to them was the way resources were distributed between places with deals and places without.

Leaders of councils outside mayoral areas described a growing two-tier system. Places with deals receive multi-year transport and skills funding, direct access to ministers and, in the case of the trailblazers, the prospect of a single settlement. Places without deals continue to bid for competitive pots on one-year horizons. Whatever its effect on outcomes, devolution has therefore had a clear effect on the *allocation* of public money and attention, which deserves more scrutiny than it receives.

> If devolution works, give it to everyone. If it doesn't, stop rewarding it. What you can't do is run two systems and call it levelling up.
> — Cllr Farida Ahmed, Leader, Eastmoor Borough Council

Leaders inside mayoral areas were, on the whole, more positive, though several noted that the combined authority had little to offer on the financial pressures that dominate their own work — adult social care, children's services and special educational needs. One chief executive summarised the position neatly: "The mayor does the announcements. We do the cuts."

## 7. What a proper evaluation would need

We recommend that the government commission, before it legislates for universal devolution, a long-term independent evaluation with the following features:

1. **Access to linked administrative data**, including individual learner records, benefit and earnings data, and business-level data, so that outcomes can be tracked for residents rather than only for areas.
2. **A pre-registered analysis plan**, agreed before results are known, setting out which outcomes will be measured and how comparison areas will be chosen.
3. **Staggered roll-out**, where possible, so that new strategic authorities and new powers are introduced in an order that allows comparison.
4. **Separate assessment of powers and money**, distinguishing the effects of devolved decision-making from those of additional funding.
5. **Publication of all results**, including null findings.

## 8. Conclusion

The claim that devolution improves outcomes has become something close to an article of faith in English policy debates. The evidence does not justify that confidence. It does not refute it either. The honest position is that England has not yet designed its devolution programme in a way that would allow anyone to know.

That is a missed opportunity, but it can be corrected. If the next phase of devolution is accompanied by serious evaluation, in ten years' time we may be able to say with some confidence which powers matter, at what scale, and for whom. Until then, advocates and sceptics alike should be more modest about what the evidence shows.

## Acknowledgements

We thank Dr Priya Raman and Tom O'Brien for sharing their code and for their constructive engagement with our re-analysis, and Dr Fiona D'Arcy for research assistance. Any errors are our own.
""")

INVESTMENT_ZONES_2025 = Doc(
    filename="investment-zones-early-evidence-2025.pdf",
    title="Investment Zones and Freeports: The Early Evidence",
    subtitle="Jobs, displacement and skills in England's special economic zones",
    authors=["Hannah Okafor", "Sam Adebayo-Price"],
    publisher="Northern Futures Institute",
    date="2025-04-08",
    keywords=["investment zones", "freeports", "private-sector growth", "tax reliefs",
              "displacement", "skills", "levelling up"],
    extra={"short_title": "Investment Zones and Freeports"},
    body="""
## Summary

Since 2021, England has designated eight freeports and, since 2023, a series of investment zones, most of them in the North and Midlands. Together they represent the largest experiment in tax-based place policy in the UK since the enterprise zones of the 1980s. Both programmes were launched under the banner of levelling up, and both have been retained, in modified form, by the current government as part of its industrial strategy.

This paper reviews the early evidence. Our main findings are:

- **Progress on sites has been slower than promised.** Of the 23 tax sites in the northern freeports and investment zones we examined, only 9 had occupiers on site by the end of 2024. Site remediation, grid connections and planning have been bigger constraints than the availability of incentives.
- **Reported job numbers need careful reading.** Freeport and investment zone partnerships report around 6,800 jobs "created or safeguarded" across our sample. We estimate that fewer than half are likely to be genuinely additional at the regional level.
- **Displacement is real but not universal.** In four of the eleven areas, we found clear examples of firms relocating short distances into tax sites to obtain reliefs.
- **Skills commitments are the most promising element.** Areas that have linked zones to college provision and local hiring schemes are seeing more local residents in new jobs.

## 1. What the programmes offer

### 1.1 Freeports

Freeports combine customs facilitation with tax reliefs in designated tax sites: enhanced capital allowances, structures and buildings allowances, relief on employer national insurance contributions for new employees, stamp duty land tax relief and business rates relief. Local partnerships retain business rates growth for 25 years, and each freeport received seed capital of up to £25m.

### 1.2 Investment zones

Investment zones offer a similar tax package but without the customs element, and with a more explicit focus on priority sectors, typically advanced manufacturing, life sciences, digital and creative industries, and clean energy. Each receives a flexible funding envelope over ten years that can be spent on skills, infrastructure, research and business support.

## 2. Progress on the ground

### 2.1 Sites

The most consistent message from our interviews with zone partnerships was that incentives are rarely the binding constraint. Sites designated as tax sites were frequently former industrial land with contamination, poor access or no grid connection. In several cases, remediation alone will take two to three years.

| Constraint | Areas reporting it as major |
|---|---|
| Grid connection delays | 8 of 11 |
| Site remediation | 7 of 11 |
| Planning and consenting | 5 of 11 |
| Local skills shortages | 6 of 11 |
| Lack of investor interest | 2 of 11 |

### 2.2 Occupiers and jobs

Partnerships reported 41 occupiers and around 6,800 jobs across our sample. However, definitions vary. Some partnerships count jobs in firms that have announced an intention to locate, others only those on site. Several count "safeguarded" jobs in firms that moved into the zone from nearby.

### 2.3 Displacement

We identified at least 14 cases of firms relocating into a tax site from within 20 miles. In most cases the move was accompanied by some expansion, but the net regional gain was far smaller than headline announcements suggested.

> We had a haulier move four miles down the road into the tax site. He was honest about it: the national insurance relief paid for the new depot. Good for him. But it isn't growth for the town.
> — Economic development officer, northern unitary council

At the same time, two zones have attracted significant new foreign investment that we judge likely to be genuinely additional — in both cases in sectors with strong existing local supply chains.

## 3. Skills and local benefit

The most encouraging evidence relates to skills. In three areas, zone partnerships have used flexible funding or retained rates to invest in local college capacity and to create guaranteed interview schemes for local residents.

The Eastmoor Riverside Investment Zone provides one example. Its board agreed in its first months to ring-fence a share of flexible funding for a Riverside Skills Academy run by Calder Valley College, linked to the Calder and Aire local skills improvement plan. Early data suggest that 58% of new hires by zone occupiers in 2024 were residents of the borough — well above the 30–35% typical in the other areas we examined.

By contrast, zones that treated skills as an afterthought report difficulty filling technical roles and a reliance on in-commuting.

## 4. The evidence from elsewhere

International evidence on special economic zones is sobering. Studies of the UK enterprise zones of the 1980s found substantial deadweight and displacement, with cost per additional job far higher than for other forms of regional policy. Evidence from the United States, including evaluations of Opportunity Zones, finds that tax incentives tend to flow to places already on an upward trajectory and have limited effects on existing residents.

Supporters of the current programmes argue that they are better designed than their predecessors: more tightly focused on sectors, more closely linked to skills and research, and governed by local partnerships with a long-term stake through retained rates. Our evidence suggests that this is true in some places but not in others.

## 5. Recommendations

1. **Standardise job reporting.** Government should require all zones to report jobs on a common basis, distinguishing new, relocated and safeguarded jobs, and to publish these annually.
2. **Commission an independent displacement study** before any further zones are designated.
3. **Make skills commitments conditional.** A minimum share of flexible funding and retained rates should be committed to local skills and employment pathways.
4. **Tackle site constraints directly.** Much of the money currently spent on tax reliefs would have greater impact if directed at grid connections and remediation.
5. **Do not extend reliefs without evidence.** Any extension of the tax relief window should be contingent on evidence of additionality.

## 6. Conclusion

Freeports and investment zones were promoted as a way to unlock private investment in places that had been left behind. Four years in, the picture is mixed. Where zones have been built on existing strengths and tied to local skills systems, they show promise. Where they have relied on tax reliefs to do the work, the results look much like the enterprise zones of forty years ago: activity moved a short distance at considerable public cost. The incentive, it turns out, is the least important part of the package.
""")

SOCIAL_CARE_2023 = Doc(
    filename="social-care-and-council-finance-2023.pdf",
    title="Crowded Out",
    subtitle="Social care, council finance and the future of local public services",
    authors=["Zoë Castellanos", "Dr Martin Hale"],
    publisher="Care Policy Forum",
    date="2023-11-02",
    keywords=["social care", "council finances", "section 114", "public services",
              "SEND", "local government finance"],
    extra={"short_title": "Crowded Out"},
    body="""
## Key points

- Adult and children's social care now account for around two-thirds of net revenue spending by upper-tier councils in England, up from around half in 2010/11.
- Between 2010/11 and 2022/23, spending on almost every non-care service fell in real terms, with the steepest reductions in planning, economic development, culture and youth services.
- Rising care costs are the single most important reason that councils with no history of risky investment now face the prospect of issuing a section 114 notice.
- The system for funding care through council budgets is not sustainable. Without reform, the remaining discretionary services that underpin local economic and community life will continue to disappear.

## 1. Introduction

This report examines how the growth of social care spending has reshaped English local government. It draws on revenue outturn data for all 153 upper-tier councils, budget documents for 2023/24, and interviews with 18 directors of finance, adult social services and children's services.

Our argument is simple. Social care is not just one pressure among many on council budgets. It has become the organising fact of local government finance, and it is squeezing out the services on which the wider ambitions of government for places depend — from high streets and libraries to economic development and regeneration.

## 2. The scale of the shift

### 2.1 Spending shares

In 2010/11, adult social care accounted for around 35% of upper-tier council net spending and children's social care for around 17%. By 2022/23, those figures had risen to 41% and 24% respectively. In a quarter of councils, the combined share exceeds 70%.

| Service area | Change in real net spending 2010/11 to 2022/23 |
|---|---|
| Adult social care | +9% |
| Children's social care | +38% |
| Highways and transport | -35% |
| Culture and leisure | -44% |
| Planning and development | -52% |
| Youth services | -68% |

### 2.2 Why care has grown

Care spending has grown despite, not because of, generous funding. Most councils have tightened eligibility, raised charges and held down fees for many years. The growth reflects four forces: demography; the rising number of working-age adults with complex needs; the national living wage, which rightly raises care workers' pay but is not fully funded; and, in children's services, a broken market for residential placements in which some providers earn substantial profits.

## 3. From pressure to crisis: the section 114 link

### 3.1 The recent notices

Since 2018, a series of councils have issued section 114 notices. In several cases — Croydon, Thurrock, Woking — failed commercial investments or poor governance were central. But in others, and in many councils now warning of difficulties, the driver is simply that demand-led care costs have outgrown the resources available.

### 3.2 How care turns difficulty into crisis

A council can usually absorb a one-off loss by drawing on reserves. What it cannot absorb is a persistent, compounding gap between statutory spending growth and income growth. Our modelling suggests that, for a typical county council, a two percentage point gap between care cost growth and core spending power growth, sustained for five years, would exhaust usable reserves.

> We don't have a spending problem. We have a statutory duty problem. The law tells us to meet eligible care needs, and the funding system doesn't give us the money to do it. Something has to give, and it's everything else.
> — Director of finance, county council in the East Midlands

## 4. What is being lost

The services that have been cut fastest are those with the least statutory protection. They are also, very often, the services that make places work: planning departments that can process applications and shape development; economic development teams that support businesses and write funding bids; youth services; libraries; town centre management; parks.

This has a direct bearing on the levelling up agenda. Councils are expected to be the engine of place-based regeneration, yet the teams that would do that work are those being cut. In our interviews, several directors observed that their authority had won capital funding for regeneration projects while simultaneously cutting the staff needed to deliver them.

## 5. Options for reform

### 5.1 Funding

Any sustainable settlement must include more money for care, raised nationally. Council tax, with its out-of-date valuations and regressive structure, is not a suitable base for funding a growing national service. The social care precept has shifted costs onto local taxpayers in a way that raises least in the areas of greatest need.

### 5.2 Separating care funding

One option would be to separate adult social care funding from the general local government settlement, with a dedicated, needs-based grant. This would protect other services from being automatically crowded out, although it would also reduce local flexibility.

### 5.3 Market reform

In children's services, national action to cap profits, build public sector capacity and recruit foster carers could reduce costs significantly over time.

### 5.4 Long-term reform of adult care

The cap on care costs, legislated in 2021, has been postponed to October 2025. Whatever its fate, the system needs a long-term funding model that does not depend on annual top-ups announced weeks before councils set their budgets.

## 6. Conclusion

The story of local government since 2010 is often told as a story of cuts. It is more accurately told as a story of substitution: care has steadily replaced almost everything else. Until the funding of social care is put on a sustainable footing, every other ambition for local government — from levelling up to pride in place — will be built on ground that is shrinking beneath it.
""")

PLACE_PRODUCTIVITY_2017 = Doc(
    filename="place-and-productivity-2017.pdf",
    title="Place and Productivity",
    subtitle="Making the Industrial Strategy work for every part of the country",
    authors=["Dr Priya Raman"],
    publisher="Centre for Place Policy",
    date="2017-12-04",
    keywords=["industrial strategy", "productivity", "place-based policy",
              "local industrial strategies", "skills", "infrastructure",
              "regional inequality"],
    extra={"short_title": "Place and Productivity"},
    body="""
## Introduction

Last week's Industrial Strategy white paper is the most serious attempt by a UK government in a generation to set out a long-term plan for raising productivity. It identifies five "foundations" of productivity — ideas, people, infrastructure, business environment and places — and four "grand challenges". It commits to local industrial strategies, a transforming cities fund and a new approach to skills.

This short paper welcomes the strategy's recognition that place matters, but argues that its approach to place remains underpowered. Without stronger local institutions, longer-term funding and a clearer account of how national and local decisions fit together, the UK's stark regional productivity gaps are unlikely to narrow.

## The scale of the challenge

The UK has some of the largest regional productivity disparities of any advanced economy. Output per hour in London is more than 30% above the UK average, while in much of Wales, the North East and parts of the Midlands it is 10-20% below. These gaps have persisted for decades and widened in the years following the financial crisis.

The causes are well understood, if contested in their relative importance: differences in skills, the concentration of high-productivity services in London and the South East, under-investment in transport and research outside the "golden triangle", and weak institutions for local economic development.

## What the strategy gets right

- **Places as a foundation.** The strategy explicitly treats place as a driver of productivity rather than an afterthought.
- **Local industrial strategies.** Asking mayoral combined authorities and local enterprise partnerships to develop evidence-based local industrial strategies could help build local economic capacity.
- **Skills.** Commitments on technical education, including new T levels and a national retraining scheme, address a longstanding weakness.
- **Transport.** The transforming cities fund recognises that intra-city connectivity matters for productivity.

## Where it falls short

### Institutions without money

Local industrial strategies are to be developed by bodies — local enterprise partnerships in particular — that have small budgets, limited staff and uncertain accountability. Strategy without the means to deliver it risks becoming a paper exercise.

### Competitive funding

Many of the strategy's place-based commitments will be delivered through competitive funds. Competitive allocation rewards places that already have strong bidding capacity and may do little for those with the weakest institutions.

### Skills fragmentation

The apprenticeship levy, introduced in April, has been followed by a sharp fall in apprenticeship starts. Combined with separate national programmes for adult skills, technical education and retraining, the skills system remains fragmented and centrally controlled. Areas with mayors will gain control of the adult education budget from 2019, but most skills funding will continue to be allocated nationally.

> Every region is asked to write a strategy, but the levers that would let a region act on that strategy - skills funding, transport investment, research money - are still pulled in London.
> — Senior officer at a northern local enterprise partnership

## Recommendations

1. **Give local industrial strategies budgets.** Each should be accompanied by a multi-year, flexible pot of funding, at least for areas with mayoral combined authorities.
2. **Limit competitive bidding** to genuinely experimental programmes, and allocate core place-based funding by formula weighted for need.
3. **Devolve more of the skills system**, including a local role in the apprenticeship levy and in careers guidance.
4. **Rebalance research and infrastructure spending**, setting explicit targets for investment outside London and the South East.
5. **Commit to evaluation**, with a clear set of place-level productivity indicators published annually.

## Conclusion

The Industrial Strategy is a welcome return to active economic policy. But the UK's regional productivity gaps are too large, and too persistent, to be closed by strategies alone. If the government is serious about every place sharing in rising prosperity, it will need to give places the institutions, funding and powers to act.
""")

# Plain-text meeting notes, saved in Windows-1252 (as an older Windows PC
# running Word/Notepad would). Contains £, curly quotes, an en dash, accented
# names and a curly apostrophe in O’Brien.
ROUNDTABLE_CP1252 = ("skills-roundtable-notes-2022.txt", "cp1252", """
CALDER AND AIRE SKILLS ROUNDTABLE – NOTE OF DISCUSSION
Tuesday 11 October 2022, 09:30–12:00
Venue: The Old Mill Café meeting room, Hebden Road

Chair: Imran Qureshi (Calder and Aire Chamber of Commerce)
Attendees:
  Dr Lorraine Whitby – Principal, Calder Valley College
  Renée Fontaine – Head of Adult Skills, Pennine Valleys Combined Authority
  José Martínez – University of Wessex (WIRE), observing for research project
  Tom O’Brien – Northern Futures Institute
  Kate Lindqvist – Riverside Advanced Engineering Ltd
  Siân Llewelyn – Local Government Review (on background; no direct quotes)
  Representatives of 9 further employers (construction, care, logistics, digital)
Notes: Chamber secretariat

1. PURPOSE
IQ explained that the Chamber expects to be designated as the employer representative body for the new local skills improvement plan (LSIP) and wanted early employer views before the formal process begins in the new year.

2. WHAT EMPLOYERS NEED
Employers described the same shortages as in the Chamber’s summer survey:
  • electricians and electrical technicians (“we could take six tomorrow if they existed”);
  • maintenance engineers and mechatronics;
  • care workers – recruitment and retention, not just training;
  • HGV drivers, though pressure has eased since last year;
  • “people who can use a spreadsheet properly” – basic data skills in every sector.
KL said her firm had turned down a £1.4m contract in the spring because it could not recruit enough technicians.

3. APPRENTICESHIPS AND THE LEVY
Lengthy discussion. Points raised:
  • Large employers reported unspent apprenticeship levy funds expiring; one estimated £180,000 lost over two years.
  • Small firms described the system as “a maze”. Two had given up on non-levy apprenticeship starts after delays in provider allocations.
  • LW: entry-level (level 2) apprenticeships at the college have roughly halved since 2017; engineering apprenticeships lose money at current funding bands.
  • TO’B summarised NFI analysis: starts by under-19s in the North down around a third since the levy. Proposed local pooling of unspent levy funds.
  • General support for a Chamber-run levy transfer brokerage service. IQ to scope.

4. ADULT SKILLS AND DEVOLUTION
RF outlined how the combined authority has used its devolved adult education budget (c. £31m a year): fully funded level 2/3 courses for low-paid adults, community learning hubs, reduction in short online courses.
  • Employers broadly positive, though several were unaware of what was on offer.
  • JM asked whether outcomes had improved or just provision changed. RF: “Both, we think – but we’d welcome an independent look.” JM noted the difficulty of finding a fair comparison group, since devolved areas were not chosen at random.
  • Eastmoor employers pointed out that residents there cannot access the combined authority offer as Eastmoor is outside the CA area – “same travel-to-work area, different rules”.

5. SKILLS FUNDING COMPLEXITY
LW listed the separate skills funding streams the college now manages (at least eleven). All agreed the LSIP should push for simplification, though it was acknowledged that the LSIP itself comes with yet another fund.

6. AGREED NEXT STEPS
  • IQ to circulate a summary to all attendees and to the wider Chamber membership.
  • Chamber to scope a levy transfer brokerage pilot (report back in January).
  • RF and IQ to meet to align the CA skills strategy with the emerging LSIP.
  • LW to share college data on engineering lecturer vacancies.
  • JM to share WIRE’s draft evaluation framework for devolved adult skills.

Date of next roundtable: late January 2023 (tbc).
""")

# Interview transcript saved as UTF-16 with a byte-order mark (as exported by
# some transcription tools on Windows).
ADVISER_UTF16 = ("interview-mayoral-adviser-2024.txt", "utf-16", """
INTERVIEW TRANSCRIPT – Dr Rhiannon Price, Chief Economic Adviser, Severn Vale Combined Authority
Project: The integrated settlement – first impressions (Centre for Place Policy)
Date: 5 November 2024
Location: Severn Vale Combined Authority offices, Gloucester (and by video)
Interviewer: Dr Priya Raman, Director of Research, Centre for Place Policy
Interviewee: Dr Rhiannon Price, Chief Economic Adviser to the Mayor, Severn Vale Combined Authority
Status: attributable; quotes approved 12 November 2024

----------------------------------------------------------------------

Dr Raman: Thanks for seeing me. We're a week on from the Budget and a few weeks away from the devolution white paper. How is the mood in Severn Vale?

Dr Price: Expectant, and a bit wary. The Budget confirmed the integrated settlements for Greater Manchester and the West Midlands from next April, which is the thing everyone's been waiting for since the trailblazer deals. For those of us in the next tier of mayoral authorities, the question is how quickly we get the same thing — and on what terms.

Dr Raman: What difference would an integrated settlement make to you?

Dr Price: Honestly, the biggest difference is time. At the moment we have something like fourteen separate funding streams from central government, each with its own conditions, its own reporting and its own end date. My team spends a frightening proportion of its time on returns. If you give us one settlement across transport, skills, housing and growth, with a proper outcomes framework, we can start to plan over five years instead of five months.

Dr Raman: Your mayor, Adebayo Cole, has been quite critical of Whitehall. He told us earlier this year that devolution was still "done to places, not with them". Is that still his view?

Dr Price: I think he'd say it's shifting. The new government's rhetoric is different — the language of "partnership" and "strategic authorities" — and there's more willingness to talk about fiscal devolution. But rhetoric is cheap. The test will be whether the Treasury accepts that some money will be spent in ways it wouldn't have chosen. That's what devolution means.

Dr Raman: Let me put the sceptics' case. The Wessex Institute published a paper in September arguing there's no robust evidence that devolution improves outcomes. What's your response?

Dr Price: I read it carefully. It's a good paper, and on the narrow question — can you prove a statistical effect on GVA from having a mayor — I think they're right, you can't, at least not yet. But I'd make two points. First, most of what's been devolved so far is small, so you wouldn't expect big effects. Second, there are things we've done that simply wouldn't have happened otherwise. We redesigned our adult skills offer around the care and construction workforce. We've got a bus network plan that covers the whole area for the first time. Are those "outcomes"? Not yet, in the statistical sense. But they're real.

Dr Raman: Is there a risk of over-promising?

Dr Price: Yes, absolutely, and mayors are as guilty as anyone. When you stand for election you say you'll transform the regional economy. Then you get an investment fund that's about 0.1% of regional GDP. I'd rather we were honest: devolution gives you the ability to make better decisions about a modest amount of money, and to make the case for the region with a single voice. That's valuable. It isn't magic.

Dr Raman: What about the councils in your area? How do they feel?

Dr Price: Mixed. The leaders are supportive in principle, but they're under enormous financial pressure. Two of our constituent councils are in serious difficulty — one has asked for exceptional financial support, and the other's finance director has publicly said a section 114 notice can't be ruled out. When councils are cutting libraries and youth services, it's hard for them to get excited about a combined authority strategy. And there's a real risk that the mayor becomes the visible face of "good news" while councils take the blame for cuts.

Dr Raman: Does the combined authority have any role in council finances?

Dr Price: Formally, no. Informally, we've tried to help — for instance, by using our skills budget to fund community learning that councils could no longer afford, and by taking on some transport functions. But we can't fix the underlying problem, which is adult social care, children's services and SEND. That's a national issue.

Dr Raman: Final question. What should the white paper do?

Dr Price: Three things. Give every mayoral area a clear route to an integrated settlement, with published criteria, not a negotiation behind closed doors. Fund capacity — we are trying to run a regional economic strategy with fewer staff than a mid-sized secondary school. And, please, end competitive bidding for local growth money. We've spent a decade writing bids. Let us spend the next one delivering.

Dr Raman: Thank you, Rhiannon.

[END OF TRANSCRIPT — 41 minutes]
""")


# ---------------------------------------------------------------------------
# Registry and entry point
# ---------------------------------------------------------------------------

DOCX_DOCS = [LSIP_2024, HARBOURSIDE_2024, RAIL_2019, RECOVERY_2020]
PDF_DOCS = [DEVOLUTION_SCEPTIC_2024, INVESTMENT_ZONES_2025, SOCIAL_CARE_2023,
            PLACE_PRODUCTIVITY_2017]
TEXT_FILES = [ROUNDTABLE_CP1252, ADVISER_UTF16]

MAX_BYTES = 200 * 1024


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in DOCX_DOCS:
        path = OUT / doc.filename
        write_docx(doc, path)
        written.append(path)
    for doc in PDF_DOCS:
        path = OUT / doc.filename
        write_pdf(doc, path)
        written.append(path)
    for filename, encoding, text in TEXT_FILES:
        path = OUT / filename
        write_text(path, text, encoding)
        written.append(path)
    for path in written:
        size = path.stat().st_size
        flag = "" if size <= MAX_BYTES else "  <-- exceeds 200 KB!"
        print(f"{path.relative_to(HERE)}  {size:,} bytes{flag}")
    return 0 if all(p.stat().st_size <= MAX_BYTES for p in written) else 1


if __name__ == "__main__":
    sys.exit(main())
