//! Mutual recognition: does a receiving jurisdiction recognise this record as an electronic
//! transferable record, criterion by criterion, with the law cited?
//!
//! - Each checkable criterion of `reference/legal.md` §6 ([`CriterionId`]) is one pure function
//!   ([`assess`]) over the document, the history, the evidence, the trust store and the time,
//!   giving [`CriterionStatus::Satisfied`], [`CriterionStatus::NotSatisfied`] or
//!   [`CriterionStatus::Indeterminate`] with a reason.
//! - Jurisdictions are data ([`RuleSet`]): the MLETR baseline, Singapore, China, the United
//!   Kingdom, France, Hong Kong, Bahrain, ADGM, Germany and the United States ship embedded
//!   ([`Catalogue::embedded`]) and more can be loaded from disk. Each cell says `required`,
//!   `required-stricter`, `factor`, `silent` or `unknown`, with its citation, the confidence of
//!   that citation and effective dates, so the law in force at each event applies. Confidence
//!   counts: only a verified cell can make a record "not recognised" ([`Effect::of_cell`]).
//! - Bilateral agreements are data too ([`Agreement`]); [`recognize`] accepts a [`Target`] built
//!   from a jurisdiction or from one side of an agreement.
//! - From bytes, in one call: [`recognize_bytes`] takes a [`RecognitionRequest`] (the record,
//!   a TradeTrust title log, the receiver's evidence, the target as a string such as `CN` or
//!   `sg-cn-shenzhen/CN`) and returns a [`RecognitionOutcome`] (verification and report, as
//!   JSON with [`RecognitionOutcome::to_json_value`]); its steps are public too
//!   ([`Catalogue::target`], [`prepare_recognition_input`], [`Evidence::from_receiver_json`],
//!   [`Evidence::merge_receiver`], [`recognize`]). A user's own rule file is added with
//!   [`Catalogue::add_rules`].
//! - The [`Report`] is deterministic JSON naming the rule-data versions it used. It never says
//!   a record is legally valid: the best verdict is
//!   [`Verdict::RecognisedSubjectToReliability`].
//!
//! The data formats are documented in `core/rules/README.md`.

mod criteria;
mod criterion;
mod engine;
mod error;
mod facts;
#[cfg(feature = "openattestation")]
mod from_openattestation;
mod from_pint;
mod from_title;
mod receiver;
mod report;
mod request;
pub mod rules;
mod status;

#[cfg(feature = "openattestation")]
pub use crate::openattestation::OpenAttestationIdentity;
pub use criteria::{Context, assess};
pub use criterion::CriterionId;
pub use engine::recognize;
pub use error::{RecognitionError, RecognitionRequestPart};
pub use facts::{
    ChangeOfMedium, Conflict, ConsentEvidence, Controller, EventFacts, Evidence, HistoryFacts,
    IdentityProofEvidence, LegalEventKind, PartyFacts, RecognitionInput, RecordStatus,
    SignatureEvidence, TimeSource,
};
pub use from_title::party_name;
pub use report::{
    CriterionReport, Decisive, EventAssessment, Flag, FlagValue, Flags, NOTICE, REPORT_SCHEMA,
    RegimeReport, Report,
};
pub use request::{
    RecognitionOutcome, RecognitionRequest, prepare_recognition_input, recognize_bytes,
};
pub use rules::{
    Agreement, Catalogue, Cell, CellParams, CellStatus, Confidence, LawList, LoadedRules, RuleSet,
    Target,
};
pub use status::{CriterionStatus, Effect, Outcome, Verdict};
