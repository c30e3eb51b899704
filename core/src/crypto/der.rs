//! Just enough DER to read and write SPKI, PKCS#1 and PKCS#8 key structures.
//!
//! The reader accepts only definite, minimally encoded lengths and single-byte tags, which
//! is all these structures use.

pub(crate) const TAG_INTEGER: u8 = 0x02;
pub(crate) const TAG_BIT_STRING: u8 = 0x03;
pub(crate) const TAG_OCTET_STRING: u8 = 0x04;
pub(crate) const TAG_NULL: u8 = 0x05;
pub(crate) const TAG_OID: u8 = 0x06;
pub(crate) const TAG_SEQUENCE: u8 = 0x30;
pub(crate) const TAG_CONTEXT_0: u8 = 0xa0;
pub(crate) const TAG_CONTEXT_1: u8 = 0xa1;

/// Object identifiers (content bytes only) used in key structures.
pub(crate) mod oid {
    /// rsaEncryption, 1.2.840.113549.1.1.1
    pub(crate) const RSA_ENCRYPTION: &[u8] =
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    /// id-ecPublicKey, 1.2.840.10045.2.1
    pub(crate) const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    /// prime256v1 / secp256r1, 1.2.840.10045.3.1.7
    pub(crate) const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    /// secp384r1, 1.3.132.0.34
    pub(crate) const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
    /// id-Ed25519, 1.3.101.112
    pub(crate) const ED25519: &[u8] = &[0x2b, 0x65, 0x70];
}

/// A cursor over DER bytes.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub(crate) fn peek_tag(&self) -> Option<u8> {
        self.data.first().copied()
    }

    /// Reads one element: its tag and content.
    pub(crate) fn read(&mut self) -> Result<(u8, &'a [u8]), &'static str> {
        let (&tag, rest) = self.data.split_first().ok_or("truncated DER")?;
        if tag & 0x1f == 0x1f {
            return Err("multi-byte DER tags are not supported");
        }
        let (&first, rest) = rest.split_first().ok_or("truncated DER length")?;
        let (len, rest) = if first < 0x80 {
            (usize::from(first), rest)
        } else {
            let count = usize::from(first & 0x7f);
            if count == 0 || count > 4 {
                return Err("unsupported DER length form");
            }
            let bytes = rest.get(..count).ok_or("truncated DER length")?;
            if bytes.first() == Some(&0) {
                return Err("non-minimal DER length");
            }
            let len = bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            if len < 0x80 {
                return Err("non-minimal DER length");
            }
            (len, rest.get(count..).ok_or("truncated DER length")?)
        };
        let content = rest.get(..len).ok_or("DER element longer than its input")?;
        self.data = rest.get(len..).ok_or("DER element longer than its input")?;
        Ok((tag, content))
    }

    /// Reads one element that must carry `tag`.
    pub(crate) fn expect(&mut self, tag: u8) -> Result<&'a [u8], &'static str> {
        let (found, content) = self.read()?;
        if found == tag {
            Ok(content)
        } else {
            Err("unexpected DER element")
        }
    }

    /// Reads a non-negative INTEGER and returns its big-endian magnitude without the sign
    /// byte.
    pub(crate) fn unsigned_integer(&mut self) -> Result<&'a [u8], &'static str> {
        let bytes = self.expect(TAG_INTEGER)?;
        match bytes {
            [] => Err("empty DER integer"),
            [first, ..] if first & 0x80 != 0 => Err("negative DER integer"),
            [0, second, ..] if second & 0x80 == 0 => Err("non-minimal DER integer"),
            [0, rest @ ..] if !rest.is_empty() => Ok(rest),
            _ => Ok(bytes),
        }
    }

    /// Reads a BIT STRING with no unused bits and returns its bytes.
    pub(crate) fn bit_string(&mut self) -> Result<&'a [u8], &'static str> {
        match self.expect(TAG_BIT_STRING)? {
            [0, rest @ ..] => Ok(rest),
            _ => Err("BIT STRING with unused bits"),
        }
    }

    /// Fails unless every byte has been read.
    pub(crate) fn finish(&self) -> Result<(), &'static str> {
        if self.data.is_empty() {
            Ok(())
        } else {
            Err("trailing bytes after DER structure")
        }
    }
}

/// Encodes one element.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(significant);
    }
    out.extend_from_slice(content);
    out
}

/// Encodes a SEQUENCE of already-encoded elements.
pub(crate) fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    tlv(TAG_SEQUENCE, &parts.concat())
}

/// Encodes a non-negative INTEGER from a big-endian magnitude.
pub(crate) fn unsigned_integer(magnitude: &[u8]) -> Vec<u8> {
    let skip = magnitude.iter().take_while(|&&b| b == 0).count();
    let trimmed = magnitude.get(skip..).unwrap_or_default();
    let mut content = Vec::with_capacity(trimmed.len() + 1);
    if trimmed.first().is_none_or(|&b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(trimmed);
    tlv(TAG_INTEGER, &content)
}

/// Encodes a BIT STRING with no unused bits.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(TAG_BIT_STRING, &content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip() {
        for magnitude in [&[][..], &[0], &[1], &[0x7f], &[0x80], &[0, 0, 0x80, 1]] {
            let encoded = unsigned_integer(magnitude);
            let mut reader = Reader::new(&encoded);
            let read = reader.unsigned_integer().expect("valid integer");
            let skip = magnitude.iter().take_while(|&&b| b == 0).count();
            let expected = match &magnitude[skip..] {
                [] => &[0][..],
                rest => rest,
            };
            assert_eq!(read, expected);
            assert!(reader.finish().is_ok());
        }
    }

    #[test]
    fn long_lengths_round_trip() {
        let content = vec![7u8; 300];
        let encoded = tlv(TAG_OCTET_STRING, &content);
        assert_eq!(&encoded[..4], &[0x04, 0x82, 0x01, 0x2c]);
        let mut reader = Reader::new(&encoded);
        assert_eq!(reader.expect(TAG_OCTET_STRING), Ok(&content[..]));
    }

    #[test]
    fn rejects_non_minimal_lengths() {
        assert!(Reader::new(&[0x04, 0x81, 0x01, 0x00]).read().is_err());
        assert!(Reader::new(&[0x04, 0x05, 0x00]).read().is_err());
        assert!(
            Reader::new(&[0x02, 0x02, 0x00, 0x01])
                .unsigned_integer()
                .is_err()
        );
    }
}
