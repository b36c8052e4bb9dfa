"""The reader shows a hostile body as harmless text: no script, no frame, nothing fetched."""

import ast
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from kb import sources
from kb.index import indexer
from tests.ui.helpers import wait_idle
from ui.reader import SafeTextBrowser, without_repeated_title

HOSTILE = """Before the tricks.

<script>document.title = 'owned'; alert('x')</script>
<img src="http://example.com/x.png" alt="a tracking pixel">
<iframe src="https://example.com/frame"></iframe>
<style>body { background: url(http://example.com/bg.png) }</style>
<a href="javascript:alert(1)">a bad link</a> and [a good one](https://example.org/page).

After the tricks."""

UI_ROOT = Path(__file__).resolve().parents[2] / "ui"


def test_a_hostile_body_renders_without_scripts_frames_or_fetches(qtbot, open_window, lib):
    sources.create_source(lib, title="Hostile", body=HOSTILE, kind="web_page")
    indexer.sync(lib)
    window = open_window(lib)
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)

    reader = window.reader
    text = reader.toPlainText()
    html = reader.toHtml()
    assert "Before the tricks." in text and "After the tricks." in text
    assert "alert" not in text and "document.title" not in text
    for banned in ("<script", "<iframe", "javascript:", "example.com/x.png", "bg.png"):
        assert banned not in html
    assert "https://example.org/page" in html  # a real link stays, for the person to click
    remote = [url for url in reader.requested_urls if "://" in url]
    assert remote == []


def test_load_resource_answers_nothing_for_any_url(qtbot):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    for url in ("http://example.com/x.png", "https://example.com/a.css", "file:///etc/passwd",
                "x.png"):
        assert browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                    QUrl(url)) is None
    browser.setHtml('<p>x</p><img src="http://example.com/late.png">')
    browser.show()
    # Qt asks the browser (the override) for the image when it lays the page out; it gets nothing.
    qtbot.waitUntil(lambda: "http://example.com/late.png" in browser.requested_urls)
    assert "PySide6.QtNetwork" not in sys.modules or not _ui_imports_network()


def _ui_imports_network() -> bool:
    for path in UI_ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            if any("QtNetwork" in name or "QtWebEngine" in name for name in names):
                return True
    return False


def test_the_ui_never_imports_network_classes():
    assert not _ui_imports_network()


def test_links_open_only_when_clicked_and_only_web_ones(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<a href="https://example.org/page">a link</a>')
    assert opened == []
    browser.anchorClicked.emit(QUrl("https://example.org/page"))
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/page"]
    assert not browser.openLinks() and not browser.openExternalLinks()


def test_a_body_heading_repeating_the_title_is_shown_once():
    assert without_repeated_title("# Crowded  Out\n\nText", "Crowded Out") == "\nText"
    assert without_repeated_title("# Another\n\nText", "Crowded Out").startswith("# Another")
