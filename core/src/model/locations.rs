//! Places: addresses, ports, facilities and the routing of [`Transports`].

use super::macros::dcsa_object;

dcsa_object! {
    /// A postal address (`Address`, and `PartyAddress`, which adds `UNLocationCode`).
    ///
    /// ```
    /// use ebl::model::Address;
    ///
    /// // The carrier's address in the DCSA API examples.
    /// let address: Address = serde_json::from_value(serde_json::json!({"street": "Chemin Rieu",
    ///     "streetNumber": "12-14", "city": "Geneva", "countryCode": "CH"}))?;
    /// assert_eq!((address.city.as_deref(), address.country_code.as_deref()), (Some("Geneva"), Some("CH")));
    /// assert!(address.post_code.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Address {
        /// Street name, ≤70 characters (required).
        "street" => street: String,
        /// Street number, ≤50.
        "streetNumber" => street_number: String,
        /// Floor, ≤50.
        "floor" => floor: String,
        /// Post code, ≤10.
        "postCode" => post_code: String,
        /// Post-office box, ≤20.
        "POBox" => po_box: String,
        /// City, ≤35 (required).
        "city" => city: String,
        /// UN/LOCODE of the address (`PartyAddress` only).
        "UNLocationCode" => un_location_code: String,
        /// State or region, ≤65.
        "stateRegion" => state_region: String,
        /// ISO 3166-1 alpha-2 country code (required).
        "countryCode" => country_code: String,
    }
}

dcsa_object! {
    /// A city (`City`), used by ports.
    ///
    /// ```
    /// use ebl::model::City;
    ///
    /// let city: City = serde_json::from_value(serde_json::json!({"city": "Aarhus", "countryCode": "DK"}))?;
    /// assert_eq!(city.city.as_deref(), Some("Aarhus"));
    /// assert_eq!(city.country_code.as_deref(), Some("DK"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    City {
        /// City name, ≤35 (required).
        "city" => city: String,
        /// State or region, ≤65.
        "stateRegion" => state_region: String,
        /// ISO 3166-1 alpha-2 country code (required).
        "countryCode" => country_code: String,
    }
}

dcsa_object! {
    /// A terminal or depot identified by a code list (`Facility`).
    ///
    /// ```
    /// use ebl::model::Facility;
    ///
    /// let terminal: Facility = serde_json::from_value(serde_json::json!(
    ///     {"facilityCode": "ADT", "facilityCodeListProvider": "SMDG"}))?;
    /// assert_eq!(terminal.facility_code.as_deref(), Some("ADT"));
    /// assert_eq!(terminal.facility_code_list_provider.as_deref(), Some("SMDG"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Facility {
        /// The facility code, ≤6 (required).
        "facilityCode" => facility_code: String,
        /// `SMDG` or `BIC` (required).
        "facilityCodeListProvider" => facility_code_list_provider: String,
    }
}

dcsa_object! {
    /// A position (`GeoCoordinate`), as strings.
    ///
    /// ```
    /// use ebl::model::GeoCoordinate;
    ///
    /// // Kept as strings, exactly as written.
    /// let at: GeoCoordinate = serde_json::from_value(serde_json::json!({"latitude": "56.1496", "longitude": "10.2134"}))?;
    /// assert_eq!(at.latitude.as_deref(), Some("56.1496"));
    /// assert_eq!(at.longitude.as_deref(), Some("10.2134"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    GeoCoordinate {
        /// Latitude, ≤10 (required).
        "latitude" => latitude: String,
        /// Longitude, ≤11 (required).
        "longitude" => longitude: String,
    }
}

dcsa_object! {
    /// `PlaceOfReceipt`, `PlaceOfDelivery` and `OnwardInlandRouting` (the last has no
    /// `geoCoordinate` in the spec).
    ///
    /// ```
    /// use ebl::model::Location;
    ///
    /// let receipt: Location = serde_json::from_value(serde_json::json!(
    ///     {"locationName": "Hamburg depot", "UNLocationCode": "DEHAM"}))?;
    /// assert_eq!(receipt.un_location_code.as_deref(), Some("DEHAM"));
    /// assert_eq!(receipt.location_name.as_deref(), Some("Hamburg depot"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Location {
        /// Name of the location, ≤100.
        "locationName" => location_name: String,
        /// Name of the facility, ≤100 (3.0.3).
        "facilityName" => facility_name: String,
        /// Structured address.
        "address" => address: Address,
        /// Unstructured address, ≤5 lines of ≤250 (3.0.3).
        "addressLines" => address_lines: Vec<String>,
        /// Facility code.
        "facility" => facility: Facility,
        /// UN/LOCODE.
        "UNLocationCode" => un_location_code: String,
        /// Position.
        "geoCoordinate" => geo_coordinate: GeoCoordinate,
    }
}

dcsa_object! {
    /// `PortOfLoading` and `PortOfDischarge`.
    ///
    /// ```
    /// use ebl::model::{Port, TransportDocument};
    ///
    /// let port: Port = serde_json::from_value(serde_json::json!({"UNLocationCode": "DKAAR"}))?;
    /// assert_eq!(port.un_location_code.as_deref(), Some("DKAAR"));
    /// // A malformed UN/LOCODE is a validation error.
    /// let doc = TransportDocument::from_json(br#"{"transports": {"portOfLoading": {"UNLocationCode": "dkaar"}}}"#)?;
    /// assert!(doc.validate().iter().any(|f| f.code == "un-locode" && f.path == "$.transports.portOfLoading.UNLocationCode"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Port {
        /// Name of the port, ≤100.
        "locationName" => location_name: String,
        /// The city of the port.
        "city" => city: City,
        /// UN/LOCODE of the port.
        "UNLocationCode" => un_location_code: String,
    }
}

dcsa_object! {
    /// A vessel and voyage (`VesselVoyage`).
    ///
    /// ```
    /// use ebl::model::VesselVoyage;
    ///
    /// // The vessel in the DCSA API examples.
    /// let voyage: VesselVoyage = serde_json::from_value(serde_json::json!(
    ///     {"vesselName": "MSC Gülsün", "carrierExportVoyageNumber": "402E"}))?;
    /// assert_eq!(voyage.vessel_name.as_deref(), Some("MSC Gülsün"));
    /// assert_eq!(voyage.carrier_export_voyage_number.as_deref(), Some("402E"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    VesselVoyage {
        /// Vessel name, ≤50 (required).
        "vesselName" => vessel_name: String,
        /// The carrier's export voyage number, ≤50 (required).
        "carrierExportVoyageNumber" => carrier_export_voyage_number: String,
        /// Universal export voyage reference, `^\d{2}[0-9A-Z]{2}[NEWSR]$`.
        "universalExportVoyageReference" => universal_export_voyage_reference: String,
        /// `FIRST_SEA_GOING` or `MOTHER` (3.0.3).
        "role" => role: String,
    }
}

dcsa_object! {
    /// The routing of the shipment (`Transports`).
    ///
    /// ```
    /// use ebl::model::Transports;
    ///
    /// let transports: Transports = serde_json::from_value(serde_json::json!({
    ///     "plannedDepartureDate": "2023-12-20", "portOfLoading": {"UNLocationCode": "DKAAR"},
    ///     "vesselVoyages": [{"vesselName": "MSC Gülsün", "carrierExportVoyageNumber": "402E"}]}))?;
    /// assert_eq!(transports.port_of_loading.and_then(|p| p.un_location_code).as_deref(), Some("DKAAR"));
    /// assert_eq!(transports.vessel_voyages.map(|v| v.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Transports {
        /// Planned arrival date at the port of discharge (required).
        "plannedArrivalDate" => planned_arrival_date: String,
        /// Planned departure date from the port of loading (required).
        "plannedDepartureDate" => planned_departure_date: String,
        /// Mode of pre-carriage: `VESSEL`, `RAIL`, `TRUCK`, `BARGE`, `MULTIMODAL`.
        "preCarriageBy" => pre_carriage_by: String,
        /// Mode of on-carriage, same codes.
        "onCarriageBy" => on_carriage_by: String,
        /// Where the carrier takes the goods in charge.
        "placeOfReceipt" => place_of_receipt: Location,
        /// Port of loading (required).
        "portOfLoading" => port_of_loading: Port,
        /// Port of discharge (required).
        "portOfDischarge" => port_of_discharge: Port,
        /// Where the carrier delivers the goods.
        "placeOfDelivery" => place_of_delivery: Location,
        /// Onward inland routing.
        "onwardInlandRouting" => onward_inland_routing: Location,
        /// The vessels and voyages, ≥1 (required).
        "vesselVoyages" => vessel_voyages: Vec<VesselVoyage>,
    }
}

dcsa_object! {
    /// Where the document was issued (`PlaceOfIssue`): exactly one of `UNLocationCode` or
    /// `countryCode`.
    ///
    /// ```
    /// use ebl::model::{PlaceOfIssue, TransportDocument};
    ///
    /// let place: PlaceOfIssue = serde_json::from_value(serde_json::json!({"countryCode": "DK"}))?;
    /// assert_eq!(place.country_code.as_deref(), Some("DK"));
    /// // Exactly one of UNLocationCode and countryCode.
    /// let doc = TransportDocument::from_json(br#"{"placeOfIssue": {"UNLocationCode": "DKAAR", "countryCode": "DK"}}"#)?;
    /// assert!(doc.validate().iter().any(|f| f.code == "one-of" && f.path.starts_with("$.placeOfIssue")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    PlaceOfIssue {
        /// Name of the location, ≤100.
        "locationName" => location_name: String,
        /// UN/LOCODE.
        "UNLocationCode" => un_location_code: String,
        /// Country code (`ZZ` = unknown since 3.0.2).
        "countryCode" => country_code: String,
    }
}

dcsa_object! {
    /// Where the freight is payable (`InvoicePayableAt`): exactly one of `UNLocationCode` or
    /// `freeText`.
    ///
    /// ```
    /// use ebl::model::{InvoicePayableAt, TransportDocument};
    ///
    /// let at: InvoicePayableAt = serde_json::from_value(serde_json::json!({"UNLocationCode": "DKAAR"}))?;
    /// assert_eq!(at.un_location_code.as_deref(), Some("DKAAR"));
    /// // Exactly one of UNLocationCode and freeText.
    /// let doc = TransportDocument::from_json(br#"{"invoicePayableAt": {}}"#)?;
    /// assert!(doc.validate().iter().any(|f| f.code == "one-of" && f.path.starts_with("$.invoicePayableAt")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    InvoicePayableAt {
        /// UN/LOCODE.
        "UNLocationCode" => un_location_code: String,
        /// Free text, ≤35.
        "freeText" => free_text: String,
    }
}
