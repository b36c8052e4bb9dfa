"""How stored times and sizes are shown to people: the library keeps UTC ISO stamps; the app
shows them in local time, the way a mail client does ("12 Mar 2025, 14:03")."""

from PySide6.QtCore import QDateTime, Qt


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    return moment.toLocalTime().toString("d MMM yyyy, HH:mm")


def file_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value):,} {unit}" if unit == "bytes" else f"{value:,.1f} {unit}"
        value /= 1024
    return f"{size:,} bytes"


def counted(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number:,} " + (singular if number == 1 else (plural or singular + "s"))
