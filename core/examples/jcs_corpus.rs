//! Writes a deterministic corpus of JSON texts with ebl's RFC 8785 form of each, one JSON
//! object per line: `{"input": "...", "canonical": "..."}`. `scripts/crosscheck-jcs` feeds
//! it to an independent implementation (the `rfc8785` PyPI package) and compares.
//!
//! Usage: `cargo run -p ebl --example jcs_corpus -- [COUNT] > corpus.jsonl`

use std::fmt::Write as _;

use ebl::json::{Value, canonical_string, parse, write_js_string};

/// xorshift64*: a small deterministic generator, so the corpus is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_double(rng: &mut Rng) -> f64 {
    loop {
        let value = f64::from_bits(rng.next());
        if value.is_finite() {
            return value;
        }
    }
}

/// A number as JSON text, in one of several spellings the parser must all accept.
fn number_text(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{:e}", random_double(rng)),
        1 => {
            let mantissa = i64::try_from(rng.below(2_000_000)).unwrap_or(0) - 1_000_000;
            let exponent = i64::try_from(rng.below(80)).unwrap_or(0) - 40;
            format!("{mantissa}e{exponent}")
        }
        2 => {
            let limit = 1u64 << 53;
            let magnitude = rng.below(limit);
            if rng.below(2) == 0 {
                format!("-{magnitude}")
            } else {
                magnitude.to_string()
            }
        }
        _ => format!("{}.{:03}", rng.below(100_000), rng.below(1000)),
    }
}

fn random_string(rng: &mut Rng) -> String {
    const POOL: &[char] = &[
        'a',
        'Z',
        '0',
        ' ',
        '"',
        '\\',
        '/',
        '\u{0}',
        '\u{1f}',
        '\n',
        '\t',
        '\u{7f}',
        '\u{80}',
        'é',
        'ö',
        '€',
        '\u{2028}',
        '\u{fb33}',
        '\u{ffff}',
        '😀',
        '\u{10ffff}',
        '中',
        '\r',
    ];
    let len = rng.below(8);
    (0..len)
        .map(|_| POOL[usize::try_from(rng.below(POOL.len() as u64)).unwrap_or(0)])
        .collect()
}

fn random_json(rng: &mut Rng, depth: u32, out: &mut String) {
    let kind = if depth == 0 {
        rng.below(5)
    } else {
        rng.below(7)
    };
    match kind {
        0 => out.push_str("null"),
        1 => out.push_str(if rng.below(2) == 0 { "true" } else { "false" }),
        2 | 3 => out.push_str(&number_text(rng)),
        4 => write_js_string(out, &random_string(rng)),
        5 => {
            out.push('[');
            for i in 0..rng.below(5) {
                if i > 0 {
                    out.push(',');
                }
                random_json(rng, depth - 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            let mut used = std::collections::HashSet::new();
            for _ in 0..rng.below(6) {
                let key = random_string(rng);
                if !used.insert(key.clone()) {
                    continue;
                }
                if used.len() > 1 {
                    out.push(',');
                }
                write_js_string(out, &key);
                out.push(':');
                random_json(rng, depth - 1, out);
            }
            out.push('}');
        }
    }
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(4000);
    let mut rng = Rng(0x00EB_1000_8785);
    let mut out = String::new();
    for i in 0..count {
        let mut input = String::new();
        if i % 2 == 0 {
            // Half the corpus is lone numbers, the hardest part of RFC 8785.
            input = format!("[{}]", number_text(&mut rng));
        } else {
            random_json(&mut rng, 4, &mut input);
        }
        let canonical = match parse(input.as_bytes()) {
            Ok(value) => canonical_string(&value),
            Err(e) => {
                eprintln!("jcs_corpus: generated input {i} was refused: {e}\n{input}");
                std::process::exit(1);
            }
        };
        let line = Value::Object(
            [
                ("input".to_owned(), Value::String(input)),
                ("canonical".to_owned(), Value::String(canonical)),
            ]
            .into_iter()
            .collect(),
        );
        let _ = writeln!(out, "{}", ebl::json::to_js_string(&line));
    }
    print!("{out}");
}
