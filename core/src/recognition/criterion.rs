//! The checkable criteria of `reference/legal.md` §6, one identifier each.

use serde::{Deserialize, Serialize};

macro_rules! criteria {
    ($( $(#[$doc:meta])* $name:ident = $id:literal, $row:literal, $title:literal; )*) => {
        /// One checkable criterion of the rules table (`reference/legal.md` §6).
        ///
        /// Each criterion is implemented once, as a pure function ([`crate::recognition::assess`]);
        /// jurisdictions only say, in their data files, how much it matters there. In JSON a
        /// criterion is written as its kebab-case id (for example `"single-holder"`).
        ///
        /// ```
        /// use ebl::recognition::CriterionId;
        /// let c: CriterionId = "transfer-divests".parse()?;
        /// assert_eq!(c, CriterionId::TransferDivests);
        /// assert_eq!(c.row(), 7);
        /// assert!("no-such-thing".parse::<CriterionId>().is_err());
        /// # Ok::<(), String>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum CriterionId {
            $( $(#[$doc])* $name, )*
        }

        impl CriterionId {
            /// Every criterion, in the order of the rules table.
            pub const ALL: &'static [CriterionId] = &[$(CriterionId::$name,)*];

            /// The kebab-case identifier used in rule files and reports.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(CriterionId::$name => $id,)* }
            }

            /// The row number in `reference/legal.md` §6.
            #[must_use]
            pub fn row(self) -> u8 {
                match self { $(CriterionId::$name => $row,)* }
            }

            /// A one-line description of what the code tests.
            #[must_use]
            pub fn title(self) -> &'static str {
                match self { $(CriterionId::$name => $title,)* }
            }
        }

        impl std::str::FromStr for CriterionId {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok(CriterionId::$name),)*
                    other => Err(format!("unknown criterion id '{other}'")),
                }
            }
        }
    };
}

criteria! {
    /// Row 1: the information a paper bill would contain is present.
    RequiredContent = "required-content", 1, "required content present";
    /// Row 2: one authoritative record per identifier; copies distinguishable.
    Singularity = "singularity", 2, "record uniquely identified (singular)";
    /// Row 3: signatures and hash links verify; content changed only by authorised amendments.
    Integrity = "integrity", 3, "integrity retained; only authorised changes";
    /// Row 4: the record is capable of control from creation until it ceases to have effect.
    Controllability = "controllability", 4, "controllable from creation to end of validity";
    /// Row 5: the record names exactly one controller (or one declared joint group) at every
    /// step. A fact about the record: whether the *system* gives exclusive control (MLETR
    /// art. 11) is a reliability question, left to the evidence.
    SingleHolder = "single-holder", 5, "one holder recorded at every point of the chain (exclusive control by the system is left to reliability evidence)";
    /// Row 6: every controller can be identified.
    IdentifiableController = "identifiable-controller", 6, "controller identifiable";
    /// Row 7: a transfer deprives the transferor of control.
    TransferDivests = "transfer-divests", 7, "transfer divests the transferor";
    /// Row 8: every transfer, endorsement and surrender is made by the current holder and signed.
    HolderSignedTransfers = "holder-signed-transfers", 8, "transfers authorised (signed) by the current holder";
    /// Row 9: endorsements are recorded in the record and signed by the endorser.
    EndorsementRecorded = "endorsement-recorded", 9, "endorsement recorded and signed";
    /// Row 10: signatures verify with a key the receiver's trust store attributes to the signer.
    /// That identifies the signer; whether the method is reliable (MLETR arts 9, 12) is judged
    /// on all the circumstances and left to the evidence.
    ReliableSignature = "reliable-signature", 10, "signature verifies with a key attributed to the signer (method reliability left to evidence)";
    /// Row 11: the signature algorithm is on the receiving side's accepted list.
    AcceptedAlgorithm = "accepted-algorithm", 11, "signature algorithm accepted";
    /// Row 12: the issuer's identity is bound to its key by an accepted method.
    IssuerIdentity = "issuer-identity", 12, "issuer identity bound to a key";
    /// Row 13: reliability evidence exists for every platform used.
    ReliabilityEvidence = "reliability-evidence", 13, "platform reliability evidence present";
    /// Row 14: every platform used was on an approved or accredited list at the time.
    ApprovedList = "approved-list", 14, "platform on an approved / accredited list";
    /// Row 15: each event's time is recorded reliably and in order, which matters where the law
    /// requires or permits an indication of time (MLETR art. 13): problems are indeterminate.
    Timestamps = "timestamps", 15, "time of each event recorded reliably (where the law requires or permits it)";
    /// Row 16: the place of issue is indicated, where the law requires or permits it.
    PlaceIndicated = "place-indicated", 16, "place indicated (where the law requires or permits it)";
    /// Row 17: amendments are identified as such (who may amend is for the platform's rulebook).
    AmendmentsIdentified = "amendments-identified", 17, "amended information identified as such";
    /// Row 18: a change of medium from paper is stated and the paper made inoperative.
    PaperToElectronic = "paper-to-electronic", 18, "paper to electronic change of medium";
    /// Row 19: a change of medium to paper is stated and the record made inoperative.
    ElectronicToPaper = "electronic-to-paper", 19, "electronic to paper change of medium";
    /// Row 20: nothing happens to a surrendered, converted or void record.
    TerminalStates = "terminal-states", 20, "no transfer after a terminal state";
    /// Row 21: every party consented to the electronic form. Consent protects a party from
    /// being required to use an electronic record (MLETR art. 7); it is not a validity
    /// condition of the record, so the shipped rules make it a factor.
    Consent = "consent", 21, "parties consented to electronic form (a protection, not a validity condition)";
    /// Row 22: a foreign record is not rejected solely for being foreign (a rule of the
    /// receiving law, reported as a flag rather than evaluated over the record).
    ForeignNondiscrimination = "foreign-nondiscrimination", 22, "foreign record not denied effect solely for being foreign";
    /// Row 23: the bill's governing law recognises electronic bills.
    GoverningLaw = "governing-law", 23, "governing law recognises electronic bills";
    /// Row 24: data-protection obligations declared by every platform used.
    DataProtection = "data-protection", 24, "data-protection rules satisfied";
}

impl CriterionId {
    /// Whether the criterion is a test over the record. `false` only for
    /// [`CriterionId::ForeignNondiscrimination`], which describes the receiving law itself and
    /// is reported as a flag.
    #[must_use]
    pub fn is_evaluated(self) -> bool {
        self != CriterionId::ForeignNondiscrimination
    }
}

impl std::fmt::Display for CriterionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_rows_are_the_table_order() {
        for (i, &c) in CriterionId::ALL.iter().enumerate() {
            assert_eq!(c.as_str().parse::<CriterionId>(), Ok(c));
            assert_eq!(usize::from(c.row()), i + 1);
            let json = serde_json::to_value(c).unwrap_or_default();
            assert_eq!(json, serde_json::Value::String(c.as_str().to_owned()));
        }
        assert_eq!(CriterionId::ALL.len(), 24);
    }
}
