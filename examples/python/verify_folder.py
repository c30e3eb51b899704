"""Verify every eBL in a folder and write a CSV summary, one row per file.

    python examples/python/verify_folder.py testdata/dcsa/pint-demo summary.csv \
        --at 2026-11-26T00:00:00Z --key testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk

Files are verified as one batch on every core (`ebl.verify_batch`); a file that is not an eBL
at all gets a row with its error instead of stopping the run.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

import ebl

FIELDS = ["file", "valid", "format", "response_code", "document_reference", "errors", "first_error"]


def summarise(folder: Path, context: ebl.VerifyContext) -> list[dict[str, object]]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    rows: list[dict[str, object]] = []
    for path, result in zip(files, ebl.verify_batch(files, context)):
        if isinstance(result, ebl.EblError):
            rows.append({"file": str(path), "valid": False, "format": "unknown", "errors": 1,
                         "first_error": f"{result.name}: {result}"})
            continue
        errors = [f for f in result.findings if f.severity == "error"]
        rows.append({
            "file": str(path), "valid": result.valid, "format": result.format,
            "response_code": result.response_code or "", "document_reference": result.document_reference or "",
            "errors": len(errors), "first_error": f"{errors[0].path}: {errors[0].message}" if errors else "",
        })
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("csv", type=Path)
    parser.add_argument("--at", type=dt.datetime.fromisoformat, required=True, help="RFC 3339 with offset")
    parser.add_argument("--key", type=Path, action="append", default=[])
    parser.add_argument("--dns-txt", type=Path)
    args = parser.parse_args(argv)
    context = ebl.VerifyContext(at=args.at, keys=args.key, dns_txt=args.dns_txt)
    rows = summarise(args.folder, context)
    with args.csv.open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    valid = sum(1 for r in rows if r["valid"])
    print(f"{len(rows)} files, {valid} valid → {args.csv}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
