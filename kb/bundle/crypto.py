"""Encrypting a bundle with a team passphrase: scrypt (memory-hard) derives the key, AES-256-GCM
seals the file in 1 MiB chunks, so it streams and nothing can be read, altered, reordered,
truncated or extended without the passphrase.

Layout: MAGIC, salt (16), scrypt log2(n) r p (3 bytes), nonce prefix (7); then chunks, each a
4-byte big-endian length and the sealed chunk. A chunk's nonce is the prefix, its index (4) and
a final-chunk flag (1); the header is authenticated with every chunk.
"""

import os
import struct
from collections.abc import Callable
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kb.errors import InvalidInput

MAGIC = b"EDBUNDLE-AEAD1\n"
CHUNK = 1024 * 1024
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1
_WRONG = "The passphrase is wrong, or the bundle was altered; nothing was imported."
_SHORT = "The encrypted bundle is damaged or cut short (still being copied?); nothing was imported."


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    if not passphrase:
        raise InvalidInput("This bundle is encrypted; give the team passphrase.")
    if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
        raise InvalidInput("The bundle's encryption settings are not ones Evidence Desk writes.")
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if final else b"\x00")


def encrypt_stream(source: BinaryIO, target: BinaryIO, passphrase: str) -> None:
    salt, prefix = os.urandom(16), os.urandom(7)
    header = MAGIC + salt + bytes([SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P]) + prefix
    sealer = AESGCM(_key(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
    target.write(header)
    index, chunk = 0, source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        final = not following
        sealed = sealer.encrypt(_nonce(prefix, index, final), chunk, header)
        target.write(struct.pack(">I", len(sealed)) + sealed)
        if final:
            return
        index, chunk = index + 1, following


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def decrypt_stream(source: BinaryIO, target: BinaryIO, passphrase: str,
                   progress: Callable[[int], None] | None = None) -> None:
    header = source.read(len(MAGIC) + 16 + 3 + 7)
    if len(header) < len(MAGIC) + 26 or not header.startswith(MAGIC):
        raise InvalidInput("This is not an encrypted Evidence Desk bundle.")
    salt = header[len(MAGIC):len(MAGIC) + 16]
    log2_n, r, p = header[len(MAGIC) + 16:len(MAGIC) + 19]
    prefix = header[len(MAGIC) + 19:]
    opener = AESGCM(_key(passphrase, salt, log2_n, r, p))
    index, done = 0, 0
    while True:
        length_bytes = source.read(4)
        if len(length_bytes) < 4:
            raise InvalidInput(_SHORT)  # ended before a final chunk
        (length,) = struct.unpack(">I", length_bytes)
        if length > CHUNK + 16:
            raise InvalidInput(_WRONG)
        sealed = source.read(length)
        if len(sealed) < length:
            raise InvalidInput(_SHORT)
        final = source.peek(1)[:1] == b"" if hasattr(source, "peek") else None
        if final is None:
            raise TypeError("decrypt_stream needs a buffered source")
        try:
            plain = opener.decrypt(_nonce(prefix, index, final), sealed, header)
        except InvalidTag:
            # The first chunk failing means the key is wrong (or the file was altered);
            # a later one, that the file was altered or is still arriving.
            raise InvalidInput(_WRONG if index == 0 else _SHORT) from None
        target.write(plain)
        done += len(plain)
        if progress:
            progress(done)
        if final:
            return
        index += 1
