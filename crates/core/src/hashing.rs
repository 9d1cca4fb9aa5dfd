//! Hashes and digests, each written once: FNV-1a where a hash must be the same on every build and
//! platform (the words model's feature hashing, the training split, the memory's n-gram table), and
//! SHA-256 in lower-case hex where a file or text is named by its content. A leaf: it knows no claimdesk
//! type.

use sha2::Digest as _;

/// FNV-1a's starting value.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `items` (bytes or characters as numbers), continued from `hash`: stable across runs,
/// builds and platforms, unlike the standard library's hasher.
#[must_use]
pub fn fnv1a(mut hash: u64, items: impl IntoIterator<Item = u64>) -> u64 {
    for item in items {
        hash ^= item;
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// [`fnv1a`] over bytes.
#[must_use]
pub fn fnv1a_bytes(hash: u64, bytes: &[u8]) -> u64 {
    fnv1a(hash, bytes.iter().map(|&b| u64::from(b)))
}

/// Bytes as lower-case hex, two digits each.
#[must_use]
pub fn lower_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// The SHA-256 of `bytes`, lower-case hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    lower_hex(&sha2::Sha256::digest(bytes))
}

/// The SHA-256 of `bytes` as the raw 32 bytes.
#[must_use]
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // FNV-1a of "a" (64 bit), and SHA-256 of "abc".
        assert_eq!(fnv1a_bytes(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(lower_hex(&[0, 15, 255]), "000fff");
    }
}
