//! Trust stores (who is who: parties, keys, evidence) and signed trust lists.

use ebl_core::crypto::read_public_keys;
use ebl_core::trust::{TrustList, TrustStore};
use ring::rand::SystemRandom;

use crate::boundary::call;
use crate::handle::{free_handle, into_raw};
use crate::key::ebl_key;
use crate::ptr::{arg_bytes, arg_mut, arg_out, arg_ref, arg_str, set_out};
use crate::report::ebl_report;
use crate::result::ebl_result;
use crate::time::from_millis;
use crate::types::ebl_bytes;

/// A trust store: parties, their keys (platform keys bound to platform codes) and reliability
/// evidence. Built with `ebl_trust_store_add_bytes`; read-only afterwards, when any number of
/// threads may use it at once (never while one thread adds to it). Free with
/// `ebl_trust_store_free`.
pub struct ebl_trust_store {
    pub(crate) store: TrustStore,
}

/// A new, empty trust store. On success `*out` owns it (free with `ebl_trust_store_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_trust_store_new(out: *mut *mut ebl_trust_store) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(
            out,
            into_raw(ebl_trust_store {
                store: TrustStore::new()
            })
        );
        Ok(())
    })
}

/// Adds a trust file to `store`: a trust-store JSON file is merged in; a signed trust list
/// (compact JWS) is imported with the keys its publisher already has in the store (add the
/// store holding the publisher first), checking signature, issuer, validity at `at_ms` and
/// sequence number. `source_name` (a file name, UTF-8) appears in error messages. The bytes
/// are copied. Not thread-safe for `store`: no other thread may use it during the call.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_trust_store_add_bytes(
    store: *mut ebl_trust_store,
    data: *const u8,
    len: usize,
    source_name: *const u8,
    source_name_len: usize,
    at_ms: i64,
) -> ebl_result {
    call(|| {
        let store = arg_mut!(store)?;
        let bytes = arg_bytes!(data, len)?;
        let name = arg_str!(source_name, source_name_len)?;
        store
            .store
            .add_bytes(bytes, name, from_millis(at_ms, "at_ms")?)?;
        Ok(())
    })
}

/// The store in its JSON file format (`ebl-trust-store/1`, pretty). On success `*out` owns
/// bytes to free with `ebl_bytes_free`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_trust_store_to_json(
    store: *const ebl_trust_store,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let value = arg_ref!(store)?.store.to_json_value();
        set_out!(out, ebl_bytes::from_string(crate::report::pretty(&value)));
        Ok(())
    })
}

/// Frees a trust store. NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_trust_store_free(store: *mut ebl_trust_store) {
    free_handle!(store);
}

/// Signs a trust list (its JSON, schema `ebl-trust-list/1`) as its publisher `issuer` with
/// `key`; refuses a list whose `issuer` is another. On success `*out` owns the compact JWS
/// (free with `ebl_bytes_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_trust_list_sign(
    list: *const u8,
    list_len: usize,
    issuer: *const u8,
    issuer_len: usize,
    key: *const ebl_key,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let (list, issuer) = (arg_bytes!(list, list_len)?, arg_str!(issuer, issuer_len)?);
        let key = arg_ref!(key)?;
        let list = TrustList::from_json(list)?;
        let jws = list.sign_as(issuer, key.private_key(), &SystemRandom::new())?;
        set_out!(out, ebl_bytes::from_string(jws));
        Ok(())
    })
}

/// Checks a signed trust list as a partner would import it: signature under one of the
/// publisher keys in `keys` (a key file: JWK, JWK Set, PEM, certificate), issuer `issuer`,
/// validity at `at_ms`, and sequence number against `base` (the lists already imported;
/// not changed). A readable list gives `EBL_RESULT_OK` and a report (kind `trust-list`) that
/// is valid when the list is acceptable, else holds the reason as a finding; an unreadable
/// one gives an error. On success `*out` owns the report (free with `ebl_report_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_trust_list_verify(
    jws: *const u8,
    jws_len: usize,
    keys: *const u8,
    keys_len: usize,
    issuer: *const u8,
    issuer_len: usize,
    at_ms: i64,
    base: *const ebl_trust_store,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let jws = arg_bytes!(jws, jws_len)?;
        let (keys, issuer) = (arg_bytes!(keys, keys_len)?, arg_str!(issuer, issuer_len)?);
        let base = arg_ref!(base)?;
        let at = from_millis(at_ms, "at_ms")?;
        let keys: Vec<_> = read_public_keys(keys)?
            .into_iter()
            .map(|entry| entry.key)
            .collect();
        let verdict = TrustList::verify_signed(jws, &keys, issuer, at, &base.store)?;
        set_out!(out, into_raw(ebl_report::trust_list(verdict)));
        Ok(())
    })
}
