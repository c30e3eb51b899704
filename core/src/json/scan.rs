//! The inner loop of string parsing: finding where a run of plain characters ends.

/// How many leading bytes of `bytes` a string copies as they are: up to the first quote,
/// backslash or control character. Eight bytes are tested at a time (the bytes of a word
/// that are below 0x20, or equal to `"` or a backslash, have their high bit set by the classic
/// "has zero byte" test), since strings are most of what an OpenAttestation document holds.
pub(crate) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let special = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
    let mut done = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
        // Below 0x20: `word - 0x20` borrows into a byte's high bit where that byte's own high
        // bit is clear; the exact byte is found by the scalar test below.
        let below = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
        if zero_in(word ^ (ONES * u64::from(b'"')))
            | zero_in(word ^ (ONES * u64::from(b'\\')))
            | below
            != 0
        {
            break;
        }
        done += 8;
    }
    done + bytes[done..]
        .iter()
        .position(|&b| special(b))
        .unwrap_or(bytes.len() - done)
}

#[cfg(test)]
mod tests {
    use super::plain_run;

    fn scalar(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(bytes.len())
    }

    #[test]
    fn agrees_with_a_byte_by_byte_scan() {
        let specials = [b'"', b'\\', 0x00, 0x1f, b'\n'];
        let ordinary = [
            b'a', b' ', 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xff, b'!', b'#',
        ];
        for len in 0..40 {
            for &fill in &ordinary {
                let plain = vec![fill; len];
                assert_eq!(plain_run(&plain), len);
                for at in 0..len {
                    for &special in &specials {
                        let mut bytes = plain.clone();
                        bytes[at] = special;
                        assert_eq!(plain_run(&bytes), scalar(&bytes), "{bytes:?}");
                        assert_eq!(plain_run(&bytes), at);
                    }
                }
            }
        }
    }
}
