//! The parties of a transport document (`DocumentParties` and the party objects in it).

use super::locations::Address;
use super::macros::dcsa_object;

dcsa_object! {
    /// A person to contact (`PartyContactDetail`): `name` plus `phone` and/or `email`.
    ///
    /// ```
    /// use ebl::model::PartyContactDetail;
    ///
    /// let c: PartyContactDetail = serde_json::from_value(serde_json::json!(
    ///     {"name": "DCSA test person", "email": "no-reply@dcsa.example.org"}))?;
    /// assert_eq!(c.email.as_deref(), Some("no-reply@dcsa.example.org"));
    /// // Without phone or email, a contact is a validation error.
    /// let doc = ebl::json::parse(br#"{"partyContactDetails": [{"name": "Nobody"}]}"#)?;
    /// let findings = ebl::model::TransportDocument::from_value(&doc)?.validate();
    /// assert!(findings.iter().any(|f| f.code == "any-of" && f.path == "$.partyContactDetails[0]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    PartyContactDetail {
        /// Name, ≤35 (required).
        "name" => name: String,
        /// Phone number in ITU-T E.123 international format, ≤30.
        "phone" => phone: String,
        /// E-mail address, ≤100, `^.+@\S+$`.
        "email" => email: String,
    }
}

dcsa_object! {
    /// A party code from a code list (`IdentifyingCode`), for example a DID or an LEI, or the
    /// party's account on an eBL platform.
    ///
    /// ```
    /// use ebl::model::IdentifyingCode;
    ///
    /// // The LEI of the carrier in the DCSA API examples.
    /// let code: IdentifyingCode = serde_json::from_value(serde_json::json!(
    ///     {"codeListProvider": "GLEIF", "codeListName": "LEI", "partyCode": "529900T8BM49AURSDO55"}))?;
    /// assert_eq!((code.code_list_name.as_deref(), code.party_code.as_deref()), (Some("LEI"), Some("529900T8BM49AURSDO55")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    IdentifyingCode {
        /// Who publishes the code list (`W3C`, `GLEIF`, an eBL platform code, …), ≤100 (required).
        "codeListProvider" => code_list_provider: String,
        /// The party's code, ≤150 (required).
        "partyCode" => party_code: String,
        /// Name of the code list (`DID`, `LEI`, `DUNS`), ≤100.
        "codeListName" => code_list_name: String,
    }
}

dcsa_object! {
    /// A tax or legal registration (`TaxLegalReference`).
    ///
    /// ```
    /// use ebl::model::TaxLegalReference;
    ///
    /// let tax: TaxLegalReference = serde_json::from_value(serde_json::json!(
    ///     {"type": "EORI", "countryCode": "NL", "value": "NL123456789"}))?;
    /// assert_eq!(tax.kind.as_deref(), Some("EORI")); // `type` is a Rust keyword
    /// assert_eq!(serde_json::to_value(&tax)?["type"], "EORI");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TaxLegalReference {
        /// Kind of reference, ≤50 (required).
        "type" => kind: String,
        /// Country of the reference (required).
        "countryCode" => country_code: String,
        /// The reference, ≤35 (required).
        "value" => value: String,
    }
}

dcsa_object! {
    /// A party, with the union of the members of every DCSA party object: `Shipper`,
    /// `Consignee`, `Endorsee`, `NotifyParty`, `Party`, `IssuingParty`,
    /// `CarriersAgentAtDestination`, `OnBehalfOfShipper` and `OnBehalfOfConsignee`. Which
    /// members are required or allowed depends on the role; [`TransportDocument::validate`]
    /// checks that per role.
    ///
    /// [`TransportDocument::validate`]: super::TransportDocument::validate
    ///
    /// ```
    /// use ebl::model::Party;
    ///
    /// let party: Party = serde_json::from_value(serde_json::json!({"partyName": "DCSA CTK",
    ///     "displayedAddress": ["Strawinskylaan 4117"], "x-platformId": "P-42"}))?;
    /// assert_eq!(party.party_name.as_deref(), Some("DCSA CTK"));
    /// assert_eq!(party.extra["x-platformId"], "P-42"); // unknown members are kept
    /// // A shipper with neither an address nor an identifying code is refused.
    /// let doc = ebl::json::parse(br#"{"documentParties": {"shipper": {"partyName": "ACME"}}}"#)?;
    /// let findings = ebl::model::TransportDocument::from_value(&doc)?.validate();
    /// assert!(findings.iter().any(|f| f.code == "party-address-or-code" && f.path == "$.documentParties.shipper"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Party {
        /// Name, ≤70 (required for every role).
        "partyName" => party_name: String,
        /// The eBL platform the party uses (`Shipper`, `Consignee`, `Endorsee`; 3.0.3).
        "eblPlatform" => ebl_platform: String,
        /// `NATURAL_PERSON`, `LEGAL_PERSON` or `ASSOCIATION_OF_PERSONS`.
        "typeOfPerson" => type_of_person: String,
        /// Structured address (`PartyAddress`; `Address` for the carrier's agent).
        "address" => address: Address,
        /// Unstructured address, ≤5 lines of ≤250 (3.0.3).
        "addressLines" => address_lines: Vec<String>,
        /// The address as printed, ≤6 lines of ≤35.
        "displayedAddress" => displayed_address: Vec<String>,
        /// Codes identifying the party.
        "identifyingCodes" => identifying_codes: Vec<IdentifyingCode>,
        /// Tax and legal registrations.
        "taxLegalReferences" => tax_legal_references: Vec<TaxLegalReference>,
        /// People to contact.
        "partyContactDetails" => party_contact_details: Vec<PartyContactDetail>,
        /// The party's own reference, ≤35.
        "reference" => reference: String,
        /// Purchase-order references, each ≤35 (`Shipper`, `Consignee`).
        "purchaseOrderReferences" => purchase_order_references: Vec<String>,
        /// Whether the consignee/endorsee is also the first notify party (PINT, from 3.0.4).
        "isNotifyParty" => is_notify_party: bool,
    }
}

/// The DCSA `Shipper` object.
pub type Shipper = Party;
/// The DCSA `Consignee` object.
pub type Consignee = Party;
/// The DCSA `Endorsee` object.
pub type Endorsee = Party;
/// The DCSA `IssuingParty` object (the carrier or its agent that issues the document).
pub type IssuingParty = Party;
/// The DCSA `NotifyParty` object.
pub type NotifyParty = Party;

dcsa_object! {
    /// Another party with a function code (`OtherDocumentParty`).
    ///
    /// ```
    /// use ebl::model::OtherDocumentParty;
    ///
    /// let other: OtherDocumentParty = serde_json::from_value(serde_json::json!(
    ///     {"partyFunction": "DDR", "party": {"partyName": "Consolidator Ltd"}}))?;
    /// assert_eq!(other.party_function.as_deref(), Some("DDR"));
    /// assert_eq!(other.party.and_then(|p| p.party_name).as_deref(), Some("Consolidator Ltd"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    OtherDocumentParty {
        /// The party (required).
        "party" => party: Party,
        /// `SCO`, `DDR`, `DDS`, `COW` or `COX`, ≤3 (required).
        "partyFunction" => party_function: String,
    }
}

dcsa_object! {
    /// Who is who on the document (`DocumentParties`).
    ///
    /// ```
    /// use ebl::model::DocumentParties;
    ///
    /// let parties: DocumentParties = serde_json::from_value(serde_json::json!({
    ///     "shipper": {"partyName": "DCSA CTK"}, "notifyParties": [{"partyName": "Agent"}]}))?;
    /// assert_eq!(parties.shipper.and_then(|p| p.party_name).as_deref(), Some("DCSA CTK"));
    /// assert_eq!(parties.notify_parties.map(|n| n.len()), Some(1));
    /// assert!(parties.consignee.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    DocumentParties {
        /// The shipper (required).
        "shipper" => shipper: Party,
        /// Who the shipper acts for (3.0.2).
        "onBehalfOfShipper" => on_behalf_of_shipper: Party,
        /// The consignee: mandatory for a straight B/L, excluded by an endorsee.
        "consignee" => consignee: Party,
        /// Who the consignee acts for (3.0.2).
        "onBehalfOfConsignee" => on_behalf_of_consignee: Party,
        /// The endorsee of a to-order B/L (none = blank endorsed).
        "endorsee" => endorsee: Party,
        /// The issuing party (required).
        "issuingParty" => issuing_party: Party,
        /// The carrier's agent at destination.
        "carriersAgentAtDestination" => carriers_agent_at_destination: Party,
        /// Up to three notify parties, in order N1, N2, NI.
        "notifyParties" => notify_parties: Vec<Party>,
        /// Other parties.
        "other" => other: Vec<OtherDocumentParty>,
    }
}
