//! Properties over generated inputs (proptest): extraction, loading and merging never panic and keep their promises on anything.

#[path = "../common/mod.rs"]
mod common;

mod merge_properties;
mod properties;
