"""Is a Singapore TradeTrust bill recognised in Shenzhen under the SG–CN arrangement?

    python examples/python/recognize_sg_cn.py [TESTDATA_DIR]

The receiver supplies what it knows as data: its trust store, the DNS TXT answers for the
issuer's domain, the token's title-escrow event log and its evidence (governing law, registry
check). Every criterion is printed with its status and citation.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import ebl


def main(testdata: Path) -> str:
    at = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    store = ebl.TrustStore()
    store.add_bytes(testdata / "recognition" / "tradetrust-sg.trust-store.json", at, "tradetrust-sg.trust-store.json")
    context = ebl.VerifyContext(at=at, trust=store, dns_txt=testdata / "openattestation" / "sg-shenzhen-5kb.dns-txt.json")
    outcome = ebl.recognize(
        testdata / "openattestation" / "vectors" / "bill-of-lading-sg-shenzhen-5kb.wrapped.json",
        context,
        target="sg-cn-shenzhen/CN",
        title_log=testdata / "openattestation" / "sg-shenzhen-5kb.title-log.json",
        evidence={"governing_law": "sg", "registry_checked": True},
    )
    print(f"{outcome.target}: {outcome.verdict}")
    for criterion in outcome.criteria:
        print(f"  {criterion.id:<28} {criterion.status:<14} {criterion.citation}")
    return outcome.verdict


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "testdata"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
