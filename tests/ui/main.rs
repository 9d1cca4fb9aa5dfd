//! The workbench driven like a user would, headless, with egui_kittest: keyboard review, notes, undo, adding
//! and removing claims, saving, reopening, and bad files.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimdesk::app::{ClaimDeskApp, Dialog, Settings, StartOptions};
use claimdesk::article::Span;
use claimdesk::i18n::Locale;
use claimdesk::review::{Reason, Verdict, store};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

struct Bench {
    harness: Harness<'static, ClaimDeskApp>,
    data: tempfile::TempDir,
}

/// The window in English whatever the machine's language, so that tests find their labels.
fn english() -> Settings {
    Settings {
        ui_language: Some(Locale::English),
        ..Settings::default()
    }
}

fn open(file: Option<PathBuf>) -> Bench {
    open_with(file, english())
}

fn open_with(file: Option<PathBuf>, settings: Settings) -> Bench {
    let data = tempfile::tempdir().unwrap();
    let options = StartOptions {
        file,
        data_dir: Some(data.path().to_owned()),
        ..StartOptions::default()
    };
    let app = ClaimDeskApp::new(&egui::Context::default(), settings, options);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut ClaimDeskApp| app.root_ui(ui), app);
    harness.run_steps(2);
    let mut bench = Bench { harness, data };
    bench.wait_for_load();
    bench
}

impl Bench {
    fn app(&self) -> &ClaimDeskApp {
        self.harness.state()
    }

    fn wait_for_load(&mut self) {
        let started = Instant::now();
        while self.app().is_loading() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "loading took too long"
            );
            std::thread::sleep(Duration::from_millis(20));
            self.harness.run_steps(1);
        }
        self.harness.run_steps(2);
    }

    fn press(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run_steps(2);
    }

    fn press_with(&mut self, modifiers: Modifiers, key: Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run_steps(2);
    }

    fn type_text(&mut self, text: &str) {
        self.harness.event(egui::Event::Text(text.to_owned()));
        self.harness.run_steps(2);
    }

    fn selected(&self) -> String {
        self.app()
            .workbench
            .ui
            .selected
            .clone()
            .expect("a claim is selected")
    }

    /// The open review.
    fn review(&self) -> &claimdesk::review::Review {
        self.app().workbench.workspace.as_ref().unwrap().review()
    }

    fn claim(&self, id: &str) -> claimdesk::review::Claim {
        self.review().claim(id).unwrap().clone()
    }

    fn claim_ids(&self) -> Vec<String> {
        self.review().claims.iter().map(|c| c.id.clone()).collect()
    }

    fn is_dirty(&self) -> bool {
        self.app()
            .workbench
            .workspace
            .as_ref()
            .unwrap()
            .document
            .is_dirty()
    }
}

fn save_with_typed_path(bench: &mut Bench, path: &Path) {
    bench.press_with(Modifiers::COMMAND, Key::S);
    assert!(
        matches!(bench.app().dialog, Some(Dialog::PathEntry { .. })),
        "a new review asks where to save"
    );
    bench.harness.state_mut().dialog = Some(Dialog::PathEntry {
        purpose: claimdesk::app::files::DialogPurpose::SaveAs,
        text: path.display().to_string(),
        note: None,
    });
    bench.harness.run_steps(4);
    bench.harness.get_by_label("OK").click();
    bench.harness.run_steps(3);
}

// ----- keys under load: however the keys fall into frames, the order typed decides --------------------------

/// One key as the window system delivers it: press, the character it types (if any), release.
fn keystroke(key: Key, text: Option<&str>, modifiers: Modifiers) -> Vec<egui::Event> {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    let mut events = vec![event(true)];
    events.extend(text.map(|t| egui::Event::Text(t.to_owned())));
    events.push(event(false));
    events
}

/// Keys written as text: letters, digits and spaces type themselves; `⎋` is Esc.
fn keystrokes(typed: &str) -> Vec<egui::Event> {
    typed
        .chars()
        .flat_map(|c| {
            if c == '⎋' {
                return keystroke(Key::Escape, None, Modifiers::NONE);
            }
            let name = if c == ' ' {
                "Space".to_owned()
            } else {
                c.to_ascii_uppercase().to_string()
            };
            let key = Key::from_name(&name).unwrap();
            let modifiers = if c.is_uppercase() {
                Modifiers::SHIFT
            } else {
                Modifiers::NONE
            };
            keystroke(key, Some(&c.to_string()), modifiers)
        })
        .collect()
}

impl Bench {
    /// Delivers `events` in frames cut at `cuts` (event indices), with no idle frame between them, then
    /// lets the window settle.
    fn deliver(&mut self, events: &[egui::Event], cuts: &[usize]) {
        let mut start = 0;
        for &cut in cuts.iter().chain([events.len()].iter()) {
            let cut = cut.clamp(start, events.len());
            self.harness
                .input_mut()
                .events
                .extend_from_slice(&events[start..cut]);
            self.harness.step();
            start = cut;
        }
        self.harness.run_steps(4);
    }

    /// Verdicts and notes of every claim, in order.
    fn verdicts_and_notes(&self) -> Vec<(String, Option<Verdict>, String)> {
        let review = self.review();
        review
            .claims
            .iter()
            .map(|c| (c.id.clone(), c.verdict, c.note.clone()))
            .collect()
    }
}

/// The user's sequence from the report: J K C J D J U, N, the note "c d Quelle", Esc.
fn reported_sequence() -> Vec<egui::Event> {
    keystrokes("jkcjdjunc d Quelle⎋")
}

// ----- a failing job never takes the window or the open work down ------------------------------------------

fn error_dialog(bench: &Bench) -> (String, String) {
    match &bench.app().dialog {
        Some(Dialog::Error { title, message }) => (title.clone(), message.clone()),
        other => panic!("expected an error dialog, got {other:?}"),
    }
}

// ----- the desk: a folder of articles ----------------------------------------------------------------------

fn write_desk_article(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn desk_folder() -> tempfile::TempDir {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    write_desk_article(
        root,
        "a-rat.txt",
        "Rat stimmt für Radwege\n\nDer Rat stimmte am 4. März mit 31 zu 5 Stimmen für den Ausbau der Radwege. Laut Polizei wurden 12 Personen festgenommen.\n",
    );
    write_desk_article(
        root,
        "b-port.md",
        "# Port cuts 400 jobs\n\nThe Port of Caldwell will cut 400 jobs by March, the port authority said on Tuesday.\n",
    );
    write_desk_article(
        root,
        "sub/c-preis.txt",
        "Strompreis steigt\n\nDie Stadtwerke erhöhen den Strompreis zum 1. Mai um 18 Prozent, sagte Geschäftsführerin Eva Kröger.\n",
    );
    write_desk_article(root, "sub/d-empty.txt", "");
    desk
}

impl Bench {
    fn desk(&self) -> &claimdesk::app::desk_view::DeskView {
        self.app().desk.as_ref().expect("a desk is open")
    }

    /// Steps until `done` holds (background rows, the folder watcher), at most 15 s.
    fn wait_until(&mut self, what: &str, done: impl Fn(&ClaimDeskApp) -> bool) {
        let started = Instant::now();
        while !done(self.app()) {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "waited too long for {what}"
            );
            std::thread::sleep(Duration::from_millis(30));
            self.harness.run_steps(1);
        }
        self.harness.run_steps(2);
    }

    fn open_article_relative(&self) -> Option<String> {
        let workspace = self.app().workbench.workspace.as_ref()?;
        let path = workspace
            .article_path
            .clone()
            .or(workspace.review_path.clone())?;
        self.desk().relative_of(&path)
    }
}

/// A desk whose memory holds one published fact-check, and a new article that repeats its claim.
fn desk_with_memory() -> (tempfile::TempDir, PathBuf) {
    let desk = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(desk.path().join(".claimdesk")).unwrap();
    let feed = desk.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        r#"{"@type":"ClaimReview","claimReviewed":"Die Stadt gibt 2 Millionen Euro für den Radwegeausbau aus.","reviewRating":{"alternateName":"Falsch","ratingValue":1},"author":{"@type":"Organization","name":"Faktencheck Nord"},"url":"https://fakten.example/radwege","datePublished":"2026-10-01","inLanguage":"de"}"#,
    )
    .unwrap();
    claimdesk::memory::import(desk.path(), &[feed]).unwrap();
    let article = write_desk_article(
        desk.path(),
        "neu.txt",
        "Radwege in der Stadt\n\nFür den Ausbau der Radwege gibt die Stadt 2 Millionen Euro aus, sagte der Bürgermeister am Montag.\nDie Polizei meldete am Sonntag 14 gestohlene Autos im Hafen von Kiel.\n",
    );
    (desk, article)
}

/// The window on the desk article whose bike-lane claim the desk's memory has checked before, that claim
/// selected (its id returned) once the memory lookup is in.
fn open_on_a_claim_checked_before(settings: Settings) -> (tempfile::TempDir, Bench, String) {
    let (desk, article) = desk_with_memory();
    let mut bench = open_with(Some(article), settings);
    bench.harness.state_mut().workbench.checked_before.wait();
    bench.harness.run_steps(2);
    let matching = bench
        .claim_ids()
        .into_iter()
        .find(|id| bench.claim(id).text.contains("Radwege"))
        .expect("the bike-lane claim is extracted");
    while bench.selected() != matching {
        bench.press(Key::J);
    }
    (desk, bench, matching)
}

/// The team fixture (a version-1 review) copied into a temporary folder.
fn team_review() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("haushalt.review.json");
    let review =
        store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/team/v1.review.json"))
            .unwrap();
    store::save(&review, &path).unwrap();
    (dir, path)
}

fn colleague_saves(path: &Path, who: &str, edits: Vec<claimdesk::review::edit::Edit>) {
    let mut document = claimdesk::review::edit::Document::new(store::load(path).unwrap(), true);
    document.set_reviewer(who);
    for edit in edits {
        document.apply(edit).unwrap();
    }
    store::save(document.review(), path).unwrap();
}

fn select(bench: &mut Bench, id: &str) {
    for key in [Key::J, Key::K] {
        for _ in 0..20 {
            if bench.selected() == id {
                return;
            }
            bench.press(key);
        }
    }
    panic!("{id} not reachable with J and K");
}

#[path = "../common/mod.rs"]
mod common;

const WEB_PAGE: &str = "<html><head><title>Hafen baut aus | Küstenbote</title>\
<meta property=\"article:published_time\" content=\"2026-04-09T10:00:00Z\"></head><body><article>\
<h1>Hafen baut aus</h1><p>Der Hafen Nordhafen investiert bis 2030 rund 240 Millionen Euro in neue Kais, sagte Hafenchef Tom Berger am Dienstag.</p>\
</article></body></html>";

fn web_pages() -> String {
    common::serve(vec![
        common::TestPage {
            path: "/hafen",
            content_type: "text/html; charset=utf-8",
            body: WEB_PAGE.as_bytes().to_vec(),
            delay: Duration::ZERO,
        },
        common::TestPage {
            path: "/langsam",
            content_type: "text/html",
            body: WEB_PAGE.as_bytes().to_vec(),
            delay: Duration::from_secs(8),
        },
    ])
}

fn german() -> Settings {
    Settings {
        ui_language: Some(Locale::German),
        ..Settings::default()
    }
}

/// Whether some widget's accessible name is exactly `label`.
fn shows(bench: &Bench, label: &str) -> bool {
    bench.harness.query_all_by_label(label).next().is_some()
}

// The tests, by area; the helpers above are theirs.
mod desk;
mod failures;
mod german;
mod keys;
mod memory;
mod new_user;
mod team;
mod web;
mod workbench;
