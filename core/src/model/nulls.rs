//! Explicit `null` members: taken out before the typed view is built and put back on output.
//!
//! No member of the DCSA transport document is nullable, but a document that carries one must
//! still re-serialise to the bytes that were received (its checksum is over those bytes). The
//! typed view reads an absent and a `null` member alike as `None`, so the `null`s are recorded
//! here, by position, and written back by [`restore`]. Validation reports those that sit on a
//! member the model knows (`null-value`).

use serde_json::Value;

use crate::json::JsonPath;

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// Where an explicit `null` member was: the steps to its object, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NullMember {
    /// Steps from the document root to the object holding the member.
    pub(crate) parent: Vec<Step>,
    /// The member name.
    pub(crate) key: String,
}

impl NullMember {
    /// The JSON path of the object holding the member.
    pub(crate) fn parent_path(&self) -> JsonPath {
        self.parent.iter().fold(JsonPath::root(), |p, s| match s {
            Step::Key(k) => p.key(k),
            Step::Index(i) => p.index(*i),
        })
    }
}

/// Whether any object member anywhere in `value` is `null` (the common case is none, and then
/// the value need not be copied).
pub(crate) fn has_null_member(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.values().any(|v| v.is_null() || has_null_member(v)),
        Value::Array(items) => items.iter().any(has_null_member),
        _ => false,
    }
}

/// Removes every object member whose value is `null`, anywhere in `value`, and says where
/// they were. `null` array elements are left alone (they are a shape error for the model).
pub(crate) fn strip(value: &mut Value) -> Vec<NullMember> {
    let mut found = Vec::new();
    let mut steps = Vec::new();
    strip_into(value, &mut steps, &mut found);
    found
}

fn strip_into(value: &mut Value, steps: &mut Vec<Step>, found: &mut Vec<NullMember>) {
    match value {
        Value::Object(map) => {
            let before = map.len();
            let mut nulls = Vec::new();
            map.retain(|k, v| {
                if v.is_null() {
                    nulls.push(k.clone());
                    false
                } else {
                    true
                }
            });
            debug_assert_eq!(before, map.len() + nulls.len());
            found.extend(nulls.into_iter().map(|key| NullMember {
                parent: steps.clone(),
                key,
            }));
            for (k, v) in map.iter_mut() {
                steps.push(Step::Key(k.clone()));
                strip_into(v, steps, found);
                steps.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                steps.push(Step::Index(i));
                strip_into(v, steps, found);
                steps.pop();
            }
        }
        _ => {}
    }
}

/// Puts recorded `null` members back. A member whose object no longer exists (the view was
/// edited) is dropped.
pub(crate) fn restore(value: &mut Value, nulls: &[NullMember]) {
    for null in nulls {
        if let Some(Value::Object(map)) = locate(value, &null.parent) {
            map.entry(null.key.clone()).or_insert(Value::Null);
        }
    }
}

fn locate<'a>(value: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    let mut here = value;
    for step in steps {
        here = match (step, here) {
            (Step::Key(k), Value::Object(map)) => map.get_mut(k)?,
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(here)
}
