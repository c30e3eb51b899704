// Shared set-up of the `ebl::crypto::jws` doc tests, pulled into each example by a hidden line
// `# mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;`.
// It is not a module of the crate. The fixtures are described once, in the module docs.

/// RFC 8037 Appendix A.4: `EdDSA` over the text "Example of Ed25519 signing".
#[allow(dead_code)]
pub const RFC8037_JWS: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

/// The RFC 8037 Appendix A public key, which verifies [`RFC8037_JWS`].
#[allow(dead_code)]
pub fn rfc8037_key() -> Result<ebl::crypto::PublicKey, ebl::Error> {
    Ok(ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
        "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?)
}

/// The PINT demo folder in the repository.
#[allow(dead_code)]
pub const PINT_DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");

/// The PINT demo envelope manifest: `EdDSA`, `kid` `YLFVnyMkSsFTvj-H`, an `x5c` chain of three.
#[allow(dead_code)]
pub fn pint_manifest() -> Result<String, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(format!("{PINT_DEMO}/HHL71800000-ebl-envelope-ed25519.json"))?;
    let envelope = ebl::json::parse(&bytes)?;
    let manifest = envelope["envelopeManifestSignedContent"].as_str();
    Ok(manifest.ok_or("no envelopeManifestSignedContent")?.to_owned())
}

/// The platform's published key set and the demo root CA, which verify [`pint_manifest`].
#[allow(dead_code)]
pub fn pint_verifier() -> Result<ebl::crypto::jws::JwsVerifier, Box<dyn std::error::Error>> {
    let jwk = format!("{PINT_DEMO}/keys-public/ed25519-eblplatform.example.com.public.jwk");
    let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(jwk)?)?;
    let root = std::fs::read_to_string(format!("{PINT_DEMO}/certs/root-ca.crt"))?;
    let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&root)?;
    let algorithms = ebl::crypto::AlgorithmSet::default();
    Ok(ebl::crypto::jws::JwsVerifier::new(algorithms, keys, anchors))
}

/// 2026-06-01, when the demo certificates are valid.
#[allow(dead_code)]
pub fn pint_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_780_272_000, 0).unwrap_or_default()
}
