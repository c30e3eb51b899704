//! Key files told apart by content: every private-key form `PrivateKey::from_bytes` reads,
//! every public form `read_public_keys` reads, certificates, generated pairs, and garbage
//! refused with an error that says what was expected.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ebl::ErrorCode;
use ebl::crypto::x509::Certificate;
use ebl::crypto::{GeneratedKeyPair, KeyType, PrivateKey, PublicKey, read_public_keys};
use ring::rand::SystemRandom;

fn testdata(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../testdata/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn private_keys_are_read_from_every_form() {
    let rng = SystemRandom::new();
    for (file, key_type) in [
        ("crypto/ed25519.pkcs8.pem", KeyType::Ed25519),
        ("crypto/p256.pkcs8.pem", KeyType::P256),
        ("crypto/p256.sec1.pem", KeyType::P256),
        ("crypto/p384.pkcs8.pem", KeyType::P384),
        ("crypto/rsa2048.pkcs1.pem", KeyType::Rsa),
        ("crypto/rsa2048.pkcs8.pem", KeyType::Rsa),
    ] {
        let pem = PrivateKey::from_bytes(&testdata(file), &rng).expect(file);
        assert_eq!(pem.key_type(), key_type, "{file}");
        let der = PrivateKey::from_bytes(pem.to_pkcs8_der(), &rng).expect(file);
        assert_eq!(der.public_key(), pem.public_key(), "{file} as DER");
        let jwk = serde_json::to_vec_pretty(&pem.to_private_jwk().expect(file)).unwrap();
        let from_jwk = PrivateKey::from_bytes(&jwk, &rng).expect(file);
        assert_eq!(from_jwk.public_key(), pem.public_key(), "{file} as JWK");
    }
}

#[test]
fn garbage_is_not_a_private_key_and_the_error_says_what_is() {
    let rng = SystemRandom::new();
    for garbage in [&b"hello"[..], b"", b"\xff\xfe\x00", b"\x30\x03\x02\x01\x00"] {
        let err = PrivateKey::from_bytes(garbage, &rng).unwrap_err();
        assert_eq!(
            err.code(),
            ErrorCode::CryptoKeyRejected,
            "{garbage:?}: {err}"
        );
    }
    let err = PrivateKey::from_bytes(b"hello", &rng).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected PKCS#8 PEM, PKCS#8 DER or a private JWK"),
        "{err}"
    );
    // A public key is not a signing key.
    let public = testdata("dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk");
    assert!(PrivateKey::from_bytes(&public, &rng).is_err());
    // Nor is a certificate.
    assert!(PrivateKey::from_bytes(&testdata("dcsa/pint-demo/certs/root-ca.crt"), &rng).is_err());
}

#[test]
fn public_keys_are_read_from_every_form() {
    let rng = SystemRandom::new();
    let private = PrivateKey::from_bytes(&testdata("crypto/p256.pkcs8.pem"), &rng).unwrap();
    let expected = private.public_key();

    let jwk = private.public_key().to_jwk_with_kid().to_string();
    let jwks = format!(r#"{{"keys": [{jwk}]}}"#);
    let private_jwk = private.to_private_jwk().unwrap().to_string();
    let forms: [(&str, Vec<u8>); 5] = [
        ("public JWK", jwk.clone().into_bytes()),
        ("JWK Set", jwks.into_bytes()),
        ("PEM SPKI", expected.to_pem().into_bytes()),
        ("private PEM", private.to_pkcs8_pem().into_bytes()),
        ("private JWK", private_jwk.into_bytes()),
    ];
    for (form, bytes) in forms {
        let keys = read_public_keys(&bytes).unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(keys.len(), 1, "{form}");
        assert_eq!(&keys[0].key, expected, "{form}");
    }
    // The JWK's kid is kept: the thumbprint to_jwk_with_kid wrote.
    assert_eq!(
        read_public_keys(jwk.as_bytes()).unwrap()[0].kid,
        Some(expected.thumbprint())
    );
}

#[test]
fn certificates_give_their_key_in_pem_and_der() {
    let pem = testdata("dcsa/pint-demo/certs/intermediate-ca.crt");
    let certificate = &Certificate::read_all(&pem).unwrap()[0];
    for bytes in [pem.as_slice(), certificate.der()] {
        let keys = read_public_keys(bytes).unwrap();
        assert_eq!(&keys[0].key, certificate.public_key());
        assert_eq!(keys[0].kid, None);
    }
    let err = read_public_keys(b"garbage").unwrap_err();
    assert_eq!(err.code(), ErrorCode::CryptoCertificateMalformed, "{err}");
    assert!(
        Certificate::read_all(b"-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n").is_err()
    );
}

#[test]
fn generated_pairs_read_back_as_the_same_key() {
    let rng = SystemRandom::new();
    for key_type in [KeyType::Ed25519, KeyType::P256, KeyType::P384] {
        let pair = GeneratedKeyPair::generate(key_type, &rng).unwrap();
        let public = PublicKey::from_jwk_bytes(pair.public_jwk.as_bytes()).unwrap();
        assert_eq!(&public, pair.key.public_key());
        let jwk: serde_json::Value = serde_json::from_str(&pair.public_jwk).unwrap();
        assert_eq!(jwk["kid"], pair.thumbprint.as_str());
        assert!(
            jwk.get("d").is_none(),
            "the public JWK holds no private member"
        );
        let back = PrivateKey::from_bytes(pair.private_pem.as_bytes(), &rng).unwrap();
        assert_eq!(back.public_key(), &public);
        assert!(!format!("{pair:?}").contains("PRIVATE"));
    }
    assert!(GeneratedKeyPair::generate(KeyType::Rsa, &rng).is_err());
}
