//! Member-level checks of the `TransportDocument` object itself and of its document-level
//! members (charges, feedbacks); each nested object is checked by the file of its section.

use crate::json::JsonPath;
use crate::model::cargo::{Charge, Feedback};
use crate::model::codes::{self as c};
use crate::model::document::TransportDocument;

use super::cargo::{consignment_item, customs_reference, license, reference};
use super::equipment::utilized_equipment;
use super::locations::{invoice_payable_at, place_of_issue, transports};
use super::parties;

use super::check::{
    ANY, CURRENCY, Codes, Ctx, DATE, INT_MIN0, NON_NEGATIVE, Pattern, Text, each, max, object,
    req_each, req_object, trimmed,
};

pub(super) fn document(ctx: &mut Ctx<'_>, d: &TransportDocument, p: &JsonPath) {
    ctx.nulls(p, TransportDocument::FIELDS);
    ctx.req_text(
        p,
        "transportDocumentReference",
        d.transport_document_reference.as_ref(),
        trimmed(20),
    );
    ctx.text(
        p,
        "transportDocumentSubReference",
        d.transport_document_sub_reference.as_ref(),
        trimmed(100),
    );
    ctx.text(
        p,
        "shippingInstructionsReference",
        d.shipping_instructions_reference.as_ref(),
        trimmed(100),
    );
    ctx.req_text(
        p,
        "transportDocumentStatus",
        d.transport_document_status.as_ref(),
        max(50),
    );
    ctx.code(
        p,
        "transportDocumentStatus",
        d.transport_document_status.as_ref(),
        c::STATUSES,
        Codes::Open,
    );
    ctx.req_code(
        p,
        "transportDocumentTypeCode",
        d.transport_document_type_code.as_ref(),
        c::TYPE_CODES,
        Codes::Closed,
    );
    ctx.required(
        p,
        "isShippedOnBoardType",
        d.is_shipped_on_board_type.as_ref(),
    );
    ctx.code(
        p,
        "freightPaymentTermCode",
        d.freight_payment_term_code.as_ref(),
        c::PAYMENT_TERMS,
        Codes::Closed,
    );
    ctx.required(p, "isElectronic", d.is_electronic.as_ref());
    ctx.required(p, "isToOrder", d.is_to_order.as_ref());
    ctx.number(
        p,
        "numberOfCopiesWithCharges",
        d.number_of_copies_with_charges.as_ref(),
        INT_MIN0,
    );
    ctx.number(
        p,
        "numberOfCopiesWithoutCharges",
        d.number_of_copies_without_charges.as_ref(),
        INT_MIN0,
    );
    ctx.number(
        p,
        "numberOfOriginalsWithCharges",
        d.number_of_originals_with_charges.as_ref(),
        INT_MIN0,
    );
    ctx.number(
        p,
        "numberOfOriginalsWithoutCharges",
        d.number_of_originals_without_charges.as_ref(),
        INT_MIN0,
    );
    for (name, value) in [
        (
            "displayedNameForPlaceOfReceipt",
            &d.displayed_name_for_place_of_receipt,
        ),
        (
            "displayedNameForPortOfLoad",
            &d.displayed_name_for_port_of_load,
        ),
        (
            "displayedNameForPortOfDischarge",
            &d.displayed_name_for_port_of_discharge,
        ),
        (
            "displayedNameForPlaceOfDelivery",
            &d.displayed_name_for_place_of_delivery,
        ),
    ] {
        ctx.texts(p, name, value.as_ref(), (0, 5), max(35));
    }
    ctx.text(
        p,
        "shippedOnBoardDate",
        d.shipped_on_board_date.as_ref(),
        DATE,
    );
    ctx.text(
        p,
        "displayedShippedOnBoardReceivedForShipment",
        d.displayed_shipped_on_board_received_for_shipment.as_ref(),
        trimmed(250),
    );
    ctx.req_text(
        p,
        "termsAndConditions",
        d.terms_and_conditions.as_ref(),
        max(50_000),
    );
    for (name, value) in [
        ("receiptTypeAtOrigin", &d.receipt_type_at_origin),
        ("deliveryTypeAtDestination", &d.delivery_type_at_destination),
    ] {
        ctx.req_code(
            p,
            name,
            value.as_ref(),
            c::RECEIPT_DELIVERY_TYPES,
            Codes::Closed,
        );
    }
    for (name, value) in [
        (
            "cargoMovementTypeAtOrigin",
            &d.cargo_movement_type_at_origin,
        ),
        (
            "cargoMovementTypeAtDestination",
            &d.cargo_movement_type_at_destination,
        ),
    ] {
        ctx.req_text(p, name, value.as_ref(), max(3));
        ctx.code(
            p,
            name,
            value.as_ref(),
            c::CARGO_MOVEMENT_TYPES,
            Codes::Open,
        );
    }
    ctx.text(p, "issueDate", d.issue_date.as_ref(), DATE);
    ctx.text(
        p,
        "receivedForShipmentDate",
        d.received_for_shipment_date.as_ref(),
        DATE,
    );
    ctx.text(
        p,
        "serviceContractReference",
        d.service_contract_reference.as_ref(),
        max(30),
    );
    ctx.text(
        p,
        "contractQuotationReference",
        d.contract_quotation_reference.as_ref(),
        trimmed(35),
    );
    ctx.text(
        p,
        "extendedContractQuotationReference",
        d.extended_contract_quotation_reference.as_ref(),
        trimmed(70),
    );
    ctx.number(p, "declaredValue", d.declared_value.as_ref(), NON_NEGATIVE);
    ctx.text(
        p,
        "declaredValueCurrency",
        d.declared_value_currency.as_ref(),
        CURRENCY,
    );
    ctx.req_text(
        p,
        "carrierCode",
        d.carrier_code.as_ref(),
        Text {
            min: 0,
            max: 4,
            pattern: Pattern::NoSpace,
        },
    );
    ctx.req_code(
        p,
        "carrierCodeListProvider",
        d.carrier_code_list_provider.as_ref(),
        c::CARRIER_CODE_LIST_PROVIDERS,
        Codes::Closed,
    );
    ctx.texts(
        p,
        "carrierClauses",
        d.carrier_clauses.as_ref(),
        ANY,
        trimmed(20_000),
    );
    ctx.number(
        p,
        "numberOfRiderPages",
        d.number_of_rider_pages.as_ref(),
        INT_MIN0,
    );
    req_object(ctx, p, "transports", d.transports.as_ref(), transports);
    each(ctx, p, "charges", d.charges.as_ref(), charge);
    object(
        ctx,
        p,
        "placeOfIssue",
        d.place_of_issue.as_ref(),
        place_of_issue,
    );
    req_object(
        ctx,
        p,
        "invoicePayableAt",
        d.invoice_payable_at.as_ref(),
        invoice_payable_at,
    );
    req_each(
        ctx,
        p,
        "partyContactDetails",
        d.party_contact_details.as_ref(),
        (1, usize::MAX),
        parties::contact,
    );
    req_object(
        ctx,
        p,
        "documentParties",
        d.document_parties.as_ref(),
        parties::document_parties,
    );
    req_each(
        ctx,
        p,
        "consignmentItems",
        d.consignment_items.as_ref(),
        (1, usize::MAX),
        consignment_item,
    );
    req_each(
        ctx,
        p,
        "utilizedTransportEquipments",
        d.utilized_transport_equipments.as_ref(),
        (1, usize::MAX),
        utilized_equipment,
    );
    object(ctx, p, "exportLicense", d.export_license.as_ref(), license);
    object(ctx, p, "importLicense", d.import_license.as_ref(), license);
    each(ctx, p, "references", d.references.as_ref(), reference);
    each(
        ctx,
        p,
        "customsReferences",
        d.customs_references.as_ref(),
        customs_reference,
    );
    each(ctx, p, "feedbacks", d.feedbacks.as_ref(), feedback);
}

fn charge(ctx: &mut Ctx<'_>, ch: &Charge, p: &JsonPath) {
    ctx.nulls(p, Charge::FIELDS);
    ctx.req_text(p, "chargeName", ch.charge_name.as_ref(), trimmed(50));
    ctx.text(
        p,
        "extendedChargeName",
        ch.extended_charge_name.as_ref(),
        trimmed(100),
    );
    ctx.req_number(
        p,
        "currencyAmount",
        ch.currency_amount.as_ref(),
        NON_NEGATIVE,
    );
    ctx.req_text(p, "currencyCode", ch.currency_code.as_ref(), CURRENCY);
    ctx.req_code(
        p,
        "paymentTermCode",
        ch.payment_term_code.as_ref(),
        c::PAYMENT_TERMS,
        Codes::Closed,
    );
    ctx.req_text(
        p,
        "calculationBasis",
        ch.calculation_basis.as_ref(),
        trimmed(50),
    );
    ctx.req_number(p, "unitPrice", ch.unit_price.as_ref(), NON_NEGATIVE);
    ctx.req_number(p, "quantity", ch.quantity.as_ref(), NON_NEGATIVE);
}

fn feedback(ctx: &mut Ctx<'_>, f: &Feedback, p: &JsonPath) {
    ctx.nulls(p, Feedback::FIELDS);
    ctx.req_text(p, "severity", f.severity.as_ref(), max(50));
    ctx.code(
        p,
        "severity",
        f.severity.as_ref(),
        c::FEEDBACK_SEVERITIES,
        Codes::Open,
    );
    ctx.req_text(p, "code", f.code.as_ref(), max(50));
    ctx.code(p, "code", f.code.as_ref(), c::FEEDBACK_CODES, Codes::Open);
    ctx.req_text(p, "message", f.message.as_ref(), max(5000));
    ctx.text(p, "jsonPath", f.json_path.as_ref(), max(500));
    ctx.text(p, "property", f.property.as_ref(), max(100));
}
