//! claimdesk: an offline fact-check workbench.
//!
//! This package is the program (`src/main.rs` and its command line, `src/cli/`); the library re-exports the
//! crates it is built of under one name, for the tests and benchmarks: `claimdesk-core` ([`article`],
//! [`text`], [`extract`], [`review`], [`export`], [`encoder`] and the leaves), `claimdesk-desk` ([`memory`],
//! [`desk`]) and, with the `gui` feature, `claimdesk-app` (`app`). `ARCHITECTURE.md` names the crates and
//! layers and the imports that must never exist.

pub use claimdesk_core::{
    article, encoder, export, extract, i18n, identity, json_lines, layout, review, text, web_url,
};
pub use claimdesk_desk::{desk, memory};

#[cfg(feature = "gui")]
pub use claimdesk_app::app;
