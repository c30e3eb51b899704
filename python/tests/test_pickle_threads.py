"""Pickling (objects travel to worker processes) and 8 threads verifying at once."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import os
import pickle
import threading
from pathlib import Path

import ebl
from conftest import BL_5KB, DEMO_ENVELOPE, TESTDATA, TITLE_LOG


def round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))


def test_public_keys_stores_contexts_and_results_pickle(demo_context: ebl.VerifyContext) -> None:
    key = ebl.PrivateKey.generate().public_key
    assert round_trip(key) == key

    store = ebl.TrustStore.from_json(TESTDATA / "recognition" / "tradetrust-sg.trust-store.json")
    copy = round_trip(store)
    assert isinstance(copy, ebl.TrustStore) and copy.to_dict() == store.to_dict()

    context = round_trip(demo_context)
    assert isinstance(context, ebl.VerifyContext)
    assert repr(context) == repr(demo_context)
    verification = ebl.verify(DEMO_ENVELOPE, demo_context)
    assert ebl.verify(DEMO_ENVELOPE, context) == verification

    restored = round_trip(verification)
    assert restored == verification
    assert isinstance(restored, ebl.Verification)
    assert restored.to_json() == verification.to_json()
    assert restored.title_replay is not None and verification.title_replay is not None
    assert restored.title_replay.to_dict() == verification.title_replay.to_dict()

    rich = ebl.VerifyContext(
        at=demo_context.at, trust=store, platform="EBL2",
        ethereum_addresses=["0x142ca30e3b78a840a82192529ca047ed759a6f7e"], dns_txt={"example.com": ["x"]},
    )
    assert repr(round_trip(rich)) == repr(rich)


def test_other_results_pickle() -> None:
    envelope = ebl.Envelope.from_bytes(DEMO_ENVELOPE)
    copy = round_trip(envelope)
    assert isinstance(copy, ebl.Envelope) and copy.to_dict() == envelope.to_dict()
    document = ebl.oa.WrappedDocument.from_bytes(BL_5KB)
    assert round_trip(document).to_dict() == document.to_dict()  # type: ignore[attr-defined]
    history = ebl.oa.title_history(TITLE_LOG)
    assert round_trip(history).to_dict() == history.to_dict()  # type: ignore[attr-defined]
    replay = history.replay()
    assert round_trip(replay).to_dict() == replay.to_dict()  # type: ignore[attr-defined]


def test_eight_threads_verify_at_once(demo_context: ebl.VerifyContext) -> None:
    data = DEMO_ENVELOPE.read_bytes()
    expected = ebl.verify(data, demo_context)
    barrier = threading.Barrier(8)

    def work(_: int) -> list[ebl.Verification]:
        barrier.wait()
        return [ebl.verify(data, demo_context) for _ in range(25)]

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = [v for chunk in pool.map(work, range(8)) for v in chunk]
    assert len(results) == 200
    assert all(r == expected for r in results)


def test_threads_batch_and_sign_concurrently(demo_context: ebl.VerifyContext) -> None:
    data = DEMO_ENVELOPE.read_bytes()

    def work(i: int) -> tuple[int, bool]:
        key = ebl.PrivateKey.generate()
        batch = ebl.verify_batch([data] * 4, demo_context)
        return i, all(isinstance(v, ebl.Verification) and v.valid for v in batch) and bool(key.to_pem())

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        assert sorted(pool.map(work, range(16))) == [(i, True) for i in range(16)]


def test_verify_batch_runs_on_a_pool_of_every_core() -> None:
    """The core's batch runs on a rayon pool with one thread per core (Linux shows threads in
    /proc), so a batch is not verified on the caller's thread alone."""
    tasks = Path("/proc/self/task")
    assert tasks.is_dir(), "this check reads Linux's /proc"
    context = ebl.VerifyContext(at=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc))
    ebl.verify_batch([b"{}"] * 16, context)
    assert len(list(tasks.iterdir())) >= (os.cpu_count() or 1) + 1
