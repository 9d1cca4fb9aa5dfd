//! A desk: a folder of articles reviewed one after another.
//!
//! Its articles are the `.txt`, `.md` and `.html` files in the folder and its subfolders (hidden folders are
//! skipped); each article's review is the sidecar `<name>.review.json` beside it. Desk-level data (the
//! extraction cache) lives in `<desk>/.claimdesk/`; nothing else is written into the folder except the
//! reviews the analyst saves and the outputs asked for.
//!
//! This module knows nothing of egui: scanning, status, caching, batch extraction, the JSON Lines pipeline
//! and folder watching are used by the CLI and the window alike.

pub mod batch;
pub mod cache;
pub mod copies;
pub mod model;
pub mod pipeline;
pub mod scan;
pub mod search;
pub mod status;
pub mod watch;

pub use crate::layout::{
    ARTICLE_EXTENSIONS, DATA_DIR, data_dir, desk_containing, is_review_file, relative,
    review_path_for,
};
pub use scan::{ArticleFile, scan};
pub use status::{ArticleStatus, DeskStatus, Totals, status};
