//! Options that persist between sessions (eframe storage): theme, text size, recent files, the analyst's
//! name, the export dialog's choices, the window's language.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// Light, dark, or whatever the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// How the claim list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SortOrder {
    /// As in the article.
    #[default]
    Position,
    /// Most check-worthy first.
    Score,
}

/// Recent files kept in File → Open recent.
pub const MAX_RECENT: usize = 10;

/// Options that persist between sessions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The theme.
    pub theme: ThemeChoice,
    /// Article text size in points.
    pub text_size: f32,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// After a verdict, jump to the next pending claim.
    pub advance_after_verdict: bool,
    /// Claim list order.
    pub sort: SortOrder,
    /// The reviewing organisation, for exports.
    pub reviewer_name: String,
    /// Its web site, for exports.
    pub reviewer_url: String,
    /// The analyst's own name, recorded with every change (empty until given).
    pub analyst: String,
    /// The export dialog's "approved verdicts only" box.
    pub export_approved_only: bool,
    /// The export dialog's "name claimdesk's example sentences among the reasons" box.
    pub export_training_examples: bool,
    /// The export dialog's report language; `None`: the article's.
    pub export_language: Option<Locale>,
    /// The window's language (View → Language); `None`: the system's.
    pub ui_language: Option<Locale>,
    /// Whether claimdesk was started before: the bundled sample opens on a very first start only.
    pub started_before: bool,
    /// The desk open when the window last showed one, reopened at the next start.
    pub last_desk: Option<PathBuf>,
    /// The article or review open last, reopened (with its review) at the next start.
    pub last_article: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            text_size: 17.0,
            recent: Vec::new(),
            advance_after_verdict: true,
            sort: SortOrder::Position,
            // Nobody's organisation until the analyst names it: a report never publishes a made-up one.
            reviewer_name: String::new(),
            reviewer_url: String::new(),
            analyst: String::new(),
            export_approved_only: false,
            export_training_examples: false,
            export_language: None,
            ui_language: None,
            started_before: false,
            last_desk: None,
            last_article: None,
        }
    }
}

/// The organisation earlier versions filled in for everyone; read as none.
const OLD_DEFAULT_REVIEWER: &str = "claimdesk fact-check desk";

impl Settings {
    /// Settings as read from storage, with what earlier versions filled in for the analyst taken out.
    #[must_use]
    pub fn loaded(mut self) -> Self {
        if self.reviewer_name.trim() == OLD_DEFAULT_REVIEWER {
            self.reviewer_name.clear();
        }
        self
    }

    /// Puts `path` first in the recent files.
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// The system's language if claimdesk speaks it, else English.
#[must_use]
pub fn system_locale() -> Locale {
    sys_locale::get_locale()
        .and_then(|code| Locale::parse(&code))
        .unwrap_or_default()
}

/// Sets egui's theme to the choice.
pub fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}
