//! Property tests: every valid generated history replays with no finding and ends where the
//! generator's own model says; any single rule-breaking mutation is caught by the matching
//! rule; arbitrary histories never panic.

mod support;

use ebl::report::Severity;
use ebl::title::{
    Event, EventKind, EventKind::*, History, Negotiability, PartyId, Status, replay, rules,
};
use proptest::prelude::*;
use support::title::{ev, history, p};

const PARTIES: [&str; 5] = ["shipper", "consignee", "bank", "buyer", "agent"];

/// The generator's own bookkeeping, independent of the replay code.
#[derive(Clone, Debug)]
struct Model {
    to_order: bool,
    holder: &'static str,
    endorsee: Option<&'static str>,
    blank: bool,
    may_endorse: bool,
    status: Status,
}

impl Model {
    fn may_endorse(&self) -> bool {
        self.blank || (self.endorsee == Some(self.holder) && self.may_endorse)
    }
    fn may_surrender(&self) -> bool {
        !self.to_order || self.blank || self.endorsee == Some(self.holder)
    }
}

#[derive(Debug)]
struct Generated {
    history: History,
    model: Model,
}

/// Builds a valid history from random choices. Choices that are not possible in the current
/// state are skipped, so every choice list gives a valid history.
fn build(to_order: bool, first_endorsee: bool, ops: &[(u8, usize)], ending: u8) -> Generated {
    let negotiability = if to_order {
        Negotiability::ToOrder
    } else {
        Negotiability::Straight
    };
    let mut events = Vec::new();
    let mut clock = 0;
    let mut tick = || {
        clock += 1;
        clock
    };
    let mut issue = ev(Issue, "carrier", Some("shipper"), tick());
    let mut m = Model {
        to_order,
        holder: "shipper",
        endorsee: None,
        blank: to_order,
        may_endorse: true,
        status: Status::Active,
    };
    if to_order && first_endorsee {
        issue.endorsee = Some(p("shipper"));
        m.endorsee = Some("shipper");
        m.blank = false;
    }
    events.push(issue);
    for &(op, who) in ops {
        let other = PARTIES[who % PARTIES.len()];
        match op {
            0 | 1 => {
                let target = if to_order { other } else { "consignee" };
                if target != m.holder {
                    events.push(ev(Transfer, m.holder, Some(target), tick()));
                    m.holder = target;
                }
            }
            2 => events.push(ev(Sign, m.holder, None, tick())),
            3 | 4 if to_order && m.may_endorse() => {
                let kind = if op == 3 { EndorseToOrder } else { Endorse };
                events.push(ev(kind, m.holder, Some(other), tick()));
                m.endorsee = Some(other);
                m.blank = false;
                m.may_endorse = kind == EndorseToOrder;
            }
            5 if to_order && m.may_endorse() => {
                events.push(ev(BlankEndorse, m.holder, None, tick()));
                m.endorsee = None;
                m.blank = true;
                m.may_endorse = true;
            }
            6 if m.may_surrender() => {
                events.push(ev(SurrenderForDelivery, m.holder, Some("carrier"), tick()));
                events.push(ev(SurrenderRejected, "carrier", Some(m.holder), tick()));
            }
            7 if m.may_surrender() => {
                let mut s = ev(SurrenderForAmendment, m.holder, Some("carrier"), tick());
                s.reason_code = Some("COD".into());
                events.push(s);
                events.push(ev(SurrenderAccepted, "carrier", None, tick()));
                let mut amend = ev(Amend, "carrier", Some(m.holder), tick());
                amend.document_checksum = Some(format!("{:064x}", events.len()));
                if let Some(e) = m.endorsee {
                    amend.endorsee = Some(p(e));
                }
                events.push(amend);
            }
            _ => {}
        }
    }
    if m.may_surrender() {
        match ending {
            1 => {
                events.push(ev(SurrenderForDelivery, m.holder, Some("carrier"), tick()));
                events.push(ev(SurrenderAccepted, "carrier", Some(m.holder), tick()));
                m.holder = "carrier";
                m.status = Status::Surrendered;
            }
            2 => {
                let mut s = ev(SurrenderForAmendment, m.holder, Some("carrier"), tick());
                s.reason_code = Some("SWTP".into());
                events.push(s);
                events.push(ev(SurrenderAccepted, "carrier", None, tick()));
                m.holder = "carrier";
                m.status = Status::ConvertedToPaper;
            }
            _ => {}
        }
    }
    let mut h = history(negotiability, events);
    if !to_order {
        h.consignee = Some(p("consignee"));
    }
    Generated {
        history: h,
        model: m,
    }
}

fn valid_history() -> impl Strategy<Value = Generated> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((0u8..10, 0usize..5), 0..20),
        0u8..3,
    )
        .prop_map(|(to_order, first_endorsee, ops, ending)| {
            build(to_order, first_endorsee, &ops, ending)
        })
}

fn has(h: &History, code: &str, path: &str) -> bool {
    replay(h)
        .findings
        .iter()
        .any(|f| f.code == code && f.path == path && f.severity == Severity::Error)
}

fn intruder() -> PartyId {
    p("intruder")
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    #[test]
    fn valid_histories_replay_cleanly(g in valid_history()) {
        let r = replay(&g.history);
        prop_assert!(r.findings.is_empty(), "{:?}", r.findings);
        prop_assert_eq!(r.steps.len(), g.history.events.len());
        prop_assert_eq!(r.final_state.status, g.model.status);
        let holder = r.final_state.holder.clone().expect("a holder");
        prop_assert!(holder.same_party(&p(g.model.holder)));
        if g.model.status == Status::Active {
            prop_assert_eq!(r.final_state.blank_endorsed, g.model.blank);
            match g.model.endorsee {
                Some(e) => prop_assert!(r.final_state.endorsee.as_ref().is_some_and(|x| x.same_party(&p(e)))),
                None => prop_assert!(r.final_state.endorsee.is_none()),
            }
        }
        prop_assert!(r.steps.iter().all(|s| s.facts.actor_was_holder && s.facts.time_monotonic));
        prop_assert!(!r.steps.iter().any(|s| s.facts.actor_was_divested));
        // The JSON form round-trips.
        let json = g.history.to_json().expect("serialises");
        prop_assert_eq!(History::from_json(json.as_bytes()).expect("reads"), g.history);
    }

    #[test]
    fn endorsing_a_straight_bill_is_caught(g in valid_history(), pick in any::<prop::sample::Index>(), kind in prop::sample::select(vec![Endorse, EndorseToOrder, BlankEndorse])) {
        let mut h = g.history;
        h.negotiability = Negotiability::Straight;
        h.consignee = None;
        let r = replay(&h);
        // Insert after a step where the record is active, by its holder.
        let active: Vec<_> = r.steps.iter().filter(|s| s.state.status == Status::Active).collect();
        let after = active[pick.index(active.len())];
        let holder = after.state.holder.clone().expect("holder");
        let recipient = (kind != BlankEndorse).then(|| p("bank"));
        let e = Event::new(kind, holder, recipient, after.at);
        h.events.insert(after.index + 1, e);
        let path = format!("$.events[{}].kind", after.index + 1);
        prop_assert!(has(&h, rules::STRAIGHT_BILL_ENDORSED, &path), "{}", path);
    }

    #[test]
    fn acting_after_a_terminal_state_is_caught(ops in prop::collection::vec((0u8..10, 0usize..5), 0..12), to_order in any::<bool>(), ending in 1u8..3, kind in prop::sample::select(vec![Transfer, Sign, SurrenderForDelivery, SurrenderAccepted, Amend])) {
        let g = build(to_order, false, &ops, ending);
        prop_assume!(g.model.status.is_terminal());
        let mut h = g.history;
        let last = h.events.len();
        let at = h.events[last - 1].at + chrono::Duration::minutes(1);
        let recipient = (!kind.takes_no_recipient()).then(|| p("buyer"));
        h.events.push(Event::new(kind, p(g.model.holder), recipient, at));
        let path = format!("$.events[{last}].kind");
        prop_assert!(has(&h, rules::EVENT_AFTER_TERMINAL, &path), "{}", path);
    }

    #[test]
    fn swapped_timestamps_are_caught(g in valid_history(), pick in any::<prop::sample::Index>()) {
        let mut h = g.history;
        prop_assume!(h.events.len() >= 2);
        let i = pick.index(h.events.len() - 1);
        let (a, b) = (h.events[i].at, h.events[i + 1].at);
        prop_assert!(a < b);
        h.events[i].at = b;
        h.events[i + 1].at = a;
        let path = format!("$.events[{}].at", i + 1);
        prop_assert!(has(&h, rules::TIME_WENT_BACKWARDS, &path), "{}", path);
    }

    #[test]
    fn a_wrong_actor_is_caught(g in valid_history(), pick in any::<prop::sample::Index>()) {
        let mut h = g.history;
        let k = pick.index(h.events.len());
        h.events[k].actor = intruder();
        let path = format!("$.events[{k}].actor");
        let expected: &[&str] = if k == 0 {
            &[rules::ISSUE_NOT_BY_CARRIER]
        } else {
            &[rules::ACTOR_NOT_HOLDER, rules::RECIPIENT_NOT_NEXT_ACTOR]
        };
        let r = replay(&h);
        prop_assert!(
            r.findings.iter().any(|f| expected.contains(&f.code.as_str()) && f.path == path),
            "{:?}", r.findings
        );
        prop_assert!(!r.steps[k].facts.actor_was_holder);
    }

    #[test]
    fn a_dropped_recipient_is_caught(g in valid_history(), pick in any::<prop::sample::Index>()) {
        let mut h = g.history;
        let needing: Vec<usize> = (0..h.events.len()).filter(|&i| h.events[i].kind.needs_recipient()).collect();
        let k = needing[pick.index(needing.len())];
        h.events[k].recipient = None;
        let path = format!("$.events[{k}].recipient");
        prop_assert!(has(&h, rules::MISSING_RECIPIENT, &path), "{}", path);
    }

    #[test]
    fn a_history_not_starting_with_issue_is_caught(g in valid_history()) {
        let mut h = g.history;
        prop_assume!(h.events.len() >= 2);
        h.events.remove(0);
        prop_assert!(has(&h, rules::FIRST_EVENT_NOT_ISSUE, "$.events[0].kind"));
    }

    /// Arbitrary event soup: never panics, one step per event, and each step's broken rules
    /// are exactly the error findings about that event.
    #[test]
    fn arbitrary_histories_never_panic(
        to_order in any::<bool>(),
        raw in prop::collection::vec((0usize..14, 0usize..7, prop::option::of(0usize..7), -5i64..30, any::<bool>()), 0..25),
    ) {
        const KINDS: [EventKind; 14] = [Issue, Transfer, Endorse, EndorseToOrder, BlankEndorse, Nominate, Sign,
            SurrenderForDelivery, SurrenderForAmendment, SurrenderAccepted, SurrenderRejected, Amend,
            ConvertToPaper, ConvertFromPaper];
        const WHO: [&str; 7] = ["carrier", "shipper", "consignee", "bank", "buyer", "agent", "intruder"];
        let events = raw.iter().map(|&(k, a, r, minutes, swtp)| {
            let mut e = ev(KINDS[k], WHO[a], r.map(|r| WHO[r]), minutes);
            if swtp { e.reason_code = Some("SWTP".into()); }
            e
        }).collect();
        let negotiability = if to_order { Negotiability::ToOrder } else { Negotiability::Straight };
        let h = history(negotiability, events);
        let r = replay(&h);
        prop_assert_eq!(r.steps.len(), h.events.len());
        for step in &r.steps {
            let mut from_findings: Vec<String> = r.findings_for(step.index)
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.code.clone())
                .collect();
            from_findings.dedup();
            let mut broken = step.facts.broken_rules.clone();
            broken.sort();
            from_findings.sort();
            from_findings.dedup();
            prop_assert_eq!(broken, from_findings);
        }
        prop_assert_eq!(r.is_valid(), r.steps.iter().all(|s| s.facts.is_valid()) && !h.events.is_empty());
    }
}
