//! The transport document itself: its members, and reading, writing and hashing it.

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use super::ModelError;
use super::cargo::{
    Charge, ConsignmentItem, CustomsReference, Feedback, License, Reference,
    UtilizedTransportEquipment,
};
use super::locations::{InvoicePayableAt, PlaceOfIssue, Transports};
use super::macros::dcsa_object;
use super::nulls;
use super::parties::{DocumentParties, PartyContactDetail};
use crate::json::{self, JsonPath};

dcsa_object! {
    @document
    /// A DCSA eBL 3.0.x `TransportDocument`: a typed view over the JSON that was received.
    ///
    /// Every member is an `Option`, so that a document with a required member missing still
    /// parses and [`validate`](Self::validate) can report *all* of its problems. Members the
    /// model does not know are kept in `extra` (on this and every nested object), explicit
    /// `null`s are remembered, and numbers are kept as the [`Number`]s that were read, so
    /// [`canonical_bytes`](Self::canonical_bytes) of a parsed document are the RFC 8785 bytes
    /// of the input and [`checksum`](Self::checksum) is the DCSA `transportDocumentChecksum`.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let json = br#"{"transportDocumentReference": "HHL71800000", "isToOrder": true,
    ///                 "transportDocumentTypeCode": "BOL", "futureField": [1.0, null]}"#;
    /// let doc = TransportDocument::from_json(json)?;
    /// assert_eq!(doc.reference(), Some("HHL71800000"));
    /// assert!(doc.is_negotiable());
    /// assert_eq!(doc.canonical_bytes(), ebl::json::canonicalize_bytes(json)?);
    /// assert_eq!(doc.checksum().len(), 64);
    /// // Far from complete: every missing required member is a finding.
    /// assert!(doc.validate().iter().any(|f| f.code == "required" && f.path == "$.documentParties"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    TransportDocument {
        /// The document number, ≤20 (required).
        "transportDocumentReference" => transport_document_reference: String,
        /// A carrier-internal sub-reference, ≤100.
        "transportDocumentSubReference" => transport_document_sub_reference: String,
        /// The shipping instructions the document answers, ≤100.
        "shippingInstructionsReference" => shipping_instructions_reference: String,
        /// Status (see [`DocumentStatus`](super::DocumentStatus)) (required).
        "transportDocumentStatus" => transport_document_status: String,
        /// `BOL` or `SWB` (see [`DocumentTypeCode`](super::DocumentTypeCode)) (required).
        "transportDocumentTypeCode" => transport_document_type_code: String,
        /// Shipped-on-board (`true`) or received-for-shipment (`false`) (required).
        "isShippedOnBoardType" => is_shipped_on_board_type: bool,
        /// `PRE` or `COL`.
        "freightPaymentTermCode" => freight_payment_term_code: String,
        /// Whether the document is electronic (required).
        "isElectronic" => is_electronic: bool,
        /// Whether the B/L is to order (negotiable) (required).
        "isToOrder" => is_to_order: bool,
        /// Copies with charges (meaning depends on type × electronic).
        "numberOfCopiesWithCharges" => number_of_copies_with_charges: Number,
        /// Copies without charges.
        "numberOfCopiesWithoutCharges" => number_of_copies_without_charges: Number,
        /// Originals with charges (BOL only; electronic: 0 or 1, sum ≤1).
        "numberOfOriginalsWithCharges" => number_of_originals_with_charges: Number,
        /// Originals without charges (BOL only; electronic: 0 or 1, sum ≤1).
        "numberOfOriginalsWithoutCharges" => number_of_originals_without_charges: Number,
        /// Displayed name of the place of receipt, ≤5 lines of ≤35.
        "displayedNameForPlaceOfReceipt" => displayed_name_for_place_of_receipt: Vec<String>,
        /// Displayed name of the port of loading, ≤5 lines of ≤35.
        "displayedNameForPortOfLoad" => displayed_name_for_port_of_load: Vec<String>,
        /// Displayed name of the port of discharge, ≤5 lines of ≤35.
        "displayedNameForPortOfDischarge" => displayed_name_for_port_of_discharge: Vec<String>,
        /// Displayed name of the place of delivery, ≤5 lines of ≤35.
        "displayedNameForPlaceOfDelivery" => displayed_name_for_place_of_delivery: Vec<String>,
        /// Date the goods were shipped on board (makes a shipped-on-board B/L).
        "shippedOnBoardDate" => shipped_on_board_date: String,
        /// Text shown as evidence of shipment or receipt, ≤250.
        "displayedShippedOnBoardReceivedForShipment" => displayed_shipped_on_board_received_for_shipment: String,
        /// Terms and conditions, ≤50 000 (required).
        "termsAndConditions" => terms_and_conditions: String,
        /// `CY`, `SD` or `CFS` (required).
        "receiptTypeAtOrigin" => receipt_type_at_origin: String,
        /// `CY`, `SD` or `CFS` (required).
        "deliveryTypeAtDestination" => delivery_type_at_destination: String,
        /// `FCL` or `LCL` (required).
        "cargoMovementTypeAtOrigin" => cargo_movement_type_at_origin: String,
        /// `FCL` or `LCL` (required).
        "cargoMovementTypeAtDestination" => cargo_movement_type_at_destination: String,
        /// Date of issue (required once issued).
        "issueDate" => issue_date: String,
        /// Date the goods were received for shipment (makes a received-for-shipment B/L).
        "receivedForShipmentDate" => received_for_shipment_date: String,
        /// Service contract reference, ≤30.
        "serviceContractReference" => service_contract_reference: String,
        /// Contract or quotation reference, ≤35.
        "contractQuotationReference" => contract_quotation_reference: String,
        /// Contract or quotation reference, ≤70 (PINT, from 3.0.4; wins over the short one).
        "extendedContractQuotationReference" => extended_contract_quotation_reference: String,
        /// Declared value of the cargo, ≥0.
        "declaredValue" => declared_value: Number,
        /// Currency of `declaredValue`, present exactly when it is.
        "declaredValueCurrency" => declared_value_currency: String,
        /// The carrier's SCAC or SMDG code, ≤4 (required).
        "carrierCode" => carrier_code: String,
        /// `SMDG` or `NMFTA` (required).
        "carrierCodeListProvider" => carrier_code_list_provider: String,
        /// Carrier clauses, each ≤20 000.
        "carrierClauses" => carrier_clauses: Vec<String>,
        /// Number of rider pages, ≥0.
        "numberOfRiderPages" => number_of_rider_pages: Number,
        /// Routing (required).
        "transports" => transports: Transports,
        /// Charges.
        "charges" => charges: Vec<Charge>,
        /// Where the document was issued.
        "placeOfIssue" => place_of_issue: PlaceOfIssue,
        /// Where the freight is payable (required).
        "invoicePayableAt" => invoice_payable_at: InvoicePayableAt,
        /// People to contact, ≥1 (required).
        "partyContactDetails" => party_contact_details: Vec<PartyContactDetail>,
        /// The parties (required).
        "documentParties" => document_parties: DocumentParties,
        /// Consignment items, ≥1 (required).
        "consignmentItems" => consignment_items: Vec<ConsignmentItem>,
        /// Equipment, ≥1 (required).
        "utilizedTransportEquipments" => utilized_transport_equipments: Vec<UtilizedTransportEquipment>,
        /// Export licence.
        "exportLicense" => export_license: License,
        /// Import licence.
        "importLicense" => import_license: License,
        /// References.
        "references" => references: Vec<Reference>,
        /// Customs references.
        "customsReferences" => customs_references: Vec<CustomsReference>,
        /// Carrier feedback (3.0.2; not in PINT).
        "feedbacks" => feedbacks: Vec<Feedback>,
    }
}

/// Serialises the view, putting back the explicit `null` members that were received.
impl Serialize for TransportDocument {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut value = TransportDocument::serialize(self, serde_json::value::Serializer)
            .map_err(serde::ser::Error::custom)?;
        nulls::restore(&mut value, &self.nulls);
        value.serialize(serializer)
    }
}

/// Plain serde deserialisation. Explicit `null` members read as absent and are *not* written
/// back; use [`TransportDocument::from_value`] or [`TransportDocument::from_json`] to keep them.
impl<'de> Deserialize<'de> for TransportDocument {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TransportDocument::deserialize(deserializer)
    }
}

impl TransportDocument {
    /// Builds the view of a parsed JSON value. Only a value of the wrong JSON *type* (a string
    /// where an object belongs, …) is an error, and it names the JSON path; missing members,
    /// unknown codes and broken rules are left to [`validate`](Self::validate).
    ///
    /// # Errors
    /// [`ModelError::NotAnObject`] if `value` is not an object; a
    /// [`JsonError::Shape`](crate::json::JsonError::Shape) naming the path of the first member
    /// of the wrong type.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let value = ebl::json::parse(br#"{"transportDocumentReference": "HHL71800000", "isToOrder": "yes"}"#)?;
    /// let err = TransportDocument::from_value(&value).unwrap_err();
    /// assert!(err.to_string().starts_with("$.isToOrder: invalid type: string \"yes\""));
    /// assert_eq!(err.code(), ebl::ErrorCode::JsonShape);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_value(value: &Value) -> crate::Result<TransportDocument> {
        if !value.is_object() {
            return Err(ModelError::NotAnObject {
                found: json_type(value),
            }
            .into());
        }
        if !nulls::has_null_member(value) {
            return Ok(json::from_value::<Tracked>(value, &JsonPath::root())?.0);
        }
        let mut stripped = value.clone();
        let found = nulls::strip(&mut stripped);
        let mut doc = json::from_value::<Tracked>(&stripped, &JsonPath::root())?.0;
        doc.nulls = found;
        Ok(doc)
    }

    /// Parses untrusted bytes strictly (duplicate keys, lone surrogates, oversized numbers are
    /// errors; see [`json::parse`]) and builds the view.
    ///
    /// # Errors
    /// Any [`json::parse`] error, and those of [`from_value`](Self::from_value).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"transportDocumentReference": "HHL71800000"}"#)?;
    /// assert_eq!(doc.reference(), Some("HHL71800000"));
    /// let twice = br#"{"transportDocumentReference": "A", "transportDocumentReference": "B"}"#;
    /// assert_eq!(TransportDocument::from_json(twice).unwrap_err().code(), ebl::ErrorCode::JsonDuplicateKey);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> crate::Result<TransportDocument> {
        Self::from_value(&json::parse(bytes)?)
    }

    /// The document as a JSON value: the received members (known, unknown and `null`), with
    /// any edits made to the view.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let json = br#"{"transportDocumentReference": "HHL71800000", "issueDate": null, "x-extension": {"a": 1}}"#;
    /// let mut doc = TransportDocument::from_json(json)?;
    /// assert_eq!(doc.to_value(), ebl::json::parse(json)?); // unknown and null members kept
    /// doc.transport_document_reference = Some("HHL71800001".into());
    /// assert_eq!(doc.to_value()["transportDocumentReference"], "HHL71800001");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn to_value(&self) -> Value {
        // Cannot fail: every member is a string, boolean, number, array or string-keyed map.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The RFC 8785 (JCS) canonical bytes of [`to_value`](Self::to_value).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{ "isToOrder": true, "carrierCode": "MSC", "x": 1.0 }"#)?;
    /// assert_eq!(doc.canonical_bytes(), br#"{"carrierCode":"MSC","isToOrder":true,"x":1}"#);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn canonical_bytes(&self) -> Vec<u8> {
        json::canonicalize(&self.to_value())
    }

    /// The DCSA `transportDocumentChecksum` of this view: lowercase hex SHA-256 of the
    /// canonical bytes. For a document just parsed it equals [`checksum_of`](Self::checksum_of)
    /// the received value; after edits it is the checksum of the edited document.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// // The PINT demo envelope: the document's checksum is the one its transfer chain signs.
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// let doc = TransportDocument::from_value(&envelope["transportDocument"])?;
    /// assert_eq!(doc.checksum(), "8f765417773a026d4f9ead6187d961d28dffbb7d0a11dda9ba6fee16423bc05a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn checksum(&self) -> String {
        Self::checksum_of(&self.to_value())
    }

    /// The DCSA `transportDocumentChecksum` of a received transport-document value, without
    /// building the view: lowercase hex SHA-256 of its RFC 8785 bytes. Verifiers should hash
    /// what they received, so this is the one to use on the verification path (it is also
    /// several times faster than [`checksum`](Self::checksum), which serialises the view).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    /// let value = ebl::json::parse(br#"{"b": 1.50, "a": "x"}"#)?;
    /// assert_eq!(
    ///     TransportDocument::checksum_of(&value),
    ///     TransportDocument::from_value(&value)?.checksum(),
    /// );
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn checksum_of(value: &Value) -> String {
        crate::checksum::canonical_json_sha256(value)
    }
}

/// Routes path-tracked deserialisation to the derived (remote) implementation.
struct Tracked(TransportDocument);

impl<'de> Deserialize<'de> for Tracked {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TransportDocument::deserialize(deserializer).map(Tracked)
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
