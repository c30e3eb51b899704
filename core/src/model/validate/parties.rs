//! Member-level checks of `DocumentParties` and the party objects, per role.

use crate::json::JsonPath;
use crate::model::codes::{self as c};
use crate::model::parties::{
    DocumentParties, IdentifyingCode, OtherDocumentParty, Party, PartyContactDetail,
    TaxLegalReference,
};

use super::check::{Codes, Ctx, Pattern, Text, max, pattern, trimmed};
use super::check::{each, object, req_each, req_object};
use super::locations::address;

/// The DCSA party object a [`Party`] stands for; what it requires differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Shipper,
    OnBehalfOfShipper,
    Consignee,
    OnBehalfOfConsignee,
    Endorsee,
    IssuingParty,
    CarriersAgent,
    NotifyParty,
    Other,
}

pub(super) fn document_parties(ctx: &mut Ctx<'_>, d: &DocumentParties, p: &JsonPath) {
    ctx.nulls(p, DocumentParties::FIELDS);
    req_object(ctx, p, "shipper", d.shipper.as_ref(), role(Role::Shipper));
    object(
        ctx,
        p,
        "onBehalfOfShipper",
        d.on_behalf_of_shipper.as_ref(),
        role(Role::OnBehalfOfShipper),
    );
    object(
        ctx,
        p,
        "consignee",
        d.consignee.as_ref(),
        role(Role::Consignee),
    );
    object(
        ctx,
        p,
        "onBehalfOfConsignee",
        d.on_behalf_of_consignee.as_ref(),
        role(Role::OnBehalfOfConsignee),
    );
    object(
        ctx,
        p,
        "endorsee",
        d.endorsee.as_ref(),
        role(Role::Endorsee),
    );
    req_object(
        ctx,
        p,
        "issuingParty",
        d.issuing_party.as_ref(),
        role(Role::IssuingParty),
    );
    object(
        ctx,
        p,
        "carriersAgentAtDestination",
        d.carriers_agent_at_destination.as_ref(),
        role(Role::CarriersAgent),
    );
    if let Some(list) = &d.notify_parties {
        ctx.count(&p.key("notifyParties"), list.len(), (0, 3));
    }
    each(
        ctx,
        p,
        "notifyParties",
        d.notify_parties.as_ref(),
        role(Role::NotifyParty),
    );
    each(ctx, p, "other", d.other.as_ref(), other_party);
}

fn other_party(ctx: &mut Ctx<'_>, o: &OtherDocumentParty, p: &JsonPath) {
    ctx.nulls(p, OtherDocumentParty::FIELDS);
    req_object(ctx, p, "party", o.party.as_ref(), role(Role::Other));
    ctx.req_text(p, "partyFunction", o.party_function.as_ref(), max(3));
    ctx.code(
        p,
        "partyFunction",
        o.party_function.as_ref(),
        c::PARTY_FUNCTIONS,
        Codes::Open,
    );
}

fn role(role: Role) -> impl Fn(&mut Ctx<'_>, &Party, &JsonPath) {
    move |ctx, party, p| self::party(ctx, party, p, role)
}

fn party(ctx: &mut Ctx<'_>, x: &Party, p: &JsonPath, role: Role) {
    use Role::*;
    ctx.nulls(p, Party::FIELDS);
    ctx.req_text(p, "partyName", x.party_name.as_ref(), trimmed(70));
    if matches!(role, Shipper | Consignee | Endorsee) {
        ctx.text(
            p,
            "eblPlatform",
            x.ebl_platform.as_ref(),
            Text {
                min: 0,
                max: 4,
                pattern: Pattern::NoSpace,
            },
        );
        ctx.code(
            p,
            "eblPlatform",
            x.ebl_platform.as_ref(),
            c::EBL_PLATFORMS,
            Codes::Open,
        );
    }
    ctx.text(p, "typeOfPerson", x.type_of_person.as_ref(), trimmed(50));
    ctx.code(
        p,
        "typeOfPerson",
        x.type_of_person.as_ref(),
        c::TYPES_OF_PERSON,
        Codes::Open,
    );
    if matches!(role, IssuingParty | CarriersAgent) {
        req_object(ctx, p, "address", x.address.as_ref(), address);
    } else {
        object(ctx, p, "address", x.address.as_ref(), address);
    }
    ctx.texts(
        p,
        "addressLines",
        x.address_lines.as_ref(),
        (0, 5),
        max(250),
    );
    ctx.texts(
        p,
        "displayedAddress",
        x.displayed_address.as_ref(),
        (0, 6),
        max(35),
    );
    match role {
        Consignee | Endorsee | OnBehalfOfConsignee => {
            req_each(
                ctx,
                p,
                "identifyingCodes",
                x.identifying_codes.as_ref(),
                (1, usize::MAX),
                identifying_code,
            );
        }
        _ => each(
            ctx,
            p,
            "identifyingCodes",
            x.identifying_codes.as_ref(),
            identifying_code,
        ),
    }
    // "Either the `address` or a party `identifyingCode` must be provided." An unstructured
    // `addressLines` (3.0.3) is an address too, and a `displayedAddress` "must be included in
    // the Transport Document instead of the `address` or `addressLines`", so on a transport
    // document it stands in for them (the spec's own examples rely on that).
    let has_address =
        x.address.is_some() || x.address_lines.is_some() || x.displayed_address.is_some();
    if matches!(role, Shipper | OnBehalfOfShipper | NotifyParty | Other)
        && !has_address
        && x.identifying_codes.as_ref().is_none_or(Vec::is_empty)
    {
        ctx.error(
            "party-address-or-code",
            p,
            "either an address (`address`, `addressLines` or `displayedAddress`) or an \
             `identifyingCodes` entry must be provided"
                .into(),
        );
    }
    each(
        ctx,
        p,
        "taxLegalReferences",
        x.tax_legal_references.as_ref(),
        tax_legal_reference,
    );
    if role == CarriersAgent {
        req_each(
            ctx,
            p,
            "partyContactDetails",
            x.party_contact_details.as_ref(),
            (0, usize::MAX),
            contact,
        );
    } else {
        each(
            ctx,
            p,
            "partyContactDetails",
            x.party_contact_details.as_ref(),
            contact,
        );
    }
    ctx.text(p, "reference", x.reference.as_ref(), trimmed(35));
    ctx.texts(
        p,
        "purchaseOrderReferences",
        x.purchase_order_references.as_ref(),
        (0, usize::MAX),
        trimmed(35),
    );
}

fn identifying_code(ctx: &mut Ctx<'_>, i: &IdentifyingCode, p: &JsonPath) {
    ctx.nulls(p, IdentifyingCode::FIELDS);
    ctx.req_text(
        p,
        "codeListProvider",
        i.code_list_provider.as_ref(),
        max(100),
    );
    if let Some(provider) = &i.code_list_provider
        && !c::EBL_PLATFORMS.contains(&provider.as_str())
        && !c::CODE_LIST_PROVIDERS_EXTRA.contains(&provider.as_str())
    {
        ctx.warning(
            "unknown-code",
            &p.key("codeListProvider"),
            format!(
                "{provider:?} is neither a known eBL platform code nor one of {}",
                c::CODE_LIST_PROVIDERS_EXTRA.join(", ")
            ),
        );
    }
    ctx.req_text(p, "partyCode", i.party_code.as_ref(), max(150));
    ctx.text(p, "codeListName", i.code_list_name.as_ref(), max(100));
    ctx.code(
        p,
        "codeListName",
        i.code_list_name.as_ref(),
        c::CODE_LIST_NAMES,
        Codes::Open,
    );
}

fn tax_legal_reference(ctx: &mut Ctx<'_>, t: &TaxLegalReference, p: &JsonPath) {
    ctx.nulls(p, TaxLegalReference::FIELDS);
    ctx.req_text(p, "type", t.kind.as_ref(), trimmed(50));
    ctx.req_text(
        p,
        "countryCode",
        t.country_code.as_ref(),
        pattern(Pattern::Country),
    );
    ctx.req_text(p, "value", t.value.as_ref(), trimmed(35));
}

pub(super) fn contact(ctx: &mut Ctx<'_>, d: &PartyContactDetail, p: &JsonPath) {
    ctx.nulls(p, PartyContactDetail::FIELDS);
    ctx.req_text(p, "name", d.name.as_ref(), trimmed(35));
    ctx.text(p, "phone", d.phone.as_ref(), trimmed(30));
    ctx.text(
        p,
        "email",
        d.email.as_ref(),
        Text {
            min: 0,
            max: 100,
            pattern: Pattern::Email,
        },
    );
    if d.phone.is_none() && d.email.is_none() {
        ctx.error(
            "any-of",
            p,
            "at least one of `phone` and `email` must be given".into(),
        );
    }
}
