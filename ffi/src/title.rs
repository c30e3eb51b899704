//! Title replay: who held the bill at each step, and whether the history obeys the rules.

use ebl_core::title::{History, replay};

use crate::boundary::call;
use crate::handle::into_raw;
use crate::ptr::{arg_bytes, arg_out, set_out};
use crate::report::ebl_report;
use crate::result::ebl_result;

/// Replays a title history (its JSON, as `ebl_oa_title_history` returns it or `ebl` writes
/// it). On success `*out` owns a report (kind `title-replay`): valid when no rule is
/// broken, the findings every broken rule, the JSON every step and the final state.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_title_replay(
    history: *const u8,
    history_len: usize,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let history = History::from_json(arg_bytes!(history, history_len)?)?;
        set_out!(out, into_raw(ebl_report::replay(replay(&history))));
        Ok(())
    })
}
