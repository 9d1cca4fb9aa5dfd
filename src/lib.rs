//! claimdesk: an offline fact-check workbench.
//!
//! The data flows one way: [`article`] loads and normalizes a file, [`extract`] finds the check-worthy claims,
//! [`review`] holds the analyst's verdicts and saves them, [`export`] turns a review into other formats, and
//! (with the `gui` feature) [`app`] is the egui workbench. The CLI in [`cli`] ties them together.

#[cfg(feature = "gui")]
pub mod app;
pub mod article;
pub mod cli;
pub mod desk;
pub mod export;
pub mod extract;
pub mod i18n;
pub mod memory;
pub mod review;
