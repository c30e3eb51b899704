"""The exception hierarchy and bad inputs: wrong types, malformed JSON, hostile sizes, naive
datetimes, unreadable files. Whatever the input, an EblError or TypeError, never a panic."""

from __future__ import annotations

import datetime as dt
import pickle
import random
from pathlib import Path

import pytest

import ebl
from conftest import DEMO_AT, DEMO_ENVELOPE


def test_hierarchy() -> None:
    for cls in (ebl.JsonError, ebl.CryptoError, ebl.DocumentError, ebl.PintError, ebl.TitleError,
                ebl.OpenAttestationError, ebl.TrustError, ebl.RecognitionError, ebl.InvalidArgumentError):
        assert issubclass(cls, ebl.EblError) and issubclass(cls, ValueError)
    assert issubclass(ebl.EblIOError, ebl.EblError) and issubclass(ebl.EblIOError, OSError)
    assert issubclass(ebl.InternalError, ebl.EblError) and not issubclass(ebl.InternalError, ValueError)
    assert issubclass(ebl.EblError, Exception)


def test_duplicate_key_has_code_name_and_position() -> None:
    context = ebl.VerifyContext(at=DEMO_AT)
    with pytest.raises(ebl.JsonError) as caught:
        ebl.verify(b'{"isToOrder": false, "isToOrder": true}', context)
    error = caught.value
    assert (error.code, error.name) == (101, "JsonDuplicateKey")
    assert "isToOrder" in str(error) and "byte" in str(error)
    assert isinstance(error, ValueError)
    assert "code=101" in repr(error)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ebl.JsonError and (again.code, again.name, str(again)) == (101, "JsonDuplicateKey", str(error))


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "JsonSyntax"),
        (b"%PDF-1.7", "JsonSyntax"),
        (b'{"a": 1e400}', "JsonNumberOutOfRange"),
        (b"[" * 200 + b"]" * 200, "JsonTooDeep"),
        (b'"\\ud800"', "JsonLoneSurrogate"),
        (b"{}", "UnsupportedFormat"),
        (b"[1, 2, 3]", "UnsupportedFormat"),
    ],
)
def test_malformed_inputs_raise_the_documented_errors(data: bytes, name: str) -> None:
    with pytest.raises(ebl.EblError) as caught:
        ebl.verify(data, ebl.VerifyContext(at=DEMO_AT))
    assert caught.value.name == name, caught.value


def test_hostile_sizes_are_refused_not_read() -> None:
    huge = b'{"a": "' + b"x" * (17 * 1024 * 1024) + b'"}'
    with pytest.raises(ebl.JsonError) as caught:
        ebl.verify(huge, ebl.VerifyContext(at=DEMO_AT))
    assert caught.value.name == "JsonTooLarge"
    with pytest.raises(ebl.EblError):
        ebl.oa.wrap(b"[" * 100_000)


def test_naive_datetimes_are_refused_everywhere() -> None:
    naive = dt.datetime(2026, 6, 1)
    with pytest.raises(ebl.InvalidArgumentError, match="naive") as caught:
        ebl.VerifyContext(at=naive)
    assert isinstance(caught.value, ValueError) and caught.value.name == "InvalidArgument"
    key = ebl.PrivateKey.generate()
    with pytest.raises(ValueError, match="naive"):
        ebl.Envelope.issue({"transportDocumentReference": "X"}, carrier="A:B:C", to="A:B:D", at=naive, key=key)
    with pytest.raises(ValueError, match="naive"):
        ebl.TrustStore().add_bytes(b"{}", naive)


@pytest.mark.parametrize("bad", [123, None, 1.5, object(), ["a"]])
def test_wrong_types_are_type_errors(bad: object) -> None:
    context = ebl.VerifyContext(at=DEMO_AT)
    with pytest.raises(TypeError, match="data"):
        ebl.verify(bad, context)  # type: ignore[arg-type]


def test_wrong_types_in_constructors() -> None:
    with pytest.raises(TypeError, match="at"):
        ebl.VerifyContext(at="2026-06-01T00:00:00Z")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="keys"):
        ebl.VerifyContext(at=DEMO_AT, keys=b"not a list")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ebl.verify(DEMO_ENVELOPE, "not a context")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"data\[1\]"):
        ebl.verify_batch([b"{}", 5], ebl.VerifyContext(at=DEMO_AT))  # type: ignore[list-item]


def test_bad_key_files_name_which_one() -> None:
    with pytest.raises(ebl.EblError, match=r"keys\[1\]"):
        ebl.VerifyContext(at=DEMO_AT, keys=[DEMO_ENVELOPE.parent / "keys-public" / "ed25519-carrier.example.com.public.jwk", b"hello"])
    with pytest.raises(ebl.CryptoError):
        ebl.PrivateKey.from_bytes(b"hello")
    with pytest.raises(ebl.EblError):
        ebl.VerifyContext(at=DEMO_AT, ethereum_addresses=["0xabc"])
    with pytest.raises(ebl.EblError, match="example.com"):
        ebl.VerifyContext(at=DEMO_AT, dns_txt={"example.com": "not an array"})


def test_unreadable_files_are_os_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(OSError, match="missing.json") as caught:
        ebl.verify(missing, ebl.VerifyContext(at=DEMO_AT))
    assert isinstance(caught.value, ebl.EblIOError) and caught.value.code == 901
    with pytest.raises(ebl.EblIOError):
        ebl.PublicKey.from_bytes(missing)


def test_no_input_panics() -> None:
    """Random and mutated bytes through every parsing entry point: only EblError comes out."""
    rng = random.Random(20261128)
    seed = DEMO_ENVELOPE.read_bytes()
    context = ebl.VerifyContext(at=DEMO_AT)
    entry_points = [
        lambda b: ebl.verify(b, context),
        ebl.PublicKey.from_bytes,
        ebl.PrivateKey.from_bytes,
        ebl.TrustStore.from_json,
        ebl.Envelope.from_bytes,
        ebl.oa.WrappedDocument.from_bytes,
        ebl.oa.title_history,
        ebl.oa.wrap,
    ]
    for i in range(300):
        data = bytearray(seed)
        for _ in range(rng.randrange(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        sample = bytes(data[: rng.randrange(1, len(data))]) if i % 3 == 0 else bytes(data)
        for call in entry_points:
            try:
                call(sample)
            except ebl.EblError as error:
                assert error.code < 904, error
