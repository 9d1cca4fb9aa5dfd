//! claimdesk's desk: the claim memory ([`memory`]: a BM25 index on disk, sentence vectors, imported
//! fact-checks) and desk folders ([`desk`]: scan, status, cache, batch extraction, JSON Lines map steps,
//! watching, sync clients' conflicted copies). Built on `claimdesk-core`; knows no window.

// The core's modules under the names the code has always used (`crate::review::…`).
pub(crate) use claimdesk_core::{
    article, encoder, export, extract, hashing, i18n, json_lines, layout, review, text, web_url,
};

pub mod desk;
pub mod memory;
