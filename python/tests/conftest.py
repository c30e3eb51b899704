"""Shared fixtures: the repository's test data and the contexts the CLI tests use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ebl

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = ROOT / "testdata"
PINT_DEMO = TESTDATA / "dcsa" / "pint-demo"
GOLDEN_PINT = TESTDATA / "pint"
OA_VECTORS = TESTDATA / "openattestation" / "vectors"
BL_5KB = OA_VECTORS / "bill-of-lading-sg-shenzhen-5kb.wrapped.json"
DNS_TXT = TESTDATA / "openattestation" / "sg-shenzhen-5kb.dns-txt.json"
TITLE_LOG = TESTDATA / "openattestation" / "sg-shenzhen-5kb.title-log.json"
DEMO_ENVELOPE = PINT_DEMO / "HHL71800000-ebl-envelope-ed25519.json"

DEMO_AT = dt.datetime(2026, 11, 26, tzinfo=dt.timezone.utc)
GOLDEN_AT = dt.datetime(2026, 7, 1, tzinfo=dt.timezone.utc)


def demo_keys() -> list[Path]:
    return sorted((PINT_DEMO / "keys-public").glob("*.jwk"))


def golden_keys() -> list[Path]:
    return sorted((GOLDEN_PINT / "keys").glob("*.jwk"))


@pytest.fixture
def demo_context() -> ebl.VerifyContext:
    return ebl.VerifyContext(at=DEMO_AT, keys=demo_keys())


@pytest.fixture
def oa_context() -> ebl.VerifyContext:
    return ebl.VerifyContext(at=DEMO_AT, dns_txt=DNS_TXT)


@pytest.fixture
def at() -> dt.datetime:
    return dt.datetime(2026, 6, 14, 9, 30, tzinfo=dt.timezone.utc)
