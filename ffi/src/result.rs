//! `ebl_result`: the return value of every fallible C function, `EBL_RESULT_OK` or one of the
//! core's stable [`ErrorCode`] numbers under a C name (`JsonSyntax` becomes
//! `EBL_RESULT_JSON_SYNTAX`), so a C caller, a Python caller and a Rust caller see the same
//! number for the same failure. The variants are written out (cbindgen reads the source, not
//! the expanded macro that defines `ErrorCode`); `tests/codes.rs` checks that every core code is
//! here with its number and name, so the two lists cannot drift.

use ebl_core::ErrorCode;

/// The outcome of a C API call: `EBL_RESULT_OK` (0), or why the call failed. The numbers are
/// the core's stable error codes (1xx JSON, 2xx keys and signatures, 3xx document model,
/// 4xx PINT, 5xx title, 6xx OpenAttestation, 7xx trust, 8xx recognition, 9xx general); a
/// number, once published, never changes meaning. After a failure,
/// `ebl_last_error_message` gives the detail (with the JSON path when there is one).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum ebl_result {
    /// Success: the out-parameters were written.
    Ok = 0,
    // 1xx strict JSON
    /// Not well-formed JSON.
    JsonSyntax = 100,
    /// An object has the same key twice.
    JsonDuplicateKey = 101,
    /// Nesting deeper than the configured limit.
    JsonTooDeep = 102,
    /// Input larger than the configured limit.
    JsonTooLarge = 103,
    /// The bytes are not valid UTF-8.
    JsonInvalidUtf8 = 104,
    /// A `\u` escape encodes half of a surrogate pair.
    JsonLoneSurrogate = 105,
    /// A number that cannot round-trip as an IEEE-754 double (I-JSON, RFC 7493).
    JsonNumberOutOfRange = 106,
    /// A value of the wrong JSON type, or a required member missing, at a JSON path.
    JsonShape = 107,

    // 2xx keys, algorithms, JWS, X.509
    /// Base64 or base64url text not in its one canonical form.
    CryptoInvalidBase64 = 200,
    /// A key that is malformed, unsupported or too weak.
    CryptoKeyRejected = 201,
    /// A malformed PEM document or an unexpected PEM label.
    CryptoPem = 202,
    /// An algorithm name that is not implemented.
    CryptoUnsupportedAlgorithm = 203,
    /// `alg: none` (unsecured JWS).
    CryptoAlgNone = 204,
    /// An HMAC (symmetric) JWS algorithm.
    CryptoHmacAlgorithm = 205,
    /// An algorithm outside the caller's allow-list.
    CryptoAlgorithmNotAllowed = 206,
    /// An algorithm that does not fit the key type.
    CryptoAlgorithmKeyMismatch = 207,
    /// A JWS `crit` header naming an unsupported extension, or a malformed `crit`.
    CryptoUnknownCritical = 208,
    /// Not a JWS in compact serialization, or a malformed protected header.
    CryptoJwsMalformed = 209,
    /// The signature does not verify.
    CryptoSignatureInvalid = 210,
    /// No trusted key matches the signature.
    CryptoUnknownKey = 211,
    /// A certificate that cannot be parsed or is unsupported.
    CryptoCertificateMalformed = 212,
    /// A certificate expired at the time of evaluation.
    CryptoCertificateExpired = 213,
    /// A certificate not yet valid at the time of evaluation.
    CryptoCertificateNotYetValid = 214,
    /// A certificate chain that reaches no trust anchor.
    CryptoCertificateUntrusted = 215,
    /// A broken certificate chain (signature, CA flag, path length, key usage).
    CryptoCertificateChainInvalid = 216,
    /// The certificate's key is not the signing key.
    CryptoCertificateKeyMismatch = 217,
    /// Signing could not be carried out.
    CryptoSigningFailed = 218,

    // 3xx DCSA transport-document model
    /// A transport document has validation errors.
    ModelInvalid = 300,
    /// The value given as a transport document is not a JSON object.
    ModelNotAnObject = 301,

    // 4xx PINT
    /// A chain entry or envelope with no transactions was to be built.
    PintNoTransactions = 400,
    /// A PINT payload could not be serialised.
    PintSerialize = 401,
    /// A signed response answers a different transfer.
    PintResponseMismatch = 402,

    // 5xx title
    /// A title history in a JSON format version this library does not read.
    TitleUnsupportedVersion = 500,
    /// A title history could not be serialised.
    TitleSerialize = 501,
    /// A registry file exists but is not a readable database.
    RegistryCorrupt = 510,
    /// A registry database belongs to something else.
    RegistryForeign = 511,
    /// A registry was written by a newer version of ebl.
    RegistryNewerSchema = 512,
    /// A registry cannot be written.
    RegistryReadOnly = 513,
    /// A registry database server cannot be reached.
    RegistryUnreachable = 514,
    /// A registry read or write failed.
    RegistryStorage = 515,
    /// A registry location names a backend this build lacks.
    RegistryBackendMissing = 516,
    /// A document upload names a transfer the registry is not waiting for.
    RegistryUnknownTransfer = 517,

    // 6xx OpenAttestation / TradeTrust
    /// An OpenAttestation document lacks the v2 shape an operation needs.
    OaMalformed = 600,
    /// A member name OpenAttestation v2 cannot hash (contains `.`, or a top-level `__proto__`).
    OaUnhashableKey = 601,
    /// A salt is not a UUID v4.
    OaInvalidSalt = 602,
    /// The random number generator failed while salting.
    OaRandom = 603,
    /// A batch with no documents.
    OaEmptyBatch = 604,
    /// An obfuscation path is malformed or names nothing.
    OaObfuscationPath = 605,
    /// An obfuscation that would produce a document failing verification once saved.
    OaUnsafeObfuscation = 606,
    /// A salted value cannot be read back.
    OaUnsalt = 607,
    /// A key, address or signature for the DID proof is unusable.
    OaKey = 608,
    /// TradeTrust bill-of-lading data cannot be mapped.
    OaMapping = 609,

    // 7xx trust stores and trust lists
    /// A trust-store file is not of the documented shape.
    TrustStoreInvalid = 700,
    /// Two parties share an id, or a key id is bound to two parties.
    TrustDuplicate = 701,
    /// A validity window ends before it starts.
    TrustInvalidWindow = 702,
    /// A revocation names a key the party does not have.
    TrustUnknownKey = 703,
    /// A signed trust list is not a well-formed JWS with a trust-list payload.
    TrustListMalformed = 710,
    /// A signed trust list's signature does not verify.
    TrustListBadSignature = 711,
    /// A signed trust list names an unexpected issuer.
    TrustListWrongIssuer = 712,
    /// A signed trust list is not newer than the one already imported.
    TrustListReplayed = 713,
    /// A signed trust list is expired or not yet valid.
    TrustListOutsideValidity = 714,

    // 8xx recognition rules
    /// A rule file is not of the documented shape.
    RulesInvalid = 800,
    /// A rule file names an unknown criterion id.
    RulesUnknownCriterion = 801,
    /// A rule cell has no citation.
    RulesMissingCitation = 802,
    /// Two rule cells for one criterion overlap in time.
    RulesOverlappingDates = 803,
    /// A criterion is not covered for some period of a regime.
    RulesIncomplete = 804,
    /// A rule cell's parameters do not fit its criterion.
    RulesInvalidParams = 805,
    /// A jurisdiction, agreement or side is not known.
    RulesUnknownReference = 806,
    /// The facts given to the recognition engine are inconsistent.
    RecognitionInvalidInput = 810,

    // 9xx general
    /// A caller-supplied argument is unusable.
    InvalidArgument = 900,
    /// A file could not be read or written.
    Io = 901,
    /// JSON in a format this build cannot verify.
    UnsupportedFormat = 902,
    /// A required argument was a null pointer (or Python `None`) at a binding boundary.
    NullArgument = 903,
    /// A panic was caught at a binding boundary and turned into an error.
    PanicCaught = 904,
    /// An internal invariant failed; please report it.
    Internal = 999,
}

/// Every `ebl_result` but `Ok`, in numeric order, with its static description (the core
/// code's documentation line).
const FAILURES: &[(ebl_result, &str)] = &[
    (ebl_result::JsonSyntax, "Not well-formed JSON."),
    (
        ebl_result::JsonDuplicateKey,
        "An object has the same key twice.",
    ),
    (
        ebl_result::JsonTooDeep,
        "Nesting deeper than the configured limit.",
    ),
    (
        ebl_result::JsonTooLarge,
        "Input larger than the configured limit.",
    ),
    (
        ebl_result::JsonInvalidUtf8,
        "The bytes are not valid UTF-8.",
    ),
    (
        ebl_result::JsonLoneSurrogate,
        "A `\\u` escape encodes half of a surrogate pair.",
    ),
    (
        ebl_result::JsonNumberOutOfRange,
        "A number that cannot round-trip as an IEEE-754 double (I-JSON, RFC 7493).",
    ),
    (
        ebl_result::JsonShape,
        "A value of the wrong JSON type, or a required member missing, at a JSON path.",
    ),
    (
        ebl_result::CryptoInvalidBase64,
        "Base64 or base64url text not in its one canonical form.",
    ),
    (
        ebl_result::CryptoKeyRejected,
        "A key that is malformed, unsupported or too weak.",
    ),
    (
        ebl_result::CryptoPem,
        "A malformed PEM document or an unexpected PEM label.",
    ),
    (
        ebl_result::CryptoUnsupportedAlgorithm,
        "An algorithm name that is not implemented.",
    ),
    (ebl_result::CryptoAlgNone, "`alg: none` (unsecured JWS)."),
    (
        ebl_result::CryptoHmacAlgorithm,
        "An HMAC (symmetric) JWS algorithm.",
    ),
    (
        ebl_result::CryptoAlgorithmNotAllowed,
        "An algorithm outside the caller's allow-list.",
    ),
    (
        ebl_result::CryptoAlgorithmKeyMismatch,
        "An algorithm that does not fit the key type.",
    ),
    (
        ebl_result::CryptoUnknownCritical,
        "A JWS `crit` header naming an unsupported extension, or a malformed `crit`.",
    ),
    (
        ebl_result::CryptoJwsMalformed,
        "Not a JWS in compact serialization, or a malformed protected header.",
    ),
    (
        ebl_result::CryptoSignatureInvalid,
        "The signature does not verify.",
    ),
    (
        ebl_result::CryptoUnknownKey,
        "No trusted key matches the signature.",
    ),
    (
        ebl_result::CryptoCertificateMalformed,
        "A certificate that cannot be parsed or is unsupported.",
    ),
    (
        ebl_result::CryptoCertificateExpired,
        "A certificate expired at the time of evaluation.",
    ),
    (
        ebl_result::CryptoCertificateNotYetValid,
        "A certificate not yet valid at the time of evaluation.",
    ),
    (
        ebl_result::CryptoCertificateUntrusted,
        "A certificate chain that reaches no trust anchor.",
    ),
    (
        ebl_result::CryptoCertificateChainInvalid,
        "A broken certificate chain (signature, CA flag, path length, key usage).",
    ),
    (
        ebl_result::CryptoCertificateKeyMismatch,
        "The certificate's key is not the signing key.",
    ),
    (
        ebl_result::CryptoSigningFailed,
        "Signing could not be carried out.",
    ),
    (
        ebl_result::ModelInvalid,
        "A transport document has validation errors.",
    ),
    (
        ebl_result::ModelNotAnObject,
        "The value given as a transport document is not a JSON object.",
    ),
    (
        ebl_result::PintNoTransactions,
        "A chain entry or envelope with no transactions was to be built.",
    ),
    (
        ebl_result::PintSerialize,
        "A PINT payload could not be serialised.",
    ),
    (
        ebl_result::PintResponseMismatch,
        "A signed response answers a different transfer.",
    ),
    (
        ebl_result::TitleUnsupportedVersion,
        "A title history in a JSON format version this library does not read.",
    ),
    (
        ebl_result::TitleSerialize,
        "A title history could not be serialised.",
    ),
    (
        ebl_result::RegistryCorrupt,
        "A registry file exists but is not a readable database.",
    ),
    (
        ebl_result::RegistryForeign,
        "A registry database belongs to something else.",
    ),
    (
        ebl_result::RegistryNewerSchema,
        "A registry was written by a newer version of ebl.",
    ),
    (
        ebl_result::RegistryReadOnly,
        "A registry cannot be written.",
    ),
    (
        ebl_result::RegistryUnreachable,
        "A registry database server cannot be reached.",
    ),
    (
        ebl_result::RegistryStorage,
        "A registry read or write failed.",
    ),
    (
        ebl_result::RegistryBackendMissing,
        "A registry location names a backend this build lacks.",
    ),
    (
        ebl_result::RegistryUnknownTransfer,
        "A document upload names a transfer the registry is not waiting for.",
    ),
    (
        ebl_result::OaMalformed,
        "An OpenAttestation document lacks the v2 shape an operation needs.",
    ),
    (
        ebl_result::OaUnhashableKey,
        "A member name OpenAttestation v2 cannot hash (contains `.`, or a top-level `__proto__`).",
    ),
    (ebl_result::OaInvalidSalt, "A salt is not a UUID v4."),
    (
        ebl_result::OaRandom,
        "The random number generator failed while salting.",
    ),
    (ebl_result::OaEmptyBatch, "A batch with no documents."),
    (
        ebl_result::OaObfuscationPath,
        "An obfuscation path is malformed or names nothing.",
    ),
    (
        ebl_result::OaUnsafeObfuscation,
        "An obfuscation that would produce a document failing verification once saved.",
    ),
    (ebl_result::OaUnsalt, "A salted value cannot be read back."),
    (
        ebl_result::OaKey,
        "A key, address or signature for the DID proof is unusable.",
    ),
    (
        ebl_result::OaMapping,
        "TradeTrust bill-of-lading data cannot be mapped.",
    ),
    (
        ebl_result::TrustStoreInvalid,
        "A trust-store file is not of the documented shape.",
    ),
    (
        ebl_result::TrustDuplicate,
        "Two parties share an id, or a key id is bound to two parties.",
    ),
    (
        ebl_result::TrustInvalidWindow,
        "A validity window ends before it starts.",
    ),
    (
        ebl_result::TrustUnknownKey,
        "A revocation names a key the party does not have.",
    ),
    (
        ebl_result::TrustListMalformed,
        "A signed trust list is not a well-formed JWS with a trust-list payload.",
    ),
    (
        ebl_result::TrustListBadSignature,
        "A signed trust list's signature does not verify.",
    ),
    (
        ebl_result::TrustListWrongIssuer,
        "A signed trust list names an unexpected issuer.",
    ),
    (
        ebl_result::TrustListReplayed,
        "A signed trust list is not newer than the one already imported.",
    ),
    (
        ebl_result::TrustListOutsideValidity,
        "A signed trust list is expired or not yet valid.",
    ),
    (
        ebl_result::RulesInvalid,
        "A rule file is not of the documented shape.",
    ),
    (
        ebl_result::RulesUnknownCriterion,
        "A rule file names an unknown criterion id.",
    ),
    (
        ebl_result::RulesMissingCitation,
        "A rule cell has no citation.",
    ),
    (
        ebl_result::RulesOverlappingDates,
        "Two rule cells for one criterion overlap in time.",
    ),
    (
        ebl_result::RulesIncomplete,
        "A criterion is not covered for some period of a regime.",
    ),
    (
        ebl_result::RulesInvalidParams,
        "A rule cell's parameters do not fit its criterion.",
    ),
    (
        ebl_result::RulesUnknownReference,
        "A jurisdiction, agreement or side is not known.",
    ),
    (
        ebl_result::RecognitionInvalidInput,
        "The facts given to the recognition engine are inconsistent.",
    ),
    (
        ebl_result::InvalidArgument,
        "A caller-supplied argument is unusable.",
    ),
    (ebl_result::Io, "A file could not be read or written."),
    (
        ebl_result::UnsupportedFormat,
        "JSON in a format this build cannot verify.",
    ),
    (
        ebl_result::NullArgument,
        "A required argument was a null pointer (or Python `None`) at a binding boundary.",
    ),
    (
        ebl_result::PanicCaught,
        "A panic was caught at a binding boundary and turned into an error.",
    ),
    (
        ebl_result::Internal,
        "An internal invariant failed; please report it.",
    ),
];

impl ebl_result {
    /// The C result for a core error code (`EBL_RESULT_INTERNAL` for a code this build of the
    /// C API does not list, which `tests/codes.rs` makes impossible).
    #[must_use]
    pub fn from_code(code: ErrorCode) -> ebl_result {
        FAILURES
            .iter()
            .find(|(r, _)| *r as u32 == code.as_u32())
            .map_or(ebl_result::Internal, |(r, _)| *r)
    }

    /// Every failure value, in numeric order (for the tests that compare them with the core).
    pub fn failures() -> impl Iterator<Item = ebl_result> {
        FAILURES.iter().map(|(r, _)| *r)
    }

    /// The static text for a result number: its core name and meaning, `ok` for 0, and
    /// `unknown ebl_result N` for a number that is not a result.
    #[must_use]
    pub fn describe_number(number: u32) -> String {
        if number == 0 {
            return "Ok: success".to_owned();
        }
        match FAILURES.iter().find(|(r, _)| *r as u32 == number) {
            Some((result, text)) => format!("{result:?}: {text}"),
            None => format!("unknown ebl_result {number}"),
        }
    }
}
