//! Colours and symbols of verdicts and highlights, for light and dark themes.

use egui::Color32;

use crate::review::Verdict;

/// The symbol shown for a verdict (or pending) in lists and buttons.
#[must_use]
pub fn verdict_symbol(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        None => "•",
        Some(Verdict::Confirmed) => "✔",
        Some(Verdict::Denied) => "✖",
        Some(Verdict::Unverified) => "?",
    }
}

/// The strong colour of a verdict: text and icons.
#[must_use]
pub fn verdict_color(verdict: Option<Verdict>, dark: bool) -> Color32 {
    match (verdict, dark) {
        (None, false) => Color32::from_rgb(150, 110, 0),
        (None, true) => Color32::from_rgb(235, 190, 80),
        (Some(Verdict::Confirmed), false) => Color32::from_rgb(20, 120, 50),
        (Some(Verdict::Confirmed), true) => Color32::from_rgb(110, 210, 130),
        (Some(Verdict::Denied), false) => Color32::from_rgb(180, 30, 30),
        (Some(Verdict::Denied), true) => Color32::from_rgb(255, 120, 110),
        (Some(Verdict::Unverified), false) => Color32::from_rgb(60, 90, 170),
        (Some(Verdict::Unverified), true) => Color32::from_rgb(140, 170, 255),
    }
}

/// The background behind a claim's text in the article.
#[must_use]
pub fn highlight_color(verdict: Option<Verdict>, dark: bool, selected: bool) -> Color32 {
    let (r, g, b) = match verdict {
        None => (250, 215, 90),
        Some(Verdict::Confirmed) => (120, 200, 130),
        Some(Verdict::Denied) => (240, 120, 110),
        Some(Verdict::Unverified) => (140, 160, 230),
    };
    let alpha = match (dark, selected) {
        (false, false) => 70,
        (false, true) => 150,
        (true, false) => 55,
        (true, true) => 120,
    };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// The background of text the analyst selected with the mouse.
#[must_use]
pub fn selection_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(90, 140, 255, 110)
    } else {
        Color32::from_rgba_unmultiplied(60, 120, 255, 80)
    }
}
