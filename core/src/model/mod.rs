//! The DCSA eBL 3.0.x `TransportDocument`: a typed view over the received JSON, and its
//! validation.
//!
//! [`TransportDocument`] models every member of the eBL 3.0.3 schema (plus the PINT additions
//! `extendedContractQuotationReference` and `isNotifyParty`). It is a *view*: every member is
//! an `Option` (a missing required member is a finding, not a parse error), code lists are
//! plain strings checked against the spec's lists (an unknown code is a finding), numbers are
//! kept as the [`serde_json::Number`] that was read, unknown members are kept in each object's
//! `extra`, and explicit `null`s are remembered. So a parsed document re-serialises to the
//! same JSON value and the same RFC 8785 bytes, and [`TransportDocument::checksum`] is the
//! DCSA `transportDocumentChecksum`. Only a member of the wrong JSON *type* is an `Err`, and it
//! names the JSON path.
//!
//! ```
//! use ebl::model::TransportDocument;
//! use ebl::report::is_clean;
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"),
//!     "/../testdata/dcsa/conformance-gateway/eblissuance-v3.0.0-request.json");
//! let request = ebl::json::parse(&std::fs::read(path).map_err(|e| ebl::Error::InvalidArgument(e.to_string()))?)?;
//! let doc = TransportDocument::from_value(&request["document"])?;
//! assert_eq!(doc.canonical_bytes(), ebl::json::canonicalize(&request["document"]));
//! assert!(!doc.is_negotiable()); // a straight BOL
//! // The CTK template's placeholder reference is longer than the 20 characters allowed.
//! let findings = doc.validate();
//! assert_eq!(findings.iter().filter(|f| f.is_error()).count(), 1);
//! assert_eq!(findings[0].code, "max-length");
//! assert_eq!(findings[0].path, "$.transportDocumentReference");
//! # Ok::<(), ebl::Error>(())
//! ```
//!
//! # Findings
//!
//! [`TransportDocument::validate`] walks the whole document and returns every finding, each
//! with the JSON path of the member concerned. Codes are stable.
//!
//! | code | severity | rule |
//! |---|---|---|
//! | `required` | error | a required member is missing |
//! | `null-value` | error | a modelled member is `null` (no DCSA member is nullable) |
//! | `min-items`, `max-items` | error | array size (`minItems`/`maxItems`), e.g. ≤3 notify parties |
//! | `min-length`, `max-length` | error | string length in characters, e.g. reference ≤20 |
//! | `untrimmed-text` | error | `^\S(?:.*\S)?$`: empty, leading/trailing white space, or a line break |
//! | `un-locode` | error | `UNLocationCode` is not `^[A-Z]{2}[A-Z2-9]{3}$` |
//! | `currency-code` | error | not `^[A-Z]{3}$` |
//! | `country-code` | error | not `^[A-Z]{2}$` |
//! | `pattern` | error | any other schema pattern (`carrierCode`, HS codes, voyage reference, e-mail, …) |
//! | `date`, `date-time` | error | not a valid `YYYY-MM-DD` date / RFC 3339 date-time |
//! | `invalid-enum` | error | value outside a closed schema `enum` (`BOL`/`SWB`, units, `PRE`/`COL`, …) |
//! | `unknown-code` | warning | value outside a code list the spec gives only in prose (status, platform codes, …) |
//! | `not-integer`, `out-of-range` | error | integer members; `minimum`/`maximum`/`exclusiveMinimum` |
//! | `one-of` | error | exactly one of `UNLocationCode`/`countryCode` (`placeOfIssue`), `UNLocationCode`/`freeText` (`invoicePayableAt`), `UNNumber`/`NANumber` |
//! | `any-of` | error | a contact has neither `phone` nor `email` |
//! | `party-address-or-code` | error | shipper, on-behalf-of-shipper, notify and other parties need an address (`address`, `addressLines`, or the `displayedAddress` printed instead of them) or an identifying code |
//! | `swb-to-order` | error | `SWB` with `isToOrder: true` |
//! | `consignee-required` | error | straight (`isToOrder: false`) without a consignee |
//! | `consignee-and-endorsee` | error | both present (mutually exclusive) |
//! | `endorsee-not-to-order` | error | an endorsee on a straight document |
//! | `notify-party-missing` | warning | to-order B/L without notify parties ("if provided: mandatory for To Order BLs" is ambiguous) |
//! | `originals-not-applicable` | warning | `numberOfOriginals*` on a `SWB` ("only applicable" to `BOL`) |
//! | `electronic-originals` | error | electronic: each `numberOfOriginals*` ≤1 and their sum ≤1 |
//! | `electronic-copies` | warning | copies on an electronic `BOL` ("not applicable, there are no copies") |
//! | `onboard-and-received-dates` | error if issued, else warning | both `shippedOnBoardDate` and `receivedForShipmentDate` |
//! | `onboard-or-received-date-missing` | error (issued only) | neither date on an issued document |
//! | `onboard-type-mismatch` | warning | the date given contradicts `isShippedOnBoardType` |
//! | `issue-date-missing` | error (issued only) | `issueDate` absent once issued |
//! | `declared-value-currency` | error | `declaredValueCurrency` present exactly when `declaredValue` is |
//! | `reefer-temperature-unit`, `reefer-air-exchange-unit` | error | the same pairing for reefer set points |
//!
//! "Issued" means a status of `ISSUED` or one of the surrender states
//! ([`DocumentStatus::is_issued`]); on `DRAFT`/`APPROVED` documents the rules the spec states
//! "on an issued B/L" are warnings or silent.

mod access;
mod cargo;
mod codes;
mod document;
mod locations;
mod macros;
mod nulls;
mod parties;
mod validate;

pub use cargo::{
    ActiveReeferSettings, CargoItem, Charge, ConsignmentItem, ConsignmentItemReference,
    CustomsReference, DangerousGoods, EmergencyContactDetails, Equipment, Feedback, InnerPackaging,
    License, Limits, Measure, NationalCommodityCode, OuterPackaging, Reference, Seal,
    UtilizedTransportEquipment,
};
pub use codes::{DocumentStatus, DocumentTypeCode};
pub use document::TransportDocument;
pub use locations::{
    Address, City, Facility, GeoCoordinate, InvoicePayableAt, Location, PlaceOfIssue, Port,
    Transports, VesselVoyage,
};
pub use parties::{
    Consignee, DocumentParties, Endorsee, IdentifyingCode, IssuingParty, NotifyParty,
    OtherDocumentParty, Party, PartyContactDetail, Shipper, TaxLegalReference,
};

use crate::code::ErrorCode;
use crate::report::Finding;

/// What can go wrong building or accepting a [`TransportDocument`].
///
/// ```
/// use ebl::model::{ModelError, TransportDocument};
///
/// let err = TransportDocument::from_json(b"[]").unwrap_err();
/// assert_eq!(err, ebl::Error::Model(ModelError::NotAnObject { found: "an array" }));
/// let doc = TransportDocument::from_json(br#"{"transportDocumentTypeCode": "SWB", "isToOrder": true}"#)?;
/// let Err(ebl::Error::Model(ModelError::Invalid { errors, .. })) = doc.ensure_valid() else { panic!() };
/// assert!(errors > 1); // every required member is missing too
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// [`TransportDocument::ensure_valid`] found errors.
    #[error("the transport document is invalid ({errors} error(s)); first: {first}")]
    Invalid {
        /// How many error findings there were.
        errors: usize,
        /// The first of them.
        first: Box<Finding>,
    },
    /// The value given as a transport document is not a JSON object.
    #[error("$: a transport document must be a JSON object, not {found}")]
    NotAnObject {
        /// The JSON type found instead.
        found: &'static str,
    },
}

impl ModelError {
    /// The stable numeric code.
    ///
    /// ```
    /// use ebl::model::ModelError;
    /// use ebl::ErrorCode;
    ///
    /// assert_eq!(ModelError::NotAnObject { found: "null" }.code(), ErrorCode::ModelNotAnObject);
    /// let err = ebl::model::TransportDocument::from_json(b"{}")?.ensure_valid().unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::ModelInvalid);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            ModelError::Invalid { .. } => ErrorCode::ModelInvalid,
            ModelError::NotAnObject { .. } => ErrorCode::ModelNotAnObject,
        }
    }
}
