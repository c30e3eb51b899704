//! `verify_stream` gives, for every input and in input order, what `verify_bytes` gives one
//! input at a time — across batch boundaries, with unreadable inputs reported in their place —
//! and never reads more than one batch ahead of what it has handed out.

mod support;

use support::verification_summary;

use std::cell::Cell;

use ebl::verify::{verify_bytes, verify_stream};

fn inputs() -> Vec<Vec<u8>> {
    support::mixed_verify_inputs()
}

#[test]
fn order_is_kept_across_batches_and_an_unreadable_input_is_reported_in_its_place() {
    let files = inputs();
    let count = 23; // not a multiple of the batch: the last batch is partial
    let unreadable = 11;
    let stream_inputs = (0..count).map(|i| {
        let bytes = if i == unreadable {
            Err(ebl::Error::Io {
                path: format!("file-{i}"),
                message: "permission denied".to_owned(),
            })
        } else {
            Ok(files[i % files.len()].clone())
        };
        (format!("file-{i}"), bytes)
    });
    let context = support::golden_context();
    let results: Vec<_> = verify_stream(stream_inputs, &context, 5).collect();

    assert_eq!(results.len(), count);
    for (i, (key, result)) in results.iter().enumerate() {
        assert_eq!(key, &format!("file-{i}"));
        if i == unreadable {
            let err = result.as_ref().expect_err("the unreadable input");
            assert_eq!(err.code(), ebl::ErrorCode::Io);
            assert!(err.to_string().contains("file-11"), "{err}");
        } else {
            let expected = verify_bytes(&files[i % files.len()], &context);
            assert_eq!(
                verification_summary(result),
                verification_summary(&expected),
                "input {i}"
            );
        }
    }
    let valid = results
        .iter()
        .filter(|(_, r)| r.as_ref().is_ok_and(|v| v.valid))
        .count();
    // Of the seven mixed inputs the first and third are valid: inputs 0, 2, 7, 9, 14, 16, 21.
    assert_eq!(valid, 7);
}

#[test]
fn reads_at_most_one_batch_ahead() {
    let files = inputs();
    let pulled = Cell::new(0usize);
    let stream_inputs = (0..40).map(|i| {
        pulled.set(pulled.get() + 1);
        (i, Ok(files[i % files.len()].clone()))
    });
    let context = support::golden_context();
    let mut stream = verify_stream(stream_inputs, &context, 8);
    assert_eq!(pulled.get(), 0, "nothing is read before it is asked for");
    for handed_out in 1..=40 {
        let (key, _) = stream.next().expect("an input");
        assert_eq!(key, handed_out - 1);
        assert!(
            pulled.get() <= handed_out.div_ceil(8) * 8,
            "read too far ahead"
        );
        assert!(pulled.get() >= handed_out);
    }
    assert!(stream.next().is_none());
}

#[test]
fn a_batch_of_zero_is_one() {
    let context = support::golden_context();
    let inputs = (0..3).map(|i| (i, Ok(b"not json".to_vec())));
    let keys: Vec<_> = verify_stream(inputs, &context, 0).map(|(k, _)| k).collect();
    assert_eq!(keys, [0, 1, 2]);
}
