//! The stable numeric [`ErrorCode`]s, in a leaf module that depends on nothing else in `ebl`.
//!
//! Every area's error type maps itself to a code, and [`crate::Error`] wraps the areas' error
//! types; keeping the codes here, apart from both, lets each area import its codes without
//! importing the error type that wraps it (so the module graph has no cycle).
//!
//! ```
//! use ebl::ErrorCode;
//!
//! assert_eq!(ErrorCode::NullArgument.as_u32(), 903);
//! assert_eq!(ErrorCode::from_u32(904), Some(ErrorCode::PanicCaught));
//! ```

macro_rules! error_codes {
    ($( $(#[doc = $doc:literal])* $name:ident = $value:literal, )*) => {
        /// Stable numeric error codes, grouped by area in blocks of one hundred.
        ///
        /// | block | area |
        /// |---|---|
        /// | 1xx | strict JSON parsing |
        /// | 2xx | keys, algorithms, JWS, X.509 |
        /// | 3xx | the DCSA transport-document model |
        /// | 4xx | DCSA PINT envelopes |
        /// | 5xx | title history |
        /// | 6xx | OpenAttestation / TradeTrust |
        /// | 7xx | trust stores and trust lists |
        /// | 8xx | recognition rules |
        /// | 9xx | general |
        ///
        /// A code, once published, never changes meaning; retired codes are not reused.
        ///
        /// ```
        /// use ebl::ErrorCode;
        ///
        /// assert_eq!(ErrorCode::JsonDuplicateKey.as_u32(), 101);
        /// assert_eq!(ErrorCode::from_u32(101), Some(ErrorCode::JsonDuplicateKey));
        /// assert_eq!(ErrorCode::JsonDuplicateKey.to_string(), "JsonDuplicateKey (101)");
        /// ```
        #[repr(u32)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[doc = $doc])* $name = $value, )*
        }

        impl ErrorCode {
            /// Every code, in numeric order.
            ///
            /// ```
            /// use ebl::ErrorCode;
            ///
            /// assert!(ErrorCode::ALL.windows(2).all(|w| w[0].as_u32() < w[1].as_u32()));
            /// assert!(ErrorCode::ALL.contains(&ErrorCode::Internal));
            /// ```
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name,)*];

            /// The code's `CamelCase` name, as used by the Python exception `.name`.
            ///
            /// ```
            /// assert_eq!(ebl::ErrorCode::JsonTooDeep.name(), "JsonTooDeep");
            /// ```
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $(ErrorCode::$name => stringify!($name),)* }
            }

            /// What the code means: its documentation, one line. The C API's
            /// `ebl_result_describe` gives it, and `ebl_result`'s variants (which cbindgen
            /// reads from source) are generated from it.
            ///
            /// ```
            /// assert_eq!(ebl::ErrorCode::JsonSyntax.description(), "Not well-formed JSON.");
            /// ```
            #[must_use]
            pub fn description(self) -> &'static str {
                match self { $(ErrorCode::$name => concat!($($doc),*).trim_ascii_start(),)* }
            }

            /// The code for a number, if there is one.
            ///
            /// ```
            /// use ebl::ErrorCode;
            /// assert_eq!(ErrorCode::from_u32(101), Some(ErrorCode::JsonDuplicateKey));
            /// assert_eq!(ErrorCode::from_u32(7), None);
            /// ```
            #[must_use]
            pub fn from_u32(value: u32) -> Option<ErrorCode> {
                match value { $($value => Some(ErrorCode::$name),)* _ => None }
            }
        }
    };
}

error_codes! {
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

impl ErrorCode {
    /// The numeric value.
    ///
    /// ```
    /// use ebl::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::InvalidArgument.as_u32(), 900);
    /// assert_eq!(ErrorCode::Io.as_u32(), 901);
    /// ```
    #[must_use]
    pub fn as_u32(self) -> u32 {
        self as u32
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name(), self.as_u32())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_round_trip() {
        let mut previous = 0;
        for &code in ErrorCode::ALL {
            assert!(code.as_u32() > previous, "{code} out of order");
            previous = code.as_u32();
            assert_eq!(ErrorCode::from_u32(code.as_u32()), Some(code));
        }
    }
}
