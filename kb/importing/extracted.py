"""What an extractor returns: the text and metadata read from one file, before it is stored."""

from dataclasses import dataclass, field

SOURCE_KINDS = ("article", "report", "web_page", "note", "transcript")


@dataclass
class Extracted:
    body: str  # the document as Markdown
    file_type: str  # 'txt', 'md', 'html', 'pdf' or 'docx'
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # ISO: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    publisher: str | None = None
    url: str | None = None
    accessed: str | None = None  # ISO date the page was saved/accessed
    language: str | None = None  # e.g. 'en'
    kind: str | None = None  # one of SOURCE_KINDS when the file says or strongly implies it
    tags: list[str] = field(default_factory=list)
    # For paged documents (PDF): offsets into `body` where page 1, 2, ... start (page_starts[0] == 0).
    page_starts: list[int] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # anything else worth keeping (description, doi...)
