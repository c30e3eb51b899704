//! PEM (RFC 7468) reading and writing.

use super::CryptoError;
use super::b64;

/// One PEM block: its label and decoded DER bytes.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub(crate) label: String,
    pub(crate) der: Vec<u8>,
}

fn pem_error(reason: impl Into<String>) -> CryptoError {
    CryptoError::Pem {
        reason: reason.into(),
    }
}

/// Every PEM block in `text`, in order. Text between blocks is ignored (RFC 7468 §2);
/// a block that is opened and not closed, or whose body is not canonical base64, is an
/// error.
pub(crate) fn parse_all(text: &str) -> Result<Vec<Block>, CryptoError> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|rest| rest.strip_suffix("-----"))
        else {
            continue;
        };
        let end = format!("-----END {label}-----");
        let mut body = String::new();
        let mut closed = false;
        for line in lines.by_ref() {
            if line == end {
                closed = true;
                break;
            }
            if line.starts_with("-----") {
                return Err(pem_error(format!("unexpected {line:?} inside {label}")));
            }
            body.push_str(line);
        }
        if !closed {
            return Err(pem_error(format!("{label} block has no END line")));
        }
        let der = b64::decode_standard(&body, &format!("PEM {label} body"))?;
        blocks.push(Block {
            label: label.to_owned(),
            der,
        });
    }
    Ok(blocks)
}

/// The single PEM block in `text`.
pub(crate) fn parse_single(text: &str) -> Result<Block, CryptoError> {
    let mut blocks = parse_all(text)?.into_iter();
    match (blocks.next(), blocks.next()) {
        (Some(block), None) => Ok(block),
        (None, _) => Err(pem_error("no PEM block found")),
        (Some(_), Some(_)) => Err(pem_error("expected one PEM block, found several")),
    }
}

/// Encodes DER bytes as a PEM block with 64-character lines.
pub(crate) fn encode(label: &str, der: &[u8]) -> String {
    let body = b64::encode_standard(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in body.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let der: Vec<u8> = (0u8..=200).collect();
        let text = encode("TEST", &der);
        let block = parse_single(&format!("comment\n{text}")).expect("valid PEM");
        assert_eq!(block.label, "TEST");
        assert_eq!(block.der, der);
        assert!(parse_single("").is_err());
        assert!(parse_single(&format!("{text}{text}")).is_err());
        assert!(parse_single("-----BEGIN X-----\nAAAA\n").is_err());
        assert!(parse_single("-----BEGIN X-----\nAAA\n-----END X-----\n").is_err());
    }
}
