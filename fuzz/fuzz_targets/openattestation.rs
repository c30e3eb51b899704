#![no_main]
// Thin by design: the body lives in src/targets.rs, where the stable replay test runs it too.
libfuzzer_sys::fuzz_target!(|data: &[u8]| ebl_fuzz::targets::openattestation(data));
