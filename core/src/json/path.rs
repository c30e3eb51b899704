//! JSON paths (`$.a.b[0]`, `$['odd key']`) that name where in a document something was found.

use std::fmt;

/// A location inside a JSON document, written in the common JSONPath dialect.
///
/// The root is `$`; member names that are plain identifiers use dot notation and all others
/// bracket notation with single quotes, so every path can be pasted into a JSONPath tool.
///
/// ```
/// use ebl::json::JsonPath;
///
/// let p = JsonPath::root().key("documentParties").key("notifyParties").index(0).key("party name");
/// assert_eq!(p.to_string(), "$.documentParties.notifyParties[0]['party name']");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPath(String);

impl JsonPath {
    /// The document root, `$`.
    ///
    /// ```
    /// assert_eq!(ebl::json::JsonPath::root().as_str(), "$");
    /// ```
    #[must_use]
    pub fn root() -> JsonPath {
        JsonPath("$".to_owned())
    }

    /// The path of member `name` of the object at this path.
    ///
    /// ```
    /// use ebl::json::JsonPath;
    ///
    /// assert_eq!(JsonPath::root().key("shipper").to_string(), "$.shipper");
    /// assert_eq!(JsonPath::root().key("it's").to_string(), r"$['it\'s']");
    /// ```
    #[must_use]
    pub fn key(&self, name: &str) -> JsonPath {
        let mut s = self.0.clone();
        push_key(&mut s, name);
        JsonPath(s)
    }

    /// The path of element `i` of the array at this path.
    ///
    /// ```
    /// use ebl::json::JsonPath;
    ///
    /// let p = JsonPath::root().key("utilizedTransportEquipments").index(2);
    /// assert_eq!(p.as_str(), "$.utilizedTransportEquipments[2]");
    /// ```
    #[must_use]
    pub fn index(&self, i: usize) -> JsonPath {
        JsonPath(format!("{}[{i}]", self.0))
    }

    /// The path as a string slice.
    ///
    /// ```
    /// let p = ebl::json::JsonPath::root().key("a").index(0);
    /// assert_eq!(p.as_str(), "$.a[0]");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Builds a path from a sequence of segments.
    pub(crate) fn from_segments<'a>(segments: impl IntoIterator<Item = Segment<'a>>) -> JsonPath {
        let mut s = String::from("$");
        for segment in segments {
            match segment {
                Segment::Key(k) => push_key(&mut s, k),
                Segment::Index(i) => {
                    s.push('[');
                    s.push_str(&i.to_string());
                    s.push(']');
                }
            }
        }
        JsonPath(s)
    }
}

/// One step of a path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn push_key(s: &mut String, name: &str) {
    if is_identifier(name) {
        s.push('.');
        s.push_str(name);
    } else {
        s.push_str("['");
        for c in name.chars() {
            match c {
                '\'' => s.push_str("\\'"),
                '\\' => s.push_str("\\\\"),
                c if c.is_control() => s.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => s.push(c),
            }
        }
        s.push_str("']");
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsonPath> for String {
    fn from(p: JsonPath) -> String {
        p.0
    }
}

impl AsRef<str> for JsonPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}
