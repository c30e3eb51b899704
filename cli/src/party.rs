//! Parties on the command line: `PLATFORM:PROVIDER:CODE[:NAME]`.

use ebl::pint::TransactionParty;

/// Reads a party written as `PLATFORM:PROVIDER:CODE[:NAME]`, for example
/// `SGP1:LEI:5493001KJTIIGC8Y1R12:Straits Precision` (the name may contain colons; without
/// one, the code is used as the name).
pub fn parse_party(text: &str) -> Result<TransactionParty, String> {
    let mut parts = text.splitn(4, ':');
    let (Some(platform), Some(provider), Some(code)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(format!(
            "party {text:?} must be PLATFORM:PROVIDER:CODE[:NAME], e.g. SGP1:LEI:5493001KJTIIGC8Y1R12:Straits Precision"
        ));
    };
    if [platform, provider, code]
        .iter()
        .any(|p| p.trim().is_empty())
    {
        return Err(format!(
            "party {text:?}: platform, provider and code must not be empty"
        ));
    }
    let name = parts
        .next()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(code);
    Ok(TransactionParty::new(platform, name, provider, code))
}

#[cfg(test)]
mod tests {
    use super::parse_party;

    #[test]
    fn parties_parse_with_and_without_a_name() {
        let p = parse_party("SGP1:LEI:549300:Straits: Precision").expect("party");
        assert_eq!(p.ebl_platform, "SGP1");
        assert_eq!(p.identifying_codes[0].code_list_provider, "LEI");
        assert_eq!(p.party_name, "Straits: Precision");
        assert_eq!(
            parse_party("SGP1:SGP1:bank").expect("party").party_name,
            "bank"
        );
        assert!(parse_party("SGP1:bank").is_err());
        assert!(parse_party("SGP1::bank").is_err());
    }
}
