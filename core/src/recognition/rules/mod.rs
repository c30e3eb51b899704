//! Rule data: jurisdictions and bilateral agreements as validated, versioned files.
//!
//! The file formats are documented in `core/rules/README.md`.

mod agreement;
mod catalogue;
mod cell;
mod jurisdiction;
mod laws;
mod lookup;
mod parse;

pub use agreement::{AGREEMENT_SCHEMA, Agreement, Clause, Instrument, InstrumentStatus, Side};
pub use catalogue::{Catalogue, Layer, RulesSource, Target};
pub use cell::{Cell, CellParams, CellStatus, Confidence, RecognisingLaw};
pub use jurisdiction::{
    EarlierRecords, IndustryCover, JURISDICTION_SCHEMA, Regime, RegimeStatus, RuleSet,
};
pub use laws::{LAWS_SCHEMA, LawList};
pub use lookup::LoadedRules;
