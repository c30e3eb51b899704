//! Title replay: one scenario per rule and per event semantics.

mod support;

use ebl::report::Severity;
use ebl::title::{
    EventKind::*, EventSource, MediumChange, Negotiability, PartyId, SignatureFact, Status, replay,
    rules,
};
use support::title::{codes, ev, history, p, t};

#[test]
fn issue_endorse_transfer_surrender_accept() {
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Sign, "shipper", None, 1),
            ev(Endorse, "shipper", Some("bank"), 2),
            ev(Transfer, "shipper", Some("bank"), 2),
            ev(SurrenderForDelivery, "bank", Some("carrier"), 3),
            ev(SurrenderAccepted, "carrier", Some("bank"), 4),
        ],
    );
    let r = replay(&h);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // After issue: blank endorsed (to-order with no endorsee), shipper holds.
    let s0 = &r.steps[0].state;
    assert!(s0.blank_endorsed && s0.endorsee.is_none());
    assert!(r.holder_at(0).is_some_and(|h| h.same_party(&p("shipper"))));
    // ENDORSE names the endorsee but does not move possession.
    assert!(r.endorsee_at(2).is_some_and(|e| e.same_party(&p("bank"))));
    assert!(r.holder_at(2).is_some_and(|h| h.same_party(&p("shipper"))));
    assert!(!r.steps[2].state.endorsee_may_endorse);
    assert!(r.steps[2].facts.endorsement_recorded);
    assert!(!r.steps[2].facts.holder_changed);
    // TRANSFER moves possession and divests the shipper.
    assert!(r.holder_at(3).is_some_and(|h| h.same_party(&p("bank"))));
    assert!(r.steps[3].facts.holder_changed && r.steps[3].facts.transfer_divested_previous_holder);
    // Surrender: the carrier holds it until it answers.
    assert_eq!(r.steps[4].state.status, Status::SurrenderPendingForDelivery);
    assert!(r.holder_at(4).is_some_and(|h| h.same_party(&p("carrier"))));
    assert_eq!(r.final_state.status, Status::Surrendered);
    assert_eq!(r.terminal().map(|s| s.index), Some(5));
    assert!(r.steps.iter().all(|s| s.facts.actor_was_holder));
}

#[test]
fn controller_at_time() {
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 10),
            ev(Transfer, "shipper", Some("bank"), 20),
            ev(SurrenderForDelivery, "bank", Some("carrier"), 30),
            ev(SurrenderAccepted, "carrier", None, 40),
        ],
    );
    let r = replay(&h);
    assert!(r.is_valid(), "{:?}", r.findings);
    assert!(r.controller_at(t(5)).is_none());
    assert!(
        r.controller_at(t(10))
            .is_some_and(|c| c.same_party(&p("shipper")))
    );
    assert!(
        r.controller_at(t(25))
            .is_some_and(|c| c.same_party(&p("bank")))
    );
    assert!(
        r.controller_at(t(35))
            .is_some_and(|c| c.same_party(&p("carrier")))
    );
    assert!(r.controller_at(t(45)).is_none());
}

#[test]
fn straight_bill_cannot_be_endorsed() {
    for kind in [Endorse, EndorseToOrder, BlankEndorse, Nominate] {
        let recipient = if kind == BlankEndorse {
            None
        } else {
            Some("bank")
        };
        let h = history(
            Negotiability::Straight,
            vec![
                ev(Issue, "carrier", Some("shipper"), 0),
                ev(kind, "shipper", recipient, 1),
            ],
        );
        let r = replay(&h);
        assert_eq!(codes(&h), [rules::STRAIGHT_BILL_ENDORSED], "{kind}");
        assert_eq!(r.findings[0].path, "$.events[1].kind");
        assert!(r.endorsee_at(1).is_none());
    }
    // Nor issued with an endorsee.
    let mut issue = ev(Issue, "carrier", Some("shipper"), 0);
    issue.endorsee = Some(p("bank"));
    let h = history(Negotiability::Straight, vec![issue]);
    assert_eq!(codes(&h), [rules::STRAIGHT_BILL_ENDORSED]);
}

#[test]
fn straight_bill_transfers_only_to_consignee() {
    let mut h = history(
        Negotiability::Straight,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Transfer, "shipper", Some("consignee"), 1),
            ev(SurrenderForDelivery, "consignee", Some("carrier"), 2),
        ],
    );
    h.consignee = Some(p("consignee"));
    assert!(replay(&h).findings.is_empty());
    h.events[1].recipient = Some(p("stranger"));
    h.events[2].actor = p("stranger");
    assert_eq!(codes(&h), [rules::STRAIGHT_TRANSFER_NOT_TO_CONSIGNEE]);
    // Without a named consignee: a warning, once.
    h.consignee = None;
    let r = replay(&h);
    assert!(r.is_valid());
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].code, rules::CONSIGNEE_UNKNOWN);
    assert_eq!(r.findings[0].severity, Severity::Warning);
}

#[test]
fn first_event_must_issue_and_only_once() {
    let h = history(
        Negotiability::ToOrder,
        vec![ev(Transfer, "shipper", Some("bank"), 0)],
    );
    assert_eq!(codes(&h), [rules::FIRST_EVENT_NOT_ISSUE]);
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Issue, "carrier", Some("bank"), 1),
        ],
    );
    assert_eq!(codes(&h), [rules::ISSUE_NOT_FIRST]);
    let h = history(Negotiability::ToOrder, vec![]);
    assert_eq!(codes(&h), [rules::EMPTY_HISTORY]);
}

#[test]
fn issue_by_someone_else_than_the_carrier() {
    let h = history(
        Negotiability::ToOrder,
        vec![ev(Issue, "forger", Some("shipper"), 0)],
    );
    let r = replay(&h);
    assert_eq!(codes(&h), [rules::ISSUE_NOT_BY_CARRIER]);
    assert!(!r.steps[0].facts.actor_was_holder);
    // On behalf of the carrier is fine.
    let mut h = h;
    h.events[0].on_behalf_of = Some(p("carrier"));
    assert!(replay(&h).findings.is_empty());
    // Without a declared carrier, the issuer is the carrier.
    h.carrier = None;
    h.events[0].on_behalf_of = None;
    let r = replay(&h);
    assert!(r.findings.is_empty());
    assert!(r.carrier.is_some_and(|c| c.same_party(&p("forger"))));
}

#[test]
fn divested_transferor_cannot_act() {
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Transfer, "shipper", Some("bank"), 1),
            ev(Sign, "bank", None, 2),
            ev(Transfer, "shipper", Some("buyer"), 3),
        ],
    );
    let r = replay(&h);
    assert_eq!(codes(&h), [rules::ACTOR_NOT_HOLDER]);
    assert_eq!(r.findings[0].path, "$.events[3].actor");
    let facts = &r.steps[3].facts;
    assert!(!facts.actor_was_holder && facts.actor_was_divested);
    assert_eq!(facts.broken_rules, [rules::ACTOR_NOT_HOLDER]);
    // Right after the hand-over, the same mistake names the broken link.
    let mut h = h;
    h.events.remove(2);
    assert_eq!(codes(&h), [rules::RECIPIENT_NOT_NEXT_ACTOR]);
}

#[test]
fn endorsement_entitlement() {
    // ENDORSE (not to order): the endorsee may not endorse further.
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Endorse, "shipper", Some("bank"), 1),
            ev(Transfer, "shipper", Some("bank"), 1),
            ev(Endorse, "bank", Some("buyer"), 2),
        ],
    );
    assert_eq!(codes(&h), [rules::ENDORSEE_MAY_NOT_ENDORSE]);
    // ENDORSE_TO_ORDER: it may.
    let mut h = h;
    h.events[1].kind = EndorseToOrder;
    assert!(replay(&h).findings.is_empty());
    // A holder who is not the endorsee may not endorse.
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(EndorseToOrder, "shipper", Some("bank"), 1),
            ev(Transfer, "shipper", Some("agent"), 2),
            ev(EndorseToOrder, "agent", Some("buyer"), 3),
        ],
    );
    let r = replay(&h);
    assert_eq!(codes(&h), [rules::ENDORSER_NOT_ENTITLED]);
    assert!(!r.steps[3].facts.endorsement_recorded);
    // ... nor surrender.
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(EndorseToOrder, "shipper", Some("bank"), 1),
            ev(Transfer, "shipper", Some("agent"), 2),
            ev(SurrenderForDelivery, "agent", Some("carrier"), 3),
        ],
    );
    assert_eq!(codes(&h), [rules::SURRENDER_NOT_ENTITLED]);
    // Blank endorsed: any holder may surrender.
    let mut h = h;
    h.events[1] = ev(BlankEndorse, "shipper", None, 1);
    assert!(replay(&h).findings.is_empty());
}

#[test]
fn tradetrust_nomination_lets_a_holder_endorse_to_the_nominee() {
    // Minted with beneficiary ≠ holder, as TradeTrust allows.
    let mut issue = ev(Issue, "carrier", Some("holder"), 0);
    issue.endorsee = Some(p("owner"));
    let h = history(
        Negotiability::ToOrder,
        vec![
            issue,
            ev(Nominate, "owner", Some("buyer"), 1),
            ev(EndorseToOrder, "holder", Some("buyer"), 2),
            ev(Transfer, "holder", Some("buyer"), 2),
            ev(SurrenderForDelivery, "buyer", Some("carrier"), 3),
        ],
    );
    let r = replay(&h);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(r.steps[1].state.nominee.is_some());
    assert!(r.steps[2].state.nominee.is_none());
    // Without the nomination the holder is not entitled; a nomination by a non-endorsee is refused.
    let mut no_nomination = h.clone();
    no_nomination.events.remove(1);
    assert_eq!(codes(&no_nomination), [rules::ENDORSER_NOT_ENTITLED]);
    let mut wrong_nominator = h;
    wrong_nominator.events[1].actor = p("holder");
    // (The broken nomination still takes effect, so the endorsement after it is not
    // reported again: one mistake, one finding.)
    assert_eq!(codes(&wrong_nominator), [rules::ACTOR_NOT_ENDORSEE]);
}

#[test]
fn surrender_rules() {
    let base = vec![
        ev(Issue, "carrier", Some("shipper"), 0),
        ev(SurrenderForDelivery, "shipper", Some("carrier"), 1),
    ];
    // Not to the carrier.
    let mut h = history(Negotiability::ToOrder, base.clone());
    h.events[1].recipient = Some(p("bank"));
    assert_eq!(codes(&h), [rules::SURRENDER_NOT_TO_CARRIER]);
    // Rejected: back to the shipper, who may act again.
    let mut events = base.clone();
    events.push(ev(SurrenderRejected, "carrier", Some("shipper"), 2));
    events.push(ev(Transfer, "shipper", Some("bank"), 3));
    let h = history(Negotiability::ToOrder, events);
    let r = replay(&h);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.steps[2].state.status, Status::Active);
    assert!(r.holder_at(2).is_some_and(|x| x.same_party(&p("shipper"))));
    // Rejected to someone else.
    let mut h = h;
    h.events[2].recipient = Some(p("bank"));
    assert_eq!(codes(&h), [rules::SURRENDER_RETURNED_TO_WRONG_PARTY]);
    // Accepted by someone other than the carrier (who holds it): both rules.
    let mut events = base.clone();
    events.push(ev(SurrenderAccepted, "bank", None, 2));
    let h = history(Negotiability::ToOrder, events);
    assert_eq!(
        codes(&h),
        [
            rules::RECIPIENT_NOT_NEXT_ACTOR,
            rules::CARRIER_ACTION_NOT_BY_CARRIER
        ]
    );
    // Nothing pending.
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(SurrenderAccepted, "carrier", None, 1),
        ],
    );
    assert_eq!(codes(&h), [rules::SURRENDER_NOT_PENDING]);
    // While pending, the carrier may not transfer.
    let mut events = base;
    events.push(ev(Transfer, "carrier", Some("bank"), 2));
    let h = history(Negotiability::ToOrder, events);
    assert_eq!(codes(&h), [rules::NOT_ALLOWED_IN_STATE]);
}

#[test]
fn nothing_after_terminal() {
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(SurrenderForDelivery, "shipper", Some("carrier"), 1),
            ev(SurrenderAccepted, "carrier", None, 2),
            ev(Transfer, "carrier", Some("shipper"), 3),
            ev(Sign, "carrier", None, 4),
        ],
    );
    let r = replay(&h);
    assert_eq!(
        codes(&h),
        [rules::EVENT_AFTER_TERMINAL, rules::EVENT_AFTER_TERMINAL]
    );
    assert_eq!(r.final_state.status, Status::Surrendered);
    assert_eq!(r.terminal().map(|s| s.index), Some(2));
}

#[test]
fn amendment_cycle() {
    let mut issue = ev(Issue, "carrier", Some("shipper"), 0);
    issue.document_checksum = Some("aa".repeat(32));
    let mut amend = ev(Amend, "carrier", Some("shipper"), 3);
    amend.document_checksum = Some("bb".repeat(32));
    let mut surrender = ev(SurrenderForAmendment, "shipper", Some("carrier"), 1);
    surrender.reason_code = Some("COD".into());
    let mut after = ev(Transfer, "shipper", Some("bank"), 4);
    after.document_checksum = Some("BB".repeat(32));
    let h = history(
        Negotiability::ToOrder,
        vec![
            issue,
            surrender,
            ev(SurrenderAccepted, "carrier", None, 2),
            amend,
            after,
        ],
    );
    let r = replay(&h);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.steps[2].state.status, Status::AwaitingAmendment);
    assert!(r.steps[3].facts.amendment_identified);
    assert_eq!(r.final_state.document_version, 1);
    assert_eq!(r.final_state.document_checksum, Some("bb".repeat(32)));
    assert!(r.holder_at(4).is_some_and(|x| x.same_party(&p("bank"))));

    // A changed checksum without an amendment.
    let mut h2 = h.clone();
    h2.events.truncate(2);
    h2.events[1] = ev(Transfer, "shipper", Some("bank"), 1);
    h2.events[1].document_checksum = Some("cc".repeat(32));
    assert_eq!(codes(&h2), [rules::DOCUMENT_CHANGED_WITHOUT_AMENDMENT]);

    // AMEND without a checksum is only a warning, but the fact says so.
    let mut h3 = h.clone();
    h3.events[3].document_checksum = None;
    h3.events[4].document_checksum = None;
    let r3 = replay(&h3);
    assert!(r3.is_valid());
    assert_eq!(codes(&h3), [rules::AMENDMENT_NOT_IDENTIFIED]);
    assert!(!r3.steps[3].facts.amendment_identified);

    // AMEND while active, and anything but AMEND while awaiting it.
    let h4 = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Amend, "carrier", Some("shipper"), 1),
        ],
    );
    assert_eq!(codes(&h4), [rules::NOT_ALLOWED_IN_STATE]);
    let mut h5 = h;
    h5.events[3] = ev(Transfer, "carrier", Some("shipper"), 3);
    assert_eq!(codes(&h5)[0], rules::NOT_ALLOWED_IN_STATE);
}

#[test]
fn switch_to_paper_ends_the_record() {
    let mut surrender = ev(SurrenderForAmendment, "shipper", Some("carrier"), 1);
    surrender.reason_code = Some("SWTP".into());
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            surrender.clone(),
            ev(SurrenderAccepted, "carrier", None, 2),
        ],
    );
    let r = replay(&h);
    assert!(r.findings.is_empty());
    assert_eq!(r.final_state.status, Status::ConvertedToPaper);
    // The explicit event, with its statement.
    let mut convert = ev(ConvertToPaper, "carrier", None, 2);
    convert.medium_change = Some(MediumChange {
        statement: Some("Replaced by paper B/L no. P-1".into()),
        ..MediumChange::default()
    });
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            surrender,
            convert,
            ev(Sign, "carrier", None, 3),
        ],
    );
    let r = replay(&h);
    assert_eq!(codes(&h), [rules::EVENT_AFTER_TERMINAL]);
    assert!(r.steps[2].facts.change_of_medium_statement);
    assert_eq!(r.terminal().map(|s| s.index), Some(2));
    // The holder may not convert by itself.
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(ConvertToPaper, "shipper", None, 1),
        ],
    );
    assert_eq!(
        codes(&h),
        [
            rules::CHANGE_OF_MEDIUM_STATEMENT_MISSING,
            rules::CARRIER_ACTION_NOT_BY_CARRIER
        ]
    );
}

#[test]
fn converted_from_paper_starts_a_record() {
    let mut first = ev(ConvertFromPaper, "carrier", Some("bank"), 0);
    first.medium_change = Some(MediumChange {
        statement: Some("Converted from paper B/L P-1, which is inoperative".into()),
        other_medium_reference: Some("P-1".into()),
        old_medium_made_inoperative: Some(true),
    });
    let h = history(
        Negotiability::ToOrder,
        vec![first.clone(), ev(Transfer, "bank", Some("buyer"), 1)],
    );
    let r = replay(&h);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(r.steps[0].facts.change_of_medium_statement);
    let h = history(
        Negotiability::ToOrder,
        vec![ev(Issue, "carrier", Some("bank"), 0), first],
    );
    assert_eq!(codes(&h), [rules::ISSUE_NOT_FIRST]);
}

#[test]
fn time_never_runs_backwards_but_may_stand_still() {
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 5),
            ev(Transfer, "shipper", Some("bank"), 5),
            ev(Transfer, "bank", Some("buyer"), 4),
        ],
    );
    let r = replay(&h);
    assert_eq!(codes(&h), [rules::TIME_WENT_BACKWARDS]);
    assert_eq!(r.findings[0].path, "$.events[2].at");
    assert!(r.steps[1].facts.time_monotonic && !r.steps[2].facts.time_monotonic);
}

#[test]
fn recipients_present_and_parties_identified() {
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Transfer, "shipper", None, 1),
            // The intended recipient acts next: no cascade of findings.
            ev(Transfer, "bank", Some("buyer"), 2),
            ev(Sign, "buyer", Some("bank"), 3),
        ],
    );
    let r = replay(&h);
    assert_eq!(
        codes(&h),
        [rules::MISSING_RECIPIENT, rules::UNEXPECTED_RECIPIENT]
    );
    assert_eq!(r.findings[0].path, "$.events[1].recipient");
    let mut h = h;
    h.events[1].recipient = Some(PartyId {
        name: Some("Bank".into()),
        ..PartyId::default()
    });
    assert!(codes(&h).contains(&rules::PARTY_UNIDENTIFIED.to_owned()));
    let h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Transfer, "shipper", Some("shipper"), 1),
        ],
    );
    assert_eq!(codes(&h), [rules::TRANSFER_TO_SELF]);
}

#[test]
fn pint_sources_point_back_to_entries_and_signatures_are_relayed() {
    let mut h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Transfer, "bank", Some("buyer"), 1),
        ],
    );
    h.events[1].source = EventSource::Pint {
        entry: 1,
        transaction: 0,
        path: "$.envelopeTransferChain[1].transactions[0]".into(),
    };
    h.events[1].signed_by_actor = SignatureFact::Verified;
    let r = replay(&h);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].entry, Some(1));
    assert!(
        r.findings[0]
            .message
            .contains("$.envelopeTransferChain[1].transactions[0]")
    );
    assert_eq!(r.steps[1].facts.signed_by_actor, SignatureFact::Verified);
    assert_eq!(r.steps[0].facts.signed_by_actor, SignatureFact::Unknown);
    assert_eq!(r.findings_for(1).count(), 1);
    assert_eq!(r.findings_for(0).count(), 0);
}

#[test]
fn cross_platform_identity_matters() {
    // The same company on another platform does not hold the bill.
    let mut h = history(
        Negotiability::ToOrder,
        vec![
            ev(Issue, "carrier", Some("shipper"), 0),
            ev(Transfer, "shipper", Some("bank"), 1),
        ],
    );
    h.events[1].actor.platform = Some("BOLE".into());
    assert_eq!(codes(&h), [rules::RECIPIENT_NOT_NEXT_ACTOR]);
}
