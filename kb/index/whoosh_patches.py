"""Two changes to Whoosh-Reloaded 2.7 that the index needs, applied once on import.

- Index worker processes die with the process that started them: otherwise, after a SIGKILL
  during a rebuild, they waited on each other's pipes for ever.
- A memory-mapped segment file is no longer copied whole into a BytesIO each time a reader opens
  it (8 ms a file and twice the index in memory at 20,000 items). Random reads already go to the
  mapped buffer; the BytesIO, for the few sequential reads, is made when first needed.
"""

import ctypes
import os
import signal
import sys
from io import BytesIO

from whoosh import multiproc
from whoosh.filedb.structfile import BufferFile


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:
            return
        if os.getppid() == 1:  # the parent died before we asked
            os._exit(1)


_worker_run = multiproc.SubWriterTask.run


def _worker_run_tied_to_parent(self):
    _die_with_parent()
    return _worker_run(self)


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self._sequential = None
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def _sequential_file(self):
    if self._sequential is None:
        self._sequential = BytesIO(self._buf)
    return self._sequential


def _set_sequential_file(self, value):
    self._sequential = value


def _buffer_file_close(self):
    if self.is_closed:
        raise ValueError("This file is already closed")
    if self.onclose:
        self.onclose(self)
    if self._sequential is not None:
        self._sequential.close()
    self.is_closed = True


multiproc.SubWriterTask.run = _worker_run_tied_to_parent
BufferFile.__init__ = _buffer_file_init
BufferFile.file = property(_sequential_file, _set_sequential_file)
BufferFile.close = _buffer_file_close
