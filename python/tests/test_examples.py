"""The examples in examples/python run as a user runs them, and produce what they say."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd

from conftest import PINT_DEMO, ROOT

EXAMPLES = ROOT / "examples" / "python"


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_verify_folder_writes_a_csv(tmp_path: Path) -> None:
    out = tmp_path / "summary.csv"
    keys = sorted((PINT_DEMO / "keys-public").glob("*.jwk"))
    run(str(EXAMPLES / "verify_folder.py"), str(PINT_DEMO), str(out), "--at", "2026-11-26T00:00:00+00:00",
        *[a for k in keys for a in ("--key", str(k))])
    with out.open(newline="") as file:
        rows = list(csv.DictReader(file))
    by_name = {Path(r["file"]).name: r for r in rows}
    assert len(rows) == sum(1 for p in PINT_DEMO.rglob("*") if p.is_file() and not p.name.startswith("."))
    envelope = by_name["HHL71800000-ebl-envelope-ed25519.json"]
    assert (envelope["valid"], envelope["response_code"]) == ("True", "RECE")
    assert any(r["format"] == "unknown" and r["first_error"] for r in rows)  # the PDFs and PNGs


def test_issue_and_transfer() -> None:
    out = run(str(EXAMPLES / "issue_and_transfer.py"))
    assert "received: RECE" in out and "ENDORSE_TO_ORDER" in out


def test_recognise_under_the_sg_cn_arrangement() -> None:
    out = run(str(EXAMPLES / "recognize_sg_cn.py"))
    first = out.splitlines()[0]
    assert first.startswith("sg-cn-shenzhen/CN: ")
    assert len(out.splitlines()) > 3


def test_dask_on_a_two_worker_local_cluster(tmp_path: Path) -> None:
    out = tmp_path / "verdicts.parquet"
    printed = run(str(EXAMPLES / "dask_scale_out.py"), str(out), "--copies", "120")
    assert "120 rows" in printed
    frame = pd.read_parquet(out, engine="pyarrow")
    assert len(frame) == 120
    assert set(frame["format"]) == {"dcsa-pint-envelope", "openattestation-v2"}
    assert bool(frame["valid"].all())
    assert list(frame["file"][:2]) == [
        str(PINT_DEMO / "HHL71800000-ebl-envelope-ed25519.json"),
        str(ROOT / "testdata" / "openattestation" / "vectors" / "bill-of-lading-sg-shenzhen-5kb.wrapped.json"),
    ]
