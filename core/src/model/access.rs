//! Typed readings of the document's members: the reference, type and status codes, the
//! parties by role, the dates and the ports, as the transport and title code needs them.

use chrono::NaiveDate;

use super::codes::{DocumentStatus, DocumentTypeCode};
use super::document::TransportDocument;
use super::parties::{DocumentParties, Party};

impl TransportDocument {
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
