"""Text <-> the LaTeX inside BibTeX field values.

Exports write UTF-8 (biber, Zotero and Mendeley read it) and escape only what LaTeX would
misread: its special characters and the ligatures it forms from "--", "``" and "''". Imports
turn LaTeX accents and escapes ({\\'e}, \\&, --) into Unicode with pylatexenc.
"""

import re

_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
# pylatexenc writes these two as look-alike characters (˜, ˆ); keep the ASCII ones.
_PLACEHOLDERS = {r"\textasciitilde{}": ("\ue000", "~"), r"\textasciicircum{}": ("\ue001", "^")}
_NEEDS_LATEX = re.compile(r"[\\{}$~]|--|``|''|[?!]`")


def to_latex(text: str, protect_capitals: bool = False) -> str:
    """Plain text -> a BibTeX value that LaTeX prints as the same text.

    `protect_capitals` braces words like "UK" and "McDonald" so styles that lower-case titles
    leave them alone (as Zotero does).
    """
    escaped = _SPECIAL_RE.sub(lambda match: _SPECIAL[match.group(0)], str(text))
    escaped = re.sub(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)", "{}", escaped)
    if protect_capitals:
        escaped = " ".join(_protect(word) for word in escaped.split(" "))
    return escaped


def _protect(word: str) -> str:
    """'UK:' -> '{UK}:'; words with escapes or braces are left alone."""
    if "\\" in word or "{" in word or "}" in word:
        return word
    lead, core, trail = re.match(r"^(\W*)(.*?)(\W*)$", word).groups()
    if any(ch.isupper() for ch in core[1:]):
        return f"{lead}{{{core}}}{trail}"
    return word


def from_latex(text: str) -> str:
    """A BibTeX value with LaTeX markup -> plain Unicode text."""
    text = str(text)
    if not _NEEDS_LATEX.search(text):
        return text
    from pylatexenc.latex2text import LatexNodes2Text

    for macro, (placeholder, _plain) in _PLACEHOLDERS.items():
        text = text.replace(macro, placeholder)
    # Hand-made files leave '%' and '&' bare; LaTeX would read a comment and a table column.
    text = re.sub(r"(?<!\\)([%&])", r"\\\1", text)
    try:
        plain = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True).latex_to_text(text)
    except Exception:  # noqa: BLE001 - a value pylatexenc cannot parse is kept as written
        plain = text.replace("{", "").replace("}", "")
    for placeholder, ascii_text in _PLACEHOLDERS.values():
        plain = plain.replace(placeholder, ascii_text)
    return plain.replace("\xa0", " ")  # LaTeX's tie '~' keeps words together; text needs none
