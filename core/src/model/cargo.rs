//! Cargo, equipment, charges and references.

use serde_json::Number;

use super::macros::dcsa_object;

dcsa_object! {
    /// A quantity with a unit: `CargoGrossWeight`, `CargoNetWeight`, `CargoGrossVolume`,
    /// `CargoNetVolume`, `TareWeight` and the dangerous-goods `GrossWeight`, `NetWeight`,
    /// `NetExplosiveContent`, `NetVolume`. The allowed units depend on the member (checked by
    /// validation).
    ///
    /// ```
    /// use ebl::model::Measure;
    ///
    /// let weight: Measure = serde_json::from_value(serde_json::json!({"value": 12000.5, "unit": "KGM"}))?;
    /// assert_eq!(weight.unit.as_deref(), Some("KGM"));
    /// assert_eq!(weight.value.as_ref().and_then(|n| n.as_f64()), Some(12000.5)); // the Number as read
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Measure {
        /// The amount, > 0 (required).
        "value" => value: Number,
        /// The unit code (`KGM`, `LBR`, `MTQ`, …) (required).
        "unit" => unit: String,
    }
}

dcsa_object! {
    /// An export or import licence (`ExportLicense`, `ImportLicense`).
    ///
    /// ```
    /// use ebl::model::License;
    ///
    /// let licence: License = serde_json::from_value(serde_json::json!(
    ///     {"isRequired": true, "reference": "EXP-2023-001", "issueDate": "2023-12-01"}))?;
    /// assert_eq!(licence.is_required, Some(true));
    /// assert_eq!(licence.reference.as_deref(), Some("EXP-2023-001"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    License {
        /// Whether a licence is required.
        "isRequired" => is_required: bool,
        /// The licence reference, ≤35.
        "reference" => reference: String,
        /// Date of issue.
        "issueDate" => issue_date: String,
        /// Date of expiry.
        "expiryDate" => expiry_date: String,
    }
}

dcsa_object! {
    /// A national commodity code (`NationalCommodityCode`, deprecated, values ≤10, and
    /// `ExtendedNationalCommodityCode`, 3.0.3, values ≤16).
    ///
    /// ```
    /// use ebl::model::NationalCommodityCode;
    ///
    /// let code: NationalCommodityCode = serde_json::from_value(serde_json::json!(
    ///     {"type": "NCM", "countryCode": "BR", "values": ["69072100"]}))?;
    /// assert_eq!(code.kind.as_deref(), Some("NCM"));
    /// assert_eq!(code.values.as_deref(), Some(&["69072100".to_owned()][..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    NationalCommodityCode {
        /// `NCM`, `HTS`, `SCHEDULE_B`, `TARIC`, `CN`, `CUS`, ≤10 (required).
        "type" => kind: String,
        /// Country of the code list.
        "countryCode" => country_code: String,
        /// The codes, ≥1 (required).
        "values" => values: Vec<String>,
    }
}

dcsa_object! {
    /// A customs reference (`CustomsReference`).
    ///
    /// ```
    /// use ebl::model::CustomsReference;
    ///
    /// let reference: CustomsReference = serde_json::from_value(serde_json::json!(
    ///     {"type": "ACID", "countryCode": "EG", "values": ["4034220002"]}))?;
    /// assert_eq!((reference.kind.as_deref(), reference.country_code.as_deref()), (Some("ACID"), Some("EG")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CustomsReference {
        /// Kind of reference, ≤50 (required).
        "type" => kind: String,
        /// Country (required).
        "countryCode" => country_code: String,
        /// The references, ≥1, each ≤35 (required).
        "values" => values: Vec<String>,
    }
}

dcsa_object! {
    /// A reference on a consignment item (`ReferenceConsignmentItem`).
    ///
    /// ```
    /// use ebl::model::ConsignmentItemReference;
    ///
    /// let reference: ConsignmentItemReference = serde_json::from_value(serde_json::json!(
    ///     {"type": "SPO", "values": ["PO-4711"]}))?;
    /// assert_eq!(reference.kind.as_deref(), Some("SPO"));
    /// assert_eq!(reference.values.map(|v| v.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConsignmentItemReference {
        /// `CR`, `AKG`, `SPO`, `CPO`, ≤3 (required).
        "type" => kind: String,
        /// The references, ≥1, each ≤35 (required).
        "values" => values: Vec<String>,
    }
}

dcsa_object! {
    /// A reference on the document or on equipment (`Reference`).
    ///
    /// ```
    /// use ebl::model::Reference;
    ///
    /// let reference: Reference = serde_json::from_value(serde_json::json!({"type": "CR", "value": "AB-123743CR"}))?;
    /// assert_eq!((reference.kind.as_deref(), reference.value.as_deref()), (Some("CR"), Some("AB-123743CR")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Reference {
        /// `CR` or `AKG`, ≤3 (required).
        "type" => kind: String,
        /// The reference, ≤35 (required).
        "value" => value: String,
    }
}

dcsa_object! {
    /// Packaging inside a dangerous-goods package (`InnerPackaging`), possibly nested (3.0.3).
    ///
    /// ```
    /// use ebl::model::InnerPackaging;
    ///
    /// let inner: InnerPackaging = serde_json::from_value(serde_json::json!({"quantity": 20,
    ///     "material": "Plastic", "description": "Jerrican", "innerPackagings": [{"quantity": 4}]}))?;
    /// assert_eq!(inner.material.as_deref(), Some("Plastic"));
    /// assert_eq!(inner.inner_packagings.map(|nested| nested.len()), Some(1)); // nested (3.0.3)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    InnerPackaging {
        /// Number of inner packagings (required).
        "quantity" => quantity: Number,
        /// Material, ≤100 (required).
        "material" => material: String,
        /// Description, ≤100 (required).
        "description" => description: String,
        /// Nested inner packagings (3.0.3).
        "innerPackagings" => inner_packagings: Vec<InnerPackaging>,
    }
}

dcsa_object! {
    /// Who to call about dangerous goods (`EmergencyContactDetails`).
    ///
    /// ```
    /// use ebl::model::EmergencyContactDetails;
    ///
    /// let contact: EmergencyContactDetails = serde_json::from_value(serde_json::json!(
    ///     {"contact": "Henrik Larsen", "provider": "GlobeTeam", "phone": "+45 70262970"}))?;
    /// assert_eq!(contact.provider.as_deref(), Some("GlobeTeam"));
    /// assert_eq!(contact.phone.as_deref(), Some("+45 70262970"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    EmergencyContactDetails {
        /// Contact name, ≤255 (required).
        "contact" => contact: String,
        /// Provider, ≤255.
        "provider" => provider: String,
        /// Phone, ≤30 (required).
        "phone" => phone: String,
        /// Reference number, ≤255.
        "referenceNumber" => reference_number: String,
    }
}

dcsa_object! {
    /// Temperature limits of dangerous goods (`Limits`).
    ///
    /// ```
    /// use ebl::model::Limits;
    ///
    /// let limits: Limits = serde_json::from_value(serde_json::json!({"temperatureUnit": "CEL", "flashPoint": 42.0}))?;
    /// assert_eq!(limits.temperature_unit.as_deref(), Some("CEL"));
    /// assert_eq!(limits.flash_point.as_ref().and_then(|n| n.as_f64()), Some(42.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Limits {
        /// `CEL` or `FAH` (required).
        "temperatureUnit" => temperature_unit: String,
        /// Flash point.
        "flashPoint" => flash_point: Number,
        /// Transport control temperature.
        "transportControlTemperature" => transport_control_temperature: Number,
        /// Transport emergency temperature.
        "transportEmergencyTemperature" => transport_emergency_temperature: Number,
        /// Self-accelerating decomposition temperature.
        "SADT" => sadt: Number,
        /// Self-accelerating polymerisation temperature.
        "SAPT" => sapt: Number,
    }
}

dcsa_object! {
    /// Dangerous goods in a package (`DangerousGoods`): exactly one of `UNNumber`/`NANumber`.
    ///
    /// ```
    /// use ebl::model::DangerousGoods;
    ///
    /// let dg: DangerousGoods = serde_json::from_value(serde_json::json!({"UNNumber": "1463",
    ///     "properShippingName": "Chromium Trioxide, anhydrous", "imoClass": "5.1", "packingGroup": 2}))?;
    /// assert_eq!(dg.un_number.as_deref(), Some("1463"));
    /// assert_eq!(dg.imo_class.as_deref(), Some("5.1"));
    /// assert!(dg.na_number.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    DangerousGoods {
        /// UN number, `^\d{4}$`.
        "UNNumber" => un_number: String,
        /// NA number, `^\d{4}$`.
        "NANumber" => na_number: String,
        /// Coded variant list, `^[0-3][0-9A-Z]{3}$`.
        "codedVariantList" => coded_variant_list: String,
        /// Proper shipping name, ≤250 (required).
        "properShippingName" => proper_shipping_name: String,
        /// Technical name, ≤250.
        "technicalName" => technical_name: String,
        /// IMO class, ≤4 (required).
        "imoClass" => imo_class: String,
        /// Subsidiary risk 1, `^[0-9](\.[0-9])?$`.
        "subsidiaryRisk1" => subsidiary_risk1: String,
        /// Subsidiary risk 2, `^[0-9](\.[0-9])?$`.
        "subsidiaryRisk2" => subsidiary_risk2: String,
        /// Marine pollutant.
        "isMarinePollutant" => is_marine_pollutant: bool,
        /// Packing group, 1–3.
        "packingGroup" => packing_group: Number,
        /// Limited quantity.
        "isLimitedQuantity" => is_limited_quantity: bool,
        /// Excepted quantity.
        "isExceptedQuantity" => is_excepted_quantity: bool,
        /// Salvage packings.
        "isSalvagePackings" => is_salvage_packings: bool,
        /// Empty uncleaned residue.
        "isEmptyUncleanedResidue" => is_empty_uncleaned_residue: bool,
        /// Waste.
        "isWaste" => is_waste: bool,
        /// Hot.
        "isHot" => is_hot: bool,
        /// Whether competent-authority approval is required.
        "isCompetentAuthorityApprovalRequired" => is_competent_authority_approval_required: bool,
        /// Competent-authority approval, ≤70.
        "competentAuthorityApproval" => competent_authority_approval: String,
        /// IMDG segregation groups, `1`–`18`.
        "segregationGroups" => segregation_groups: Vec<String>,
        /// Inner packagings.
        "innerPackagings" => inner_packagings: Vec<InnerPackaging>,
        /// Emergency contact.
        "emergencyContactDetails" => emergency_contact_details: EmergencyContactDetails,
        /// EmS number, ≤7.
        "EMSNumber" => ems_number: String,
        /// End of holding time.
        "endOfHoldingTime" => end_of_holding_time: String,
        /// Fumigation date-time (RFC 3339).
        "fumigationDateTime" => fumigation_date_time: String,
        /// Reportable quantity.
        "isReportableQuantity" => is_reportable_quantity: bool,
        /// Inhalation zone `A`–`D`.
        "inhalationZone" => inhalation_zone: String,
        /// Gross weight (`KGM`, `LBR`).
        "grossWeight" => gross_weight: Measure,
        /// Net weight (`KGM`, `LBR`).
        "netWeight" => net_weight: Measure,
        /// Net explosive content (`KGM`, `LBR`, `GRM`, `ONZ`).
        "netExplosiveContent" => net_explosive_content: Measure,
        /// Net volume (`MTQ`, `FTQ`, `LTR`).
        "netVolume" => net_volume: Measure,
        /// Temperature limits.
        "limits" => limits: Limits,
    }
}

dcsa_object! {
    /// The outer packaging of a cargo item (`OuterPackaging`).
    ///
    /// ```
    /// use ebl::model::OuterPackaging;
    ///
    /// let outer: OuterPackaging = serde_json::from_value(serde_json::json!(
    ///     {"packageCode": "5H", "numberOfPackages": 18, "description": "Bags"}))?;
    /// assert_eq!(outer.package_code.as_deref(), Some("5H"));
    /// assert_eq!(outer.number_of_packages.as_ref().and_then(|n| n.as_u64()), Some(18));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    OuterPackaging {
        /// UN/ECE Rec. 21 package code, `^[A-Z0-9]{2}$`.
        "packageCode" => package_code: String,
        /// IMO packaging code, `^[A-Z0-9]{1,5}$`.
        "imoPackagingCode" => imo_packaging_code: String,
        /// Number of packages, 1–99 999 999 (required).
        "numberOfPackages" => number_of_packages: Number,
        /// Description, ≤100 (required).
        "description" => description: String,
        /// Wood packaging declaration.
        "woodDeclaration" => wood_declaration: String,
        /// Dangerous goods in the packages.
        "dangerousGoods" => dangerous_goods: Vec<DangerousGoods>,
    }
}

dcsa_object! {
    /// A cargo item in a piece of equipment (`CargoItem`).
    ///
    /// ```
    /// use ebl::model::CargoItem;
    ///
    /// let item: CargoItem = serde_json::from_value(serde_json::json!({"equipmentReference": "APZU4812090",
    ///     "cargoGrossWeight": {"value": 12000, "unit": "KGM"}, "outerPackaging": {"numberOfPackages": 18}}))?;
    /// assert_eq!(item.equipment_reference.as_deref(), Some("APZU4812090"));
    /// assert_eq!(item.cargo_gross_weight.and_then(|w| w.unit).as_deref(), Some("KGM"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CargoItem {
        /// The equipment it is packed in, ≤11 (required).
        "equipmentReference" => equipment_reference: String,
        /// Gross weight (`KGM`, `LBR`) (required).
        "cargoGrossWeight" => cargo_gross_weight: Measure,
        /// Gross volume (`MTQ`, `FTQ`).
        "cargoGrossVolume" => cargo_gross_volume: Measure,
        /// Net weight (`KGM`, `LBR`).
        "cargoNetWeight" => cargo_net_weight: Measure,
        /// Net volume (`MTQ`, `FTQ`).
        "cargoNetVolume" => cargo_net_volume: Measure,
        /// Export licence.
        "exportLicense" => export_license: License,
        /// Import licence.
        "importLicense" => import_license: License,
        /// Outer packaging (required).
        "outerPackaging" => outer_packaging: OuterPackaging,
        /// National commodity codes (deprecated).
        "nationalCommodityCodes" => national_commodity_codes: Vec<NationalCommodityCode>,
        /// Extended national commodity codes (3.0.3).
        "extendedNationalCommodityCodes" => extended_national_commodity_codes: Vec<NationalCommodityCode>,
        /// Customs references.
        "customsReferences" => customs_references: Vec<CustomsReference>,
    }
}

dcsa_object! {
    /// A consignment item (`ConsignmentItem`).
    ///
    /// ```
    /// use ebl::model::ConsignmentItem;
    ///
    /// let item: ConsignmentItem = serde_json::from_value(serde_json::json!({"carrierBookingReference": "ABC709951",
    ///     "descriptionOfGoods": ["Tires"], "HSCodes": ["400121"]}))?;
    /// assert_eq!(item.carrier_booking_reference.as_deref(), Some("ABC709951"));
    /// assert_eq!(item.hs_codes.as_deref(), Some(&["400121".to_owned()][..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConsignmentItem {
        /// The carrier's booking reference, ≤35 (required).
        "carrierBookingReference" => carrier_booking_reference: String,
        /// Description of the goods, ≤150 lines of ≤35, order significant (required).
        "descriptionOfGoods" => description_of_goods: Vec<String>,
        /// HS codes, ≥1, `^\d{6,10}$` (required, deprecated).
        "HSCodes" => hs_codes: Vec<String>,
        /// HS codes, `^\d{6,12}$` (3.0.3; wins over `HSCodes`).
        "extendedHSCodes" => extended_hs_codes: Vec<String>,
        /// National commodity codes (deprecated).
        "nationalCommodityCodes" => national_commodity_codes: Vec<NationalCommodityCode>,
        /// Extended national commodity codes (3.0.3).
        "extendedNationalCommodityCodes" => extended_national_commodity_codes: Vec<NationalCommodityCode>,
        /// Shipping marks, ≤50 lines of ≤35, order significant.
        "shippingMarks" => shipping_marks: Vec<String>,
        /// The cargo items, ≥1 (required).
        "cargoItems" => cargo_items: Vec<CargoItem>,
        /// Export licence.
        "exportLicense" => export_license: License,
        /// Import licence.
        "importLicense" => import_license: License,
        /// References.
        "references" => references: Vec<ConsignmentItemReference>,
        /// Customs references.
        "customsReferences" => customs_references: Vec<CustomsReference>,
    }
}

dcsa_object! {
    /// A piece of equipment (`Equipment`).
    ///
    /// ```
    /// use ebl::model::Equipment;
    ///
    /// let container: Equipment = serde_json::from_value(serde_json::json!(
    ///     {"equipmentReference": "APZU4812090", "ISOEquipmentCode": "22GP"}))?;
    /// assert_eq!(container.equipment_reference.as_deref(), Some("APZU4812090"));
    /// assert_eq!(container.iso_equipment_code.as_deref(), Some("22GP"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Equipment {
        /// Container number (ISO 6346 when possible), ≤11 (required).
        "equipmentReference" => equipment_reference: String,
        /// ISO 6346 size/type code, ≤4.
        "ISOEquipmentCode" => iso_equipment_code: String,
        /// Tare weight (`KGM`, `LBR`).
        "tareWeight" => tare_weight: Measure,
    }
}

dcsa_object! {
    /// Settings of an active reefer (`ActiveReeferSettings`).
    ///
    /// ```
    /// use ebl::model::{ActiveReeferSettings, TransportDocument};
    ///
    /// let reefer: ActiveReeferSettings = serde_json::from_value(serde_json::json!({"temperatureSetpoint": -15, "temperatureUnit": "CEL"}))?;
    /// assert_eq!(reefer.temperature_unit.as_deref(), Some("CEL"));
    /// // A set point without its unit is a validation error.
    /// let doc = TransportDocument::from_json(br#"{"utilizedTransportEquipments": [{"activeReeferSettings": {"temperatureSetpoint": -15}}]}"#)?;
    /// assert!(doc.validate().iter().any(|f| f.code == "reefer-temperature-unit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ActiveReeferSettings {
        /// Temperature set point.
        "temperatureSetpoint" => temperature_setpoint: Number,
        /// `CEL` or `FAH`; present exactly when `temperatureSetpoint` is.
        "temperatureUnit" => temperature_unit: String,
        /// O₂ set point, 0–100 %.
        "o2Setpoint" => o2_setpoint: Number,
        /// CO₂ set point, 0–100 %.
        "co2Setpoint" => co2_setpoint: Number,
        /// Humidity set point, 0–100 %.
        "humiditySetpoint" => humidity_setpoint: Number,
        /// Air exchange set point, ≥0.
        "airExchangeSetpoint" => air_exchange_setpoint: Number,
        /// `MQH` or `FQH`; present exactly when `airExchangeSetpoint` is.
        "airExchangeUnit" => air_exchange_unit: String,
        /// Ventilation open.
        "isVentilationOpen" => is_ventilation_open: bool,
        /// Drain holes open.
        "isDrainholesOpen" => is_drainholes_open: bool,
        /// Bulb mode.
        "isBulbMode" => is_bulb_mode: bool,
        /// Cold treatment required.
        "isColdTreatmentRequired" => is_cold_treatment_required: bool,
        /// Controlled atmosphere required.
        "isControlledAtmosphereRequired" => is_controlled_atmosphere_required: bool,
    }
}

dcsa_object! {
    /// A seal on equipment (`Seal`).
    ///
    /// ```
    /// use ebl::model::Seal;
    ///
    /// let seal: Seal = serde_json::from_value(serde_json::json!({"number": "SN123457", "source": "CUS"}))?;
    /// assert_eq!((seal.number.as_deref(), seal.source.as_deref()), (Some("SN123457"), Some("CUS")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Seal {
        /// Seal number, ≤15 (required).
        "number" => number: String,
        /// `CAR`, `SHI`, `VET` or `CUS`.
        "source" => source: String,
    }
}

dcsa_object! {
    /// Equipment used for the shipment (`UtilizedTransportEquipment`).
    ///
    /// ```
    /// use ebl::model::UtilizedTransportEquipment;
    ///
    /// let ute: UtilizedTransportEquipment = serde_json::from_value(serde_json::json!({
    ///     "equipment": {"equipmentReference": "APZU4812090", "ISOEquipmentCode": "22GP"},
    ///     "isShipperOwned": false, "seals": [{"number": "SN123457"}]}))?;
    /// assert_eq!(ute.equipment.and_then(|e| e.equipment_reference).as_deref(), Some("APZU4812090"));
    /// assert_eq!(ute.seals.map(|s| s.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    UtilizedTransportEquipment {
        /// The equipment (required).
        "equipment" => equipment: Equipment,
        /// Whether the shipper owns it (required).
        "isShipperOwned" => is_shipper_owned: bool,
        /// A reefer used as a dry container.
        "isNonOperatingReefer" => is_non_operating_reefer: bool,
        /// Reefer settings.
        "activeReeferSettings" => active_reefer_settings: ActiveReeferSettings,
        /// Shipping marks, ≤50 lines of ≤35, order significant.
        "shippingMarks" => shipping_marks: Vec<String>,
        /// Seals, ≥1 (required).
        "seals" => seals: Vec<Seal>,
        /// References.
        "references" => references: Vec<Reference>,
        /// Customs references.
        "customsReferences" => customs_references: Vec<CustomsReference>,
    }
}

dcsa_object! {
    /// A carrier's remark on a submitted document (`Feedback`, 3.0.2).
    ///
    /// ```
    /// use ebl::model::Feedback;
    ///
    /// let feedback: Feedback = serde_json::from_value(serde_json::json!({"severity": "WARN",
    ///     "code": "PROPERTY_VALUE_MAY_CHANGE", "message": "The vessel may change", "jsonPath": "$.transports"}))?;
    /// assert_eq!(feedback.severity.as_deref(), Some("WARN"));
    /// assert_eq!(feedback.json_path.as_deref(), Some("$.transports"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Feedback {
        /// `INFO`, `WARN` or `ERROR` (required).
        "severity" => severity: String,
        /// What kind of remark (required).
        "code" => code: String,
        /// The remark, ≤5000 (required).
        "message" => message: String,
        /// JSON path of the member concerned, ≤500.
        "jsonPath" => json_path: String,
        /// Name of the property concerned, ≤100.
        "property" => property: String,
    }
}

dcsa_object! {
    /// A charge on the document (`Charge`).
    ///
    /// ```
    /// use ebl::model::{Charge, TransportDocument};
    ///
    /// let charge: Charge = serde_json::from_value(serde_json::json!({"chargeName": "Documentation fee",
    ///     "currencyAmount": 50.0, "currencyCode": "DKK", "paymentTermCode": "PRE", "calculationBasis": "Per day",
    ///     "unitPrice": 50.0, "quantity": 1}))?;
    /// assert_eq!(charge.currency_code.as_deref(), Some("DKK"));
    /// let doc = TransportDocument::from_json(br#"{"charges": [{"currencyCode": "dkk"}]}"#)?;
    /// assert!(doc.validate().iter().any(|f| f.code == "currency-code" && f.path == "$.charges[0].currencyCode"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Charge {
        /// Charge name, ≤50 (required, deprecated in favour of `extendedChargeName`).
        "chargeName" => charge_name: String,
        /// Charge name, ≤100 (3.0.3).
        "extendedChargeName" => extended_charge_name: String,
        /// Amount, ≥0 (required).
        "currencyAmount" => currency_amount: Number,
        /// ISO 4217 currency (required).
        "currencyCode" => currency_code: String,
        /// `PRE` or `COL` (required).
        "paymentTermCode" => payment_term_code: String,
        /// Basis of the calculation, ≤50 (required).
        "calculationBasis" => calculation_basis: String,
        /// Unit price, ≥0 (required).
        "unitPrice" => unit_price: Number,
        /// Quantity, ≥0 (required).
        "quantity" => quantity: Number,
    }
}
