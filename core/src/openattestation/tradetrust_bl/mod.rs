//! TradeTrust bill-of-lading data ↔ a DCSA eBL 3.0 transport document (as JSON).
//!
//! TradeTrust's B/L (the `BILL_OF_LADING` generic template, TradeTrust/generic-templates) is a
//! flat, free-form record: `blNumber`, `scac`, `carrierName`, `shipper`/`consignee`/
//! `notifyParty` with `name`/`address`, `vessel`, `voyageNo`, ports and places as text (or
//! `{name, unlocode}`), `packages[]`, optionally `containers[]`, `charges[]`, `clauses[]`.
//! [`to_dcsa`] maps it onto DCSA eBL 3.0 field names (`transportDocumentReference`,
//! `documentParties`, `transports`, `consignmentItems`, `utilizedTransportEquipments`, …) and
//! reports, as findings, every input field that has no counterpart and every DCSA required
//! field it could not fill; [`from_dcsa`] goes back. The input is the *unsalted* data
//! ([`WrappedDocument::data`](super::WrappedDocument::data)).
//!
//! ```
//! use ebl::openattestation::tradetrust_bl::{to_dcsa, from_dcsa};
//! let bl = serde_json::json!({"blNumber": "SGCNM21566325", "scac": "SGPU",
//!     "shipper": {"name": "Shipper Name", "address": {"street": "101 ORCHARD ROAD", "country": "SG"}},
//!     "portOfLoading": "Singapore", "vessel": "vessel", "voyageNo": "V1"});
//! let td = to_dcsa(&bl)?;
//! assert_eq!(td.document["transportDocumentReference"], "SGCNM21566325");
//! assert_eq!(td.document["documentParties"]["shipper"]["address"]["countryCode"], "SG");
//! assert_eq!(td.document["transports"]["vesselVoyages"][0]["carrierExportVoyageNumber"], "V1");
//! assert!(td.findings.iter().any(|f| f.path == "$.transportDocumentStatus"));
//! let back = from_dcsa(&td.document)?;
//! assert_eq!(back.document["blNumber"], "SGCNM21566325");
//! # Ok::<(), ebl::Error>(())
//! ```

mod from_dcsa;
mod to_dcsa;
mod to_dcsa_cargo;

use serde::Serialize;
use serde_json::Value;

use crate::json::JsonPath;
use crate::report::{Finding, Severity};

pub use from_dcsa::from_dcsa;
pub use to_dcsa::to_dcsa;

/// A mapped document and what did not map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    /// The result (a DCSA transport document for [`to_dcsa`], TradeTrust B/L data for
    /// [`from_dcsa`]).
    pub document: Value,
    /// Input fields with no counterpart (`tt-unmapped`, info), values changed on the way
    /// (`tt-converted`, warning) and required DCSA fields left empty (`tt-required-missing`,
    /// warning).
    pub findings: Vec<Finding>,
}

/// Collects the findings of one mapping.
#[derive(Default)]
struct Mapper {
    findings: Vec<Finding>,
}

impl Mapper {
    /// `what` (at `path`) has no counterpart on the other side.
    fn unmapped(&mut self, path: &JsonPath, what: &str) {
        self.findings.push(Finding::new(
            Severity::Info,
            "tt-unmapped",
            path.as_str(),
            format!("{what} has no counterpart and is not carried over"),
        ));
    }

    /// The value at `path` was changed on the way.
    fn converted(&mut self, path: &JsonPath, message: String) {
        self.findings
            .push(Finding::warning("tt-converted", path.as_str(), message));
    }

    fn into_mapping(self, document: Value) -> Mapping {
        Mapping {
            document,
            findings: self.findings,
        }
    }
}

/// TradeTrust size-type shorthands and their ISO 6346 size-type codes.
const SIZE_TYPES: [(&str, &str); 6] = [
    ("20GP", "22G1"),
    ("40GP", "42G1"),
    ("40HC", "45G1"),
    ("45HC", "L5G1"),
    ("20RF", "22R1"),
    ("40RH", "45R1"),
];
