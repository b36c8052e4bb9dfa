"""Markdown to a Word document with real styles: headings, paragraphs with bold and italic,
bulleted and numbered lists, block quotes in Word's "Quote" style, and a bibliography in a
"Bibliography" style with a hanging indent. Enough Markdown for reports and drafts."""

import re
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

_INLINE = re.compile(r"(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def _add_runs(paragraph, text: str) -> None:
    text = _LINK.sub(r"\1 (\2)", text)
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if piece.startswith(("**", "__")) and len(piece) > 4:
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith(("*", "_")) and len(piece) > 2:
            paragraph.add_run(piece[1:-1]).italic = True
        elif piece.startswith("`"):
            paragraph.add_run(piece[1:-1]).font.name = "Courier New"
        else:
            paragraph.add_run(piece)


def _bibliography_style(document):
    styles = document.styles
    if "Bibliography" in [style.name for style in styles]:
        return styles["Bibliography"]
    style = styles.add_style("Bibliography", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.paragraph_format.left_indent = Cm(1.27)
    style.paragraph_format.first_line_indent = Cm(-1.27)
    style.paragraph_format.space_after = Pt(6)
    return style


def markdown_to_document(markdown_text: str, bibliography: list[str] | None = None,
                         bibliography_heading: str = "References"):
    """A python-docx Document for `markdown_text`, with an optional reference list."""
    document = docx.Document()
    blocks = re.split(r"\n\s*\n", markdown_text.strip())
    for block in blocks:
        lines = block.strip("\n").splitlines()
        if not lines:
            continue
        first = lines[0]
        heading = re.match(r"^(#{1,6})\s+(.*)$", first)
        if heading and len(lines) == 1:
            level = len(heading.group(1))
            document.add_heading(heading.group(2).strip(), level=0 if level == 1 else min(level - 1, 9))
        elif all(line.lstrip().startswith(">") for line in lines):
            text = " ".join(line.lstrip()[1:].strip() for line in lines if line.lstrip()[1:].strip())
            paragraph = document.add_paragraph(style="Quote")
            _add_runs(paragraph, text)
        elif all(re.match(r"^\s*[-*+]\s+", line) for line in lines):
            for line in lines:
                _add_runs(document.add_paragraph(style="List Bullet"), re.sub(r"^\s*[-*+]\s+", "", line))
        elif all(re.match(r"^\s*\d+[.)]\s+", line) for line in lines):
            for line in lines:
                _add_runs(document.add_paragraph(style="List Number"), re.sub(r"^\s*\d+[.)]\s+", "", line))
        elif re.match(r"^(-{3,}|\*{3,})$", first.strip()):
            continue
        else:
            _add_runs(document.add_paragraph(), " ".join(line.strip() for line in lines))
    if bibliography:
        document.add_heading(bibliography_heading, level=1)
        style = _bibliography_style(document)
        for entry in bibliography:
            _add_runs(document.add_paragraph(style=style), entry)
    return document


def write_docx(markdown_text: str, path: Path, bibliography: list[str] | None = None,
               bibliography_heading: str = "References") -> None:
    markdown_to_document(markdown_text, bibliography, bibliography_heading).save(str(path))
