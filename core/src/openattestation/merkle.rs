//! OpenAttestation's Merkle tree over the `targetHash`es of a batch.
//!
//! Leaves are sorted bytewise; a parent is `keccak256(min(a, b) || max(a, b))`; pairs are
//! `(2i, 2i+1)` and an odd last node is promoted unchanged; a proof lists the sibling at every
//! layer where there is one. Because pairs are sorted, a proof needs no left/right flags.

use super::digest::keccak256;

/// The parent of two nodes: their concatenation in byte order, hashed.
///
/// Works on nodes of any length, as `Buffer.compare` and `Buffer.concat` do in the
/// JavaScript library (which matters only for malformed proofs).
#[must_use]
pub fn combine(a: &[u8], b: &[u8]) -> [u8; 32] {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let mut buf = Vec::with_capacity(lo.len() + hi.len());
    buf.extend_from_slice(lo);
    buf.extend_from_slice(hi);
    keccak256(&buf)
}

fn combine32(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let mut buf = [0u8; 64];
    buf[..32].copy_from_slice(lo);
    buf[32..].copy_from_slice(hi);
    keccak256(&buf)
}

/// A Merkle tree over 32-byte leaves, built as OpenAttestation builds it.
///
/// ```
/// use ebl::openattestation::{MerkleTree, check_proof};
/// let leaves: Vec<[u8; 32]> = (1u8..=5).map(|i| [i; 32]).collect();
/// let tree = MerkleTree::new(&leaves);
/// for leaf in &leaves {
///     let proof = tree.proof(leaf).unwrap();
///     let proof: Vec<&[u8]> = proof.iter().map(|p| p.as_slice()).collect();
///     assert!(check_proof(&proof, &tree.root(), leaf));
/// }
/// ```
#[derive(Debug, Clone)]
pub struct MerkleTree {
    layers: Vec<Vec<[u8; 32]>>,
}

impl MerkleTree {
    /// Builds the tree; the leaves are sorted first, so their order does not matter. An empty
    /// slice gives a tree whose root is all zeros and which has no proofs.
    #[must_use]
    pub fn new(leaves: &[[u8; 32]]) -> MerkleTree {
        let mut first = leaves.to_vec();
        first.sort_unstable();
        let mut layers = vec![first];
        while let Some(last) = layers.last().filter(|l| l.len() > 1) {
            let next = last
                .chunks(2)
                .map(|pair| match pair {
                    [a, b] => combine32(a, b),
                    [a] => *a,
                    _ => [0; 32],
                })
                .collect();
            layers.push(next);
        }
        MerkleTree { layers }
    }

    /// The root.
    #[must_use]
    pub fn root(&self) -> [u8; 32] {
        self.layers
            .last()
            .and_then(|l| l.first())
            .copied()
            .unwrap_or([0; 32])
    }

    /// The proof for `leaf` (the siblings from the bottom up, skipping layers where the node
    /// has none), or `None` if it is not a leaf. For a repeated leaf, the proof of its first
    /// position, as OpenAttestation's `findIndex` gives.
    #[must_use]
    pub fn proof(&self, leaf: &[u8; 32]) -> Option<Vec<[u8; 32]>> {
        let mut index = self.layers.first()?.iter().position(|l| l == leaf)?;
        let mut proof = Vec::new();
        for layer in &self.layers {
            let pair = if index % 2 == 1 { index - 1 } else { index + 1 };
            if let Some(sibling) = layer.get(pair) {
                proof.push(*sibling);
            }
            index /= 2;
        }
        Some(proof)
    }
}

/// Folds `proof` into `leaf` and compares the result with `root`, as OpenAttestation's
/// `checkProof` does.
#[must_use]
pub fn check_proof(proof: &[&[u8]], root: &[u8], leaf: &[u8]) -> bool {
    let mut node: Vec<u8> = leaf.to_vec();
    for step in proof {
        node = combine(&node, step).to_vec();
    }
    node == root
}

/// Decodes hex as Node.js `Buffer.from(s, "hex")` does: either case, stopping at the first
/// pair that is not two hex digits (an odd last digit is dropped).
#[must_use]
pub fn node_hex_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    for pair in b.chunks_exact(2) {
        let (Some(hi), Some(lo)) = (hex_digit(pair[0]), hex_digit(pair[1])) else {
            break;
        };
        out.push(hi << 4 | lo);
    }
    out
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_nodes_are_promoted_and_proofs_vary_in_length() {
        let leaves: Vec<[u8; 32]> = (1u8..=5).map(|i| [i; 32]).collect();
        let tree = MerkleTree::new(&leaves);
        let lens: Vec<usize> = leaves
            .iter()
            .map(|l| tree.proof(l).expect("test").len())
            .collect();
        assert_eq!(lens, [3, 3, 3, 3, 1]);
        let ab = combine32(&leaves[0], &leaves[1]);
        let cd = combine32(&leaves[2], &leaves[3]);
        assert_eq!(tree.root(), combine32(&combine32(&ab, &cd), &leaves[4]));
        assert_eq!(MerkleTree::new(&leaves[..1]).root(), leaves[0]);
    }

    #[test]
    fn hex_is_decoded_like_node_buffers() {
        assert_eq!(node_hex_decode("aB0c"), [0xab, 0x0c]);
        assert_eq!(node_hex_decode("abc"), [0xab]);
        assert_eq!(node_hex_decode("abzz12"), [0xab]);
        assert!(node_hex_decode("").is_empty());
    }
}
