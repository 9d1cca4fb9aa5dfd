//! Review loading must reject bad files with an error, never panic, and whatever loads must save back to the
//! same review.
#![no_main]

use std::path::Path;

use claimdesk::review::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(review) = store::from_slice(data, Path::new("fuzz.json")) {
        let bytes = store::to_bytes(&review).expect("a loaded review serializes");
        let again = store::from_slice(&bytes, Path::new("fuzz.json")).expect("a saved review loads");
        assert_eq!(again, review);
    }
});
