//! claimdesk's core: everything below the desk, without a window, an index or a command line.
//!
//! The data flows one way: [`article`] loads and normalizes a file, [`text`] is the one text analysis,
//! [`extract`] finds the check-worthy claims, [`review`] holds the analyst's verdicts and saves them, and
//! [`export`] turns a review into other formats; [`encoder`] gives sentence vectors. The leaves
//! ([`i18n`], [`layout`], [`web_url`], [`identity`], [`json_lines`]) know no claimdesk type.
//! `ARCHITECTURE.md` names the layers and the imports that must never exist.

pub mod article;
pub mod encoder;
pub mod export;
pub mod extract;
pub mod hashing;
pub mod i18n;
pub mod identity;
pub mod json_lines;
pub mod layout;
pub mod review;
pub mod text;
pub mod web_url;
