//! The stable finding codes of title replay, one per rule.
//!
//! Every finding of [`super::replay`] carries one of these codes, the path of the event
//! (`$.events[3]`, or a member of it such as `$.events[3].actor`) and, when the event came
//! from a PINT chain entry, that entry's index. Codes never change meaning.
//!
//! | code | severity | rule |
//! |---|---|---|
//! | `empty-history` | error | a history has at least one event |
//! | `first-event-not-issue` | error | the first event is `ISSUE` or `CONVERT_FROM_PAPER` |
//! | `issue-not-first` | error | only the first event creates the record |
//! | `issue-not-by-carrier` | error | the carrier issues (or converts from paper) |
//! | `carrier-action-not-by-carrier` | error | only the carrier accepts or rejects a surrender, amends, or converts to paper |
//! | `actor-not-holder` | error | only the current holder acts |
//! | `recipient-not-next-actor` | error | the party an event handed the record to is the one who acts next (reported instead of `actor-not-holder` right after a hand-over) |
//! | `actor-not-endorsee` | error | only the endorsee nominates |
//! | `missing-recipient` | error | the event kind needs a recipient |
//! | `unexpected-recipient` | warning | `SIGN`, `BLANK_ENDORSE`, `CONVERT_TO_PAPER` have none |
//! | `unexpected-endorsee` | warning | only `ISSUE`, `AMEND` and `CONVERT_FROM_PAPER` name an initial endorsee |
//! | `party-unidentified` | error | an actor or recipient has an identifying code or an address |
//! | `straight-bill-endorsed` | error | a straight bill is never endorsed (nor nominated) |
//! | `straight-transfer-not-to-consignee` | error | a straight bill is transferred only to its named consignee |
//! | `consignee-unknown` | warning | a straight bill was transferred but the history names no consignee to check against |
//! | `endorser-not-entitled` | error | the endorser is the endorsee, or the bill is blank endorsed, or the endorsement goes to the endorsee's nominee |
//! | `endorsee-may-not-endorse` | error | an endorsee under `ENDORSE` (not to order) does not endorse further |
//! | `surrender-not-entitled` | error | a to-order bill is surrendered by its endorsee, or by any holder when blank endorsed |
//! | `surrender-not-to-carrier` | error | a surrender is addressed to the carrier |
//! | `surrender-not-pending` | error | a surrender is accepted or rejected only while one is pending |
//! | `surrender-returned-to-wrong-party` | error | a rejected surrender goes back to who surrendered |
//! | `not-allowed-in-state` | error | the event kind is not possible in the record's current status |
//! | `event-after-terminal` | error | nothing happens after `Surrendered` or `ConvertedToPaper` |
//! | `time-went-backwards` | error | an event is not earlier than the one before it |
//! | `transfer-to-self` | error | a transfer goes to someone other than the holder |
//! | `document-changed-without-amendment` | error | the document checksum changes only by `AMEND` |
//! | `amendment-not-identified` | warning | an `AMEND` names the new version's checksum |
//! | `change-of-medium-statement-missing` | warning | a change of medium carries its statement |

/// A history has at least one event.
pub const EMPTY_HISTORY: &str = "empty-history";
/// The first event is `ISSUE` or `CONVERT_FROM_PAPER`.
pub const FIRST_EVENT_NOT_ISSUE: &str = "first-event-not-issue";
/// Only the first event creates the record.
pub const ISSUE_NOT_FIRST: &str = "issue-not-first";
/// The carrier issues (or converts from paper).
pub const ISSUE_NOT_BY_CARRIER: &str = "issue-not-by-carrier";
/// Only the carrier accepts or rejects a surrender, amends, or converts to paper.
pub const CARRIER_ACTION_NOT_BY_CARRIER: &str = "carrier-action-not-by-carrier";
/// Only the current holder acts.
pub const ACTOR_NOT_HOLDER: &str = "actor-not-holder";
/// The party an event handed the record to is the one who acts next.
pub const RECIPIENT_NOT_NEXT_ACTOR: &str = "recipient-not-next-actor";
/// Only the endorsee nominates.
pub const ACTOR_NOT_ENDORSEE: &str = "actor-not-endorsee";
/// The event kind needs a recipient.
pub const MISSING_RECIPIENT: &str = "missing-recipient";
/// The event kind takes no recipient (warning).
pub const UNEXPECTED_RECIPIENT: &str = "unexpected-recipient";
/// Only record-creating events name an initial endorsee (warning).
pub const UNEXPECTED_ENDORSEE: &str = "unexpected-endorsee";
/// An actor or recipient carries no identifying code and no address.
pub const PARTY_UNIDENTIFIED: &str = "party-unidentified";
/// A straight bill is never endorsed.
pub const STRAIGHT_BILL_ENDORSED: &str = "straight-bill-endorsed";
/// A straight bill is transferred only to its named consignee.
pub const STRAIGHT_TRANSFER_NOT_TO_CONSIGNEE: &str = "straight-transfer-not-to-consignee";
/// A straight bill was transferred with no consignee to check against (warning).
pub const CONSIGNEE_UNKNOWN: &str = "consignee-unknown";
/// The endorser is not entitled to endorse.
pub const ENDORSER_NOT_ENTITLED: &str = "endorser-not-entitled";
/// An endorsee under `ENDORSE` does not endorse further.
pub const ENDORSEE_MAY_NOT_ENDORSE: &str = "endorsee-may-not-endorse";
/// The surrendering holder is not entitled to surrender a to-order bill.
pub const SURRENDER_NOT_ENTITLED: &str = "surrender-not-entitled";
/// A surrender is addressed to the carrier.
pub const SURRENDER_NOT_TO_CARRIER: &str = "surrender-not-to-carrier";
/// A surrender is answered only while pending.
pub const SURRENDER_NOT_PENDING: &str = "surrender-not-pending";
/// A rejected surrender goes back to the party that surrendered.
pub const SURRENDER_RETURNED_TO_WRONG_PARTY: &str = "surrender-returned-to-wrong-party";
/// The event kind is not possible in the current status.
pub const NOT_ALLOWED_IN_STATE: &str = "not-allowed-in-state";
/// Nothing happens after a terminal status.
pub const EVENT_AFTER_TERMINAL: &str = "event-after-terminal";
/// Time never runs backwards.
pub const TIME_WENT_BACKWARDS: &str = "time-went-backwards";
/// A transfer goes to another party.
pub const TRANSFER_TO_SELF: &str = "transfer-to-self";
/// The document changes only by amendment.
pub const DOCUMENT_CHANGED_WITHOUT_AMENDMENT: &str = "document-changed-without-amendment";
/// An amendment identifies the new version (warning).
pub const AMENDMENT_NOT_IDENTIFIED: &str = "amendment-not-identified";
/// A change of medium carries its statement (warning).
pub const CHANGE_OF_MEDIUM_STATEMENT_MISSING: &str = "change-of-medium-statement-missing";
