"""ebl.verify, ebl.verify_batch, VerifyContext, Verification, Finding."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import ebl
from conftest import BL_5KB, DEMO_AT, DEMO_ENVELOPE, DNS_TXT, OA_VECTORS, PINT_DEMO, demo_keys


def test_a_demo_envelope_verifies_from_bytes_str_and_path(demo_context: ebl.VerifyContext) -> None:
    raw = DEMO_ENVELOPE.read_bytes()
    results = [
        ebl.verify(raw, demo_context),
        ebl.verify(raw.decode(), demo_context),
        ebl.verify(DEMO_ENVELOPE, demo_context),
        ebl.verify(bytearray(raw), demo_context),
        ebl.verify(memoryview(raw), demo_context),
    ]
    first = results[0]
    assert first.valid
    assert first.format == "dcsa-pint-envelope"
    assert first.response_code == "RECE"
    assert first.document_reference == "HHL71800000"
    assert first.document_checksum is not None and len(first.document_checksum) == 64
    assert all(r == first for r in results)
    assert hash(results[1]) == hash(first)
    assert "valid=True" in repr(first) and "RECE" in repr(first)


def test_without_keys_the_envelope_is_a_bad_signature() -> None:
    v = ebl.verify(DEMO_ENVELOPE, ebl.VerifyContext(at=DEMO_AT))
    assert not v.valid
    assert v.response_code == "BSIG"
    errors = [f for f in v.findings if f.severity == "error"]
    assert errors
    finding = errors[0]
    assert finding.code and finding.path.startswith("$") and finding.message
    assert finding.citation is None
    assert finding.to_dict()["code"] == finding.code
    again = [f for f in v.findings if f.severity == "error"][0]
    assert finding == again and hash(finding) == hash(again)
    assert finding != errors[-1] or len(errors) == 1
    assert "Finding(severity='error'" in repr(finding)


def test_findings_carry_the_chain_entry(demo_context: ebl.VerifyContext) -> None:
    context = ebl.VerifyContext(at=DEMO_AT, keys=demo_keys(), platform="NOT-US")
    v = ebl.verify(DEMO_ENVELOPE, context)
    assert v.response_code == "BENV"
    assert any(f.entry is not None for f in v.findings), v.findings
    assert context.platform == "NOT-US"


def test_the_title_replay_of_an_envelope(demo_context: ebl.VerifyContext) -> None:
    v = ebl.verify(DEMO_ENVELOPE, demo_context)
    replay = v.title_replay
    assert replay is not None
    assert replay.document_reference == "HHL71800000"
    assert replay.final_status
    assert len(replay.steps) >= 1 and "state" in replay.steps[0]
    assert replay.to_dict()["steps"] == replay.steps
    assert json.loads(replay.to_json()) == replay.to_dict()
    assert "TitleReplay(" in repr(replay)


def test_to_dict_and_to_json_agree(demo_context: ebl.VerifyContext) -> None:
    v = ebl.verify(DEMO_ENVELOPE, demo_context)
    d = v.to_dict()
    assert list(d)[:3] == ["valid", "format", "findings"]
    assert json.loads(v.to_json()) == d
    assert json.loads(v.to_json(indent=2)) == d
    assert v.to_json(indent=2).startswith('{\n  "valid": true')


def test_the_tradetrust_bill_with_dns_answers() -> None:
    by_path = ebl.VerifyContext(at=DEMO_AT, dns_txt=DNS_TXT)
    by_dict = ebl.VerifyContext(at=DEMO_AT, dns_txt=json.loads(DNS_TXT.read_text()))
    for context in (by_path, by_dict):
        v = ebl.verify(BL_5KB, context)
        assert v.valid, v.findings
        assert v.format == "openattestation-v2"
        assert v.response_code is None and v.title_replay is None
    tampered = ebl.verify(OA_VECTORS / "bill-of-lading-sg-shenzhen-5kb.TAMPERED-targetHash.json", by_path)
    assert not tampered.valid


def test_context_properties_and_repr() -> None:
    at = dt.datetime(2026, 11, 26, 8, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    key = ebl.PublicKey.from_bytes(demo_keys()[0])
    context = ebl.VerifyContext(
        at=at,
        keys=[key, demo_keys()[1]],
        ethereum_addresses=["0x142ca30e3b78a840a82192529ca047ed759a6f7e"],
        platform="EBL2",
    )
    assert context.at == at
    assert context.at.utcoffset() == dt.timedelta(0)
    assert context.key_count == 2
    assert "EBL2" in repr(context) and "keys=2" in repr(context)


def test_anchors_are_read() -> None:
    certs = sorted((PINT_DEMO / "certs").glob("*.crt"))
    assert certs
    context = ebl.VerifyContext(at=DEMO_AT, anchors=certs[:1])
    assert "anchors=1" in repr(context)


def test_verify_batch_keeps_input_order_and_returns_errors_in_place(demo_context: ebl.VerifyContext) -> None:
    good = DEMO_ENVELOPE.read_bytes()
    results = ebl.verify_batch([good, b"not json", DEMO_ENVELOPE, b"{}"], demo_context)
    assert len(results) == 4
    assert isinstance(results[0], ebl.Verification) and results[0].valid
    assert isinstance(results[1], ebl.JsonError) and results[1].code == 100
    assert isinstance(results[2], ebl.Verification) and results[2] == results[0]
    assert isinstance(results[3], ebl.EblError)
    assert ebl.verify_batch([], demo_context) == []


def test_verify_batch_equals_one_by_one(demo_context: ebl.VerifyContext) -> None:
    files = sorted(p for p in PINT_DEMO.glob("*.json"))
    batch = ebl.verify_batch(files, demo_context)
    for path, result in zip(files, batch):
        try:
            single: object = ebl.verify(path, demo_context)
        except ebl.EblError as e:
            single = e
        if isinstance(single, ebl.EblError):
            assert isinstance(result, ebl.EblError) and (result.code, str(result)) == (single.code, str(single))
        else:
            assert result == single


def test_pathlike_objects_of_any_kind(demo_context: ebl.VerifyContext) -> None:
    class Custom(os.PathLike[str]):
        def __fspath__(self) -> str:
            return str(DEMO_ENVELOPE)

    assert ebl.verify(Custom(), demo_context).valid
    assert ebl.verify(Path(DEMO_ENVELOPE), demo_context).valid


@pytest.mark.parametrize("name", ["ebl", "ebl.oa"])
def test_all_names_exist(name: str) -> None:
    module = __import__(name, fromlist=["__all__"])
    for attr in module.__all__:
        assert hasattr(module, attr), attr
    assert ebl.__version__
