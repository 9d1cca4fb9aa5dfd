//! What the index calls its claims: each claim's [`EntryKey`] and the [`Group`] it is replaced with. Built
//! and read here only; the index and the vector files store them as the text they have always had
//! (`import:<hash>`, `review:<path>`, `review:<path>#c3`).

use std::fmt;
use std::path::Path;

use crate::layout;

/// Which claims of the index are replaced together: the imported fact-checks, or one review file's claims.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Group(String);

impl Group {
    const IMPORTS: &'static str = "import";
    const REVIEW: &'static str = "review:";

    /// The imported fact-checks.
    #[must_use]
    pub fn imports() -> Self {
        Self(Self::IMPORTS.to_owned())
    }

    /// The claims of the review file at `review_path` of `desk`, named by its path in the desk.
    #[must_use]
    pub fn review(desk: &Path, review_path: &Path) -> Self {
        Self::review_named(&layout::relative(desk, review_path))
    }

    /// The claims of a review file named `name` (a path relative to its desk, or as given).
    #[must_use]
    pub fn review_named(name: &str) -> Self {
        Self(format!("{}{name}", Self::REVIEW))
    }

    /// As the index stores it.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `key` is a claim of this group.
    #[must_use]
    pub fn holds(&self, key: &str) -> bool {
        key.strip_prefix(self.as_str())
            .is_some_and(|rest| rest.starts_with('#'))
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A claim's key in the index and the vector files: an imported fact-check by a hash of what it says
/// (importing it twice adds nothing), or a review's claim by its group and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryKey(String);

impl EntryKey {
    /// An imported fact-check's key from the SHA-256 (hex) of what it says.
    #[must_use]
    pub fn import(sha256_hex: &str) -> Self {
        Self(format!(
            "import:{}",
            &sha256_hex[..32.min(sha256_hex.len())]
        ))
    }

    /// The key of claim `claim_id` of a review's `group`.
    #[must_use]
    pub fn claim(group: &Group, claim_id: &str) -> Self {
        Self(format!("{group}#{claim_id}"))
    }

    /// A key as the index or a vector file stores it.
    #[must_use]
    pub fn stored(text: String) -> Self {
        Self(text)
    }

    /// As stored.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for EntryKey {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_groups_as_the_index_has_always_stored_them() {
        let group = Group::review(Path::new("/d"), Path::new("/d/sub/a.review.json"));
        assert_eq!(group.as_str(), "review:sub/a.review.json");
        let key = EntryKey::claim(&group, "c3");
        assert_eq!(key.as_str(), "review:sub/a.review.json#c3");
        assert!(group.holds(key.as_str()));
        assert!(!Group::review_named("sub/a").holds(key.as_str()));
        assert_eq!(Group::imports().as_str(), "import");
        assert_eq!(
            EntryKey::import(&"ab".repeat(32)).as_str(),
            format!("import:{}", "ab".repeat(16))
        );
    }
}
