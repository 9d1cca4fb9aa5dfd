//! How well claimdesk reads and remembers, measured: the model rebuilt byte for byte, check-worthiness on real German news and claimdesk's news set, the public golden segmentation cases, sentence boundaries, the memory by words and by meaning, and the layers of the code.

#[path = "../common/mod.rs"]
mod common;

mod boundaries;
mod golden;
mod layers;
mod memory_match;
mod memory_meaning;
mod model;
mod news_evaluation;
mod news_set;
