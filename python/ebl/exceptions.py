"""The exceptions ``ebl`` raises: one base class with the core's stable error code.

Every error carries ``code`` (the number of the core's ``ErrorCode``, stable across releases:
1xx JSON, 2xx keys and signatures, 3xx document model, 4xx PINT, 5xx title (51x the
registry), 6xx
OpenAttestation, 7xx trust, 8xx recognition, 9xx general) and ``name`` (its CamelCase name,
``"JsonDuplicateKey"``). There is one subclass per area; the native module picks it from the
code in one place. Errors about malformed input are also ``ValueError``s, I/O errors also
``OSError``s, so code that already catches those keeps working. A wrong argument *type* is a
plain ``TypeError``.
"""

from __future__ import annotations

__all__ = [
    "EblError",
    "JsonError",
    "CryptoError",
    "DocumentError",
    "PintError",
    "TitleError",
    "RegistryError",
    "OpenAttestationError",
    "TrustError",
    "RecognitionError",
    "InvalidArgumentError",
    "EblIOError",
    "InternalError",
]


class EblError(Exception):
    """Base class of every error ``ebl`` raises (except ``TypeError`` for wrong types)."""

    code: int
    """The core's stable ``ErrorCode`` number (``101`` for a duplicate JSON key)."""
    name: str
    """The code's CamelCase name (``"JsonDuplicateKey"``)."""

    def __init__(self, message: str, code: int, name: str) -> None:
        super().__init__(message)
        self.code = code
        self.name = name

    def __reduce__(self) -> tuple[type[EblError], tuple[str, int, str]]:
        return (type(self), (str(self), self.code, self.name))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code}, name={self.name!r})"


class JsonError(EblError, ValueError):
    """Input that is not strict JSON (1xx): syntax, duplicate keys, depth, size, numbers."""


class CryptoError(EblError, ValueError):
    """Keys, algorithms, JWS and certificates (2xx)."""


class DocumentError(EblError, ValueError):
    """The DCSA transport-document model (3xx)."""


class PintError(EblError, ValueError):
    """DCSA PINT envelopes (4xx)."""


class TitleError(EblError, ValueError):
    """Title histories (5xx)."""


class RegistryError(EblError):
    """The durable title registry (51x) could not be opened, read or written: a corrupt or
    foreign database file, a schema from a newer ``ebl``, a read-only file, an unreachable
    PostgreSQL server, a failed write, or an upload for a transfer not waiting here. The
    message names the database (without its password); nothing was answered or recorded."""


class OpenAttestationError(EblError, ValueError):
    """OpenAttestation / TradeTrust documents (6xx)."""


class TrustError(EblError, ValueError):
    """Trust stores and trust lists (7xx), including a refused signed trust list."""


class RecognitionError(EblError, ValueError):
    """Recognition rules and requests (8xx), such as an unknown target."""


class InvalidArgumentError(EblError, ValueError):
    """An argument of the right type with a wrong value (900, 902, 903), such as a naive
    ``datetime`` or an input of no format ``ebl`` knows."""


class EblIOError(EblError, OSError):
    """A file named by an ``os.PathLike`` argument could not be read (901)."""


class InternalError(EblError):
    """A bug in ``ebl`` (904 ``PanicCaught``, 999): please report it with the input."""
