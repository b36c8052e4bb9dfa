"""Globally unique, sortable ids for every row that can travel between team members' libraries.

A ULID: 48 bits of milliseconds then 80 random bits, in Crockford base32 (26 characters). Ids made
later sort after ids made earlier, and two laptops never make the same one.
"""

import os
import threading
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_lock = threading.Lock()
_last_ms = -1
_last_random = 0


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def new_id() -> str:
    """A new ULID; ids made in the same millisecond still sort in the order they were made."""
    global _last_ms, _last_random
    with _lock:
        ms = int(time.time() * 1000)
        if ms <= _last_ms:
            ms = _last_ms
            _last_random = (_last_random + 1) & ((1 << 80) - 1)
        else:
            _last_ms = ms
            _last_random = int.from_bytes(os.urandom(10), "big") >> 1  # room to increment
        return _encode(ms, 10) + _encode(_last_random, 16)


def looks_like_id(text: str) -> bool:
    return len(text) == 26 and all(c in _ALPHABET for c in text.upper())
