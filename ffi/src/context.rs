//! The verify context: whom a verifier trusts, when, and who it is.

use ebl_core::Error;
use ebl_core::pint::EnvelopeVerifyOptions;
use ebl_core::verify::VerifyContext;

use crate::boundary::call;
use crate::handle::{free_handle, into_raw};
use crate::ptr::{arg_bytes, arg_mut, arg_opt_str, arg_out, arg_ref, arg_str, set_out};
use crate::result::ebl_result;
use crate::time::from_millis;
use crate::trust::ebl_trust_store;

/// Everything a verifier is told besides the file: trusted keys, certificate anchors,
/// trust stores, the receiving platform, Ethereum addresses and DNS TXT answers, and the
/// time `at` at which keys and certificates must be valid. Configure it with the
/// `ebl_verify_context_*` calls (one thread at a time), then share it read-only: any number
/// of threads may call `ebl_verify` with one context at once. Free with
/// `ebl_verify_context_free`.
pub struct ebl_verify_context {
    pub(crate) context: VerifyContext,
}

impl ebl_verify_context {
    /// The options for receiving an envelope as the platform this context names, at its
    /// time, holding the documents `held`: what `ebl_receive_envelope` and
    /// `ebl_receive_envelope_recorded` both pass to the core. A context without a receiving
    /// platform is refused, naming the call that sets one.
    pub(crate) fn receiving<'a>(
        &self,
        held: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<EnvelopeVerifyOptions, Error> {
        let platform = self.context.receiving_platform.as_deref().ok_or_else(|| {
            Error::InvalidArgument(
                "context names no receiving platform (ebl_verify_context_set_receiving_platform)"
                    .to_owned(),
            )
        })?;
        Ok(EnvelopeVerifyOptions::receiving(
            platform,
            self.context.at,
            held,
        ))
    }
}

/// A context that trusts nobody yet, evaluating at `at_ms` (ms since the epoch, UTC). On
/// success `*out` owns it (free with `ebl_verify_context_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_new(
    at_ms: i64,
    out: *mut *mut ebl_verify_context,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let context = VerifyContext::at(from_millis(at_ms, "at_ms")?);
        set_out!(out, into_raw(ebl_verify_context { context }));
        Ok(())
    })
}

/// Trusts the public keys in a key file's bytes: a JWK, JWK Set, PEM public key, X.509
/// certificate (PEM or DER), or a private key (its public half). Not thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_add_keys(
    context: *mut ebl_verify_context,
    data: *const u8,
    len: usize,
) -> ebl_result {
    call(|| {
        let bytes = arg_bytes!(data, len)?;
        arg_mut!(context)?.context.add_keys(bytes)?;
        Ok(())
    })
}

/// Trusts the root certificates in `data` (PEM, one or more, or DER) as anchors for `x5c`
/// chains. Not thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_add_anchors(
    context: *mut ebl_verify_context,
    data: *const u8,
    len: usize,
) -> ebl_result {
    call(|| {
        let bytes = arg_bytes!(data, len)?;
        arg_mut!(context)?.context.add_anchors(bytes)?;
        Ok(())
    })
}

/// Trusts the platform and carrier keys and the anchors of `store`, as they stand at the
/// context's time (platform keys bound to their platform codes). The store is read, not
/// kept: it may be freed afterwards. Not thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_add_trust_store(
    context: *mut ebl_verify_context,
    store: *const ebl_trust_store,
) -> ebl_result {
    call(|| {
        let store = arg_ref!(store)?;
        arg_mut!(context)?.context.add_trust_store(&store.store)?;
        Ok(())
    })
}

/// Names the receiving platform (UTF-8 platform code): the last PINT transaction must be
/// addressed to it. NULL (with length 0) forgets it again. Not thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_set_receiving_platform(
    context: *mut ebl_verify_context,
    platform: *const u8,
    platform_len: usize,
) -> ebl_result {
    call(|| {
        let platform = arg_opt_str!(platform, platform_len)?;
        arg_mut!(context)?.context.set_receiving_platform(platform);
        Ok(())
    })
}

/// Trusts Ethereum addresses (`0x` + 40 hex digits, separated by white space or commas) to
/// sign OpenAttestation DID proofs; nothing is added unless every one parses. Not
/// thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_add_ethereum_addresses(
    context: *mut ebl_verify_context,
    text: *const u8,
    text_len: usize,
) -> ebl_result {
    call(|| {
        let text = arg_str!(text, text_len)?;
        arg_mut!(context)?.context.add_ethereum_addresses(text)?;
        Ok(())
    })
}

/// Supplies DNS TXT answers for OpenAttestation identity proofs: a JSON object of domain →
/// array of TXT strings (ebl makes no network calls). Not thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_add_dns_txt_answers(
    context: *mut ebl_verify_context,
    data: *const u8,
    len: usize,
) -> ebl_result {
    call(|| {
        let bytes = arg_bytes!(data, len)?;
        arg_mut!(context)?.context.add_dns_txt_answers(bytes)?;
        Ok(())
    })
}

/// Frees a context. NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_context_free(context: *mut ebl_verify_context) {
    free_handle!(context);
}
