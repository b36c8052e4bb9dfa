"""Three changes to Whoosh-Reloaded 2.7 that the index needs, applied once on import.

- A memory-mapped segment file is no longer copied whole into a BytesIO each time a reader
  opens it (8 ms a file and twice the index in memory at 20,000 items): random reads already
  went to the mapped buffer, and sequential reads now use a cursor over it.
- A multi-segment column reader no longer skips the segments that lack the column (none of
  their items had a value, as an undated item's own edit segment): Whoosh then read another
  segment's values for their documents. Each segment's reader gives the default for them.
- A posting block is read with one slice of the file, its header unpickled from that slice.
  Whoosh unpickled the header straight from the file object, about twenty small reads per
  block: a sixth of the time of a long question at 100,000 items.
"""

import pickle
import threading
import zlib
from io import BytesIO

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.columns import MultiColumnReader
from whoosh.filedb.structfile import BufferFile
from whoosh.reading import MultiReader
from whoosh.util.numeric import byte_to_length


class _Cursor:
    """The file interface Whoosh's sequential reads need, over a buffer, without copying it.
    Each thread has its own position: the app searches on several threads at once, and a
    shared position (as the BytesIO had) could let one thread's seek land in another's read."""

    def __init__(self, buffer):
        self._buffer = buffer
        self._positions = threading.local()

    @property
    def _position(self) -> int:
        return getattr(self._positions, "at", 0)

    @_position.setter
    def _position(self, value: int) -> None:
        self._positions.at = value

    def read(self, size: int | None = -1) -> bytes:
        start = self._position
        end = len(self._buffer) if size is None or size < 0 else min(len(self._buffer), start + size)
        self._position = max(start, end)
        return bytes(self._buffer[start:end])

    def readline(self, size: int | None = -1) -> bytes:
        start = end = self._position
        while end < len(self._buffer):  # look for the line end 4 KB at a time, not copying all
            found = bytes(self._buffer[end:end + 4096]).find(b"\n")
            if found >= 0:
                end += found + 1
                break
            end = min(len(self._buffer), end + 4096)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._position = end
        return bytes(self._buffer[start:end])

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._position, len(self._buffer))[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def __iter__(self):
        while line := self.readline():
            yield line

    def close(self) -> None:
        self._buffer = b""


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = _Cursor(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def _column_reader_of_every_segment(self, fieldname, column=None, reverse=False, translate=True):
    readers = [reader.column_reader(fieldname, column=column, reverse=reverse, translate=translate)
               for reader in self.readers]
    return MultiColumnReader(readers, list(self.doc_offsets))


def _goto_block(self, position):
    """W3LeafMatcher._goto: the same block statistics, read from one slice of the file."""
    self._data = self._ids = self._weights = self._values = None
    self._i = 0
    postfile = self._postfile
    length = postfile.get_int(position)
    if length < 0:  # the last block
        self._lastblock = True
        length = -length
    start = position + 4
    self._nextoffset = start + length
    block = postfile.get(start, length)
    stream = BytesIO(block)
    info = pickle.load(stream)
    header = stream.tell()
    self._dataoffset = start + header
    self._block_data = (block, header)
    (self._blocklength, self._maxid, self._maxweight, self._compression, shortest, longest) = info
    self._minlength = LENGTH_OF_BYTE[shortest]
    self._maxlength = LENGTH_OF_BYTE[longest]


def _read_block_data(self):
    """W3LeafMatcher._read_data, from the slice `_goto_block` kept."""
    block, header = self._block_data
    data = memoryview(block)[header:]  # no copy of the block's data
    self._data = pickle.loads(zlib.decompress(data) if self._compression else data)


LENGTH_OF_BYTE = [byte_to_length(value) for value in range(256)]  # Whoosh's one-byte lengths
WHOOSH_BLOCK_READING = (W3LeafMatcher._goto, W3LeafMatcher._read_data)  # tests compare with them
BufferFile.__init__ = _buffer_file_init
W3LeafMatcher._goto = _goto_block
W3LeafMatcher._read_data = _read_block_data
MultiReader.column_reader = _column_reader_of_every_segment
