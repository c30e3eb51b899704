"""ebl.oa: wrap, wrap_batch with fixed salts, obfuscate, data."""

from __future__ import annotations

import json

import pytest

import ebl
from conftest import BL_5KB, DEMO_AT, DNS_TXT, OA_VECTORS


def test_fixed_salts_rebuild_the_javascript_vector_byte_for_byte() -> None:
    wrapped = json.loads((OA_VECTORS / "bill-of-lading-generic-templates.deterministic-salts.wrapped.json").read_text())
    raw = OA_VECTORS / "bill-of-lading-generic-templates.input.json"
    salts = collect_salts(wrapped["data"])
    ours = ebl.oa.wrap(raw, salts=salts)
    assert ours.target_hash == wrapped["signature"]["targetHash"]
    assert ours.merkle_root == wrapped["signature"]["merkleRoot"]
    assert ours.to_dict() == wrapped


def collect_salts(value: object) -> list[str]:
    """The salts of a wrapped document's data, in the order the wrapper consumes them."""
    out: list[str] = []
    if isinstance(value, dict):
        for item in value.values():
            out += collect_salts(item)
    elif isinstance(value, list):
        for item in value:
            out += collect_salts(item)
    elif isinstance(value, str) and value.count(":") >= 2:
        out.append(value.split(":", 1)[0])
    return out


def test_wrap_random_salts_verify_and_read_back() -> None:
    raw = json.loads((OA_VECTORS / "bill-of-lading-sg-shenzhen-5kb.input.json").read_text())
    wrapped = ebl.oa.wrap(raw)
    assert wrapped.data() == raw == ebl.oa.data(wrapped)
    v = ebl.verify(wrapped.to_bytes(), ebl.VerifyContext(at=DEMO_AT))
    assert v.format == "openattestation-v2"
    assert not [f for f in v.findings if f.code.startswith("integrity") or f.code == "target-hash-mismatch"]


def test_wrap_batch_shares_one_root() -> None:
    inputs = [OA_VECTORS / f"{name}.input.json" for name in ("bill-of-lading-generic-templates", "certificate-of-origin-document-store")]
    batch = ebl.oa.wrap_batch(inputs)
    assert len(batch) == 2
    assert batch[0].merkle_root == batch[1].merkle_root
    assert batch[0].target_hash != batch[1].target_hash
    with pytest.raises(ebl.OpenAttestationError):
        ebl.oa.wrap_batch([])
    with pytest.raises(ebl.OpenAttestationError, match="salt"):
        ebl.oa.wrap(inputs[0], salts=["not-a-uuid"])


def test_obfuscation_still_verifies() -> None:
    context = ebl.VerifyContext(at=DEMO_AT, dns_txt=DNS_TXT)
    document = ebl.oa.WrappedDocument.from_bytes(BL_5KB)
    hidden = ebl.oa.obfuscate(document, ["shipper.address", "freightPayableAt"])
    assert "freightPayableAt" not in hidden.data()
    assert "freightPayableAt" in document.data()
    assert ebl.verify(hidden.to_bytes(), context).valid
    assert json.loads(hidden.to_json(indent=2)) == hidden.to_dict()
    assert "WrappedDocument(target_hash=" in repr(hidden)
    with pytest.raises(ebl.OpenAttestationError):
        document.obfuscate(["no.such.field"])
