//! Receiving an envelope as a platform: verify it as the recipient, then sign the
//! `EnvelopeTransferFinishedResponse` to send back.

use ring::rand::SecureRandom;
use serde_json::{Map, Value};

use super::builder::Signer;
use super::response::sign_response;
use super::trust::PintTrust;
use super::verify::{EnvelopeReport, EnvelopeVerifyOptions, verify_envelope};

impl EnvelopeVerifyOptions {
    /// Options for receiving at `at` as platform `platform` (the last transaction must be
    /// addressed to it), holding the additional documents whose bytes are `held_documents`
    /// (a declared document not among them makes the verdict `MDOC`).
    ///
    /// ```
    /// use ebl::pint::EnvelopeVerifyOptions;
    /// let options = EnvelopeVerifyOptions::receiving("SZP1", "2026-06-16T07:00:00Z".parse()?, [b"%PDF-1.7".as_slice()]);
    /// assert_eq!(options.receiving_platform.as_deref(), Some("SZP1"));
    /// assert_eq!(options.held_documents.map(|h| h.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn receiving<'a>(
        platform: &str,
        at: chrono::DateTime<chrono::Utc>,
        held_documents: impl IntoIterator<Item = &'a [u8]>,
    ) -> EnvelopeVerifyOptions {
        let mut options = EnvelopeVerifyOptions::at(at);
        options.receiving_platform = Some(platform.to_owned());
        options.held_documents = Some(
            held_documents
                .into_iter()
                .map(crate::checksum::sha256_hex)
                .collect(),
        );
        options
    }
}

/// What a receiving platform has after [`receive_envelope`]: the verification report and
/// the signed response to send back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedEnvelope {
    /// The verification as the receiving platform.
    pub report: EnvelopeReport,
    /// The signed `EnvelopeTransferFinishedResponse` (compact JWS).
    pub response: String,
}

impl ReceivedEnvelope {
    /// Whether the envelope was accepted (`RECE`).
    #[must_use]
    pub fn is_accepted(&self) -> bool {
        self.report.is_accepted()
    }

    /// The verdict as JSON: `valid`, `responseCode`, `findings`,
    /// `missingAdditionalDocumentChecksums` and the signed `response`.
    ///
    /// See [`receive_envelope`] for an example.
    #[must_use]
    pub fn to_json_value(&self) -> Value {
        let mut object = Map::new();
        object.insert("valid".into(), Value::Bool(self.is_accepted()));
        object.insert(
            "responseCode".into(),
            Value::String(self.report.response_code.as_str().to_owned()),
        );
        object.insert(
            "findings".into(),
            serde_json::to_value(&self.report.findings).unwrap_or(Value::Null),
        );
        object.insert(
            "missingAdditionalDocumentChecksums".into(),
            serde_json::to_value(&self.report.missing_documents).unwrap_or(Value::Null),
        );
        object.insert("response".into(), Value::String(self.response.clone()));
        Value::Object(object)
    }
}

/// Receives an envelope: verifies `bytes` as the platform `options` names (see
/// [`EnvelopeVerifyOptions::receiving`]), then signs the response the verdict calls for (`RECE`,
/// or `BSIG`/`BENV`/`MDOC` with the reason) with `signer`, the receiving platform's key.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) when `options` names no
/// receiving platform; JSON errors when `bytes` is not an envelope; signing errors.
///
/// ```
/// use ebl::crypto::{KeyType, PrivateKey};
/// use ebl::pint::{receive_envelope, EnvelopeBuilder, Issuance, PintTrust, Signer, Transaction,
///     TransactionParty, EnvelopeVerifyOptions};
///
/// let rng = ring::rand::SystemRandom::new();
/// let sgp1 = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
/// let szp1 = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
/// let (carrier, shipper) = (TransactionParty::parse("SGP1:SMDG:LCOL")?, TransactionParty::parse("SGP1:SGP1:straits")?);
/// let buyer = TransactionParty::parse("SZP1:SZP1:qianhai")?;
/// let at = "2026-06-16T06:45:00Z".parse()?;
/// let td = serde_json::json!({"transportDocumentReference": "LCOL1", "isToOrder": false});
/// let issued = EnvelopeBuilder::issue(td, Issuance::new(carrier, shipper.clone(), at), &sgp1, &sgp1, &rng)?
///     .seal(&sgp1, Vec::new(), &rng)?;
/// let sent = issued.extend_chain("SGP1", vec![Transaction::transfer(shipper, buyer, at)], &sgp1, &rng)?;
///
/// let mut trust = PintTrust::default();
/// trust.trust_platform_key("SGP1", sgp1.key.public_key().clone())?;
/// let options = EnvelopeVerifyOptions::receiving("SZP1", at, []);
/// let received = receive_envelope(sent.to_json_pretty().as_bytes(), &trust, &options, &szp1, &rng)?;
/// assert!(received.is_accepted(), "{:#?}", received.report.findings);
/// assert_eq!(received.to_json_value()["responseCode"], "RECE");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn receive_envelope(
    bytes: &[u8],
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
    signer: &Signer,
    rng: &dyn SecureRandom,
) -> crate::Result<ReceivedEnvelope> {
    if options.receiving_platform.is_none() {
        return Err(crate::Error::InvalidArgument(
            "the receiving platform must be given: the last transaction must be addressed to it"
                .to_owned(),
        ));
    }
    let report = verify_envelope(bytes, trust, options)?;
    let response = sign_response(&report.finished_response(), signer, rng)?;
    Ok(ReceivedEnvelope { report, response })
}
