//! Strict base64url (JOSE) and base64 (x5c, PEM) codecs.
//!
//! Decoding accepts only the canonical form: no padding in base64url, exact padding in
//! base64, and no set bits after the last full byte, so one byte string has one encoding.

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use super::CryptoError;

const URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

const STANDARD: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
);

/// Encodes bytes as unpadded base64url (RFC 7515 §2).
///
/// ```
/// assert_eq!(ebl::crypto::b64::encode_url(&[0xfb, 0xff]), "-_8");
/// assert_eq!(ebl::crypto::b64::encode_url(b"{}"), "e30");
/// ```
#[must_use]
pub fn encode_url(bytes: &[u8]) -> String {
    URL.encode(bytes)
}

/// Decodes canonical unpadded base64url; `what` names the field in the error.
///
/// ```
/// use ebl::crypto::b64::decode_url;
///
/// assert_eq!(decode_url("-_8", "signature")?, [0xfb, 0xff]);
/// assert!(decode_url("-_8=", "signature").is_err()); // padding
/// assert!(decode_url("-_9", "signature").is_err()); // stray bits: a second spelling of the same bytes
/// assert!(decode_url("+/8", "signature").unwrap_err().to_string().contains("signature"));
/// # Ok::<(), ebl::crypto::CryptoError>(())
/// ```
pub fn decode_url(text: &str, what: &str) -> Result<Vec<u8>, CryptoError> {
    URL.decode(text).map_err(|e| CryptoError::InvalidBase64 {
        what: what.to_owned(),
        alphabet: "base64url",
        reason: e.to_string(),
    })
}

/// Encodes bytes as padded standard base64 (as used by `x5c`).
///
/// ```
/// assert_eq!(ebl::crypto::b64::encode_standard(&[0xfb, 0xff]), "+/8=");
/// ```
#[must_use]
pub fn encode_standard(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Decodes canonical padded standard base64; `what` names the field in the error.
///
/// ```
/// use ebl::crypto::b64::decode_standard;
///
/// assert_eq!(decode_standard("+/8=", "x5c[0]")?, [0xfb, 0xff]);
/// assert!(decode_standard("+/8", "x5c[0]").is_err()); // padding is required
/// assert!(decode_standard("-_8=", "x5c[0]").is_err()); // base64url alphabet
/// # Ok::<(), ebl::crypto::CryptoError>(())
/// ```
pub fn decode_standard(text: &str, what: &str) -> Result<Vec<u8>, CryptoError> {
    STANDARD
        .decode(text)
        .map_err(|e| CryptoError::InvalidBase64 {
            what: what.to_owned(),
            alphabet: "base64",
            reason: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_rejects_padding_and_trailing_bits() {
        assert_eq!(decode_url("QQ", "t").ok(), Some(b"A".to_vec()));
        assert!(decode_url("QQ==", "t").is_err());
        // 'R' sets bits after the only byte: same byte, non-canonical text.
        assert!(decode_url("QR", "t").is_err());
        assert!(decode_url("Q+", "t").is_err());
        assert_eq!(decode_url("", "t").ok(), Some(Vec::new()));
    }

    #[test]
    fn standard_requires_padding() {
        assert_eq!(decode_standard("QQ==", "t").ok(), Some(b"A".to_vec()));
        assert!(decode_standard("QQ", "t").is_err());
        assert!(decode_standard("QR==", "t").is_err());
        assert_eq!(encode_standard(b"A"), "QQ==");
    }
}
