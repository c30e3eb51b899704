//! Key import/export and signatures made by an independent implementation (pyca/cryptography,
//! see testdata/crypto/generate.py).

use ebl::ErrorCode;
use ebl::crypto::{Algorithm, AlgorithmSet, KeyType, PrivateKey, PublicKey, jws};
use ring::rand::SystemRandom;
use serde_json::{Value, json};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto");

fn text(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn vectors() -> Value {
    ebl::json::parse(text("vectors.json").as_bytes()).expect("vectors.json")
}

fn public_of(vectors: &Value, name: &str) -> PublicKey {
    let pem = vectors["keys"][name]["spki_pem"]
        .as_str()
        .expect("spki_pem");
    PublicKey::from_pem(pem).expect("SPKI PEM")
}

#[test]
fn verifies_every_algorithm_signed_by_pyca() {
    let v = vectors();
    let entries = v["jws"].as_array().expect("jws list");
    assert_eq!(entries.len(), 9);
    for entry in entries {
        let alg: Algorithm = entry["alg"].as_str().expect("alg").parse().expect("known");
        let key = public_of(&v, entry["key"].as_str().expect("key"));
        let compact = entry["compact"].as_str().expect("compact");
        let verified = jws::verify_compact(compact, &key, &AlgorithmSet::default())
            .unwrap_or_else(|e| panic!("{alg}: {e}"));
        assert_eq!(verified.header().alg(), alg);
        assert_eq!(
            verified.payload(),
            v["payload"].as_str().expect("payload").as_bytes()
        );
    }
}

#[test]
fn private_keys_from_pem_and_jwk_agree() {
    let rng = SystemRandom::new();
    let v = vectors();
    let cases = [
        ("rsa2048", "rsa2048.pkcs8.pem", KeyType::Rsa),
        ("p256", "p256.pkcs8.pem", KeyType::P256),
        ("p384", "p384.pkcs8.pem", KeyType::P384),
        ("ed25519", "ed25519.pkcs8.pem", KeyType::Ed25519),
    ];
    for (name, file, key_type) in cases {
        let from_pem =
            PrivateKey::from_pem(&text(file), &rng).unwrap_or_else(|e| panic!("{file}: {e}"));
        let jwk = &v["keys"][name]["private_jwk"];
        let from_jwk = PrivateKey::from_jwk(jwk, &rng).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(from_pem.key_type(), key_type);
        assert_eq!(from_pem.public_key(), from_jwk.public_key(), "{name}");
        assert_eq!(from_pem.public_key(), &public_of(&v, name), "{name}");
        // Private JWK export reproduces the members pyca wrote.
        let exported = from_pem.to_private_jwk().expect("private JWK");
        for (member, value) in jwk.as_object().expect("object") {
            assert_eq!(&exported[member], value, "{name}.{member}");
        }
        // PKCS#8 PEM round trip.
        let again = PrivateKey::from_pem(&from_jwk.to_pkcs8_pem(), &rng).expect("round trip");
        assert_eq!(again.public_key(), from_pem.public_key());
        // Public JWK, SPKI and PEM round trips.
        let public = from_pem.public_key();
        assert_eq!(&PublicKey::from_jwk(&public.to_jwk()).expect("jwk"), public);
        assert_eq!(
            &PublicKey::from_spki_der(&public.to_spki_der()).expect("spki"),
            public
        );
        assert_eq!(&PublicKey::from_pem(&public.to_pem()).expect("pem"), public);
        // The keys sign, and the other implementation's public key verifies.
        for alg in Algorithm::ALL
            .into_iter()
            .filter(|a| a.key_type() == key_type)
        {
            let sig = from_jwk.sign_with(alg, b"interop", &rng).expect("sign");
            public_of(&v, name)
                .verify(alg, b"interop", &sig)
                .expect("verify");
        }
    }
}

#[test]
fn rs256_is_deterministic_and_matches_pyca_byte_for_byte() {
    let rng = SystemRandom::new();
    let v = vectors();
    let key = PrivateKey::from_jwk(&v["keys"]["rsa2048"]["private_jwk"], &rng).expect("RSA JWK");
    let expected = v["jws"]
        .as_array()
        .and_then(|list| list.iter().find(|e| e["alg"] == "RS256"))
        .and_then(|e| e["compact"].as_str())
        .expect("RS256 vector");
    let header = jws::JwsHeader {
        alg: Some(Algorithm::RS256),
        kid: Some("rsa2048".into()),
        ..Default::default()
    };
    let compact = jws::sign_compact(
        v["payload"].as_str().expect("payload").as_bytes(),
        &key,
        &header,
        &rng,
    )
    .expect("sign");
    assert_eq!(compact, expected);
}

#[test]
fn legacy_pem_forms_import() {
    let rng = SystemRandom::new();
    let pkcs1 = PrivateKey::from_pem(&text("rsa2048.pkcs1.pem"), &rng).expect("RSA PRIVATE KEY");
    let pkcs8 = PrivateKey::from_pem(&text("rsa2048.pkcs8.pem"), &rng).expect("PRIVATE KEY");
    assert_eq!(pkcs1.public_key(), pkcs8.public_key());
    let sec1 = PrivateKey::from_pem(&text("p256.sec1.pem"), &rng).expect("EC PRIVATE KEY");
    let p256 = PrivateKey::from_pem(&text("p256.pkcs8.pem"), &rng).expect("PRIVATE KEY");
    assert_eq!(sec1.public_key(), p256.public_key());
}

#[test]
fn generated_keys_round_trip() {
    let rng = SystemRandom::new();
    for key_type in [KeyType::Ed25519, KeyType::P256, KeyType::P384] {
        let key = PrivateKey::generate(key_type, &rng).expect("generate");
        assert_eq!(key.algorithm(), key_type.default_algorithm());
        let again = PrivateKey::from_pkcs8_der(key.to_pkcs8_der(), &rng).expect("PKCS#8");
        assert_eq!(again.public_key(), key.public_key());
        let jwk = key.to_private_jwk().expect("private JWK");
        let from_jwk = PrivateKey::from_jwk(&jwk, &rng).expect("JWK import");
        assert_eq!(from_jwk.public_key(), key.public_key());
        let debug = format!("{key:?}");
        let d = jwk["d"].as_str().expect("d");
        assert!(!debug.contains(d), "Debug must not print the private key");
        assert!(debug.contains(&key.public_key().thumbprint()));
    }
    let err = PrivateKey::generate(KeyType::Rsa, &rng).expect_err("RSA generation unsupported");
    assert_eq!(err.code(), ErrorCode::CryptoKeyRejected);
}

#[test]
fn jwk_problems_are_rejected() {
    let rng = SystemRandom::new();
    let good =
        json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
    assert!(PublicKey::from_jwk(&good).is_ok());
    let cases = [
        json!({"kty": "oct", "k": "AAAA"}),
        json!({"kty": "OKP", "crv": "X25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}),
        json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMl"}),
        json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "use": "enc"}),
        json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}),
        json!({"kty": "RSA", "n": "AQAB", "e": "AQAB"}),
        json!({"kty": "EC", "crv": "P-521", "x": "AA", "y": "AA"}),
        json!(["not", "an", "object"]),
    ];
    for case in cases {
        let err = PublicKey::from_jwk(&case).expect_err("refused");
        assert_eq!(err.code(), ErrorCode::CryptoKeyRejected, "{case}");
    }
    // alg that does not fit the key.
    let mismatched = json!({"kty": "OKP", "crv": "Ed25519", "alg": "RS256", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
    assert_eq!(
        PublicKey::from_jwk(&mismatched)
            .expect_err("refused")
            .code(),
        ErrorCode::CryptoAlgorithmKeyMismatch
    );
    // Padding in a JWK coordinate is non-canonical base64url.
    let padded = json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="});
    assert_eq!(
        PublicKey::from_jwk(&padded).expect_err("refused").code(),
        ErrorCode::CryptoInvalidBase64
    );
    // A private JWK whose public half belongs to another key.
    let wrong_pair = json!({"kty": "OKP", "crv": "Ed25519",
        "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
        "x": "BlHGMFbOhKBur6QwEihT_FmTpZGhcyC06DvXYf7-8KM"});
    assert_eq!(
        PrivateKey::from_jwk(&wrong_pair, &rng)
            .expect_err("refused")
            .code(),
        ErrorCode::CryptoKeyRejected
    );
    // Duplicate members in JWK text are refused by the strict parser.
    let dup = br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","x":"BlHGMFbOhKBur6QwEihT_FmTpZGhcyC06DvXYf7-8KM"}"#;
    assert_eq!(
        PublicKey::from_jwk_bytes(dup).expect_err("refused").code(),
        ErrorCode::JsonDuplicateKey
    );
}

#[test]
fn pem_problems_are_rejected() {
    let rng = SystemRandom::new();
    let cert_pem = text("pki-root.pem");
    let err =
        PrivateKey::from_pem(&cert_pem, &rng).expect_err("a certificate is not a private key");
    assert_eq!(err.code(), ErrorCode::CryptoPem);
    let err = PublicKey::from_pem("no pem here").expect_err("empty");
    assert_eq!(err.code(), ErrorCode::CryptoPem);
    let broken = cert_pem.replacen("MII", "MI=", 1);
    assert_eq!(
        PublicKey::from_pem(&broken).expect_err("bad base64").code(),
        ErrorCode::CryptoInvalidBase64
    );
}
