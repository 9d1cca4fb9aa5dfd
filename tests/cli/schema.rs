//! The committed JSON Schema of review files must match the Rust types. After changing the types, run
//! `cargo run -- schema > docs/review.schema.json` and review the diff.

#![allow(clippy::unwrap_used, reason = "test code")]

use std::path::Path;

use claimdesk::review::{Review, store};

#[test]
fn committed_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/review.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == claimdesk::review::store::json_schema(),
        "docs/review.schema.json is out of date: run `cargo run -- schema > docs/review.schema.json`"
    );
}

#[test]
fn a_saved_review_validates_against_the_schema_shape() {
    let schema: serde_json::Value =
        serde_json::from_str(&claimdesk::review::store::json_schema()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["format", "version", "article", "claims"] {
        assert!(required.contains(&field), "{field} is required");
    }
    let text = "Die Polizei nahm am Montag 40 Personen fest, sagte ein Sprecher.";
    let article = claimdesk::article::load_bytes(
        text.as_bytes(),
        "t.txt",
        None,
        claimdesk::article::LoadOptions::default(),
    )
    .unwrap()
    .article;
    let claims =
        claimdesk::extract::extract(&article, &claimdesk::extract::ExtractOptions::default());
    let review = Review::new(article, claims);
    let value: serde_json::Value =
        serde_json::from_slice(&store::to_bytes(&review).unwrap()).unwrap();
    for field in required {
        assert!(value.get(field).is_some(), "saved reviews carry {field}");
    }
}
