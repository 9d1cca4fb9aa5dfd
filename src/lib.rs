//! claimdesk: an offline fact-check workbench.
//!
//! The data flows one way: [`article`] loads and normalizes a file, [`extract`] finds the check-worthy claims,
//! [`review`] holds the analyst's verdicts and saves them, [`memory`] remembers checked claims, [`export`]
//! turns a review into other formats, [`desk`] drives all of them over a folder, and (with the `gui` feature)
//! [`app`] is the egui workbench. The command line in [`cli`] ties them together. `ARCHITECTURE.md` names the
//! layers and the imports that must never exist (a test, `tests/layers.rs`, keeps them out).

#[cfg(feature = "gui")]
pub mod app;
pub mod article;
pub mod cli;
pub mod desk;
pub mod encoder;
pub mod export;
pub mod extract;
pub mod i18n;
pub mod identity;
pub mod json_lines;
pub mod layout;
pub mod memory;
pub mod review;
pub mod text;
pub mod web_url;
