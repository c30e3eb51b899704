"""ebl — electronic bills of lading across platforms and jurisdictions.

Verify an eBL issued elsewhere (DCSA PINT envelopes, TradeTrust / OpenAttestation v2
documents), pass it on, receive it, and decide with cited reasons whether a jurisdiction
recognises it. A thin layer over the Rust crate ``ebl``: the same calls as the ``ebl`` command,
so the three agree. Time is always a parameter (a timezone-aware ``datetime``); verification,
signing, recognition and batches release the GIL.

>>> import ebl, datetime
>>> context = ebl.VerifyContext(at=datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc))
>>> ebl.verify(b'{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL"}', context).format
'dcsa-transport-document'
"""

from __future__ import annotations

from ebl import oa
from ebl._ebl import (
    Criterion,
    Envelope,
    EnvelopeBuilder,
    Finding,
    PrivateKey,
    PublicKey,
    Received,
    Recognition,
    Registry,
    TitleHistory,
    TitleReplay,
    TrustStore,
    Verification,
    VerifyContext,
    WrappedDocument,
    __version__,
    receive,
    recognize,
    sign_trust_list,
    verify,
    verify_batch,
    verify_trust_list,
)
from ebl.exceptions import (
    CryptoError,
    DocumentError,
    EblError,
    EblIOError,
    InternalError,
    InvalidArgumentError,
    JsonError,
    OpenAttestationError,
    PintError,
    RecognitionError,
    RegistryError,
    TitleError,
    TrustError,
)

__all__ = [
    "__version__",
    "oa",
    "PrivateKey",
    "PublicKey",
    "TrustStore",
    "VerifyContext",
    "Verification",
    "Finding",
    "TitleHistory",
    "TitleReplay",
    "Envelope",
    "EnvelopeBuilder",
    "Received",
    "Registry",
    "Recognition",
    "Criterion",
    "WrappedDocument",
    "verify",
    "verify_batch",
    "receive",
    "recognize",
    "sign_trust_list",
    "verify_trust_list",
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
