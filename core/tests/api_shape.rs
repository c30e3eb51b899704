//! The shape the C and Python bindings rely on: every handle and report of the public API is
//! owned (`'static`) and can be shared across threads (`Send + Sync`), so a binding can hold it
//! behind an opaque pointer or a frozen Python object and release the GIL while it works. A
//! type that stops being so fails to compile here rather than in a binding.

fn shareable<T: Send + Sync + 'static>() {}

#[test]
fn handles_and_reports_are_owned_and_thread_safe() {
    // Errors.
    shareable::<ebl::Error>();
    shareable::<ebl::ErrorCode>();
    shareable::<ebl::json::JsonError>();
    shareable::<ebl::crypto::CryptoError>();
    shareable::<ebl::trust::TrustError>();
    shareable::<ebl::recognition::RecognitionError>();
    // Findings, shared by every report.
    shareable::<ebl::report::Finding>();
    // Keys and signatures.
    shareable::<ebl::crypto::PrivateKey>();
    shareable::<ebl::crypto::PublicKey>();
    shareable::<ebl::crypto::KeySet>();
    shareable::<ebl::crypto::jws::JwsVerifier>();
    shareable::<ebl::crypto::x509::Certificate>();
    shareable::<ebl::crypto::x509::CertificateAnchors>();
    shareable::<std::sync::Arc<ebl::crypto::PrivateKey>>();
    // Documents and PINT.
    shareable::<ebl::model::TransportDocument>();
    shareable::<ebl::pint::PintTrust>();
    shareable::<ebl::pint::Signer>();
    shareable::<ebl::pint::EnvelopeBuilder>();
    shareable::<ebl::pint::EblEnvelope>();
    shareable::<ebl::pint::EnvelopeVerifyOptions>();
    shareable::<ebl::pint::EnvelopeReport>();
    shareable::<ebl::pint::EntryReport>();
    shareable::<ebl::pint::SignerInfo>();
    shareable::<ebl::pint::TransactionParty>();
    shareable::<ebl::pint::Transaction>();
    shareable::<ebl::pint::Issuance>();
    shareable::<ebl::pint::EnvelopeTransferFinishedResponse>();
    shareable::<ebl::pint::ResponseCode>();
    shareable::<ebl::pint::DocumentUploadReport>();
    shareable::<ebl::pint::IssuanceReport>();
    shareable::<ebl::pint::ReceivedEnvelope>();
    shareable::<ebl::pint::EndorseTo>();
    shareable::<ebl::pint::SurrenderPurpose>();
    shareable::<ebl::crypto::GeneratedKeyPair>();
    shareable::<ebl::trust::TrustDocument>();
    shareable::<ebl::trust::TrustListVerdict>();
    // Any format.
    shareable::<ebl::verify::VerifyContext>();
    shareable::<ebl::verify::Verification>();
    shareable::<ebl::inspect::Inspection>();
    // Title, trust, recognition.
    shareable::<ebl::title::History>();
    shareable::<ebl::title::Replay>();
    shareable::<ebl::title::PartyId>();
    shareable::<ebl::title::Event>();
    shareable::<ebl::trust::TrustStore>();
    shareable::<ebl::trust::TrustList>();
    shareable::<ebl::trust::ImportSummary>();
    shareable::<ebl::trust::PintTrustSummary>();
    shareable::<ebl::recognition::Catalogue>();
    shareable::<ebl::recognition::RuleSet>();
    shareable::<ebl::recognition::Agreement>();
    shareable::<ebl::recognition::Target>();
    shareable::<ebl::recognition::RecognitionInput>();
    shareable::<ebl::recognition::Report>();
    shareable::<ebl::recognition::RecognitionOutcome>();
    shareable::<ebl::recognition::LoadedRules>();
    shareable::<ebl::recognition::RecognitionRequestPart>();
    // OpenAttestation.
    #[cfg(feature = "openattestation")]
    {
        shareable::<ebl::openattestation::WrappedDocument>();
        shareable::<ebl::openattestation::FixedSalts>();
        shareable::<ebl::openattestation::IntegrityVerifier>();
        shareable::<ebl::openattestation::IntegrityCheck>();
        shareable::<ebl::openattestation::DidProofCheck>();
        shareable::<ebl::openattestation::DnsIdentityCheck>();
        shareable::<ebl::openattestation::OpenAttestationIdentity>();
        shareable::<ebl::openattestation::EthereumAddress>();
        shareable::<ebl::verify::OpenAttestationTrust>();
    }
}
