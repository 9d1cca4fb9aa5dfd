//! claimdesk's window: an egui shell over two views, the workbench and the desk ([`app`]).

// The lower crates' modules under the names the code has always used (`crate::review::…`).
pub(crate) use claimdesk_core::{article, export, extract, hashing, i18n, layout, review, web_url};
pub(crate) use claimdesk_desk::{desk, memory};

pub mod app;
