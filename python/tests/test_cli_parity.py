"""The same verdicts and the same JSON from Python as from `ebl verify --json`, on the
pint-demo envelopes, the golden PINT vectors and the OpenAttestation vectors (same keys, same
time). The CLI binary is `$EBL_CLI`, else the workspace's `target/debug/ebl`."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

import ebl
from conftest import DEMO_AT, DNS_TXT, GOLDEN_AT, GOLDEN_PINT, OA_VECTORS, PINT_DEMO, ROOT, demo_keys, golden_keys


def cli() -> Path:
    path = Path(os.environ.get("EBL_CLI", ROOT / "target" / "debug" / "ebl"))
    assert path.is_file(), f"{path}: build it with `cargo build -p ebl-cli` or set EBL_CLI"
    return path


def cli_lines(files: list[Path], at: dt.datetime, keys: list[Path], dns_txt: Path | None) -> list[str]:
    args = [str(cli()), "verify", "--json", "--at", at.isoformat().replace("+00:00", "Z")]
    for key in keys:
        args += ["--key", str(key)]
    if dns_txt is not None:
        args += ["--dns-txt", str(dns_txt)]
    done = subprocess.run(args + [str(f) for f in files], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1, 2), done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(files), done.stdout + done.stderr
    return lines


CASES = {
    "pint-demo": (sorted(PINT_DEMO.glob("*.json")), DEMO_AT, demo_keys(), None),
    "golden-pint": (sorted(p for p in GOLDEN_PINT.glob("*.json") if p.name != "manifest.json"), GOLDEN_AT, golden_keys(), None),
    "openattestation": (sorted(p for p in OA_VECTORS.glob("*.json") if p.name != "manifest.json"), DEMO_AT, [], DNS_TXT),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_python_prints_what_the_cli_prints(case: str) -> None:
    files, at, keys, dns_txt = CASES[case]
    assert len(files) >= 3
    context = ebl.VerifyContext(at=at, keys=keys, dns_txt=dns_txt)
    lines = cli_lines(files, at, keys, dns_txt)
    batch = ebl.verify_batch(files, context)
    verdicts = 0
    for path, line, batched in zip(files, lines, batch):
        expected = json.loads(line)
        assert expected.pop("file") == str(path)
        try:
            single: ebl.Verification | ebl.EblError = ebl.verify(path, context)
        except ebl.EblError as error:
            single = error
        for result in (single, batched):
            if isinstance(result, ebl.EblError):
                assert expected["valid"] is False and expected["format"] == "unknown", path
                assert (expected["errorCode"], expected["errorNumber"], expected["error"]) == (
                    result.name, result.code, str(result)), path
            else:
                assert result.to_dict() == expected, path
                # Byte for byte: the CLI's line is the same object with "file" first.
                assert line == '{"file":' + json.dumps(str(path)) + "," + result.to_json()[1:], path
                verdicts += 1
    assert verdicts > 0


def test_the_golden_vectors_give_their_manifest_verdicts() -> None:
    manifest = json.loads((GOLDEN_PINT / "manifest.json").read_text())
    context = ebl.VerifyContext(at=GOLDEN_AT, keys=golden_keys())
    assert manifest["verify"]["at"] == "2026-07-01T00:00:00Z"
    for vector in manifest["vectors"]:
        v = ebl.verify(GOLDEN_PINT / vector["file"], context)
        assert v.response_code == vector["expect"]["responseCode"], vector["file"]
        assert v.valid == vector["expect"]["valid"], vector["file"]
