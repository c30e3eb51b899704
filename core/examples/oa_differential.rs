//! The Rust half of the OpenAttestation differential test (`scripts/crosscheck-openattestation`).
//!
//! ```text
//! oa_differential gen DIR COUNT   # raw documents + what ebl makes of them (wrap, batch, obfuscate, sign)
//! node scripts/oa-peer/differential.js DIR   # the JavaScript library checks ebl's files, makes its own
//! oa_differential check DIR       # ebl checks the JavaScript library's files, prints the summary
//! ```
//!
//! Salts come from a SplitMix64 byte stream that the node script also feeds to npm `uuid`
//! (through `crypto.randomFillSync`), so both libraries salt identically and their outputs
//! can be compared byte for byte. Everything is seeded: every run writes the same files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ebl::json::{Limits, Value, number_as_f64, parse, parse_with, write_js_string};
use ebl::openattestation::{
    EthereumAddress, WrappedDocument, sign_did, verify_did_proof, wrap, wrap_batch,
};

/// Seed of the salt stream (shared with `differential.js`).
const SALT_SEED: u64 = 0x0EB1_0A00_5A17;
/// Seed of the document generator.
const DOC_SEED: u64 = 0x0EB1_D0C5;
/// The signing key of the differential test (a throwaway key, never trust it).
const KEY: [u8; 32] = [
    0x4c, 0x0f, 0x83, 0x3e, 0x6b, 0x1d, 0x2a, 0x44, 0x91, 0x7e, 0x05, 0xc3, 0x58, 0xaa, 0x10, 0x6f,
    0x23, 0xd9, 0x7b, 0x34, 0x88, 0x0e, 0x61, 0xf2, 0x19, 0x4d, 0xb6, 0x2c, 0x70, 0x95, 0x3a, 0x01,
];

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }
}

/// The salt stream: bytes of successive SplitMix64 outputs, little-endian, 16 per UUID.
struct SaltStream {
    mix: SplitMix,
    word: [u8; 8],
    used: usize,
}

impl SaltStream {
    fn new() -> SaltStream {
        SaltStream {
            mix: SplitMix(SALT_SEED),
            word: [0; 8],
            used: 8,
        }
    }
    fn byte(&mut self) -> u8 {
        if self.used == 8 {
            self.word = self.mix.next().to_le_bytes();
            self.used = 0;
        }
        self.used += 1;
        self.word[self.used - 1]
    }
    fn uuid(&mut self) -> String {
        let mut b = [0u8; 16];
        for x in &mut b {
            *x = self.byte();
        }
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h = hex::encode(b);
        format!(
            "{}-{}-{}-{}-{}",
            &h[..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..]
        )
    }
}

const KEYS: &[&str] = &[
    "a",
    "b",
    "value",
    "payload",
    "键名",
    "ключ",
    "🚢",
    "key with spaces",
    "key:with:colons",
    "0",
    "1",
    "2",
    "10",
    "01",
    "4294967294",
    "4294967295",
    "-1",
    "constructor",
    "toString",
    "",
    "a[0]",
    "quote\"key",
    "back\\slash",
    "tab\tkey",
    "é",
    "e\u{301}",
];

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-17",
    "1.5",
    "0.1",
    "0.30000000000000004",
    "2450.00",
    "1e21",
    "1E21",
    "1e-7",
    "1.5e-7",
    "5e-324",
    "1.7976931348623157e308",
    "9007199254740993",
    "9007199254740991",
    "123456789012345678901234",
    "-9223372036854775809",
    "18446744073709551616",
    "1e+300",
    "0.000001",
    "1e-6",
    "100e-2",
    "123.456e5",
    "-0.0",
    "4.35",
    "1e20",
    "99999999999999999999",
];

const PIECES: &[&str] = &[
    "SGCNM21566325",
    "深圳市前海",
    "🚢📦✅",
    "e\u{301}",
    "مرحبا",
    "\u{7}",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    "\u{2028}",
    "\u{2029}",
    "\"",
    "\\",
    "/",
    " ",
    "\t",
    "\n",
    "\r",
    "a:b::c:",
    "4ad7a5ce-7a2b-4f3c-8f4a-b1a2c3d4e5f6:number:5",
    "\u{feff}",
    "\u{a0}",
    "x",
    "Lion City",
    "0x142Ca30e3b78A840a82192529cA047ED759a6F7e",
    "<b>&amp;</b>",
];

fn gen_string(rng: &mut SplitMix) -> String {
    let n = rng.below(5);
    (0..n).map(|_| *rng.pick(PIECES)).collect()
}

fn gen_number(rng: &mut SplitMix) -> String {
    match rng.below(4) {
        0 | 1 => (*rng.pick(NUMBERS)).to_owned(),
        2 => {
            let v = f64::from_bits(rng.next());
            if v.is_finite() {
                format!("{v:e}")
            } else {
                "42".to_owned()
            }
        }
        _ => (i64::try_from(rng.below(1 << 60)).unwrap_or(0) - (1 << 59)).to_string(),
    }
}

fn write_key(out: &mut String, key: &str) {
    write_js_string(out, key);
    out.push(':');
}

fn gen_value(rng: &mut SplitMix, out: &mut String, depth: u32) {
    let choice = if depth >= 4 {
        rng.below(5)
    } else {
        rng.below(9)
    };
    match choice {
        0 => write_js_string(out, &gen_string(rng)),
        1 => out.push_str(&gen_number(rng)),
        2 => out.push_str(if rng.below(2) == 0 { "true" } else { "false" }),
        3 => out.push_str("null"),
        4 => out.push_str(if rng.below(2) == 0 { "{}" } else { "[]" }),
        5 | 6 => gen_object(rng, out, depth + 1, false),
        _ => {
            out.push('[');
            for i in 0..rng.below(4) + 1 {
                if i > 0 {
                    out.push(',');
                }
                gen_value(rng, out, depth + 1);
            }
            out.push(']');
        }
    }
}

fn gen_object(rng: &mut SplitMix, out: &mut String, depth: u32, top: bool) {
    out.push('{');
    let mut used = Vec::new();
    for _ in 0..rng.below(5) + 1 {
        let key = *rng.pick(KEYS);
        if used.contains(&key) {
            continue;
        }
        used.push(key);
        if used.len() > 1 {
            out.push(',');
        }
        write_key(out, key);
        if top && key.is_empty() {
            // A top-level "" holding a container is refused by wrap (its leaves lose the prefix).
            write_js_string(out, &gen_string(rng));
        } else {
            gen_value(rng, out, depth);
        }
    }
    if !top && rng.below(6) == 0 {
        // A member named __proto__ below the top level is an ordinary member for OA.
        out.push_str(if used.is_empty() { "" } else { "," });
        out.push_str("\"__proto__\":");
        write_js_string(out, &gen_string(rng));
    }
    out.push('}');
}

/// One raw OA v2 document: a valid issuer (OA's wrapDocument checks the schema) plus random
/// content under `content` and at the top level.
fn gen_document(rng: &mut SplitMix, address: &EthereumAddress) -> String {
    let mut out = String::from("{");
    let issuer = match rng.below(3) {
        0 => r#"{"name":"Token Registry Carrier","tokenRegistry":"0x142Ca30e3b78A840a82192529cA047ED759a6F7e","identityProof":{"type":"DNS-TXT","location":"example.tradetrust.io"}}"#.to_owned(),
        1 => r#"{"name":"Document Store 深圳","documentStore":"0x9Eb613a88534E2939518f4ffBFE65F5969b491FF","identityProof":{"type":"DNS-TXT","location":"store.example"}}"#.to_owned(),
        _ => format!(
            r#"{{"id":"did:ethr:{address}","name":"DID Issuer","revocation":{{"type":"NONE"}},"identityProof":{{"type":"DID","key":"did:ethr:{address}#controller"}}}}"#
        ),
    };
    let _ = write!(out, r#""issuers":[{issuer}],"content":"#);
    gen_object(rng, &mut out, 1, false);
    out.push_str(",\"extra\":");
    gen_object(rng, &mut out, 1, true);
    out.push('}');
    out
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn name(i: usize) -> String {
    format!("{i:04}.json")
}

/// Paths inside `value` that a user might obfuscate, in lodash syntax.
fn candidate_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(m) => m
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "__proto__" | "constructor" | "prototype"))
            .map(|(k, v)| {
                let simple = !k.is_empty()
                    && !k
                        .chars()
                        .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\'' | '\\'))
                    && !k.starts_with(|c: char| c.is_whitespace());
                let seg = if simple && prefix.is_empty() {
                    k.clone()
                } else if simple {
                    format!(".{k}")
                } else {
                    let mut q = String::from("[");
                    write_js_string(&mut q, k);
                    q.push(']');
                    q
                };
                (format!("{prefix}{seg}"), v)
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{prefix}[{i}]"), v))
            .collect(),
        _ => Vec::new(),
    };
    for (path, v) in children {
        out.push(path.clone());
        candidate_paths(v, &path, out);
    }
}

fn generate(dir: &Path, count: usize) {
    let address = EthereumAddress::from_private_key(&KEY).expect("key");
    let did = format!("did:ethr:{address}#controller");
    let mut rng = SplitMix(DOC_SEED);
    let mut salts = SaltStream::new();
    let mut raws = Vec::with_capacity(count);
    for i in 0..count {
        let text = gen_document(&mut rng, &address);
        let raw = parse_with(text.as_bytes(), &Limits::javascript_numbers())
            .unwrap_or_else(|e| panic!("generated document {i} does not parse: {e}\n{text}"));
        write(&dir.join("raw").join(name(i)), &text);
        raws.push(raw);
    }
    // Singles, in order (the salt stream is consumed in the same order by the node script).
    let mut singles = Vec::with_capacity(count);
    for (i, raw) in raws.iter().enumerate() {
        let doc = wrap(raw, &mut || salts.uuid()).unwrap_or_else(|e| panic!("wrap {i}: {e}"));
        write(
            &dir.join("ebl/wrapped").join(name(i)),
            &(doc.to_pretty_json() + "\n"),
        );
        singles.push(doc);
    }
    // Batches of 1..=7 consecutive documents.
    let mut batches: Vec<Vec<usize>> = Vec::new();
    let mut next = 0;
    while next < count {
        let size = (batches.len() % 7 + 1).min(count - next);
        batches.push((next..next + size).collect());
        next += size;
    }
    for group in &batches {
        let docs: Vec<Value> = group.iter().map(|&i| raws[i].clone()).collect();
        let wrapped = wrap_batch(&docs, &mut || salts.uuid()).expect("wrap_batch");
        for (&i, doc) in group.iter().zip(wrapped) {
            write(
                &dir.join("ebl/batch").join(name(i)),
                &(doc.to_pretty_json() + "\n"),
            );
        }
    }
    write(
        &dir.join("batches.json"),
        &serde_json::to_string(&batches).expect("json"),
    );
    // Obfuscations: up to three random paths each; ebl refuses the unsafe ones.
    let mut obfuscated = 0;
    let mut refused = 0;
    for (i, doc) in singles.iter().enumerate() {
        let mut candidates = Vec::new();
        candidate_paths(&doc.as_value()["data"], "", &mut candidates);
        let chosen: Vec<String> = (0..rng.below(3) + 1)
            .map(|_| rng.pick(&candidates).clone())
            .collect();
        let paths: Vec<&str> = chosen.iter().map(String::as_str).collect();
        match doc.obfuscate(&paths) {
            Ok(out) => {
                write(
                    &dir.join("ebl/obfuscated").join(name(i)),
                    &(out.to_pretty_json() + "\n"),
                );
                write(
                    &dir.join("paths").join(name(i)),
                    &serde_json::to_string(&paths).expect("json"),
                );
                obfuscated += 1;
            }
            Err(e) if e.code() == ebl::ErrorCode::OaUnsafeObfuscation => {
                write(
                    &dir.join("refused").join(name(i)),
                    &serde_json::to_string(&paths).expect("json"),
                );
                refused += 1;
            }
            Err(e) => panic!("obfuscate {i} {paths:?}: {e}"),
        }
    }
    // DID signatures on every fifth document.
    let created = chrono::DateTime::parse_from_rfc3339("2025-03-14T08:00:00.000Z")
        .expect("time")
        .to_utc();
    for (i, doc) in singles.iter().enumerate().step_by(5) {
        let signed = sign_did(doc, &KEY, &did, created).expect("sign");
        write(
            &dir.join("ebl/signed").join(name(i)),
            &(signed.to_pretty_json() + "\n"),
        );
    }
    let meta = serde_json::json!({
        "count": count, "address": address.to_string(), "did": did,
        "key": format!("0x{}", hex::encode(KEY)), "saltSeed": SALT_SEED.to_string(),
    });
    write(&dir.join("meta.json"), &meta.to_string());
    eprintln!(
        "oa_differential gen: {count} documents, {} batches, {obfuscated} obfuscated ({refused} unsafe obfuscations refused)",
        batches.len()
    );
}

/// Equality as JavaScript sees two parsed values: member order ignored, numbers as doubles.
fn js_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => number_as_f64(x) == number_as_f64(y),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| js_equal(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| js_equal(v, w)))
        }
        _ => a == b,
    }
}

struct Tally {
    passed: usize,
    failed: Vec<String>,
}

impl Tally {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed.push(what());
        }
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Paths (as pointer segments) of every leaf of `value`.
fn leaves(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(m) if !m.is_empty() => {
            for (k, v) in m {
                at.push(k.clone());
                leaves(v, at, out);
                at.pop();
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for (i, v) in a.iter().enumerate() {
                at.push(i.to_string());
                leaves(v, at, out);
                at.pop();
            }
        }
        _ => out.push(at.clone()),
    }
}

fn pointer(segments: &[String]) -> String {
    segments
        .iter()
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// Every single-leaf tampering of a document: a changed value, a changed type tag, a removed
/// leaf, and an added sibling. OA rejects all of them; so must ebl.
fn tamperings(doc: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut paths = Vec::new();
    leaves(&doc["data"], &mut Vec::new(), &mut paths);
    for segs in paths {
        let ptr = format!("/data{}", pointer(&segs));
        let Some(Value::String(s)) = doc.pointer(&ptr) else {
            continue;
        };
        let mut changed = doc.clone();
        if let Some(v) = changed.pointer_mut(&ptr) {
            *v = Value::String(format!("{s}x"));
        }
        out.push((format!("{ptr} value changed"), changed));
        for (from, to) in [
            (":string:", ":number:"),
            (":number:", ":string:"),
            (":boolean:", ":string:"),
            (":null:", ":string:"),
        ] {
            if s.get(36..).is_some_and(|rest| rest.starts_with(from)) {
                let mut changed = doc.clone();
                if let Some(v) = changed.pointer_mut(&ptr) {
                    *v = Value::String(format!("{}{to}{}", &s[..36], &s[36 + from.len()..]));
                }
                out.push((format!("{ptr} type changed"), changed));
            }
        }
        let (parent, last) = segs.split_at(segs.len() - 1);
        let parent_ptr = format!("/data{}", pointer(parent));
        let mut removed = doc.clone();
        match removed.pointer_mut(&parent_ptr) {
            Some(Value::Object(m)) => {
                m.shift_remove(&last[0]);
            }
            Some(Value::Array(a)) => {
                if let Ok(i) = last[0].parse::<usize>() {
                    a.remove(i);
                }
            }
            _ => {}
        }
        out.push((format!("{ptr} removed"), removed));
        let mut added = doc.clone();
        if let Some(Value::Object(m)) = added.pointer_mut(&parent_ptr) {
            m.insert(
                "tamperedExtra".into(),
                Value::String("00000000-0000-4000-8000-000000000000:string:x".into()),
            );
            out.push((format!("{parent_ptr}/tamperedExtra added"), added));
        }
    }
    out
}

fn check(dir: &Path) -> bool {
    let meta = parse(&read(&dir.join("meta.json"))).expect("meta");
    let address: EthereumAddress = meta["address"]
        .as_str()
        .expect("address")
        .parse()
        .expect("address");
    let mut t = Tally {
        passed: 0,
        failed: Vec::new(),
    };
    let mut tampered = 0;
    for kind in ["wrapped", "batch", "obfuscated", "signed"] {
        for path in files(&dir.join("oa").join(kind)) {
            let label = format!(
                "oa/{kind}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let doc = match WrappedDocument::from_bytes(&read(&path)) {
                Ok(d) => d,
                Err(e) => {
                    t.failed.push(format!("{label}: ebl cannot read it: {e}"));
                    continue;
                }
            };
            let report = doc.verify();
            t.check(report.is_valid(), || {
                format!(
                    "{label}: ebl rejects a document OA made: {:?}",
                    report.findings
                )
            });
            if kind == "signed" {
                let did = verify_did_proof(&doc, &[address]);
                t.check(did.is_valid(), || {
                    format!("{label}: DID proof not accepted: {:?}", did.findings)
                });
            }
            if kind == "obfuscated" {
                // ebl's obfuscation of OA's wrapped document is byte-identical to OA's.
                let paths_file = dir.join("paths").join(path.file_name().unwrap_or_default());
                let paths = parse(&read(&paths_file)).expect("paths");
                let paths: Vec<&str> = paths
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let source = WrappedDocument::from_bytes(&read(
                    &dir.join("oa/wrapped")
                        .join(path.file_name().unwrap_or_default()),
                ))
                .expect("source");
                let ours = source.obfuscate(&paths).map(|d| d.to_pretty_json() + "\n");
                let theirs = String::from_utf8_lossy(&read(&path)).into_owned();
                t.check(ours.as_ref().is_ok_and(|o| *o == theirs), || {
                    format!("{label}: ebl's obfuscation of {paths:?} differs from OA's")
                });
            }
            if kind != "wrapped" {
                continue;
            }
            // getData: ebl's unsalted view equals OA's.
            let data_file = dir
                .join("oa/data")
                .join(path.file_name().unwrap_or_default());
            let theirs =
                parse_with(&read(&data_file), &Limits::javascript_numbers()).expect("data");
            let ours = doc.data();
            t.check(ours.as_ref().is_ok_and(|d| js_equal(d, &theirs)), || {
                format!("{label}: data() differs from OA's getData: {ours:?}")
            });
            // Mutations OA accepts: member order, an array turned into an object.
            let mut reordered = doc.as_value().clone();
            if let Some(Value::Object(m)) = reordered.get_mut("data") {
                let members: Vec<(String, Value)> = std::mem::take(m).into_iter().rev().collect();
                m.extend(members);
            }
            let r = WrappedDocument::from_value(reordered)
                .expect("object")
                .verify();
            t.check(r.is_valid(), || {
                format!("{label}: reordered members rejected")
            });
            let mut swapped = doc.as_value().clone();
            if let Some(Value::Array(items)) =
                swapped.get_mut("data").and_then(|d| d.get_mut("issuers"))
            {
                let obj: serde_json::Map<String, Value> = std::mem::take(items)
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v))
                    .collect();
                swapped["data"]["issuers"] = Value::Object(obj);
            }
            let r = WrappedDocument::from_value(swapped)
                .expect("object")
                .verify();
            t.check(
                r.is_valid()
                    && r.findings
                        .iter()
                        .any(|f| f.code == "oa-array-object-ambiguity"),
                || {
                    format!(
                        "{label}: array->object swap not accepted with a warning: {:?}",
                        r.findings
                    )
                },
            );
            for (what, bad) in tamperings(doc.as_value()) {
                tampered += 1;
                let r = WrappedDocument::from_value(bad).expect("object").verify();
                t.check(!r.is_valid(), || {
                    format!("{label}: tampering accepted: {what}")
                });
            }
        }
    }
    let node = parse(&read(&dir.join("node-result.json"))).expect("node result");
    let node_passed = usize::try_from(node["passed"].as_u64().unwrap_or(0)).unwrap_or(0);
    let node_failures: Vec<String> = node["failures"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    for f in t.failed.iter().chain(&node_failures).take(40) {
        eprintln!("DISAGREEMENT: {f}");
    }
    let passed = t.passed + node_passed;
    let failed = t.failed.len() + node_failures.len();
    eprintln!(
        "ebl checked OA's documents: {} passed, {} failed ({tampered} single-leaf tamperings)",
        t.passed,
        t.failed.len()
    );
    println!("oa-differential: {passed} passed, {failed} failed");
    failed == 0 && passed > 0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ok = match args.get(1).map(String::as_str) {
        Some("gen") if args.len() >= 3 => {
            let count = args.get(3).and_then(|c| c.parse().ok()).unwrap_or(400);
            generate(Path::new(&args[2]), count);
            true
        }
        Some("check") if args.len() >= 3 => check(Path::new(&args[2])),
        _ => {
            eprintln!("usage: oa_differential gen DIR [COUNT] | check DIR");
            false
        }
    };
    std::process::exit(i32::from(!ok));
}
