//! Selective disclosure: moving values out of `data` into `privacy.obfuscatedData` as their
//! leaf hashes, so `targetHash` (and any signature over the root) still holds.

use serde_json::{Map, Value};

use super::digest::leaf_hash;
use super::flatten::{LeafSink, Order, Seg, flatten_children};
use super::jsorder::js_ordered_members;
use super::{OaError, WrappedDocument};

/// Hides the values at `paths` (lodash-style: `exporter.bankAccount`, `packages[0].weight`,
/// `charges`, `a["odd name"]`), as OpenAttestation's `obfuscateDocument` does: each leaf
/// under each path is replaced by its hash in `privacy.obfuscatedData`, in the order the
/// JavaScript library appends them, and the document still verifies.
///
/// Two obfuscations that OpenAttestation v2 performs but whose result fails verification once
/// saved are refused: a whole array element (it leaves a hole that JSON writes as `null`), and
/// anything that leaves an object empty (`{}` is a new leaf); obfuscate the enclosing object
/// or array instead. A path that names nothing is an error too (OpenAttestation ignores it).
///
/// ```
/// use ebl::openattestation::{wrap, UuidV4Salts};
/// let rng = ring::rand::SystemRandom::new();
/// let raw = serde_json::json!({"shipper": {"name": "ACME", "phone": "+65 1"}, "items": [{"w": 1, "h": 2}]});
/// let doc = wrap(&raw, &mut UuidV4Salts::new(&rng))?;
/// let shared = doc.obfuscate(&["shipper.phone", "items[0].w"])?;
/// assert!(shared.verify().is_valid());
/// assert_eq!(shared.data()?, serde_json::json!({"shipper": {"name": "ACME"}, "items": [{"h": 2}]}));
/// assert!(doc.obfuscate(&["items[0]"]).is_err());
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// [`OaError::ObfuscationPath`], [`OaError::ObfuscateArrayElement`],
/// [`OaError::ObfuscateLeavesEmpty`], [`OaError::Malformed`] if the document has no `data`
/// object or a `privacy.obfuscatedData` that is not an array, [`OaError::KeyWithDot`].
pub fn obfuscate(doc: &WrappedDocument, paths: &[&str]) -> crate::Result<WrappedDocument> {
    let top = doc
        .as_value()
        .as_object()
        .ok_or_else(|| OaError::malformed("$", "the document is not an object"))?;
    let data = match top.get("data") {
        Some(d @ Value::Object(_)) => d,
        _ => return Err(OaError::malformed("$.data", "data must be an object").into()),
    };

    // Resolve every path against the original data and build lodash `pick`'s result.
    let mut resolved: Vec<Vec<String>> = Vec::with_capacity(paths.len());
    let mut pick = Pick::Node(Vec::new());
    let mut array_elements = Vec::new();
    for &path in paths {
        let segments = parse_path(data, path)?;
        let (value, in_array) = resolve(data, &segments, path)?;
        if in_array {
            array_elements.push((path, resolved.len()));
        }
        pick.set(&segments, value);
        resolved.push(segments);
    }
    // A whole array element leaves a hole, unless an ancestor is removed as well.
    for (path, index) in array_elements {
        let segments = &resolved[index];
        let covered = resolved
            .iter()
            .any(|other| other.len() < segments.len() && segments.starts_with(other));
        if !covered {
            return Err(OaError::ObfuscateArrayElement {
                path: path.to_owned(),
            }
            .into());
        }
    }

    // Hash the picked leaves in the order OpenAttestation appends them.
    let mut new_hashes = Vec::new();
    let mut buf = String::new();
    pick.flatten(&mut String::new(), &mut new_hashes, &mut buf)?;

    // Remove the paths, then refuse anything that left an object empty.
    let mut new_data = data.clone();
    for segments in &resolved {
        unset(&mut new_data, segments);
    }
    for segments in &resolved {
        let parent = &segments[..segments.len().saturating_sub(1)];
        if parent.is_empty() {
            continue;
        }
        if let Some(Value::Object(m)) = get(&new_data, parent)
            && m.is_empty()
        {
            return Err(OaError::ObfuscateLeavesEmpty {
                at: json_path_of(parent),
            }
            .into());
        }
    }

    // `{...document, data, privacy: {...document.privacy, obfuscatedData}}`
    let mut privacy = match top.get("privacy") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(p)) => p.clone(),
        Some(_) => return Err(OaError::malformed("$.privacy", "privacy must be an object").into()),
    };
    let mut all = match privacy.get("obfuscatedData") {
        None => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => {
            return Err(OaError::malformed(
                "$.privacy.obfuscatedData",
                "privacy.obfuscatedData must be an array",
            )
            .into());
        }
    };
    all.extend(new_hashes.into_iter().map(Value::String));
    privacy.insert("obfuscatedData".into(), Value::Array(all));
    let mut out = top.clone();
    out.insert("data".into(), new_data);
    out.insert("privacy".into(), Value::Object(privacy));
    Ok(WrappedDocument::from_object(out))
}

/// The result of lodash `pick(data, paths)`: new containers along the paths, and references
/// to the picked subtrees of `data`.
enum Pick<'v> {
    Node(Vec<(String, Pick<'v>)>),
    Value(&'v Value),
}

impl<'v> Pick<'v> {
    fn set(&mut self, segments: &[String], value: &'v Value) {
        let Some((first, rest)) = segments.split_first() else {
            return;
        };
        let Pick::Node(children) = self else {
            // Setting inside a picked subtree writes the value it already has.
            return;
        };
        let position = children.iter().position(|(k, _)| k == first);
        if rest.is_empty() {
            match position {
                Some(i) => children[i].1 = Pick::Value(value),
                None => children.push((first.clone(), Pick::Value(value))),
            }
            return;
        }
        let i = position.unwrap_or_else(|| {
            children.push((first.clone(), Pick::Node(Vec::new())));
            children.len() - 1
        });
        children[i].1.set(rest, value);
    }

    fn flatten(
        &self,
        prefix: &mut String,
        out: &mut Vec<String>,
        buf: &mut String,
    ) -> Result<(), OaError> {
        match self {
            Pick::Node(children) => {
                // Object.keys order: array-index names first, then insertion order.
                let map: Map<String, Value> = children
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), Value::from(i)))
                    .collect();
                for (key, index) in js_ordered_members(&map) {
                    let Some((_, child)) = index
                        .as_u64()
                        .and_then(|i| children.get(usize::try_from(i).ok()?))
                    else {
                        continue;
                    };
                    let restore = prefix.len();
                    if !prefix.is_empty() {
                        prefix.push('.');
                    }
                    prefix.push_str(key);
                    let result = child.flatten(prefix, out, buf);
                    prefix.truncate(restore);
                    result?;
                }
                Ok(())
            }
            Pick::Value(v) => {
                let is_container = match v {
                    Value::Object(m) => !m.is_empty(),
                    Value::Array(a) => !a.is_empty(),
                    _ => false,
                };
                if is_container {
                    let mut sink = HexSink { out, buf };
                    flatten_children(v, prefix, &mut Vec::new(), Order::JavaScript, &mut sink)
                } else {
                    out.push(hex::encode(leaf_hash(buf, prefix, v)));
                    Ok(())
                }
            }
        }
    }
}

struct HexSink<'a> {
    out: &'a mut Vec<String>,
    buf: &'a mut String,
}

impl<'v> LeafSink<'v> for HexSink<'_> {
    fn leaf(&mut self, path: &str, value: &'v Value, _segs: &[Seg<'v>]) {
        self.out.push(hex::encode(leaf_hash(self.buf, path, value)));
    }
}

/// Splits a lodash-style path into member names. A path that is itself a member name of
/// `data` is that name (as lodash's `isKey` decides).
fn parse_path(data: &Value, path: &str) -> Result<Vec<String>, OaError> {
    let err = |message: &str| OaError::ObfuscationPath {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    if data.get(path).is_some() {
        return Ok(vec![path.to_owned()]);
    }
    let chars: Vec<char> = path.chars().collect();
    let mut segments = Vec::new();
    let mut i = 0;
    let mut current = String::new();
    let mut after_bracket = false;
    while i < chars.len() {
        match chars[i] {
            '.' => {
                if current.is_empty() && !after_bracket {
                    return Err(err(
                        "empty member name (use [\"\"] for a member named \"\")",
                    ));
                }
                if !after_bracket {
                    segments.push(std::mem::take(&mut current));
                }
                after_bracket = false;
                i += 1;
                if i == chars.len() {
                    return Err(err("the path ends with '.'"));
                }
            }
            '[' => {
                if !current.is_empty() {
                    segments.push(std::mem::take(&mut current));
                }
                i += 1;
                match chars.get(i) {
                    Some(&q @ ('"' | '\'')) => {
                        i += 1;
                        let mut name = String::new();
                        loop {
                            match chars.get(i) {
                                None => return Err(err("unterminated quoted name")),
                                Some('\\') => {
                                    name.push(
                                        *chars
                                            .get(i + 1)
                                            .ok_or_else(|| err("unterminated quoted name"))?,
                                    );
                                    i += 2;
                                }
                                Some(&c) if c == q => {
                                    i += 1;
                                    break;
                                }
                                Some(&c) => {
                                    name.push(c);
                                    i += 1;
                                }
                            }
                        }
                        segments.push(name);
                    }
                    _ => {
                        let start = i;
                        while chars.get(i).is_some_and(char::is_ascii_digit) {
                            i += 1;
                        }
                        if start == i {
                            return Err(err("expected an index or a quoted name after '['"));
                        }
                        segments.push(chars[start..i].iter().collect());
                    }
                }
                if chars.get(i) != Some(&']') {
                    return Err(err("expected ']'"));
                }
                i += 1;
                after_bracket = true;
            }
            ']' => return Err(err("unexpected ']'")),
            c => {
                if after_bracket {
                    return Err(err("expected '.' or '[' after ']'"));
                }
                current.push(c);
                i += 1;
            }
        }
    }
    if !after_bracket {
        if current.is_empty() {
            return Err(err("empty path"));
        }
        segments.push(current);
    }
    Ok(segments)
}

/// Finds the value at `segments`, and whether it is a whole array element.
fn resolve<'v>(
    data: &'v Value,
    segments: &[String],
    path: &str,
) -> Result<(&'v Value, bool), OaError> {
    let mut node = data;
    let mut in_array = false;
    for (depth, seg) in segments.iter().enumerate() {
        in_array = node.is_array();
        node = match node {
            Value::Object(m) => m.get(seg),
            Value::Array(items) => super::jsorder::array_index(seg)
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| items.get(i)),
            _ => None,
        }
        .ok_or_else(|| OaError::ObfuscationPath {
            path: path.to_owned(),
            message: format!("nothing at {}", json_path_of(&segments[..=depth])),
        })?;
    }
    Ok((node, in_array))
}

fn get<'v>(data: &'v Value, segments: &[String]) -> Option<&'v Value> {
    segments.iter().try_fold(data, |node, seg| match node {
        Value::Object(m) => m.get(seg),
        Value::Array(items) => items.get(seg.parse::<usize>().ok()?),
        _ => None,
    })
}

fn unset(data: &mut Value, segments: &[String]) {
    let Some((last, parent)) = segments.split_last() else {
        return;
    };
    let mut node = data;
    for seg in parent {
        node = match node {
            Value::Object(m) => match m.get_mut(seg) {
                Some(n) => n,
                None => return,
            },
            Value::Array(items) => match seg.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some(n) => n,
                None => return,
            },
            _ => return,
        };
    }
    if let Value::Object(m) = node {
        m.shift_remove(last);
    }
}

fn json_path_of(segments: &[String]) -> String {
    let segs: Vec<Seg<'_>> = segments.iter().map(|s| Seg::Key(s)).collect();
    super::flatten::json_path(&segs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lodash_paths_are_split() {
        let d = serde_json::json!({"a[0]": 1});
        let p = |s: &str| parse_path(&d, s);
        assert_eq!(p("a.b").expect("test"), ["a", "b"]);
        assert_eq!(
            p("packages[0].weight").expect("test"),
            ["packages", "0", "weight"]
        );
        assert_eq!(p("a[\"x.y\"][2]").expect("test"), ["a", "x.y", "2"]);
        assert_eq!(p("a[0]").expect("test"), ["a[0]"]);
        assert_eq!(p("[\"\"].b").expect("test"), ["", "b"]);
        for bad in ["", "a.", ".a", "a..b", "a[", "a[x]", "a]b", "a[0]b"] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }
}
