//! Measurements shared by the benches: a cost ratio that holds on a noisy machine.

use std::time::{Duration, Instant};

/// Time of `iterations` calls of `run`.
fn timed(run: &mut impl FnMut(), iterations: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        run();
    }
    start.elapsed()
}

/// `a`'s cost over `b`'s, as the median of `ROUNDS` ratios of back-to-back runs of about
/// 50 ms each: a slow spell of the machine hits both sides of a round, so the ratio holds on
/// a noisy machine where two separate means would not. Also returns the median time per call
/// of each.
pub fn interleaved_ratio(mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, Duration, Duration) {
    const ROUNDS: usize = 21;
    a();
    b();
    let once = timed(&mut a, 1).max(Duration::from_micros(1));
    let iterations = u32::try_from((Duration::from_millis(50).as_nanos() / once.as_nanos()).max(1))
        .unwrap_or(u32::MAX);
    let mut ratios = Vec::with_capacity(ROUNDS);
    let (mut times_a, mut times_b) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let ta = timed(&mut a, iterations);
        let tb = timed(&mut b, iterations);
        ratios.push(ta.as_secs_f64() / tb.as_secs_f64());
        times_a.push(ta / iterations);
        times_b.push(tb / iterations);
    }
    ratios.sort_by(f64::total_cmp);
    times_a.sort();
    times_b.sort();
    (ratios[ROUNDS / 2], times_a[ROUNDS / 2], times_b[ROUNDS / 2])
}
