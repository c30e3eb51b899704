//! Pins every [`ErrorCode`]'s number and name. The C API returns these numbers and the
//! Python package exposes these names, so a renumbering or rename must fail here first; a code
//! added to the enum without a row here fails the completeness check.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ebl::{Error, ErrorCode};

/// Every published code: number, name, variant.
const TABLE: &[(u32, &str, ErrorCode)] = &[
    (100, "JsonSyntax", ErrorCode::JsonSyntax),
    (101, "JsonDuplicateKey", ErrorCode::JsonDuplicateKey),
    (102, "JsonTooDeep", ErrorCode::JsonTooDeep),
    (103, "JsonTooLarge", ErrorCode::JsonTooLarge),
    (104, "JsonInvalidUtf8", ErrorCode::JsonInvalidUtf8),
    (105, "JsonLoneSurrogate", ErrorCode::JsonLoneSurrogate),
    (106, "JsonNumberOutOfRange", ErrorCode::JsonNumberOutOfRange),
    (107, "JsonShape", ErrorCode::JsonShape),
    (200, "CryptoInvalidBase64", ErrorCode::CryptoInvalidBase64),
    (201, "CryptoKeyRejected", ErrorCode::CryptoKeyRejected),
    (202, "CryptoPem", ErrorCode::CryptoPem),
    (
        203,
        "CryptoUnsupportedAlgorithm",
        ErrorCode::CryptoUnsupportedAlgorithm,
    ),
    (204, "CryptoAlgNone", ErrorCode::CryptoAlgNone),
    (205, "CryptoHmacAlgorithm", ErrorCode::CryptoHmacAlgorithm),
    (
        206,
        "CryptoAlgorithmNotAllowed",
        ErrorCode::CryptoAlgorithmNotAllowed,
    ),
    (
        207,
        "CryptoAlgorithmKeyMismatch",
        ErrorCode::CryptoAlgorithmKeyMismatch,
    ),
    (
        208,
        "CryptoUnknownCritical",
        ErrorCode::CryptoUnknownCritical,
    ),
    (209, "CryptoJwsMalformed", ErrorCode::CryptoJwsMalformed),
    (
        210,
        "CryptoSignatureInvalid",
        ErrorCode::CryptoSignatureInvalid,
    ),
    (211, "CryptoUnknownKey", ErrorCode::CryptoUnknownKey),
    (
        212,
        "CryptoCertificateMalformed",
        ErrorCode::CryptoCertificateMalformed,
    ),
    (
        213,
        "CryptoCertificateExpired",
        ErrorCode::CryptoCertificateExpired,
    ),
    (
        214,
        "CryptoCertificateNotYetValid",
        ErrorCode::CryptoCertificateNotYetValid,
    ),
    (
        215,
        "CryptoCertificateUntrusted",
        ErrorCode::CryptoCertificateUntrusted,
    ),
    (
        216,
        "CryptoCertificateChainInvalid",
        ErrorCode::CryptoCertificateChainInvalid,
    ),
    (
        217,
        "CryptoCertificateKeyMismatch",
        ErrorCode::CryptoCertificateKeyMismatch,
    ),
    (218, "CryptoSigningFailed", ErrorCode::CryptoSigningFailed),
    (300, "ModelInvalid", ErrorCode::ModelInvalid),
    (301, "ModelNotAnObject", ErrorCode::ModelNotAnObject),
    (400, "PintNoTransactions", ErrorCode::PintNoTransactions),
    (401, "PintSerialize", ErrorCode::PintSerialize),
    (402, "PintResponseMismatch", ErrorCode::PintResponseMismatch),
    (
        500,
        "TitleUnsupportedVersion",
        ErrorCode::TitleUnsupportedVersion,
    ),
    (501, "TitleSerialize", ErrorCode::TitleSerialize),
    (510, "RegistryCorrupt", ErrorCode::RegistryCorrupt),
    (511, "RegistryForeign", ErrorCode::RegistryForeign),
    (512, "RegistryNewerSchema", ErrorCode::RegistryNewerSchema),
    (513, "RegistryReadOnly", ErrorCode::RegistryReadOnly),
    (514, "RegistryUnreachable", ErrorCode::RegistryUnreachable),
    (515, "RegistryStorage", ErrorCode::RegistryStorage),
    (
        516,
        "RegistryBackendMissing",
        ErrorCode::RegistryBackendMissing,
    ),
    (
        517,
        "RegistryUnknownTransfer",
        ErrorCode::RegistryUnknownTransfer,
    ),
    (600, "OaMalformed", ErrorCode::OaMalformed),
    (601, "OaUnhashableKey", ErrorCode::OaUnhashableKey),
    (602, "OaInvalidSalt", ErrorCode::OaInvalidSalt),
    (603, "OaRandom", ErrorCode::OaRandom),
    (604, "OaEmptyBatch", ErrorCode::OaEmptyBatch),
    (605, "OaObfuscationPath", ErrorCode::OaObfuscationPath),
    (606, "OaUnsafeObfuscation", ErrorCode::OaUnsafeObfuscation),
    (607, "OaUnsalt", ErrorCode::OaUnsalt),
    (608, "OaKey", ErrorCode::OaKey),
    (609, "OaMapping", ErrorCode::OaMapping),
    (700, "TrustStoreInvalid", ErrorCode::TrustStoreInvalid),
    (701, "TrustDuplicate", ErrorCode::TrustDuplicate),
    (702, "TrustInvalidWindow", ErrorCode::TrustInvalidWindow),
    (703, "TrustUnknownKey", ErrorCode::TrustUnknownKey),
    (710, "TrustListMalformed", ErrorCode::TrustListMalformed),
    (
        711,
        "TrustListBadSignature",
        ErrorCode::TrustListBadSignature,
    ),
    (712, "TrustListWrongIssuer", ErrorCode::TrustListWrongIssuer),
    (713, "TrustListReplayed", ErrorCode::TrustListReplayed),
    (
        714,
        "TrustListOutsideValidity",
        ErrorCode::TrustListOutsideValidity,
    ),
    (800, "RulesInvalid", ErrorCode::RulesInvalid),
    (
        801,
        "RulesUnknownCriterion",
        ErrorCode::RulesUnknownCriterion,
    ),
    (802, "RulesMissingCitation", ErrorCode::RulesMissingCitation),
    (
        803,
        "RulesOverlappingDates",
        ErrorCode::RulesOverlappingDates,
    ),
    (804, "RulesIncomplete", ErrorCode::RulesIncomplete),
    (805, "RulesInvalidParams", ErrorCode::RulesInvalidParams),
    (
        806,
        "RulesUnknownReference",
        ErrorCode::RulesUnknownReference,
    ),
    (
        810,
        "RecognitionInvalidInput",
        ErrorCode::RecognitionInvalidInput,
    ),
    (900, "InvalidArgument", ErrorCode::InvalidArgument),
    (901, "Io", ErrorCode::Io),
    (902, "UnsupportedFormat", ErrorCode::UnsupportedFormat),
    (903, "NullArgument", ErrorCode::NullArgument),
    (904, "PanicCaught", ErrorCode::PanicCaught),
    (999, "Internal", ErrorCode::Internal),
];

#[test]
fn every_code_keeps_its_number_and_name() {
    for &(number, name, code) in TABLE {
        assert_eq!(code.as_u32(), number, "{name} was renumbered");
        assert_eq!(code.name(), name, "code {number} was renamed");
        assert_eq!(
            ErrorCode::from_u32(number),
            Some(code),
            "{name} does not round-trip"
        );
        assert_eq!(code.to_string(), format!("{name} ({number})"));
    }
}

#[test]
fn the_table_lists_every_code() {
    assert_eq!(
        ErrorCode::ALL.len(),
        TABLE.len(),
        "ErrorCode::ALL and this table differ: add the new code's row here"
    );
    for (row, &code) in TABLE.iter().zip(ErrorCode::ALL) {
        assert_eq!(
            row.2, code,
            "the table is not in ErrorCode::ALL's numeric order"
        );
    }
}

#[test]
fn unlisted_numbers_are_no_code() {
    for number in 0..1100 {
        let listed = TABLE.iter().any(|row| row.0 == number);
        assert_eq!(
            ErrorCode::from_u32(number).is_some(),
            listed,
            "number {number}"
        );
    }
}

#[test]
fn the_binding_errors_carry_their_codes() {
    let cases = [
        (
            Error::InvalidArgument("indent".into()),
            ErrorCode::InvalidArgument,
            "invalid argument: indent",
        ),
        (
            Error::NullArgument("bytes".into()),
            ErrorCode::NullArgument,
            "null argument: bytes",
        ),
        (
            Error::PanicCaught("boom".into()),
            ErrorCode::PanicCaught,
            "panic caught at the API boundary: boom",
        ),
    ];
    for (error, code, message) in cases {
        assert_eq!(error.code(), code);
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn low_layer_errors_convert_with_their_codes() {
    let json = ebl::json::parse(br#"{"a": 1, "a": 2}"#).unwrap_err();
    assert_eq!(json.code(), ErrorCode::JsonDuplicateKey);
    assert_eq!(Error::from(json).code(), ErrorCode::JsonDuplicateKey);

    let crypto = ebl::crypto::PublicKey::from_pem("not a key").unwrap_err();
    let code = crypto.code();
    assert_eq!(Error::from(crypto).code(), code);
}
