//! Parties written as one line of text: `PLATFORM:PROVIDER:CODE[:NAME]`, as command lines and
//! configuration files give them.

use std::str::FromStr;

use super::PintError;
use super::types::TransactionParty;

/// The form a party is written in, shown in every parse error.
const PARTY_FORM: &str =
    "PLATFORM:PROVIDER:CODE[:NAME], e.g. SGP1:LEI:5493001KJTIIGC8Y1R12:Straits Precision";

impl TransactionParty {
    /// Reads a party written as `PLATFORM:PROVIDER:CODE[:NAME]`: its eBL platform, the code
    /// list provider and the party's code in it, and optionally its name (which may contain
    /// colons; without one, the code is the name).
    ///
    /// # Errors
    /// [`PintError::PartyMalformed`], whose message shows the expected form, when a part is
    /// missing or empty.
    ///
    /// ```
    /// use ebl::pint::TransactionParty;
    ///
    /// let shipper = TransactionParty::parse("SGP1:LEI:5493001KJTIIGC8Y1R12:Straits: Precision")?;
    /// assert_eq!(shipper.ebl_platform, "SGP1");
    /// assert_eq!(shipper.identifying_codes[0].code_list_provider, "LEI");
    /// assert_eq!(shipper.party_name, "Straits: Precision");
    /// let bank: TransactionParty = "SGP1:SGP1:bank".parse()?;
    /// assert_eq!(bank.party_name, "bank");
    ///
    /// let err = TransactionParty::parse("SGP1:bank").unwrap_err();
    /// assert!(err.to_string().contains("PLATFORM:PROVIDER:CODE[:NAME]"), "{err}");
    /// assert!(TransactionParty::parse("SGP1::bank").is_err());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn parse(text: &str) -> crate::Result<TransactionParty> {
        let malformed = |reason: &str| PintError::PartyMalformed {
            text: text.to_owned(),
            reason: format!("{reason}; expected {PARTY_FORM}"),
        };
        let mut parts = text.splitn(4, ':');
        let (Some(platform), Some(provider), Some(code)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed("too few parts").into());
        };
        if [platform, provider, code]
            .iter()
            .any(|p| p.trim().is_empty())
        {
            return Err(malformed("platform, provider and code must not be empty").into());
        }
        let name = parts
            .next()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(code);
        Ok(TransactionParty::new(platform, name, provider, code))
    }
}

impl FromStr for TransactionParty {
    type Err = crate::Error;

    /// As [`TransactionParty::parse`].
    fn from_str(text: &str) -> crate::Result<TransactionParty> {
        TransactionParty::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::TransactionParty;
    use crate::ErrorCode;

    #[test]
    fn parties_parse_with_and_without_a_name() {
        let p = TransactionParty::parse("SGP1:LEI:549300:Straits: Precision").expect("party");
        assert_eq!(p.ebl_platform, "SGP1");
        assert_eq!(p.identifying_codes[0].code_list_provider, "LEI");
        assert_eq!(p.identifying_codes[0].party_code, "549300");
        assert_eq!(p.party_name, "Straits: Precision");
        let unnamed: TransactionParty = "SGP1:SGP1:bank:  ".parse().expect("party");
        assert_eq!(unnamed.party_name, "bank");
        for bad in ["SGP1:bank", "SGP1::bank", " :SGP1:bank", "", "SGP1:SGP1: "] {
            let err = TransactionParty::parse(bad).expect_err(bad);
            assert_eq!(err.code(), ErrorCode::InvalidArgument, "{bad}");
            assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
            assert!(
                err.to_string().contains("PLATFORM:PROVIDER:CODE[:NAME]"),
                "{err}"
            );
        }
    }
}
