//! TradeTrust bill-of-lading data ↔ DCSA eBL 3.0 transport document (placeholder, filled in
//! the next step).
