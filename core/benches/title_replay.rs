//! Title replay throughput: a long to-order history (issue, then endorse + transfer pairs).

use chrono::{TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ebl::title::{Event, EventKind, History, IdentifyingCode, Negotiability, PartyId, replay};

fn party(i: usize) -> PartyId {
    PartyId::dcsa(
        "WAVE",
        format!("party {i}"),
        [IdentifyingCode::new("GLEIF", format!("LEI{i:016}"))],
    )
}

fn long_history(pairs: usize) -> History {
    let start = Utc
        .with_ymd_and_hms(2026, 5, 1, 0, 0, 0)
        .single()
        .expect("date");
    let at = |i: usize| start + chrono::Duration::seconds(i64::try_from(i).unwrap_or(i64::MAX));
    let mut h = History::new("BENCH", Negotiability::ToOrder);
    h.carrier = Some(party(0));
    h.events.push(Event::new(
        EventKind::Issue,
        party(0),
        Some(party(1)),
        at(0),
    ));
    for i in 1..=pairs {
        h.events.push(Event::new(
            EventKind::EndorseToOrder,
            party(i),
            Some(party(i + 1)),
            at(2 * i),
        ));
        h.events.push(Event::new(
            EventKind::Transfer,
            party(i),
            Some(party(i + 1)),
            at(2 * i + 1),
        ));
    }
    h
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("title");
    for pairs in [10usize, 1000] {
        let h = long_history(pairs);
        assert!(replay(&h).is_valid());
        group.throughput(Throughput::Elements(h.events.len() as u64));
        group.bench_function(format!("replay_{}_events", h.events.len()), |b| {
            b.iter(|| replay(std::hint::black_box(&h)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
