//! `verify_batch` gives, for every input and in input order, exactly what `verify_bytes` gives
//! one input at a time: the golden PINT vectors (valid and broken), a transport document and
//! unusable bytes, interleaved and repeated so that work is spread over every core.

mod support;

use support::verification_summary;

use ebl::verify::{verify_batch, verify_bytes};

#[test]
fn a_batch_matches_one_by_one_in_order() {
    let inputs = support::mixed_verify_inputs();
    let batch: Vec<Vec<u8>> = (0..20)
        .flat_map(|round| {
            let mut copy = inputs.clone();
            copy.rotate_left(round % inputs.len());
            copy
        })
        .collect();

    let context = support::golden_context();
    let together = verify_batch(&batch, &context);
    assert_eq!(together.len(), batch.len());
    let mut valid = 0;
    for (bytes, result) in batch.iter().zip(&together) {
        assert_eq!(
            verification_summary(result),
            verification_summary(&verify_bytes(bytes, &context))
        );
        valid += usize::from(result.as_ref().is_ok_and(|v| v.valid));
    }
    // Two valid vectors in each round of seven.
    assert_eq!(valid, 40);
}
