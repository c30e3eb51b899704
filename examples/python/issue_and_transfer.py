"""Issue a to-order eBL, endorse it to a bank and on to a buyer on the Shenzhen platform, and
receive it there: the receiving platform verifies it and signs its answer.

    python examples/python/issue_and_transfer.py
"""

from __future__ import annotations

import datetime as dt

import ebl


def main() -> int:
    at = dt.datetime(2026, 6, 14, 9, 30, tzinfo=dt.timezone.utc)
    carrier_key, sgp1_key, szp1_key = (ebl.PrivateKey.generate() for _ in range(3))
    carrier = "SGP1:SMDG:LCOL:Lion City Ocean Lines"
    shipper = "SGP1:SGP1:straits:Straits Precision"
    bank = "SGP1:SGP1:bank:Bank of China Singapore"
    buyer = "SZP1:SZP1:qianhai:Qianhai Electronics"
    document = {"transportDocumentReference": "LCOL2606140001", "isToOrder": True}

    issued = ebl.Envelope.issue(document, carrier=carrier, to=shipper, at=at, key=carrier_key)
    to_bank = issued.endorse(platform="SGP1", from_=shipper, to=bank, at=at, key=sgp1_key, to_order=True)
    to_buyer = to_bank.endorse(platform="SGP1", from_=bank, to=buyer, at=at, key=sgp1_key)
    print(f"sent {to_buyer!r} ({len(to_buyer.to_bytes())} bytes)")

    # On the Shenzhen platform: trust the carrier's and the sending platform's keys.
    context = ebl.VerifyContext(at=at, keys=[carrier_key.public_key, sgp1_key.public_key], platform="SZP1")
    received = ebl.receive(to_buyer.to_bytes(), context, szp1_key)
    print(f"received: {received.response_code}; title now {received.title_replay.final_status}")
    for step in received.title_replay.steps:
        print(f"  {step['index']}: {step['kind']}")
    return 0 if received.accepted else 1


if __name__ == "__main__":
    raise SystemExit(main())
