"""The durable registry from Python: ebl.Registry, ebl.receive(..., registry=...), uploads,
show/history, the registry errors, and the GIL released while a receive waits on the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import sqlite3
import threading
from pathlib import Path

import pytest

import ebl
from conftest import DEMO_AT, DEMO_ENVELOPE, PINT_DEMO, demo_keys

UTC = dt.timezone.utc
AT = dt.datetime(2026, 6, 14, 9, 30, tzinfo=UTC)
CARRIER = "SGP1:SMDG:LCOL:Lion City Ocean Lines"
SHIPPER = "SGP1:SGP1:straits:Straits Precision"
BANK = "SGP1:SGP1:bank:Bank of China Singapore"
BUYER = "SZP1:SZP1:qianhai:Qianhai Electronics"
OTHER = "SZP1:SZP1:other:Other Trading"
DOCUMENT = {"transportDocumentReference": "LCOL2606140009", "isToOrder": True}
DOCUMENTS = PINT_DEMO / "documents"


def forks() -> tuple[ebl.Envelope, ebl.Envelope, ebl.VerifyContext]:
    """Two continuations of one eBL (the bank's bill handed to two buyers), and the context
    of the receiving platform SZP1."""
    carrier_key, sgp1_key = ebl.PrivateKey.generate(), ebl.PrivateKey.generate()
    issued = ebl.Envelope.issue(DOCUMENT, carrier=CARRIER, to=SHIPPER, at=AT, key=carrier_key)
    endorsed = issued.endorse(platform="SGP1", from_=SHIPPER, to=BANK, at=AT, key=sgp1_key, to_order=True)
    sent = endorsed.transfer(platform="SGP1", from_=BANK, to=BUYER, at=AT, key=sgp1_key)
    forked = endorsed.transfer(platform="SGP1", from_=BANK, to=OTHER, at=AT, key=sgp1_key)
    context = ebl.VerifyContext(at=AT, keys=[carrier_key.public_key, sgp1_key.public_key], platform="SZP1")
    return sent, forked, context


def demo_receiver() -> ebl.VerifyContext:
    return ebl.VerifyContext(
        at=DEMO_AT, keys=demo_keys(), anchors=[PINT_DEMO / "certs" / "root-ca.crt"], platform="EBL2"
    )


def test_accept_resend_dupe_fork_dise(tmp_path: Path) -> None:
    sent, forked, context = forks()
    key = ebl.PrivateKey.generate()
    with ebl.Registry(tmp_path / "registry.sqlite") as registry:
        first = ebl.receive(sent.to_bytes(), context, key, registry=registry)
        assert first.response_code == "RECE" and first.accepted, first.findings
        again = ebl.receive(sent.to_bytes(), context, key, registry=registry)
        assert again.response_code == "DUPE" and not again.accepted
        assert any(f.code == "duplicate-transfer" for f in again.findings)
        disputed = ebl.receive(forked.to_bytes(), context, key, registry=registry, lenient_duplicates=True)
        assert disputed.response_code == "DISE"
        assert disputed.findings[0].code == "chain-disputed"
        # Without a registry the same fork is accepted: only the registry remembers.
        assert ebl.receive(forked.to_bytes(), context, key).response_code == "RECE"

        shown = registry.show("LCOL2606140009")
        assert shown is not None and "transfers" not in shown
        assert shown["holder"]["codes"] == [{"provider": "SZP1", "code": "qianhai"}], shown["holder"]
        assert shown["latest"]["sequence"] == 1
        history = registry.history(shown["transportDocumentChecksum"])
        assert [t["sequence"] for t in history] == [1]
        assert history[0]["lastEntry"] == sent.to_dict()["envelopeTransferChain"][-1]
        assert registry.show("NO-SUCH-BL") is None and registry.history("NO-SUCH-BL") == []
        # The sender reads a DUPE answer as a done transfer: the response names DUPE.
        answer = ebl.verify(again.response, ebl.VerifyContext(at=AT, keys=[key.public_key]))
        assert answer.valid and answer.response_code == "DUPE"
    assert registry.closed and "closed" in repr(registry)
    with pytest.raises(ebl.InvalidArgumentError, match="closed"):
        ebl.receive(sent.to_bytes(), context, key, registry=registry)
    with pytest.raises(ebl.InvalidArgumentError, match="closed"):
        registry.show("LCOL2606140009")
    registry.close()  # idempotent

    # The file remembers across opens (a restart).
    reopened = ebl.Registry(str(tmp_path / "registry.sqlite"))
    assert ebl.receive(sent.to_bytes(), context, key, registry=reopened).response_code == "DUPE"
    assert reopened.location.endswith("registry.sqlite")
    reopened.close()


def test_missing_documents_uploaded_then_received(tmp_path: Path) -> None:
    context, key = demo_receiver(), ebl.PrivateKey.generate()
    registry = ebl.Registry(tmp_path / "r.sqlite")
    mdoc = ebl.receive(DEMO_ENVELOPE, context, key, registry=registry)
    assert mdoc.response_code == "MDOC", mdoc.findings
    missing = mdoc.to_dict()["missingAdditionalDocumentChecksums"]
    assert len(missing) == 3
    transfer = mdoc.last_entry_checksum
    assert len(transfer) == 64
    assert pickle.loads(pickle.dumps(mdoc)).last_entry_checksum == transfer

    invoice = DOCUMENTS / "HHL71800000-invoice.pdf"
    packing = DOCUMENTS / "HHL71800000-packing-list.pdf"
    wrong = registry.upload_document(transfer, invoice.read_bytes(), checksum=hashlib.sha256(packing.read_bytes()).hexdigest())
    assert not wrong["accepted"] and wrong["responseCode"] == "INCD" and wrong["findings"]
    with pytest.raises(ebl.RegistryError, match="no transfer with last entry") as unknown:
        registry.upload_document("00" * 32, invoice)
    assert unknown.value.name == "RegistryUnknownTransfer" and unknown.value.code == 517

    for path in sorted(DOCUMENTS.glob("*.pdf")):
        assert ebl.receive(DEMO_ENVELOPE, context, key, registry=registry).response_code == "MDOC"
        uploaded = registry.upload_document(transfer, path)
        assert uploaded["accepted"] and uploaded["documentChecksum"] == hashlib.sha256(path.read_bytes()).hexdigest()
    received = ebl.receive(DEMO_ENVELOPE, context, key, registry=registry)
    assert received.response_code == "RECE", received.findings
    assert registry.show("HHL71800000") is not None
    registry.close()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"not a database, " * 64, "RegistryCorrupt"),
        (None, "RegistryForeign"),
    ],
)
def test_bad_files_are_registry_errors_and_left_untouched(tmp_path: Path, content: bytes | None, name: str) -> None:
    path = tmp_path / "bad.sqlite"
    if content is None:  # a valid SQLite database of something else
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        other.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(ebl.RegistryError) as raised:
        ebl.Registry(path)
    assert raised.value.name == name
    assert isinstance(raised.value, ebl.EblError) and not isinstance(raised.value, ValueError)
    assert "bad.sqlite" in str(raised.value)
    assert path.read_bytes() == before
    assert pickle.loads(pickle.dumps(raised.value)).name == name


def test_wrong_arguments() -> None:
    with pytest.raises(TypeError, match="location"):
        ebl.Registry(42)  # type: ignore[arg-type]
    with pytest.raises(ebl.RegistryError, match="postgres"):
        ebl.Registry("postgres://nobody@127.0.0.1:1/none")


def test_receive_releases_the_gil_while_the_database_is_locked(tmp_path: Path) -> None:
    """Another connection holds the write lock; a receive waits for it inside the core (the
    registry's busy timeout). This thread must be able to run meanwhile and release the lock:
    if the waiting receive held the GIL, it could not, and the receive would fail."""
    sent, _, context = forks()
    key = ebl.PrivateKey.generate()
    path = tmp_path / "locked.sqlite"
    registry = ebl.Registry(path)
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN EXCLUSIVE")
    started = threading.Event()
    outcome: list[object] = []

    def receive() -> None:
        started.set()
        try:
            outcome.append(ebl.receive(sent.to_bytes(), context, key, registry=registry).response_code)
        except ebl.EblError as error:
            outcome.append(error)

    worker = threading.Thread(target=receive)
    worker.start()
    started.wait()
    # Runs only while the worker is in the core with the GIL released (or before it got there).
    blocker.execute("ROLLBACK")
    blocker.close()
    worker.join()
    assert outcome == ["RECE"]
    registry.close()
