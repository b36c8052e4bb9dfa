"""PDFs: text by page, /Info metadata, encryption, and damaged files."""

import pytest

from kb.errors import ExtractionError
from kb.importing.extractors import extract
from kb.importing.pdf_file import extract_pdf

PAGE_ONE = [
    "Levelling Up the North",
    "",
    "12 March 2023",
    "The government announced £5m for Doncaster – “levelling up” the town and its",
    "colleges over three years, according to documents published on Monday by the",
    "department. The money will be spent on apprenticeships and on the govern-",
    "ment's adult retraining schemes.",
    "Short closing line.",
]
INFO = {
    "Title": "Microsoft Word - draft_v3.docx",
    "Author": "Smith, Jane",
    "CreationDate": "D:20230312101500+00'00'",
}


def test_text_metadata_and_page_offsets(tmp_path, make_pdf):
    path = tmp_path / "levelling.pdf"
    path.write_bytes(make_pdf([PAGE_ONE, ["Second page text."], ["Third page text."]], INFO))
    result = extract(path)
    assert result.file_type == "pdf"
    assert result.kind == "article"  # fewer than four pages
    assert result.title == "Levelling Up the North"  # the /Info title is Word's label, not a title
    assert result.authors == ["Smith, Jane"]
    assert result.date == "2023-03-12"
    assert result.extra["page_count"] == 3
    assert len(result.page_starts) == 3 and result.page_starts[0] == 0
    for number, start in enumerate(result.page_starts[1:], start=2):
        assert result.body[start - 2 : start] == "\n\n"
        assert result.body[start:].startswith(("Second", "Third")[number - 2])
    assert "£5m for Doncaster – “levelling up”" in result.body


def test_wrapped_lines_become_paragraphs_and_hyphens_are_mended(make_pdf):
    body = extract_pdf(make_pdf([PAGE_ONE]), "a.pdf").body
    assert (
        "the town and its colleges over three years, according to documents published on "
        "Monday by the department. The money will be spent on apprenticeships and on the "
        "government's adult retraining schemes."
    ) in body
    assert "\n\nShort closing line." in body  # a short line ends its paragraph


def test_lists_and_short_lines_are_not_run_together(make_pdf):
    lines = ["A heading for the list", "• first item of the list", "• second item of the list",
             "• third item of the list", "Closing words."]
    body = extract_pdf(make_pdf([lines]), "l.pdf").body
    assert "• first item of the list\n\n• second item" in body


def test_good_info_title_and_several_authors(make_pdf):
    info = {"Title": "Rail Strategy 2030", "Author": "Jane Smith; Tom O'Brien and Ann Lee"}
    result = extract_pdf(make_pdf([["Some text on the page."]], info), "r.pdf")
    assert result.title == "Rail Strategy 2030"
    assert result.authors == ["Jane Smith", "Tom O'Brien", "Ann Lee"]


def test_untitled_pdf_without_a_title_line_has_no_title(make_pdf):
    lines = ["this starts mid-sentence and carries on at some length across the whole width",
             "of the page so it is plainly body text rather than a title of any sort at all",
             "and it goes on like that for a third line of the page as well, as text does."]
    result = extract_pdf(make_pdf([lines], {"Title": "untitled"}), "u.pdf")
    assert result.title is None


def test_four_pages_make_a_report(make_pdf):
    pages = [[f"Page {n} has some words on it."] for n in range(1, 5)]
    assert extract_pdf(make_pdf(pages), "r.pdf").kind == "report"


def test_ligatures_are_spelled_out(make_pdf):
    # Helvetica in WinAnsi cannot show ligatures, so feed the cleaner directly.
    from kb.importing.pdf_text import page_markdown

    assert page_markdown("the ﬁrst ofﬁce") == "the first office"


def test_owner_password_only_pdf_opens(tmp_path, make_pdf, make_encrypted_pdf):
    path = tmp_path / "restricted.pdf"
    path.write_bytes(make_encrypted_pdf(make_pdf([PAGE_ONE], INFO), "", "owner"))
    result = extract(path)
    assert result.title == "Levelling Up the North"
    assert "£5m for Doncaster" in result.body


def test_user_password_pdf_is_refused(tmp_path, make_pdf, make_encrypted_pdf):
    path = tmp_path / "secret.pdf"
    path.write_bytes(make_encrypted_pdf(make_pdf([PAGE_ONE]), "secret"))
    with pytest.raises(ExtractionError, match=r"^secret\.pdf is password-protected\.$"):
        extract(path)


def test_scanned_pdf_has_no_text_layer(tmp_path, make_pdf):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(ExtractionError, match=r"^scan\.pdf has no text layer \(a scanned image\?\)\.$"):
        extract(path)


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_truncated_pdf_is_damaged(tmp_path, make_pdf, cut):
    data = make_pdf([PAGE_ONE] * 3, INFO)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ExtractionError, match=r"^cut\.pdf is damaged and could not be read as a PDF \(.+\)\.$"):
        extract(path)


def test_garbage_after_pdf_header_is_damaged(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(ExtractionError, match=r"^junk\.pdf is damaged"):
        extract(path)


def test_not_a_pdf_at_all(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_text("Dear Sir, this is a text file with the wrong name.")
    with pytest.raises(ExtractionError, match=r"^letter\.pdf is not a PDF file"):
        extract(path)
