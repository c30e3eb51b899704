//! Cost of the transport-document model on the pint-demo `HHL71800000` document (16 KB):
//! strict parse + typed view, validation, and the checksum, against the raw JCS + SHA-256
//! floor of the same bytes.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use ebl::json::{Value, canonicalize};
use ebl::model::TransportDocument;
use std::hint::black_box;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/dcsa/pint-demo/HHL71800000-unsigned.json"
);

fn bench(c: &mut Criterion) {
    let request = ebl::json::parse(&std::fs::read(FILE).expect("example")).expect("json");
    let td: Value = request.get("document").cloned().expect("document");
    let bytes = serde_json::to_vec(&td).expect("bytes");
    let doc = TransportDocument::from_value(&td).expect("view");

    c.bench_function("model/from_json", |b| {
        b.iter(|| TransportDocument::from_json(black_box(&bytes)))
    });
    c.bench_function("model/parse_only", |b| {
        b.iter(|| ebl::json::parse(black_box(&bytes)))
    });
    c.bench_function("model/from_value", |b| {
        b.iter(|| TransportDocument::from_value(black_box(&td)))
    });
    c.bench_function("model/to_value", |b| b.iter(|| black_box(&doc).to_value()));
    c.bench_function("model/validate", |b| b.iter(|| black_box(&doc).validate()));
    c.bench_function("model/checksum", |b| b.iter(|| black_box(&doc).checksum()));
    c.bench_function("model/floor_jcs_sha256_of_value", |b| {
        b.iter(|| ring::digest::digest(&ring::digest::SHA256, &canonicalize(black_box(&td))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
