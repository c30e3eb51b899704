//! The exit codes of every command, in one place so that no command imports another's.

/// `verify`, `receive`, `trust verify`: every file is valid / the transfer is accepted.
pub const EXIT_VALID: u8 = 0;
/// `verify`, `receive`, `trust verify`: a file is invalid / the transfer or list is refused.
pub const EXIT_INVALID: u8 = 1;
/// Every command: the input could not be used (unreadable, not JSON, unknown format, bad flags).
pub const EXIT_UNUSABLE: u8 = 2;
/// `recognize`: recognised, subject to the reliability of the system behind it.
pub const EXIT_RECOGNISED: u8 = 0;
/// `recognize`: not recognised.
pub const EXIT_NOT_RECOGNISED: u8 = 1;
/// `recognize`: indeterminate (a criterion could not be decided on what was given).
pub const EXIT_INDETERMINATE: u8 = 3;
