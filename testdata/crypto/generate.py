#!/usr/bin/env python3
"""Makes the crypto fixtures in this directory with pyca/cryptography (an independent
implementation), so the Rust tests check interoperability, not just self-consistency.

Keys are random, so re-running changes every file; the committed outputs are the fixtures.
Run from this directory: python3 generate.py
"""
import base64
import datetime as dt
import json

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID, ObjectIdentifier


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def uint(n: int, length: int | None = None) -> bytes:
    length = length or (n.bit_length() + 7) // 8
    return n.to_bytes(length, "big")


def write(name: str, text: str) -> None:
    with open(name, "w") as f:
        f.write(text)


def pem_pkcs8(key) -> str:
    return key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()).decode()


def private_jwk(key) -> dict:
    if isinstance(key, rsa.RSAPrivateKey):
        p = key.private_numbers()
        return {"kty": "RSA", "n": b64u(uint(p.public_numbers.n)), "e": b64u(uint(p.public_numbers.e)),
                "d": b64u(uint(p.d)), "p": b64u(uint(p.p)), "q": b64u(uint(p.q)),
                "dp": b64u(uint(p.dmp1)), "dq": b64u(uint(p.dmq1)), "qi": b64u(uint(p.iqmp))}
    if isinstance(key, ec.EllipticCurvePrivateKey):
        size = (key.curve.key_size + 7) // 8
        crv = {"secp256r1": "P-256", "secp384r1": "P-384"}[key.curve.name]
        pn = key.public_key().public_numbers()
        return {"kty": "EC", "crv": crv, "x": b64u(uint(pn.x, size)), "y": b64u(uint(pn.y, size)),
                "d": b64u(uint(key.private_numbers().private_value, size))}
    raw = key.private_bytes(ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption())
    pub = key.public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": b64u(pub), "d": b64u(raw)}


def jws_sign(key, alg: str, payload: bytes, extra: dict | None = None) -> str:
    header = {"alg": alg, **(extra or {})}
    signing_input = b64u(json.dumps(header, separators=(",", ":")).encode()) + "." + b64u(payload)
    data = signing_input.encode()
    hash_alg = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}.get(alg[2:])
    if alg.startswith("RS"):
        sig = key.sign(data, padding.PKCS1v15(), hash_alg)
    elif alg.startswith("PS"):
        sig = key.sign(data, padding.PSS(padding.MGF1(hash_alg), hash_alg.digest_size), hash_alg)
    elif alg.startswith("ES"):
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hash_alg)))
        size = (key.curve.key_size + 7) // 8
        sig = uint(r, size) + uint(s, size)
    else:
        sig = key.sign(data)
    return signing_input + "." + b64u(sig)


rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
p256 = ec.generate_private_key(ec.SECP256R1())
p384 = ec.generate_private_key(ec.SECP384R1())
ed = ed25519.Ed25519PrivateKey.generate()

write("rsa2048.pkcs8.pem", pem_pkcs8(rsa_key))
write("rsa2048.pkcs1.pem", rsa_key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()).decode())
write("p256.pkcs8.pem", pem_pkcs8(p256))
write("p256.sec1.pem", p256.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()).decode())
write("p384.pkcs8.pem", pem_pkcs8(p384))
write("ed25519.pkcs8.pem", pem_pkcs8(ed))

keys = {"rsa2048": rsa_key, "p256": p256, "p384": p384, "ed25519": ed}
payload = b'{"transportDocumentReference":"HHL71800000","n":1}'
vectors = {"payload": payload.decode(), "keys": {}, "jws": []}
for name, key in keys.items():
    vectors["keys"][name] = {
        "private_jwk": private_jwk(key),
        "spki_pem": key.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo).decode(),
    }
for alg, name in [("RS256", "rsa2048"), ("RS384", "rsa2048"), ("RS512", "rsa2048"), ("PS256", "rsa2048"),
                  ("PS384", "rsa2048"), ("PS512", "rsa2048"), ("ES256", "p256"), ("ES384", "p384"), ("EdDSA", "ed25519")]:
    vectors["jws"].append({"alg": alg, "key": name, "compact": jws_sign(keys[name], alg, payload, {"kid": name})})
write("vectors.json", json.dumps(vectors, indent=2) + "\n")

# A small PKI: root (P-256) -> intermediate (RSA, pathlen 0) -> leaf (the p256 key).
def name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ebl test"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def cert(subject, subject_key, issuer, issuer_key, *, ca, pathlen=None, key_usage=None,
         start=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), end=dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc),
         critical_unknown=False, hash_alg=hashes.SHA256()):
    b = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
         .public_key(subject_key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(start).not_valid_after(end)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=pathlen), critical=True))
    ku = key_usage or ("ca" if ca else "sig")
    b = b.add_extension(x509.KeyUsage(
        digital_signature=(ku == "sig"), content_commitment=False, key_encipherment=(ku == "enc"),
        data_encipherment=False, key_agreement=False, key_cert_sign=(ku == "ca"), crl_sign=(ku == "ca"),
        encipher_only=False, decipher_only=False), critical=True)
    if critical_unknown:
        b = b.add_extension(x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.1"), b"\x05\x00"), critical=True)
    algo = None if isinstance(issuer_key, ed25519.Ed25519PrivateKey) else hash_alg
    return b.sign(issuer_key, algo)


def pem(c) -> str:
    return c.public_bytes(ser.Encoding.PEM).decode()


def x5c(*certs) -> list:
    return [base64.b64encode(c.public_bytes(ser.Encoding.DER)).decode() for c in certs]


root_key = ec.generate_private_key(ec.SECP256R1())
inter_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
other_root_key = ec.generate_private_key(ec.SECP384R1())
sub_key = ec.generate_private_key(ec.SECP256R1())

root = cert("Test Root", root_key, "Test Root", root_key, ca=True)
other_root = cert("Other Root", other_root_key, "Other Root", other_root_key, ca=True, hash_alg=hashes.SHA384())
inter = cert("Test Intermediate", inter_key, "Test Root", root_key, ca=True, pathlen=0)
leaf = cert("Signer", p256, "Test Intermediate", inter_key, ca=False)
leaf_expired = cert("Signer", p256, "Test Intermediate", inter_key, ca=False,
                    start=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), end=dt.datetime(2021, 1, 1, tzinfo=dt.timezone.utc))
leaf_critical = cert("Signer", p256, "Test Intermediate", inter_key, ca=False, critical_unknown=True)
leaf_encipher = cert("Signer", p256, "Test Intermediate", inter_key, ca=False, key_usage="enc")
# pathlen violation: intermediate (pathlen 0) -> sub-CA -> leaf
sub_ca = cert("Sub CA", sub_key, "Test Intermediate", inter_key, ca=True)
leaf_under_sub = cert("Signer", p256, "Sub CA", sub_key, ca=False)
# issuer that is not a CA: leaf -> "child" signed by the leaf key
child = cert("Child", ed, "Signer", p256, ca=False)

write("pki-root.pem", pem(root))
write("pki-other-root.pem", pem(other_root))
chains = {
    "valid": x5c(leaf, inter, root),
    "valid_without_root": x5c(leaf, inter),
    "expired_leaf": x5c(leaf_expired, inter, root),
    "unknown_critical": x5c(leaf_critical, inter, root),
    "leaf_key_encipherment_only": x5c(leaf_encipher, inter, root),
    "pathlen_exceeded": x5c(leaf_under_sub, sub_ca, inter, root),
    "issuer_not_ca": x5c(child, leaf, inter, root),
    "out_of_order": x5c(leaf, root, inter),
}
pki = {"chains": chains, "jws": {}}
for label, chain in chains.items():
    signer = ed if label == "issuer_not_ca" else p256
    alg = "EdDSA" if label == "issuer_not_ca" else "ES256"
    pki["jws"][label] = jws_sign(signer, alg, payload, {"x5c": chain})
write("pki.json", json.dumps(pki, indent=2) + "\n")
