"""`evidence-desk`: open a library in the main window.

    evidence-desk [--library DIR] [--demo] [--screenshot FILE.png] [--size WxH]

On open the index is checked (and rebuilt if needed) in the background; with --demo the bundled
demo documents are imported into the demo library the first time. Errors opening the library are
shown as one sentence, never a traceback.
"""

import argparse
import re
import sys

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMessageBox

from kb import backups, demo, paths
from kb.errors import KbError
from kb.importing.pipeline import ImportReport
from kb.index import indexer
from kb.library import Library, open_library
from ui.context import AppContext
from ui.import_actions import failure_sentence, summary
from ui.main_window import MainWindow
from ui.screenshot import ScreenshotTaker
from ui.tasks import Task

APP_NAME = "Evidence Desk"


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1366x768.")
    return int(match.group(1)), int(match.group(2))


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="evidence-desk", description="Open an Evidence Desk library.")
    parser.add_argument("--library", metavar="DIR", help="the library folder to open")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo library, importing the demo documents the first time")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window to a PNG once loaded, then exit")
    parser.add_argument("--size", type=parse_size, default=(1366, 768), metavar="WxH",
                        help="window size for --screenshot (default 1366x768)")
    return parser.parse_args(argv)


# What the status bar says while the index is brought up to date on open.
INDEX_LABELS = {"Re-indexing": "Rebuilding the search index",
                "Indexing": "Updating the search index"}


def index_progress(progress):
    """The indexer's progress, in words a person reads in the status bar."""
    def report(done: int, total: int, label: str) -> None:
        progress(done, total, INDEX_LABELS.get(label, label))
    return report


def start_opening(context: AppContext, load_demo: bool) -> Task:
    """Bring the index up to date and, for the demo, import its documents once — in the
    background, with progress in the status bar."""
    library = context.library

    def open_job(progress, cancelled) -> ImportReport | None:
        indexer.ensure_current(library, index_progress(progress), cancelled)
        if load_demo and demo.needs_demo_content(library):
            return demo.load_demo(library, progress, cancelled)
        return None

    return context.write(open_job, "Opening the library", show_progress=True, index_after=False)


def _report_opening(window: MainWindow, task: Task) -> None:
    def finished(report: ImportReport | None) -> None:
        if report is None:
            window.status.show_message("Ready.")
            return
        window.status.show_message(summary(report))
        if report.failed:
            window.message_bar.show_error(failure_sentence(report))

    task.finished.connect(finished)
    task.failed.connect(window.message_bar.show_error)


def _open(arguments: argparse.Namespace) -> Library:
    folder = arguments.library
    if arguments.demo and not folder:
        folder = paths.demo_library_dir()
    return open_library(folder)


def _offer_latest_backup(arguments: argparse.Namespace, error: KbError) -> Library | None:
    """A damaged database: offer to put the latest backup in its place (the damaged file is
    kept beside it) and open that instead."""
    folder = paths.resolve_library_dir(
        arguments.library or (paths.demo_library_dir() if arguments.demo else None))
    latest = backups.latest_backup(folder)
    if latest is None or "damaged" not in str(error):
        return None
    answer = QMessageBox.question(
        None, APP_NAME, f"{error}\n\nPut the latest backup ({latest.name}) in its place? The "
        "damaged file is kept beside it.")
    if answer != QMessageBox.StandardButton.Yes:
        return None
    backups.replace_damaged(folder, latest)
    return open_library(folder)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    try:
        library = _open(arguments)
    except KbError as error:
        if arguments.screenshot:
            print(str(error), file=sys.stderr)
            return 1
        try:
            library = _offer_latest_backup(arguments, error)
        except KbError as second:
            error, library = second, None
        if library is None:
            QMessageBox.critical(None, APP_NAME, str(error))
            return 1

    context = AppContext(library)
    window = MainWindow(context, remember_layout=not arguments.screenshot)
    opening = start_opening(context, arguments.demo)
    _report_opening(window, opening)
    if not arguments.screenshot:
        window.show()
        return app.exec()
    # A local loop rather than app.exec()/exit(): the app object outlives this run (tests call
    # main() in-process), and QApplication.exit() would end every later event loop at once.
    loop = QEventLoop()
    window.resize(*arguments.size)
    ScreenshotTaker(window, arguments.screenshot, opening, finish=loop.exit)
    window.show()
    return loop.exec()


if __name__ == "__main__":
    sys.exit(main())
