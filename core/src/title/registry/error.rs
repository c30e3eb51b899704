//! Why a registry could not be opened, read or written.

use crate::code::ErrorCode;

/// Why a registry could not be used. Each names the database (file or URL, without its
/// password) and what was wrong, so that a platform operator can act on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// The file exists but is not a readable SQLite database (damaged, truncated, or another
    /// kind of file). It is left untouched.
    #[error(
        "{location}: not a readable registry database ({message}); the file was left untouched"
    )]
    Corrupt {
        /// The database file.
        location: String,
        /// What SQLite reported.
        message: String,
    },
    /// The database is valid but belongs to something else (no ebl registry schema in it).
    #[error(
        "{location}: this database is not an ebl registry ({message}); refusing to write into it"
    )]
    Foreign {
        /// The database file or URL.
        location: String,
        /// What was found instead.
        message: String,
    },
    /// The database was written by a newer version of ebl.
    #[error(
        "{location}: registry schema version {found} is newer than this ebl understands (version {supported}); upgrade ebl"
    )]
    NewerSchema {
        /// The database file or URL.
        location: String,
        /// The version found.
        found: i64,
        /// The version this library writes.
        supported: u32,
    },
    /// The database cannot be written (file permissions, read-only mount or connection).
    #[error(
        "{location}: the registry is read-only ({message}); a receiving platform must record what it accepts"
    )]
    ReadOnly {
        /// The database file or URL.
        location: String,
        /// Why.
        message: String,
    },
    /// The database server could not be reached or refused the connection.
    #[error("{location}: cannot connect to the registry database: {message}")]
    Unreachable {
        /// The URL, without its password.
        location: String,
        /// What the client reported.
        message: String,
    },
    /// A read or write failed after the database was opened.
    #[error("{location}: registry storage failed: {message}")]
    Storage {
        /// The database file or URL.
        location: String,
        /// What the backend reported.
        message: String,
    },
    /// A location names a backend this build does not include.
    #[error("{location}: this build of ebl has no {feature} registry (cargo feature `{feature}`)")]
    BackendMissing {
        /// The location given.
        location: String,
        /// The cargo feature that would provide it.
        feature: &'static str,
    },
    /// A document upload names a transfer this platform is not waiting for.
    #[error("no transfer with last entry {0} is waiting for documents here")]
    UnknownTransfer(String),
}

impl RegistryError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            RegistryError::Corrupt { .. } => ErrorCode::RegistryCorrupt,
            RegistryError::Foreign { .. } => ErrorCode::RegistryForeign,
            RegistryError::NewerSchema { .. } => ErrorCode::RegistryNewerSchema,
            RegistryError::ReadOnly { .. } => ErrorCode::RegistryReadOnly,
            RegistryError::Unreachable { .. } => ErrorCode::RegistryUnreachable,
            RegistryError::Storage { .. } => ErrorCode::RegistryStorage,
            RegistryError::BackendMissing { .. } => ErrorCode::RegistryBackendMissing,
            RegistryError::UnknownTransfer(_) => ErrorCode::RegistryUnknownTransfer,
        }
    }
}
