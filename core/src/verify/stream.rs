//! Verification of a stream of inputs — a directory of a day's arrivals, a queue — with memory
//! bounded by one batch, on every core, the results in input order.

use std::collections::VecDeque;

use super::{Verification, VerifyContext, verify_bytes};

/// How many inputs [`verify_stream`] reads and verifies together when the caller has no
/// better figure: enough to keep every core busy, few enough that thousands of files never
/// sit in memory at once.
pub const VERIFY_STREAM_BATCH: usize = 64;

/// Verifies each input of `inputs` as [`verify_bytes`] would, `batch` at a time (on every
/// core with the `parallel` feature), yielding `(key, result)` in input order.
///
/// Only one batch of inputs is held at a time: the iterator is pulled lazily, so when it
/// reads files as it goes, ten thousand files cost the memory of `batch` of them. The key
/// (a file name, a message id) travels with its input. An input that could not be had (an
/// unreadable file: its `Err`) is reported in its place and does not stop the others.
///
/// ```
/// use ebl::verify::{verify_stream, VerifyContext};
/// let td = br#"{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL"}"#.to_vec();
/// let unreadable = ebl::Error::Io { path: "b.json".into(), message: "permission denied".into() };
/// let inputs = vec![("a.json", Ok(td.clone())), ("b.json", Err(unreadable)), ("c.json", Ok(td))];
/// let context = VerifyContext::at("2026-06-01T00:00:00Z".parse()?);
/// let results: Vec<_> = verify_stream(inputs, &context, 2).collect();
/// assert_eq!(results.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["a.json", "b.json", "c.json"]);
/// assert_eq!(results[0].1.as_ref().ok().map(|v| v.format.as_str()), Some("dcsa-transport-document"));
/// assert_eq!(results[1].1.as_ref().unwrap_err().code(), ebl::ErrorCode::Io);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_stream<K, I>(
    inputs: I,
    context: &VerifyContext,
    batch: usize,
) -> VerifyStream<'_, K, I::IntoIter>
where
    I: IntoIterator<Item = (K, crate::Result<Vec<u8>>)>,
{
    VerifyStream {
        inputs: inputs.into_iter(),
        context,
        batch: batch.max(1),
        ready: VecDeque::new(),
    }
}

/// The iterator [`verify_stream`] returns: `(key, verification or error)` per input, in
/// input order.
pub struct VerifyStream<'c, K, I> {
    inputs: I,
    context: &'c VerifyContext,
    batch: usize,
    ready: VecDeque<(K, crate::Result<Verification>)>,
}

impl<K, I> VerifyStream<'_, K, I>
where
    I: Iterator<Item = (K, crate::Result<Vec<u8>>)>,
{
    /// Reads the next batch and verifies it; false when the inputs are exhausted.
    fn fill(&mut self) -> bool {
        let (keys, inputs): (Vec<K>, Vec<crate::Result<Vec<u8>>>) =
            self.inputs.by_ref().take(self.batch).unzip();
        if keys.is_empty() {
            return false;
        }
        let context = self.context;
        let verify = move |input: crate::Result<Vec<u8>>| {
            input.and_then(|bytes| verify_bytes(&bytes, context))
        };
        #[cfg(feature = "parallel")]
        let results: Vec<crate::Result<Verification>> = {
            use rayon::prelude::*;
            inputs.into_par_iter().map(verify).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let results: Vec<crate::Result<Verification>> = inputs.into_iter().map(verify).collect();
        self.ready.extend(keys.into_iter().zip(results));
        true
    }
}

impl<K, I> Iterator for VerifyStream<'_, K, I>
where
    I: Iterator<Item = (K, crate::Result<Vec<u8>>)>,
{
    type Item = (K, crate::Result<Verification>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() && !self.fill() {
            return None;
        }
        self.ready.pop_front()
    }
}
