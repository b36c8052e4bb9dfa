"""Word documents: structure to Markdown, core properties, and files Word itself would reject."""

import datetime as dt
import io
import zipfile

import docx
import pytest

from kb.errors import ExtractionError
from kb.importing.docx_file import extract_docx
from kb.importing.extractors import extract


def build_docx(**core) -> docx.Document:
    document = docx.Document()
    for key, value in core.items():
        setattr(document.core_properties, key, value)
    return document


def save(document: docx.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_structure_becomes_markdown(tmp_path):
    document = build_docx(title="Adult Skills Review", author="Jane Smith; Tom O'Brien",
                          created=dt.datetime(2023, 3, 12, 9, 0), keywords="skills, devolution")
    document.add_heading("Adult Skills Review", 0)
    document.add_paragraph("£5m for Doncaster – “levelling up”.")
    document.add_heading("Findings", 1)
    document.add_paragraph("First finding", style="List Bullet")
    document.add_paragraph("Second finding", style="List Number")
    document.add_heading("Detail", 3)
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Area", (0, 1): "Funding | £m", (1, 0): "Doncaster", (1, 1): "5"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("# not a heading, just a hash")
    path = tmp_path / "review.docx"
    path.write_bytes(save(document))

    result = extract(path)
    assert result.file_type == "docx"
    assert result.title == "Adult Skills Review"
    assert result.authors == ["Jane Smith", "Tom O'Brien"]
    assert result.date == "2023-03-12"
    assert result.tags == ["skills", "devolution"]
    assert result.kind == "report"  # three headings, counting the Title-style one
    assert result.body == (
        "# Adult Skills Review\n\n"
        "£5m for Doncaster – “levelling up”.\n\n"
        "# Findings\n\n"
        "- First finding\n- Second finding\n\n"
        "### Detail\n\n"
        "| Area | Funding \\| £m |\n| --- | --- |\n| Doncaster | 5 |\n\n"
        "\\# not a heading, just a hash"
    )


def test_short_document_is_an_article_and_title_falls_back_to_heading():
    document = build_docx(title="", author="python-docx")
    document.add_heading("Briefing on rail", 1)
    document.add_paragraph("A few words.")
    result = extract_docx(save(document), "b.docx")
    assert result.kind == "article"
    assert result.title == "Briefing on rail"
    assert result.authors == []  # python-docx's placeholder author is not a person
    assert result.date is None  # ...and its template's date is not the document's


def test_long_document_is_a_report():
    document = build_docx()
    for _ in range(40):
        document.add_paragraph("word " * 40)
    assert extract_docx(save(document), "long.docx").kind == "report"


def test_line_breaks_inside_a_paragraph_are_kept():
    document = build_docx()
    paragraph = document.add_paragraph("First line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line")
    assert extract_docx(save(document), "b.docx").body == "First line  \nsecond line"


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("just some text with the wrong name")
    with pytest.raises(ExtractionError, match=r"^notes\.docx is not a Word document"):
        extract(path)


def test_truncated_docx_is_refused(tmp_path):
    data = save(build_docx())
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ExtractionError, match=r"^cut\.docx is not a Word document"):
        extract(path)


def test_zip_without_a_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(ExtractionError, match=r"^z\.docx is not a Word document \(it has no"):
        extract_docx(out.getvalue(), "z.docx")


def test_broken_xml_inside_is_damaged():
    source = zipfile.ZipFile(io.BytesIO(save(build_docx())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            package.writestr(item, data)
    with pytest.raises(ExtractionError, match=r"^broken\.docx is damaged and could not be read"):
        extract_docx(out.getvalue(), "broken.docx")


def test_old_doc_or_encrypted_docx_is_explained():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    with pytest.raises(ExtractionError, match=r"^old\.docx is an encrypted or old-format \(\.doc\)"):
        extract_docx(data, "old.docx")


def test_strict_open_xml_is_explained():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("_rels/.rels", '<Relationships><Relationship Type="http://purl.oclc.org/'
                                        'ooxml/officeDocument/relationships/officeDocument" '
                                        'Target="word/document.xml"/></Relationships>')
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ExtractionError, match=r"^strict\.docx is saved in the Strict Open XML format"):
        extract_docx(out.getvalue(), "strict.docx")


def test_empty_document_has_no_text(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(save(build_docx()))
    with pytest.raises(ExtractionError, match=r"^No text could be extracted from empty\.docx\.$"):
        extract(path)
