#![no_main]
// Thin by design: the body is ebl_ffi::fuzzing::c_api, which ffi/tests/fuzz_replay_c_api.rs replays.
libfuzzer_sys::fuzz_target!(|data: &[u8]| ebl_fuzz::c_api(data));
