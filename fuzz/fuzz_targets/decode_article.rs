//! Article loading (encoding detection, HTML and Markdown extraction) must never panic, and what it returns
//! must be a usable article.
#![no_main]

use claimdesk::article::{LoadOptions, load_bytes, sha256_hex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for extension in ["txt", "md", "html"] {
        if let Ok(loaded) = load_bytes(data, "fuzz", Some(extension), LoadOptions::default()) {
            let article = loaded.article;
            assert!(!article.text.trim().is_empty());
            assert!(!article.text.contains('\r'));
            assert_eq!(article.sha256, sha256_hex(&article.text));
        }
    }
});
