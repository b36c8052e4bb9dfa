"""Typed errors of the core.

Every failure a person can cause or meet (bad input, a locked library, a missing item) is one of
these, carrying one clear sentence. The command line and the app each map them to a message in
one place; nothing else catches broad exceptions.
"""


class KbError(Exception):
    """Base of every error the core raises on purpose; str() is the message for a person."""


class NotFound(KbError):
    """An id or name that names nothing in the library."""


class InvalidInput(KbError):
    """A value a person gave (a date, a field, a setting) that the core cannot accept."""


class ExtractionError(KbError):
    """A file that cannot be imported: corrupt, encrypted, empty, binary, too large..."""


class LibraryError(KbError):
    """The library folder or database cannot be used as asked."""


class LibraryLocked(LibraryError):
    """Another process holds the library for writing."""


class LibraryTooNew(LibraryError):
    """The database was written by a newer version of Evidence Desk."""


class QueryError(KbError):
    """A search query that cannot be understood even leniently."""


class Cancelled(KbError):
    """Long work stopped because the person asked it to."""
