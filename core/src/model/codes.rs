//! DCSA code lists: the closed enumerations of the schema and the "pseudo-enumerations" that
//! the spec lists only in descriptions (so that it can add values in patch releases).

/// The kind of transport document (`transportDocumentTypeCode`).
///
/// ```
/// use ebl::model::{DocumentTypeCode, TransportDocument};
///
/// let doc = TransportDocument::from_json(br#"{"transportDocumentTypeCode": "SWB"}"#)?;
/// assert_eq!(doc.type_code(), Some(DocumentTypeCode::SeaWaybill));
/// // An unknown code is kept as written (and reported by validation).
/// assert_eq!(DocumentTypeCode::parse("HBL"), DocumentTypeCode::Other("HBL".into()));
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocumentTypeCode {
    /// `BOL`: a bill of lading, a document of title.
    BillOfLading,
    /// `SWB`: a sea waybill, never a document of title and never to order.
    SeaWaybill,
    /// Any other code (a validation finding).
    Other(String),
}

impl DocumentTypeCode {
    /// Reads a code.
    ///
    /// ```
    /// use ebl::model::DocumentTypeCode;
    /// assert_eq!(DocumentTypeCode::parse("SWB"), DocumentTypeCode::SeaWaybill);
    /// assert_eq!(DocumentTypeCode::parse("XYZ").as_str(), "XYZ");
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> DocumentTypeCode {
        match code {
            "BOL" => DocumentTypeCode::BillOfLading,
            "SWB" => DocumentTypeCode::SeaWaybill,
            other => DocumentTypeCode::Other(other.to_owned()),
        }
    }

    /// The code as written in the document.
    ///
    /// ```
    /// use ebl::model::DocumentTypeCode;
    ///
    /// assert_eq!(DocumentTypeCode::BillOfLading.as_str(), "BOL");
    /// assert_eq!(DocumentTypeCode::parse("SWB").as_str(), "SWB");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            DocumentTypeCode::BillOfLading => "BOL",
            DocumentTypeCode::SeaWaybill => "SWB",
            DocumentTypeCode::Other(s) => s,
        }
    }
}

/// Where the document is in its life (`transportDocumentStatus`).
///
/// ```
/// use ebl::model::{DocumentStatus, TransportDocument};
///
/// let doc = TransportDocument::from_json(br#"{"transportDocumentStatus": "PENDING_SURRENDER_FOR_DELIVERY"}"#)?;
/// assert_eq!(doc.status(), Some(DocumentStatus::PendingSurrenderForDelivery));
/// assert!(doc.is_issued());
/// assert_eq!(DocumentStatus::parse("LOST"), DocumentStatus::Other("LOST".into()));
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocumentStatus {
    /// `DRAFT`.
    Draft,
    /// `APPROVED` by the shipper.
    Approved,
    /// `ISSUED` by the carrier.
    Issued,
    /// `PENDING_SURRENDER_FOR_AMENDMENT`.
    PendingSurrenderForAmendment,
    /// `SURRENDERED_FOR_AMENDMENT`.
    SurrenderedForAmendment,
    /// `PENDING_SURRENDER_FOR_DELIVERY`.
    PendingSurrenderForDelivery,
    /// `SURRENDERED_FOR_DELIVERY`.
    SurrenderedForDelivery,
    /// `VOIDED`.
    Voided,
    /// Any other status (a validation warning: the list is open).
    Other(String),
}

impl DocumentStatus {
    /// Reads a status.
    ///
    /// ```
    /// use ebl::model::DocumentStatus;
    /// assert!(DocumentStatus::parse("SURRENDERED_FOR_DELIVERY").is_issued());
    /// assert!(!DocumentStatus::parse("DRAFT").is_issued());
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> DocumentStatus {
        match code {
            "DRAFT" => DocumentStatus::Draft,
            "APPROVED" => DocumentStatus::Approved,
            "ISSUED" => DocumentStatus::Issued,
            "PENDING_SURRENDER_FOR_AMENDMENT" => DocumentStatus::PendingSurrenderForAmendment,
            "SURRENDERED_FOR_AMENDMENT" => DocumentStatus::SurrenderedForAmendment,
            "PENDING_SURRENDER_FOR_DELIVERY" => DocumentStatus::PendingSurrenderForDelivery,
            "SURRENDERED_FOR_DELIVERY" => DocumentStatus::SurrenderedForDelivery,
            "VOIDED" => DocumentStatus::Voided,
            other => DocumentStatus::Other(other.to_owned()),
        }
    }

    /// The status as written in the document.
    ///
    /// ```
    /// use ebl::model::DocumentStatus;
    ///
    /// assert_eq!(DocumentStatus::SurrenderedForAmendment.as_str(), "SURRENDERED_FOR_AMENDMENT");
    /// assert_eq!(DocumentStatus::parse("VOIDED").as_str(), "VOIDED");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            DocumentStatus::Draft => "DRAFT",
            DocumentStatus::Approved => "APPROVED",
            DocumentStatus::Issued => "ISSUED",
            DocumentStatus::PendingSurrenderForAmendment => "PENDING_SURRENDER_FOR_AMENDMENT",
            DocumentStatus::SurrenderedForAmendment => "SURRENDERED_FOR_AMENDMENT",
            DocumentStatus::PendingSurrenderForDelivery => "PENDING_SURRENDER_FOR_DELIVERY",
            DocumentStatus::SurrenderedForDelivery => "SURRENDERED_FOR_DELIVERY",
            DocumentStatus::Voided => "VOIDED",
            DocumentStatus::Other(s) => s,
        }
    }

    /// Whether the carrier has issued the document: `ISSUED` and the surrender states that
    /// can only follow issuance. `DRAFT`, `APPROVED`, `VOIDED` and unknown statuses are not.
    /// The rules that the spec states "on an issued B/L" are errors only for these.
    ///
    /// ```
    /// use ebl::model::DocumentStatus;
    ///
    /// assert!(DocumentStatus::Issued.is_issued());
    /// assert!(DocumentStatus::SurrenderedForDelivery.is_issued());
    /// assert!(!DocumentStatus::Approved.is_issued());
    /// assert!(!DocumentStatus::Voided.is_issued());
    /// ```
    #[must_use]
    pub fn is_issued(&self) -> bool {
        matches!(
            self,
            DocumentStatus::Issued
                | DocumentStatus::PendingSurrenderForAmendment
                | DocumentStatus::SurrenderedForAmendment
                | DocumentStatus::PendingSurrenderForDelivery
                | DocumentStatus::SurrenderedForDelivery
        )
    }
}

// Closed enumerations (`enum:` in the schema): another value is an error.
pub(crate) const TYPE_CODES: &[&str] = &["BOL", "SWB"];
pub(crate) const PAYMENT_TERMS: &[&str] = &["PRE", "COL"];
pub(crate) const RECEIPT_DELIVERY_TYPES: &[&str] = &["CY", "SD", "CFS"];
pub(crate) const CARRIER_CODE_LIST_PROVIDERS: &[&str] = &["SMDG", "NMFTA"];
pub(crate) const FACILITY_CODE_LIST_PROVIDERS: &[&str] = &["BIC", "SMDG"];
pub(crate) const WEIGHT_UNITS: &[&str] = &["KGM", "LBR"];
pub(crate) const VOLUME_UNITS: &[&str] = &["MTQ", "FTQ"];
pub(crate) const EXPLOSIVE_UNITS: &[&str] = &["KGM", "LBR", "GRM", "ONZ"];
pub(crate) const DG_VOLUME_UNITS: &[&str] = &["MTQ", "FTQ", "LTR"];
pub(crate) const TEMPERATURE_UNITS: &[&str] = &["CEL", "FAH"];
pub(crate) const AIR_EXCHANGE_UNITS: &[&str] = &["MQH", "FQH"];
pub(crate) const SEAL_SOURCES: &[&str] = &["CAR", "SHI", "VET", "CUS"];

// Pseudo-enumerations (values listed in the description only): another value is a warning.
pub(crate) const STATUSES: &[&str] = &[
    "DRAFT",
    "APPROVED",
    "ISSUED",
    "PENDING_SURRENDER_FOR_AMENDMENT",
    "SURRENDERED_FOR_AMENDMENT",
    "PENDING_SURRENDER_FOR_DELIVERY",
    "SURRENDERED_FOR_DELIVERY",
    "VOIDED",
];
pub(crate) const CARGO_MOVEMENT_TYPES: &[&str] = &["FCL", "LCL"];
pub(crate) const CARRIAGE_MODES: &[&str] = &["VESSEL", "RAIL", "TRUCK", "BARGE", "MULTIMODAL"];
pub(crate) const VESSEL_ROLES: &[&str] = &["FIRST_SEA_GOING", "MOTHER"];
pub(crate) const PARTY_FUNCTIONS: &[&str] = &["SCO", "DDR", "DDS", "COW", "COX"];
pub(crate) const TYPES_OF_PERSON: &[&str] =
    &["NATURAL_PERSON", "LEGAL_PERSON", "ASSOCIATION_OF_PERSONS"];
pub(crate) const REFERENCE_TYPES: &[&str] = &["CR", "AKG"];
pub(crate) const CONSIGNMENT_REFERENCE_TYPES: &[&str] = &["CR", "AKG", "SPO", "CPO"];
pub(crate) const COMMODITY_CODE_TYPES: &[&str] =
    &["NCM", "HTS", "SCHEDULE_B", "TARIC", "CN", "CUS"];
pub(crate) const WOOD_DECLARATIONS: &[&str] = &[
    "NOT_APPLICABLE",
    "NOT_TREATED_AND_NOT_CERTIFIED",
    "PROCESSED",
    "TREATED_AND_CERTIFIED",
];
pub(crate) const INHALATION_ZONES: &[&str] = &["A", "B", "C", "D"];
pub(crate) const SEGREGATION_GROUPS: &[&str] = &[
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
    "18",
];
pub(crate) const FEEDBACK_SEVERITIES: &[&str] = &["INFO", "WARN", "ERROR"];
pub(crate) const FEEDBACK_CODES: &[&str] = &[
    "INFORMATIONAL_MESSAGE",
    "PROPERTY_WILL_BE_IGNORED",
    "PROPERTY_VALUE_MUST_CHANGE",
    "PROPERTY_VALUE_HAS_BEEN_CHANGED",
    "PROPERTY_VALUE_MAY_CHANGE",
    "PROPERTY_HAS_BEEN_DELETED",
];
/// eBL solution providers (`eblPlatform`) as of the 2026-06 snapshot. DCSA is moving this list
/// out of the spec, so an unknown code is only a warning.
pub(crate) const EBL_PLATFORMS: &[&str] = &[
    "WAVE", "CARX", "ESSD", "IDT", "BOLE", "EDOX", "IQAX", "SECR", "TRGO", "ETEU", "TRAC", "BRIT",
    "COVA", "ETIT", "KTNE", "CRED", "BLOC", "DOCU", "AEOT", "SGTD",
];
/// Publishers of party code lists (`IdentifyingCode.codeListProvider`): the eBL platforms plus
/// these, and `NA`/`NONE` (added by DCSA-OpenAPI PR #636).
pub(crate) const CODE_LIST_PROVIDERS_EXTRA: &[&str] = &[
    "GSBN", "WISE", "GLEIF", "W3C", "DNB", "FMC", "DCSA", "ZZZ", "NA", "NONE",
];
pub(crate) const CODE_LIST_NAMES: &[&str] = &["DID", "LEI", "DUNS"];
