//! Places: addresses, ports, facilities and the routing of [`Transports`].

use super::macros::dcsa_object;

dcsa_object! {
    /// A postal address (`Address`, and `PartyAddress`, which adds `UNLocationCode`).
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
    Facility {
        /// The facility code, ≤6 (required).
        "facilityCode" => facility_code: String,
        /// `SMDG` or `BIC` (required).
        "facilityCodeListProvider" => facility_code_list_provider: String,
    }
}

dcsa_object! {
    /// A position (`GeoCoordinate`), as strings.
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
    InvoicePayableAt {
        /// UN/LOCODE.
        "UNLocationCode" => un_location_code: String,
        /// Free text, ≤35.
        "freeText" => free_text: String,
    }
}
