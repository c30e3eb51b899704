"""OpenAttestation v2 (TradeTrust): wrap, obfuscate, read the data, title history.

Exactly what the JavaScript library ``@govtechsg/open-attestation`` computes (Keccak-256 over
``JSON.stringify``, salted leaves, a sorted merkle tree). Verification of a wrapped document is
``ebl.verify``, like every other format.
"""

from __future__ import annotations

from ebl._ebl import TitleHistory, WrappedDocument
from ebl._ebl import oa_data as data
from ebl._ebl import oa_obfuscate as obfuscate
from ebl._ebl import oa_title_history as title_history
from ebl._ebl import oa_wrap as wrap
from ebl._ebl import oa_wrap_batch as wrap_batch

__all__ = ["WrappedDocument", "TitleHistory", "wrap", "wrap_batch", "obfuscate", "data", "title_history"]
