//! PINT envelopes: issuing, passing on (transfer, endorse, surrender), the finer-grained
//! builder (issue or continue, record entries, seal), and receiving with a signed response.

use std::sync::{Arc, Mutex, PoisonError};

use ebl::pint::{
    DuplicatePolicy, EblEnvelope, EndorseTo, EnvelopeVerifyOptions, Issuance, Signer,
    SurrenderPurpose, Transaction, TransactionParty, endorsement_steps,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use ring::rand::SystemRandom;
use serde_json::Value;

use crate::context::VerifyContext;
use crate::convert::{self, json_text, to_python};
use crate::errors::{Failure, attached, detached};
use crate::keys::PrivateKey;
use crate::registry::Registry;
use crate::results::{Finding, TitleReplay};

fn party(text: &str, what: &str) -> Result<TransactionParty, Failure> {
    TransactionParty::parse(text).map_err(|e| Failure::Prefixed(what.to_owned(), Box::new(e)))
}

fn signer(key: &Bound<'_, PrivateKey>) -> Signer {
    Signer::from_shared(key.get().key.clone())
}

/// The transactions of one endorsement: to a named endorsee (`to_order` lets them endorse
/// further), or in blank when `to` is `None`; with the transfer of possession unless
/// `endorse_only`.
fn endorsement(
    from: &str,
    to: Option<&str>,
    to_order: bool,
    endorse_only: bool,
    at: &Bound<'_, PyAny>,
) -> Result<Vec<Transaction>, Failure> {
    let from = party(from, "from_")?;
    let to = to.map(|to| party(to, "to")).transpose()?;
    Ok(endorsement_steps(
        from,
        EndorseTo::new(to, to_order),
        endorse_only,
        convert::instant(at, "at")?,
    ))
}

fn surrender_step(
    from: &str,
    carrier: &str,
    at: &Bound<'_, PyAny>,
    purpose: &str,
    reason: Option<String>,
) -> Result<Vec<Transaction>, Failure> {
    let purpose = match purpose {
        "delivery" => SurrenderPurpose::Delivery,
        "amendment" => SurrenderPurpose::Amendment,
        other => {
            return Err(Failure::Argument(format!(
                "purpose: {other:?} is not \"delivery\" or \"amendment\""
            )));
        }
    };
    Ok(vec![Transaction::surrender(
        party(from, "from_")?,
        party(carrier, "carrier")?,
        purpose,
        reason,
        convert::instant(at, "at")?,
    )])
}

fn transfer_step(from: &str, to: &str, at: &Bound<'_, PyAny>) -> Result<Vec<Transaction>, Failure> {
    Ok(vec![Transaction::transfer(
        party(from, "from_")?,
        party(to, "to")?,
        convert::instant(at, "at")?,
    )])
}

fn issuance(
    carrier: &str,
    to: &str,
    at: &Bound<'_, PyAny>,
    platform: Option<String>,
) -> Result<Issuance, Failure> {
    let mut issuance = Issuance::new(
        party(carrier, "carrier")?,
        party(to, "to")?,
        convert::instant(at, "at")?,
    );
    if let Some(platform) = platform {
        issuance.platform = platform;
    }
    Ok(issuance)
}

/// A signed DCSA PINT envelope: the transport document, the sender's signed manifest and the
/// transfer chain. Immutable: passing it on returns a new envelope.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct Envelope {
    envelope: Arc<EblEnvelope>,
}

impl Envelope {
    /// Passes the envelope on: continues its chain, records one entry with `step` and seals
    /// with the same `key` (what the core's `EblEnvelope::extend_chain` does). Each of
    /// `Envelope`'s steps is the `EnvelopeBuilder` step of the same name followed by this seal,
    /// so the two forms share one reading of the arguments.
    fn passed_on(
        &self,
        key: &Bound<'_, PrivateKey>,
        step: impl FnOnce(&EnvelopeBuilder) -> PyResult<()>,
    ) -> PyResult<Envelope> {
        let builder = EnvelopeBuilder::continuing(&self.envelope);
        step(&builder)?;
        builder.seal(key)
    }
}

#[pymethods]
impl Envelope {
    /// Reads an envelope (JSON) without verifying it: use `ebl.verify` for that.
    #[staticmethod]
    fn from_bytes(data: &Bound<'_, PyAny>) -> PyResult<Envelope> {
        attached(|| {
            let bytes = convert::json_data(data, "data")?;
            let envelope: EblEnvelope =
                ebl::json::from_slice(&bytes).map_err(|e| Failure::from(ebl::Error::from(e)))?;
            Ok(Envelope {
                envelope: Arc::new(envelope),
            })
        })
    }

    /// Issues an eBL: the carrier (`"PLATFORM:PROVIDER:CODE[:NAME]"`) issues `document` (a
    /// DCSA transport document: `dict`, bytes, str or path) to `to` at `at`, signing the
    /// manifest and the first chain entry with `key`; `platform` defaults to the carrier's.
    #[staticmethod]
    #[pyo3(signature = (document, *, carrier, to, at, key, platform = None))]
    fn issue(
        document: &Bound<'_, PyAny>,
        carrier: &str,
        to: &str,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
        platform: Option<String>,
    ) -> PyResult<Envelope> {
        // What the core's `EblEnvelope::issue` does: the builder's issue with one key for
        // carrier and platform, sealed with it.
        EnvelopeBuilder::issue(document, carrier, to, at, key, None, platform)?.seal(key)
    }

    /// Passes possession from `from_` to `to`, recorded on `platform` and signed with `key`.
    #[pyo3(signature = (*, platform, from_, to, at, key))]
    fn transfer(
        &self,
        platform: &str,
        from_: &str,
        to: &str,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
    ) -> PyResult<Envelope> {
        self.passed_on(key, |b| b.transfer(platform, from_, to, at, key))
    }

    /// Endorses the bill to `to` (in blank when `to` is `None`; `to_order`: the endorsee may
    /// endorse further) and, unless `endorse_only`, transfers possession to the endorsee.
    #[pyo3(signature = (*, platform, from_, to, at, key, to_order = false, endorse_only = false))]
    fn endorse(
        &self,
        platform: &str,
        from_: &str,
        to: Option<&str>,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
        to_order: bool,
        endorse_only: bool,
    ) -> PyResult<Envelope> {
        self.passed_on(key, |b| {
            b.endorse(platform, from_, to, at, key, to_order, endorse_only)
        })
    }

    /// Surrenders the bill to its `carrier` for `purpose` (`"delivery"` or `"amendment"`,
    /// with the PINT `reason` code for an amendment).
    #[pyo3(signature = (*, platform, from_, carrier, at, key, purpose = "delivery", reason = None))]
    fn surrender(
        &self,
        platform: &str,
        from_: &str,
        carrier: &str,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
        purpose: &str,
        reason: Option<String>,
    ) -> PyResult<Envelope> {
        self.passed_on(key, |b| {
            b.surrender(platform, from_, carrier, at, key, purpose, reason)
        })
    }

    /// The transport document, as a `dict`.
    #[getter]
    fn transport_document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.envelope.transport_document)
    }

    /// How many entries the transfer chain holds.
    #[getter]
    fn chain_length(&self) -> usize {
        self.envelope.envelope_transfer_chain.len()
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json())
    }

    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(&self.json(), indent)
    }

    /// The envelope as UTF-8 JSON bytes, what is sent to the next platform.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.envelope.to_json_pretty().as_bytes())
    }

    fn __repr__(&self) -> String {
        let reference = self
            .envelope
            .transport_document
            .get("transportDocumentReference")
            .and_then(Value::as_str);
        format!(
            "Envelope(transport_document_reference={}, chain_length={})",
            convert::repr_opt(reference),
            self.chain_length()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_bytes = py.get_type::<Envelope>().getattr("from_bytes")?;
        (from_bytes, (self.to_bytes(py),)).into_pyobject(py)
    }
}

impl Envelope {
    fn json(&self) -> Value {
        serde_json::to_value(&*self.envelope).unwrap_or(Value::Null)
    }
}

/// Finer control than `Envelope`: issue (with separate carrier and platform keys) or continue
/// a received envelope, record several chain entries, then seal as the sender.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct EnvelopeBuilder {
    builder: Mutex<ebl::pint::EnvelopeBuilder>,
}

impl EnvelopeBuilder {
    /// A builder continuing `envelope`'s chain, keeping the carrier's declared visualisation.
    fn continuing(envelope: &EblEnvelope) -> EnvelopeBuilder {
        EnvelopeBuilder {
            builder: Mutex::new(ebl::pint::EnvelopeBuilder::continue_from(
                envelope,
                envelope.declared_visualisation(),
            )),
        }
    }

    /// Records the transactions `steps` reads from the arguments (with the GIL held) as one
    /// chain entry on `platform`, signed with `key` (with the GIL released).
    fn record(
        &self,
        platform: &str,
        key: &Bound<'_, PrivateKey>,
        steps: impl FnOnce() -> Result<Vec<Transaction>, Failure>,
    ) -> PyResult<()> {
        let transactions = attached(steps)?;
        let signer = signer(key);
        detached(key.py(), || {
            let mut builder = self.builder.lock().unwrap_or_else(PoisonError::into_inner);
            Ok(builder.record(platform, transactions, &signer, &SystemRandom::new())?)
        })
    }
}

#[pymethods]
impl EnvelopeBuilder {
    /// Starts a new eBL: `carrier_key` signs the issuance manifest, `platform_key` (default:
    /// the carrier's) the first chain entry recording the issue.
    #[staticmethod]
    #[pyo3(signature = (document, *, carrier, to, at, carrier_key, platform_key = None, platform = None))]
    fn issue(
        document: &Bound<'_, PyAny>,
        carrier: &str,
        to: &str,
        at: &Bound<'_, PyAny>,
        carrier_key: &Bound<'_, PrivateKey>,
        platform_key: Option<&Bound<'_, PrivateKey>>,
        platform: Option<String>,
    ) -> PyResult<EnvelopeBuilder> {
        let (document, issuance) = attached(|| {
            let bytes = convert::json_data(document, "document")?;
            Ok((
                ebl::json::parse(&bytes).map_err(ebl::Error::from)?,
                issuance(carrier, to, at, platform)?,
            ))
        })?;
        let carrier_signer = signer(carrier_key);
        let platform_signer = signer(platform_key.unwrap_or(carrier_key));
        detached(carrier_key.py(), || {
            let builder = ebl::pint::EnvelopeBuilder::issue(
                document,
                issuance,
                &carrier_signer,
                &platform_signer,
                &SystemRandom::new(),
            )?;
            Ok(EnvelopeBuilder {
                builder: Mutex::new(builder),
            })
        })
    }

    /// Continues a received envelope's chain, keeping the carrier's declared visualisation.
    #[staticmethod]
    fn continue_from(envelope: &Bound<'_, Envelope>) -> EnvelopeBuilder {
        EnvelopeBuilder::continuing(&envelope.get().envelope)
    }

    /// Records a transfer of possession as one chain entry on `platform`, signed with `key`.
    #[pyo3(signature = (*, platform, from_, to, at, key))]
    fn transfer(
        &self,
        platform: &str,
        from_: &str,
        to: &str,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
    ) -> PyResult<()> {
        self.record(platform, key, || transfer_step(from_, to, at))
    }

    /// Records an endorsement (see `Envelope.endorse`) as one chain entry.
    #[pyo3(signature = (*, platform, from_, to, at, key, to_order = false, endorse_only = false))]
    fn endorse(
        &self,
        platform: &str,
        from_: &str,
        to: Option<&str>,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
        to_order: bool,
        endorse_only: bool,
    ) -> PyResult<()> {
        self.record(platform, key, || {
            endorsement(from_, to, to_order, endorse_only, at)
        })
    }

    /// Records a surrender (see `Envelope.surrender`) as one chain entry.
    #[pyo3(signature = (*, platform, from_, carrier, at, key, purpose = "delivery", reason = None))]
    fn surrender(
        &self,
        platform: &str,
        from_: &str,
        carrier: &str,
        at: &Bound<'_, PyAny>,
        key: &Bound<'_, PrivateKey>,
        purpose: &str,
        reason: Option<String>,
    ) -> PyResult<()> {
        self.record(platform, key, || {
            surrender_step(from_, carrier, at, purpose, reason)
        })
    }

    /// Seals the envelope to send, signed by the sending platform's `key`.
    fn seal(&self, key: &Bound<'_, PrivateKey>) -> PyResult<Envelope> {
        let signer = signer(key);
        detached(key.py(), || {
            let builder = self.builder.lock().unwrap_or_else(PoisonError::into_inner);
            let envelope = builder.seal(&signer, Vec::new(), &SystemRandom::new())?;
            Ok(Envelope {
                envelope: Arc::new(envelope),
            })
        })
    }

    /// How many entries the chain holds so far.
    #[getter]
    fn chain_length(&self) -> usize {
        self.builder
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .chain()
            .len()
    }

    fn __repr__(&self) -> String {
        format!("EnvelopeBuilder(chain_length={})", self.chain_length())
    }
}

/// What a receiving platform has after `ebl.receive`: the verdict and the signed response
/// (`EnvelopeTransferFinishedResponse`, compact JWS) to send back.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct Received {
    json: Value,
    replay: Value,
    last_entry_checksum: String,
}

#[pymethods]
impl Received {
    /// Whether the envelope was accepted (`RECE`).
    #[getter]
    fn accepted(&self) -> bool {
        self.response_code().as_deref() == Some("RECE")
    }
    #[getter]
    fn valid(&self) -> bool {
        self.json
            .get("valid")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
    #[getter]
    fn response_code(&self) -> Option<String> {
        convert::member_text(&self.json, "responseCode")
    }
    /// The signed response to send back to the sender (compact JWS).
    #[getter]
    fn response(&self) -> String {
        convert::member_text(&self.json, "response").unwrap_or_default()
    }
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        Finding::all(self.json.get("findings"))
    }
    /// The SHA-256 of the envelope's last chain entry: the transfer's identity, which
    /// `Registry.upload_document` names after an `MDOC` (empty when the envelope had no chain).
    #[getter]
    fn last_entry_checksum(&self) -> String {
        self.last_entry_checksum.clone()
    }
    /// Who held title at each step of the received chain.
    #[getter]
    fn title_replay(&self) -> TitleReplay {
        TitleReplay {
            json: self.replay.clone(),
        }
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json)
    }
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(&self.json, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Received(response_code={}, findings={})",
            convert::repr_opt(self.response_code().as_deref()),
            convert::member_count(&self.json, "findings")
        )
    }
    #[staticmethod]
    #[pyo3(signature = (json, replay, last_entry_checksum = String::new()))]
    fn _from_json(json: &str, replay: &str, last_entry_checksum: String) -> PyResult<Received> {
        attached(|| {
            Ok(Received {
                json: convert::parse_own_json(json)?,
                replay: convert::parse_own_json(replay)?,
                last_entry_checksum,
            })
        })
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<Received>().getattr("_from_json")?;
        let state = (
            self.json.to_string(),
            self.replay.to_string(),
            self.last_entry_checksum.clone(),
        );
        (restore, state).into_pyobject(py)
    }
}

/// Receives an envelope as the context's `platform` (required): verifies it with the
/// context's trust at its time, holding the additional `documents` (bytes of each), and signs
/// the response the verdict calls for with `key`, this platform's key. With a `registry`, also
/// remembers: a transfer accepted before is answered `DUPE` (with `lenient_duplicates`, also
/// one re-signed over the same payload), a contradicting continuation `DISE`, missing
/// documents `MDOC` (upload them with `Registry.upload_document`), and a `RECE` is recorded
/// before it is returned. The GIL is released while the core works.
#[pyfunction]
#[pyo3(signature = (data, context, key, documents = None, *, registry = None, lenient_duplicates = false))]
pub fn receive(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    context: &Bound<'_, VerifyContext>,
    key: &Bound<'_, PrivateKey>,
    documents: Option<&Bound<'_, PyAny>>,
    registry: Option<&Bound<'_, Registry>>,
    lenient_duplicates: bool,
) -> PyResult<Received> {
    let registry = registry
        .map(|r| attached(|| r.get().shared()))
        .transpose()?;
    let (bytes, held) = attached(|| {
        let bytes = convert::data(data, "data")?;
        let mut held = Vec::new();
        if let Some(documents) = documents {
            for (i, document) in documents.try_iter()?.enumerate() {
                held.push(convert::data(&document?, &format!("documents[{i}]"))?);
            }
        }
        Ok((bytes, held))
    })?;
    let context = context.get().context.clone();
    let signer = signer(key);
    detached(py, || {
        let options = match context.receiving_platform.as_deref() {
            Some(platform) => EnvelopeVerifyOptions::receiving(
                platform,
                context.at,
                held.iter().map(|d| &d[..]).collect::<Vec<_>>(),
            ),
            None => EnvelopeVerifyOptions::at(context.at),
        };
        let received = match &registry {
            Some(registry) => ebl::pint::receive_envelope_recorded(
                &bytes,
                &context.pint,
                &options,
                &signer,
                &SystemRandom::new(),
                registry.as_ref(),
                if lenient_duplicates {
                    DuplicatePolicy::SamePayload
                } else {
                    DuplicatePolicy::SameEntry
                },
            )?,
            None => ebl::pint::receive_envelope(
                &bytes,
                &context.pint,
                &options,
                &signer,
                &SystemRandom::new(),
            )?,
        };
        Ok(Received {
            json: received.to_json_value(),
            replay: serde_json::to_value(&received.report.replay).unwrap_or(Value::Null),
            last_entry_checksum: received
                .report
                .last_entry_checksum
                .clone()
                .unwrap_or_default(),
        })
    })
}
