"""Scale-out: verify a large batch of eBLs on a Dask cluster into a pandas DataFrame, written
as Parquet — how a cross-border trade data platform that outgrows one machine uses ebl.

    python examples/python/dask_scale_out.py OUT.parquet [--address tcp://scheduler:8786] [--copies 200]

Without `--address` it starts a `LocalCluster` of two worker processes; with one, the same code
runs on a real cluster. The `VerifyContext` is pickled to the workers once (it travels as the
key files it was built from); each task verifies a chunk with `ebl.verify_batch` (every core of
its worker, the GIL released) and returns plain rows. Inputs here are the repository's demo
envelope and TradeTrust bill, repeated; a platform would pass its own object-store paths.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pandas as pd
from distributed import Client, LocalCluster

import ebl

TESTDATA = Path(__file__).resolve().parents[2] / "testdata"


def verify_chunk(paths: list[str], context: ebl.VerifyContext) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path, result in zip(paths, ebl.verify_batch([Path(p) for p in paths], context)):
        if isinstance(result, ebl.EblError):
            rows.append({"file": path, "valid": False, "format": "unknown", "response_code": None,
                         "document_reference": None, "errors": 1})
        else:
            rows.append({"file": path, "valid": result.valid, "format": result.format,
                         "response_code": result.response_code, "document_reference": result.document_reference,
                         "errors": sum(1 for f in result.findings if f.severity == "error")})
    return rows


def run(out: Path, address: str | None = None, copies: int = 200, chunk: int = 50) -> pd.DataFrame:
    demo = TESTDATA / "dcsa" / "pint-demo"
    context = ebl.VerifyContext(
        at=dt.datetime(2026, 11, 26, tzinfo=dt.timezone.utc),
        keys=sorted((demo / "keys-public").glob("*.jwk")),
        dns_txt=TESTDATA / "openattestation" / "sg-shenzhen-5kb.dns-txt.json",
    )
    sources = [demo / "HHL71800000-ebl-envelope-ed25519.json",
               TESTDATA / "openattestation" / "vectors" / "bill-of-lading-sg-shenzhen-5kb.wrapped.json"]
    paths = [str(sources[i % len(sources)]) for i in range(copies)]
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) if address is None else None
    try:
        with Client(address if address is not None else cluster) as client:
            shared = client.scatter(context, broadcast=True)
            futures = client.map(verify_chunk, chunks, context=shared)
            rows = [row for part in client.gather(futures) for row in part]
    finally:
        if cluster is not None:
            cluster.close()
    frame = pd.DataFrame(rows)
    frame.to_parquet(out, engine="pyarrow", index=False)
    return frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="verify a large batch on a Dask cluster")
    parser.add_argument("out", type=Path)
    parser.add_argument("--address", help="scheduler address; default: a 2-worker LocalCluster")
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args(argv)
    frame = run(args.out, args.address, args.copies)
    print(frame.groupby(["format", "valid"]).size().to_string())
    print(f"{len(frame)} rows → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
