//! The transport document itself and its whole-document operations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use super::ModelError;
use super::cargo::{
    Charge, ConsignmentItem, CustomsReference, Feedback, License, Reference,
    UtilizedTransportEquipment,
};
use super::codes::{DocumentStatus, DocumentTypeCode};
use super::locations::{InvoicePayableAt, PlaceOfIssue, Transports};
use super::macros::dcsa_object;
use super::nulls;
use super::parties::{DocumentParties, Party, PartyContactDetail};
use crate::json::{self, JsonPath};
use crate::report::Finding;

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
        /// Status (see [`DocumentStatus`]) (required).
        "transportDocumentStatus" => transport_document_status: String,
        /// `BOL` or `SWB` (see [`DocumentTypeCode`]) (required).
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

    /// Every finding about the document: required members, codes, lengths, patterns and the
    /// cross-member rules of the spec (see the [module documentation](super) for the codes).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"transportDocumentTypeCode": "SWB", "isToOrder": true,
    ///     "transportDocumentReference": " HHL71800000"}"#)?;
    /// let findings = doc.validate();
    /// let has = |code: &str, path: &str| findings.iter().any(|f| f.code == code && f.path == path);
    /// assert!(has("swb-to-order", "$.isToOrder"));
    /// assert!(has("untrimmed-text", "$.transportDocumentReference"));
    /// assert!(has("required", "$.documentParties"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn validate(&self) -> Vec<Finding> {
        super::validate::validate(self)
    }

    /// `Ok` if [`validate`](Self::validate) finds no error (warnings are allowed).
    ///
    /// # Errors
    /// [`ModelError::Invalid`] with the number of errors and the first of them.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert!(doc.ensure_valid().is_ok()); // one warning (no notify party), no error
    /// let mut issued = doc.clone();
    /// issued.transport_document_status = Some("ISSUED".into());
    /// let err = issued.ensure_valid().unwrap_err(); // an issued B/L needs an issueDate
    /// assert!(err.to_string().contains("issue-date-missing"));
    /// issued.issue_date = Some("2023-12-20".into());
    /// assert!(issued.ensure_valid().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ensure_valid(&self) -> crate::Result<()> {
        let findings = self.validate();
        let mut errors = findings.into_iter().filter(Finding::is_error);
        match errors.next() {
            None => Ok(()),
            Some(first) => Err(ModelError::Invalid {
                errors: 1 + errors.count(),
                first: Box::new(first),
            }
            .into()),
        }
    }

    /// `transportDocumentReference`.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.reference(), Some("62CD536BA8D34C469AFD"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reference(&self) -> Option<&str> {
        self.transport_document_reference.as_deref()
    }

    /// `transportDocumentTypeCode`, read as a [`DocumentTypeCode`].
    ///
    /// ```
    /// use ebl::model::DocumentTypeCode;
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.type_code(), Some(DocumentTypeCode::BillOfLading));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn type_code(&self) -> Option<DocumentTypeCode> {
        self.transport_document_type_code
            .as_deref()
            .map(DocumentTypeCode::parse)
    }

    /// `transportDocumentStatus`, read as a [`DocumentStatus`].
    ///
    /// ```
    /// use ebl::model::DocumentStatus;
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.status(), Some(DocumentStatus::Draft));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<DocumentStatus> {
        self.transport_document_status
            .as_deref()
            .map(DocumentStatus::parse)
    }

    /// Whether the status says the carrier has issued the document
    /// ([`DocumentStatus::is_issued`]).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let issued = TransportDocument::from_json(br#"{"transportDocumentStatus": "SURRENDERED_FOR_DELIVERY"}"#)?;
    /// assert!(issued.is_issued());
    /// assert!(!TransportDocument::from_json(br#"{"transportDocumentStatus": "APPROVED"}"#)?.is_issued());
    /// assert!(!TransportDocument::from_json(b"{}")?.is_issued());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn is_issued(&self) -> bool {
        self.status().is_some_and(|s| s.is_issued())
    }

    /// `isToOrder` is `true`.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// assert!(TransportDocument::from_json(br#"{"isToOrder": true}"#)?.is_to_order());
    /// assert!(!TransportDocument::from_json(br#"{"isToOrder": false}"#)?.is_to_order());
    /// assert!(!TransportDocument::from_json(b"{}")?.is_to_order()); // absent
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn is_to_order(&self) -> bool {
        self.is_to_order == Some(true)
    }

    /// `isElectronic` is `true`.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// assert!(TransportDocument::from_json(br#"{"isElectronic": true}"#)?.is_electronic());
    /// assert!(!TransportDocument::from_json(br#"{"isElectronic": false}"#)?.is_electronic());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn is_electronic(&self) -> bool {
        self.is_electronic == Some(true)
    }

    /// Whether the document is negotiable: a bill of lading (`BOL`) issued to order
    /// (`isToOrder: true`). The spec: "If `true`, the B/L is considered negotiable … If
    /// `false`, the B/L is considered non-negotiable (also referred to as `straight`)", and a
    /// sea waybill can never be to order. A `SWB` that claims `isToOrder` is *not* negotiable
    /// (and fails validation with `swb-to-order`).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = |json: &[u8]| TransportDocument::from_json(json);
    /// assert!(doc(br#"{"transportDocumentTypeCode": "BOL", "isToOrder": true}"#)?.is_negotiable());
    /// assert!(!doc(br#"{"transportDocumentTypeCode": "BOL", "isToOrder": false}"#)?.is_negotiable()); // straight
    /// assert!(!doc(br#"{"transportDocumentTypeCode": "SWB", "isToOrder": true}"#)?.is_negotiable());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn is_negotiable(&self) -> bool {
        self.type_code() == Some(DocumentTypeCode::BillOfLading) && self.is_to_order()
    }

    /// `carrierCode` (SCAC or SMDG code, see `carrierCodeListProvider`).
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.carrier_code(), Some("MSC"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn carrier_code(&self) -> Option<&str> {
        self.carrier_code.as_deref()
    }

    /// `carrierCodeListProvider` (`SMDG` or `NMFTA`).
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!((doc.carrier_code(), doc.carrier_code_list_provider()), (Some("MSC"), Some("SMDG")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn carrier_code_list_provider(&self) -> Option<&str> {
        self.carrier_code_list_provider.as_deref()
    }

    /// `documentParties.issuingParty`.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// let carrier = doc.issuing_party().unwrap();
    /// assert_eq!(carrier.party_name.as_deref(), Some("Mediterranean Shipping Company"));
    /// assert_eq!(carrier.identifying_codes.as_ref().unwrap()[0].party_code.as_deref(), Some("529900T8BM49AURSDO55"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn issuing_party(&self) -> Option<&Party> {
        self.parties()?.issuing_party.as_ref()
    }

    /// `documentParties.shipper`.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.shipper().and_then(|p| p.party_name.as_deref()), Some("DCSA CTK"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn shipper(&self) -> Option<&Party> {
        self.parties()?.shipper.as_ref()
    }

    /// `documentParties.consignee`.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let straight = TransportDocument::from_json(br#"{"isToOrder": false,
    ///     "documentParties": {"consignee": {"partyName": "IKEA Denmark"}}}"#)?;
    /// assert_eq!(straight.consignee().and_then(|p| p.party_name.as_deref()), Some("IKEA Denmark"));
    /// assert!(TransportDocument::from_json(b"{}")?.consignee().is_none());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn consignee(&self) -> Option<&Party> {
        self.parties()?.consignee.as_ref()
    }

    /// `documentParties.endorsee` (none on a to-order B/L = blank endorsed).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let endorsed = TransportDocument::from_json(br#"{"isToOrder": true,
    ///     "documentParties": {"endorsee": {"partyName": "Bank of Example"}}}"#)?;
    /// assert_eq!(endorsed.endorsee().and_then(|p| p.party_name.as_deref()), Some("Bank of Example"));
    /// let blank = TransportDocument::from_json(br#"{"isToOrder": true, "documentParties": {}}"#)?;
    /// assert!(blank.endorsee().is_none()); // blank endorsed
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn endorsee(&self) -> Option<&Party> {
        self.parties()?.endorsee.as_ref()
    }

    /// `documentParties.notifyParties` (empty if absent).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"documentParties": {"notifyParties": [
    ///     {"partyName": "Agent A"}, {"partyName": "Agent B"}]}}"#)?;
    /// let names: Vec<_> = doc.notify_parties().iter().filter_map(|p| p.party_name.as_deref()).collect();
    /// assert_eq!(names, ["Agent A", "Agent B"]);
    /// assert!(TransportDocument::from_json(b"{}")?.notify_parties().is_empty());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn notify_parties(&self) -> &[Party] {
        self.parties()
            .and_then(|p| p.notify_parties.as_deref())
            .unwrap_or(&[])
    }

    /// `shippedOnBoardDate`, if present and a valid `YYYY-MM-DD` date.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.shipped_on_board_date(), chrono::NaiveDate::from_ymd_opt(2023, 12, 20));
    /// let mut bad = doc.clone();
    /// bad.shipped_on_board_date = Some("2023-12-32".into());
    /// assert_eq!(bad.shipped_on_board_date(), None); // not a date (and a validation finding)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn shipped_on_board_date(&self) -> Option<NaiveDate> {
        parse_date(self.shipped_on_board_date.as_deref())
    }

    /// `receivedForShipmentDate`, if present and a valid date.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"receivedForShipmentDate": "2020-12-12"}"#)?;
    /// assert_eq!(doc.received_for_shipment_date(), chrono::NaiveDate::from_ymd_opt(2020, 12, 12));
    /// assert_eq!(doc.shipped_on_board_date(), None);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn received_for_shipment_date(&self) -> Option<NaiveDate> {
        parse_date(self.received_for_shipment_date.as_deref())
    }

    /// `issueDate`, if present and a valid date.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"issueDate": "2024-02-29"}"#)?;
    /// assert_eq!(doc.issue_date(), chrono::NaiveDate::from_ymd_opt(2024, 2, 29));
    /// let not_leap = TransportDocument::from_json(br#"{"issueDate": "2023-02-29"}"#)?;
    /// assert_eq!(not_leap.issue_date(), None);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn issue_date(&self) -> Option<NaiveDate> {
        parse_date(self.issue_date.as_deref())
    }

    /// The UN/LOCODE of `transports.portOfLoading`.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.port_of_loading(), Some("DKAAR")); // Aarhus
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn port_of_loading(&self) -> Option<&str> {
        self.transports
            .as_ref()?
            .port_of_loading
            .as_ref()?
            .un_location_code
            .as_deref()
    }

    /// The UN/LOCODE of `transports.portOfDischarge`.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert_eq!(doc.port_of_discharge(), Some("DEBRV")); // Bremerhaven
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn port_of_discharge(&self) -> Option<&str> {
        self.transports
            .as_ref()?
            .port_of_discharge
            .as_ref()?
            .un_location_code
            .as_deref()
    }

    /// The JSON paths of the explicit `null` members that were received.
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"issueDate": null,
    ///     "documentParties": {"shipper": {"partyName": "ACME", "reference": null}}}"#)?;
    /// assert_eq!(doc.null_members(), ["$.issueDate", "$.documentParties.shipper.reference"]);
    /// assert!(doc.validate().iter().any(|f| f.code == "null-value" && f.path == "$.issueDate"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn null_members(&self) -> Vec<String> {
        self.nulls
            .iter()
            .map(|n| n.parent_path().key(&n.key).into())
            .collect()
    }

    fn parties(&self) -> Option<&DocumentParties> {
        self.document_parties.as_ref()
    }
}

/// Routes path-tracked deserialisation to the derived (remote) implementation.
struct Tracked(TransportDocument);

impl<'de> Deserialize<'de> for Tracked {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TransportDocument::deserialize(deserializer).map(Tracked)
    }
}

/// A strict `YYYY-MM-DD` date (RFC 3339 `full-date`).
pub(crate) fn parse_date(text: Option<&str>) -> Option<NaiveDate> {
    let text = text?;
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
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
