"""Work-arounds for bugs in the Qt binding, applied once when `ui` is imported.

PySide6 6.12 returns `True` from `SignalInstance.emit()` without taking a reference to it, so
every emitted signal lowers the reference count of `True` by one. On CPython before 3.12 (where
`True` and `False` are not yet immortal) a long session — or a long test run — eventually
"deallocates" `True` and the interpreter aborts ("Fatal Python error: bool_dealloc"). Giving both
booleans a vast reference count makes them effectively immortal, as CPython 3.12 does itself.
"""

import ctypes
import sys

PIN = 1 << 40  # far more emits than any session makes
_pinned = False


def pin_booleans() -> None:
    global _pinned
    if _pinned or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += PIN
    _pinned = True
