//! Properties: what is signed verifies, and any single bit flip in the compact string fails.

mod support;

use ebl::crypto::{AlgorithmSet, PrivateKey, jws};
use proptest::prelude::*;
use ring::rand::SystemRandom;

proptest! {
    #![proptest_config(support::proptest_config(64))]

    #[test]
    fn sign_then_verify(payload in proptest::collection::vec(any::<u8>(), 0..512), which in 0usize..4, kid in proptest::option::of("[a-zA-Z0-9_-]{1,20}")) {
        let rng = SystemRandom::new();
        let key = &support::key_of_each_type()[which];
        let header = jws::JwsHeader { kid, ..Default::default() };
        let compact = jws::sign_compact(&payload, key, &header, &rng).expect("sign");
        let verified = jws::verify_compact(&compact, key.public_key(), &AlgorithmSet::default()).expect("verify");
        prop_assert_eq!(verified.payload(), &payload[..]);
    }

    #[test]
    fn any_single_bit_flip_fails(payload in proptest::collection::vec(any::<u8>(), 0..64), which in 0usize..4, position in any::<prop::sample::Index>(), bit in 0u8..8) {
        let rng = SystemRandom::new();
        let key = &support::key_of_each_type()[which];
        let compact = jws::sign_compact(&payload, key, &jws::JwsHeader::default(), &rng).expect("sign");
        let mut bytes = compact.into_bytes();
        let i = position.index(bytes.len());
        bytes[i] ^= 1 << bit;
        // A flip that leaves ASCII cannot even be presented as a string: that is a failure too.
        match String::from_utf8(bytes) {
            Ok(text) => prop_assert!(jws::verify_compact(&text, key.public_key(), &AlgorithmSet::default()).is_err()),
            Err(e) => prop_assert!(e.as_bytes()[i] >= 0x80, "only the flipped byte can leave ASCII"),
        }
    }
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    /// Arbitrary bytes never panic any parser; they are refused with an error.
    #[test]
    fn parsers_refuse_garbage_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let rng = SystemRandom::new();
        prop_assert!(ebl::crypto::PublicKey::from_spki_der(&bytes).is_err());
        prop_assert!(PrivateKey::from_pkcs8_der(&bytes, &rng).is_err());
        prop_assert!(ebl::crypto::x509::Certificate::from_der(&bytes).is_err());
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(ebl::crypto::PublicKey::from_jwk_bytes(&bytes).is_err());
        prop_assert!(ebl::crypto::PublicKey::from_pem(&text).is_err());
        prop_assert!(jws::decode_compact(&text).is_err());
    }

    /// Mutating one byte of a valid SPKI is either refused or yields a well-formed key.
    #[test]
    fn spki_mutations_do_not_panic(which in 0usize..4, position in any::<prop::sample::Index>(), value in any::<u8>()) {
        let mut spki = support::key_of_each_type()[which].public_key().to_spki_der();
        let i = position.index(spki.len());
        let unchanged = spki[i] == value;
        spki[i] = value;
        match ebl::crypto::PublicKey::from_spki_der(&spki) {
            Ok(key) => prop_assert_eq!(ebl::crypto::PublicKey::from_spki_der(&key.to_spki_der()).ok(), Some(key)),
            Err(e) => prop_assert!(!unchanged, "the unchanged SPKI was refused: {}", e),
        }
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<PrivateKey>();
    check::<ebl::crypto::PublicKey>();
    check::<ebl::crypto::KeySet>();
    check::<ebl::crypto::x509::CertificateAnchors>();
    check::<ebl::crypto::x509::Certificate>();
    check::<jws::JwsVerifier>();
    check::<jws::VerifiedJws>();
    check::<jws::UnverifiedJws>();
    check::<ebl::Error>();
}
