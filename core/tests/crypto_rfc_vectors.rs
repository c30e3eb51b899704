//! Known-answer tests from RFC 7515 Appendix A.3, RFC 8037 Appendix A and RFC 7638 §3.1.

use ebl::ErrorCode;
use ebl::crypto::{Algorithm, AlgorithmSet, KeyType, PrivateKey, PublicKey, jws};
use ring::rand::SystemRandom;
use serde_json::json;

/// RFC 8037 Appendix A.1: the Ed25519 private key.
fn rfc8037_private_jwk() -> serde_json::Value {
    json!({
        "kty": "OKP", "crv": "Ed25519",
        "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
        "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    })
}

/// RFC 8037 Appendix A.4: the JWS over "Example of Ed25519 signing" with header {"alg":"EdDSA"}.
const RFC8037_A4_JWS: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

#[test]
fn rfc8037_a2_public_key_and_a3_thumbprint() {
    let rng = SystemRandom::new();
    let key = PrivateKey::from_jwk(&rfc8037_private_jwk(), &rng).expect("RFC 8037 A.1 key");
    assert_eq!(
        key.public_key().to_jwk(),
        json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})
    );
    assert_eq!(
        key.public_key().thumbprint(),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
}

#[test]
fn rfc8037_a4_sign_is_byte_exact() {
    let rng = SystemRandom::new();
    let key = PrivateKey::from_jwk(&rfc8037_private_jwk(), &rng).expect("RFC 8037 A.1 key");
    let compact = jws::sign_compact(
        b"Example of Ed25519 signing",
        &key,
        &jws::JwsHeader::default(),
        &rng,
    )
    .expect("sign");
    assert_eq!(compact, RFC8037_A4_JWS);
}

#[test]
fn rfc8037_a5_verify() {
    let key = PublicKey::from_jwk(&json!({
        "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    }))
    .expect("public key");
    let verified =
        jws::verify_compact(RFC8037_A4_JWS, &key, &AlgorithmSet::default()).expect("verifies");
    assert_eq!(verified.payload(), b"Example of Ed25519 signing");
    assert_eq!(verified.header().alg(), Algorithm::EdDSA);
    assert_eq!(verified.key(), &key);
}

#[test]
fn rfc7515_a3_es256_verify() {
    let key = PublicKey::from_jwk(&json!({
        "kty": "EC", "crv": "P-256",
        "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
        "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
    }))
    .expect("RFC 7515 A.3 key");
    assert_eq!(key.key_type(), KeyType::P256);
    let compact = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
    let verified = jws::verify_compact(compact, &key, &AlgorithmSet::default()).expect("verifies");
    // The payload keeps the RFC's CRLF line breaks: the signing input is the received text.
    assert_eq!(
        verified.payload(),
        b"{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"
    );
    // The same JWS with a tampered payload does not verify.
    let tampered = compact.replacen("eyJpc3Mi", "eyJpc3Ni", 1);
    let err = jws::verify_compact(&tampered, &key, &AlgorithmSet::default())
        .expect_err("must be refused");
    assert_eq!(err.code(), ErrorCode::CryptoSignatureInvalid);
}

#[test]
fn rfc7638_3_1_rsa_thumbprint() {
    let key = PublicKey::from_jwk(&json!({
        "kty": "RSA",
        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
        "e": "AQAB",
        "alg": "RS256",
        "kid": "2011-04-29"
    }))
    .expect("RFC 7638 key");
    assert_eq!(
        key.thumbprint(),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
    assert_eq!(key.bits(), 2048);
}
