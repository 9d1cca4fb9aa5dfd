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

#[test]
fn starts_on_the_sample_with_the_first_claim_selected() {
    let bench = open(None);
    let review = bench.review();
    assert!(review.claims.len() >= 8, "the sample has claims");
    assert_eq!(bench.selected(), review.claims[0].id);
    // The list shows every claim with its verdict and speaker.
    assert!(
        bench
            .harness
            .query_all_by_label_contains("Oppositionsführer Markus Lindner")
            .count()
            >= 1
    );
    assert!(bench.app().window_title().contains("claimdesk"));
}

#[test]
fn reviewing_with_the_keyboard_alone() {
    let mut bench = open(None);
    let ids = bench.claim_ids();
    bench.press(Key::J);
    assert_eq!(bench.selected(), ids[1]);
    bench.press(Key::ArrowDown);
    assert_eq!(bench.selected(), ids[2]);
    bench.press(Key::K);
    assert_eq!(bench.selected(), ids[1]);
    bench.press(Key::C);
    assert_eq!(bench.claim(&ids[1]).verdict, Some(Verdict::Confirmed));
    assert_eq!(
        bench.selected(),
        ids[2],
        "after a verdict the next pending claim is selected"
    );
    bench.press(Key::D);
    assert_eq!(bench.claim(&ids[2]).verdict, Some(Verdict::Denied));
    bench.press(Key::U);
    assert_eq!(bench.claim(&ids[3]).verdict, Some(Verdict::Unverified));
    bench.press(Key::K);
    bench.press(Key::Backspace);
    assert_eq!(
        bench.claim(&ids[3]).verdict,
        None,
        "Backspace sets the claim back to pending"
    );
    assert!(bench.is_dirty());
    assert!(
        bench.app().window_title().contains('●'),
        "the title marks unsaved changes"
    );
}

#[test]
fn typing_c_in_the_note_does_not_set_a_verdict() {
    let mut bench = open(None);
    let id = bench.selected();
    bench.press(Key::N);
    bench.harness.key_press(Key::C);
    bench.type_text("c");
    bench.type_text("hecked against the annual report");
    assert_eq!(bench.claim(&id).note, "checked against the annual report");
    assert_eq!(bench.claim(&id).verdict, None);
    bench.press(Key::Escape);
    bench.press(Key::C);
    assert_eq!(
        bench.claim(&id).verdict,
        Some(Verdict::Confirmed),
        "after Esc, C sets the verdict again"
    );
}

#[test]
fn undo_and_redo() {
    let mut bench = open(None);
    let id = bench.selected();
    bench.press(Key::C);
    assert_eq!(bench.claim(&id).verdict, Some(Verdict::Confirmed));
    bench.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(bench.claim(&id).verdict, None);
    assert!(!bench.is_dirty(), "undo back to the opened state is clean");
    bench.press_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(bench.claim(&id).verdict, Some(Verdict::Confirmed));
}

#[test]
fn adding_adjusting_and_removing_claims() {
    let mut bench = open(None);
    let before = bench.claim_ids().len();
    let text = bench.review().article.text.clone();
    // A sentence the extractor does not pick (a characterisation, no figure, nothing to verify).
    let sentence = "Oppositionsführer Markus Lindner (Grüne) sprach von einem „Griff in die Taschen der Bürger“.";
    let start = text.find(sentence).expect("sample sentence");
    // A mouse drag over the sentence ends with this selection.
    bench.harness.state_mut().workbench.ui.article_selection = Some(Span {
        start,
        end: start + sentence.len(),
    });
    bench.press(Key::A);
    assert_eq!(bench.claim_ids().len(), before + 1);
    let added = bench.selected();
    let claim = bench.claim(&added);
    assert_eq!(claim.text, sentence);
    assert!(claim.hedges.is_empty());
    assert!(
        claim
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Found(found) if found.feature == "by_hand")),
        "{:?}",
        claim.reasons
    );
    // Narrow it to its first words.
    let narrow = "Oppositionsführer Markus Lindner";
    bench.harness.state_mut().workbench.ui.article_selection = Some(Span {
        start,
        end: start + narrow.len(),
    });
    bench.press_with(Modifiers::SHIFT, Key::A);
    assert_eq!(bench.claim(&added).text, narrow);
    bench.press(Key::Delete);
    assert_eq!(bench.claim_ids().len(), before);
    bench.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(bench.claim_ids().len(), before + 1, "removing is undone");
}

#[test]
fn the_window_scores_by_meaning_and_names_the_sentence_a_claim_resembles() {
    let mut bench = open(None);
    assert!(
        bench.review().generator.contains("scores by meaning"),
        "{}",
        bench.review().generator
    );
    // The first claim (the headline's 18 percent price rise) resembles a check-worthy sentence of
    // claimdesk's own, shown first among its reasons in the inspector.
    let first = bench.selected();
    let claim = bench.claim(&first);
    assert!(
        matches!(&claim.reasons[0], Reason::Found(found) if found.feature == "meaning.like_check_worthy"),
        "{:?}",
        claim.reasons
    );
    bench.harness.run_steps(2);
    assert!(
        bench
            .harness
            .query_all_by_label_contains("resembles one of claimdesk’s check-worthy example sentences (invented, not from this article)")
            .next()
            .is_some(),
        "the inspector says what the claim resembles, plainly as an example"
    );
    let mut german = open_with(None, german());
    german.harness.run_steps(2);
    assert!(
        german
            .harness
            .query_all_by_label_contains("ähnelt einem prüfwürdigen Beispielsatz von claimdesk")
            .next()
            .is_some(),
        "and says it in German"
    );
}

#[test]
fn evidence_links_only_accept_http() {
    let mut bench = open(None);
    let id = bench.selected();
    bench.press(Key::L);
    bench.type_text("javascript:alert(1)");
    bench.press(Key::Enter);
    assert!(bench.claim(&id).evidence.is_empty());
    bench.harness.state_mut().workbench.ui.new_evidence.clear();
    bench.press(Key::L);
    bench.type_text("https://example.org/report.pdf");
    bench.press(Key::Enter);
    assert_eq!(
        bench.claim(&id).evidence,
        ["https://example.org/report.pdf"]
    );
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

#[test]
fn save_reopen_and_resume_exactly() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("sample.review.json");
    let mut bench = open(None);
    let ids = bench.claim_ids();
    bench.press(Key::C);
    bench.press(Key::D);
    bench.press(Key::N);
    bench.type_text("Quelle: Geschäftsbericht 2023");
    bench.press(Key::Escape);
    save_with_typed_path(&mut bench, &path);
    assert!(path.is_file(), "the review was written");
    assert!(!bench.is_dirty());
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.claims[0].verdict, Some(Verdict::Confirmed));
    assert_eq!(saved.claims[1].verdict, Some(Verdict::Denied));
    // D, N: the note is for the claim just denied, not the one the verdict moved on to.
    assert_eq!(saved.claims[1].note, "Quelle: Geschäftsbericht 2023");
    assert_eq!(saved.claims[2].note, "");
    assert_eq!(saved.selected.as_deref(), Some(ids[1].as_str()));

    let reopened = open(Some(path.clone()));
    let review = reopened
        .app()
        .workbench
        .workspace
        .as_ref()
        .unwrap()
        .review();
    assert_eq!(review, &saved);
    assert_eq!(
        reopened.selected(),
        ids[1],
        "the selection is where the analyst left off"
    );
    assert!(
        !reopened
            .app()
            .workbench
            .workspace
            .as_ref()
            .unwrap()
            .document
            .is_dirty()
    );
}

#[test]
fn a_corrupt_review_is_reported_and_the_open_work_stays() {
    let directory = tempfile::tempdir().unwrap();
    let corrupt = directory.path().join("broken.review.json");
    let broken: &[u8] = b"{\"format\": \"claimdesk-review\", \"version\": 1, \"article\": ";
    std::fs::write(&corrupt, broken).unwrap();
    let mut bench = open(None);
    bench.press(Key::C);
    let before = bench.review().clone();
    let ctx = bench.harness.ctx.clone();
    bench
        .harness
        .state_mut()
        .request_open(corrupt.clone(), &ctx);
    bench.harness.run_steps(4);
    assert!(
        matches!(bench.app().dialog, Some(Dialog::UnsavedChanges { .. })),
        "unsaved work is not dropped silently"
    );
    bench.harness.get_by_label("Discard changes").click();
    bench.harness.run_steps(2);
    bench.wait_for_load();
    match &bench.app().dialog {
        Some(Dialog::Error { message, .. }) => {
            assert!(message.contains("broken.review.json"), "{message}");
        }
        other => panic!("expected an error dialog, got {other:?}"),
    }
    let after = bench.review();
    assert_eq!(
        after.claims.len(),
        before.claims.len(),
        "the document stays open"
    );
    assert_eq!(
        std::fs::read(&corrupt).unwrap(),
        broken,
        "the broken file is not touched"
    );
}

#[test]
fn opening_an_article_from_the_command_line_extracts_its_claims() {
    let directory = tempfile::tempdir().unwrap();
    let article = directory.path().join("meldung.txt");
    std::fs::write(&article, "Rathaus meldet Rekord\nDie Stadt hat 2024 rund 3,2 Millionen Euro eingenommen, sagte Kämmerer Jan Ohl am Montag.\n").unwrap();
    let bench = open(Some(article));
    let workspace = bench.app().workbench.workspace.as_ref().unwrap();
    assert_eq!(
        workspace.review().article.source,
        directory.path().join("meldung.txt").display().to_string()
    );
    assert!(
        workspace
            .review()
            .claims
            .iter()
            .any(|c| c.speaker.as_deref() == Some("Kämmerer Jan Ohl"))
    );
    // Nothing the analyst did is in a review just extracted: nothing to lose, no question on quitting; the
    // status line says it has no file yet.
    assert!(!workspace.document.is_dirty());
    assert!(!workspace.has_file());
    bench.harness.get_by_label("no review file yet");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut bench = open(None);
    bench.press(Key::C);
    bench
        .harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    bench.harness.run_steps(2);
    assert!(matches!(
        bench.app().dialog,
        Some(Dialog::UnsavedChanges {
            then: claimdesk::app::PendingAction::Quit
        })
    ));
}

#[test]
fn help_lists_every_shortcut() {
    let mut bench = open(None);
    bench.press(Key::F1);
    assert!(bench.app().workbench.ui.show_help);
    bench.harness.get_by_label("Mark confirmed");
    bench.harness.get_by_label("Next pending claim");
}

#[test]
fn keys_typed_right_after_n_all_land_in_the_note() {
    // A fast typist: N and the note's letters arrive in the same frame, each key with its text event.
    let mut bench = open(None);
    let id = bench.selected();
    let events = &mut bench.harness.input_mut().events;
    for (key, text) in [
        (Key::N, "n"),
        (Key::C, "c"),
        (Key::D, "d"),
        (Key::U, "u"),
        (Key::S, "s"),
        (Key::L, "l"),
    ] {
        let event = |pressed| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        events.extend([
            event(true),
            egui::Event::Text(text.to_owned()),
            event(false),
        ]);
    }
    bench.harness.run_steps(3);
    let claim = bench.claim(&id);
    assert_eq!(claim.note, "cdusl");
    assert_eq!(claim.verdict, None);
    assert_eq!(bench.selected(), id);
}

#[test]
fn export_from_the_window() {
    let directory = tempfile::tempdir().unwrap();
    let target = directory.path().join("report.html");
    let mut bench = open(None);
    bench.press(Key::C);
    let before = bench.review().clone();
    bench.press_with(Modifiers::COMMAND, Key::E);
    assert!(matches!(bench.app().dialog, Some(Dialog::Export { .. })));
    bench.harness.state_mut().dialog = Some(Dialog::Export {
        format: claimdesk::export::Format::Html,
        path: target.display().to_string(),
    });
    bench.harness.run_steps(4);
    bench.harness.get_by_label("Export").click();
    bench.harness.run_steps(3);
    let report = std::fs::read_to_string(&target).expect("the report was written");
    assert!(report.contains("<mark class=\"confirmed\""));
    assert!(bench.app().dialog.is_none());
    // The report speaks the article's language unless the dialog's Report language says otherwise.
    let article_lang = bench.review().article.language;
    let (own, other, other_name) = if article_lang == claimdesk::article::Language::German {
        ("de", "en", "English")
    } else {
        ("en", "de", "Deutsch")
    };
    assert!(
        report.contains(&format!("<html lang=\"{own}\">")),
        "{report}"
    );
    bench.press_with(Modifiers::COMMAND, Key::E);
    bench.harness.state_mut().dialog = Some(Dialog::Export {
        format: claimdesk::export::Format::Html,
        path: target.display().to_string(),
    });
    bench.harness.run_steps(2);
    bench.harness.get_by_label("Report language").click();
    bench.harness.run_steps(2);
    bench.harness.get_by_label(other_name).click();
    bench.harness.run_steps(2);
    assert!(bench.app().settings.export_language.is_some());
    bench.harness.get_by_label("Export").click();
    bench.harness.run_steps(3);
    let report = std::fs::read_to_string(&target).unwrap();
    assert!(
        report.contains(&format!("<html lang=\"{other}\">")),
        "{report}"
    );
    assert_eq!(bench.review(), &before, "exporting changes nothing");
}

#[test]
fn a_changed_article_re_anchors_the_review_and_keeps_orphans() {
    let directory = tempfile::tempdir().unwrap();
    let article = directory.path().join("story.txt");
    let review_path = directory.path().join("story.review.json");
    std::fs::write(&article, "Die Stadt nahm 2024 rund 3,2 Millionen Euro ein, sagte Kämmerer Jan Ohl.\nDer Rat stimmte am 4. März mit 31 zu 5 Stimmen zu.\n").unwrap();
    let (mut review, _) = claimdesk::extract::review_of_path(
        &article,
        None,
        &claimdesk::extract::ExtractOptions::default(),
    )
    .unwrap();
    review.claims[0].verdict = Some(Verdict::Confirmed);
    review.claims[1].verdict = Some(Verdict::Denied);
    review.claims[1].note = "Es waren 29 Stimmen.".to_owned();
    store::save(&review, &review_path).unwrap();
    // The online story is corrected afterwards.
    std::fs::write(&article, "Korrektur am 6. März.\nDie Stadt nahm 2024 rund 3,2 Millionen Euro ein, sagte Kämmerer Jan Ohl.\nDer Rat stimmte am 4. März mit 29 zu 5 Stimmen zu.\n").unwrap();
    let bench = open(Some(review_path.clone()));
    match &bench.app().dialog {
        Some(Dialog::Error { title, message }) => {
            assert_eq!(title, "The article changed");
            assert!(message.contains("1 re-anchored"), "{message}");
            assert!(message.contains("orphaned"), "{message}");
        }
        other => panic!("expected a notice, got {other:?}"),
    }
    let workspace = bench.app().workbench.workspace.as_ref().unwrap();
    let review = workspace.review();
    assert!(review.article.text.starts_with("Korrektur"));
    assert_eq!(review.claims.len(), 1);
    assert_eq!(review.claims[0].verdict, Some(Verdict::Confirmed));
    assert_eq!(
        &review.article.text[review.claims[0].start..review.claims[0].end],
        review.claims[0].text
    );
    assert_eq!(review.orphaned.len(), 1);
    assert_eq!(review.orphaned[0].note, "Es waren 29 Stimmen.");
    assert!(
        workspace.document.is_dirty(),
        "the re-anchored review is not saved yet"
    );
    store::validate(review).unwrap();
    let mut bench = bench;
    bench.harness.state_mut().dialog = None;
    bench.harness.run_steps(2);
    assert!(
        bench
            .harness
            .query_all_by_label_contains("Orphaned claims (1)")
            .count()
            == 1,
        "the orphan is listed"
    );
}

#[test]
fn unsaved_work_is_recovered_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let options = || StartOptions {
        data_dir: Some(data.path().to_owned()),
        ..StartOptions::default()
    };
    {
        let mut app = ClaimDeskApp::new(&egui::Context::default(), english(), options());
        app.autosave_every = Duration::ZERO;
        let mut harness = Harness::builder()
            .with_size([1400.0, 900.0])
            .build_ui_state(|ui, app: &mut ClaimDeskApp| app.root_ui(ui), app);
        harness.run_steps(2);
        harness.key_press(Key::C);
        harness.run_steps(3);
        assert!(
            harness
                .state()
                .workbench
                .workspace
                .as_ref()
                .unwrap()
                .document
                .is_dirty()
        );
        // The process dies here: no save, no clean exit.
    }
    let recovery = data.path().join("recovery");
    assert!(
        std::fs::read_dir(&recovery).unwrap().count() >= 2,
        "a recovery copy and its info were written"
    );
    let app = ClaimDeskApp::new(&egui::Context::default(), english(), options());
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut ClaimDeskApp| app.root_ui(ui), app);
    harness.run_steps(4);
    assert!(
        matches!(harness.state().dialog, Some(Dialog::Recover { .. })),
        "the next start offers the recovery"
    );
    harness.get_by_label("Restore").click();
    harness.run_steps(3);
    let workspace = harness.state().workbench.workspace.as_ref().unwrap();
    assert_eq!(
        workspace.review().claims[0].verdict,
        Some(Verdict::Confirmed)
    );
    assert!(
        workspace.document.is_dirty(),
        "recovered work still needs saving"
    );
}

#[test]
fn a_first_save_under_a_name_leaves_no_recovery_copy_behind() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("sample.review.json");
    let mut bench = open(None);
    bench.harness.state_mut().autosave_every = Duration::ZERO;
    bench.press(Key::C);
    let recovery = bench.data.path().join("recovery");
    assert!(
        std::fs::read_dir(&recovery).unwrap().count() >= 2,
        "the unsaved work was autosaved"
    );
    save_with_typed_path(&mut bench, &path);
    assert!(!bench.is_dirty());
    assert_eq!(
        std::fs::read_dir(&recovery).unwrap().count(),
        0,
        "saved work leaves no recovery copy to be offered at the next start"
    );
}

#[test]
fn saving_over_an_existing_file_asks_first() {
    let directory = tempfile::tempdir().unwrap();
    let existing = directory.path().join("earlier.review.json");
    std::fs::write(&existing, b"earlier work").unwrap();
    let mut bench = open(None);
    bench.press(Key::C);
    save_with_typed_path(&mut bench, &existing);
    assert!(matches!(
        bench.app().dialog,
        Some(Dialog::ConfirmOverwrite { .. })
    ));
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        b"earlier work",
        "nothing replaced yet"
    );
    bench.harness.get_by_label("Cancel").click();
    bench.harness.run_steps(3);
    assert_eq!(std::fs::read(&existing).unwrap(), b"earlier work");
    assert!(bench.is_dirty());
    save_with_typed_path(&mut bench, &existing);
    bench.harness.get_by_label("Replace").click();
    bench.harness.run_steps(3);
    assert!(store::load(&existing).is_ok());
    assert!(!bench.is_dirty());
}

#[test]
fn speaker_is_editable_and_evidence_removable() {
    let mut bench = open(None);
    let id = bench.selected();
    bench.harness.get_by_label("Speaker").click();
    bench.harness.run_steps(2);
    bench.type_text("Stadtwerke-Sprecherin");
    bench.press(Key::Enter);
    assert_eq!(
        bench.claim(&id).speaker.as_deref(),
        Some("Stadtwerke-Sprecherin")
    );
    bench.press(Key::L);
    bench.type_text("https://example.org/quelle");
    bench.press(Key::Enter);
    assert_eq!(bench.claim(&id).evidence.len(), 1);
    bench.harness.get_by_label("✖").click();
    bench.harness.run_steps(3);
    assert!(bench.claim(&id).evidence.is_empty());
    bench.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        bench.claim(&id).evidence.len(),
        1,
        "removing evidence is undoable"
    );
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

#[test]
fn shortcut_letters_after_n_in_one_frame_are_all_note_text() {
    let mut bench = open(None);
    let id = bench.selected();
    let before = bench.verdicts_and_notes();
    let events = keystrokes("ncdulpjka0 cdulpjka0");
    bench.deliver(&events, &[]);
    assert_eq!(bench.claim(&id).note, "cdulpjka0 cdulpjka0");
    assert_eq!(bench.selected(), id, "no letter moved the selection");
    let after = bench.verdicts_and_notes();
    for ((_, verdict_before, _), (claim, verdict_after, _)) in before.iter().zip(&after) {
        assert_eq!(verdict_before, verdict_after, "{claim} changed its verdict");
    }
    assert_eq!(bench.claim_ids().len(), before.len(), "no claim added by A");
}

#[test]
fn text_typed_before_esc_in_the_same_frame_is_kept_and_keys_after_esc_act() {
    let mut bench = open(None);
    let id = bench.selected();
    // N, a note, Esc and C all in one frame: the note is exact, then C confirms the claim the user sees.
    bench.deliver(&keystrokes("nsiehe Quelle⎋c"), &[]);
    assert_eq!(bench.claim(&id).note, "siehe Quelle");
    assert_eq!(bench.claim(&id).verdict, Some(Verdict::Confirmed));
    let next = bench.selected();
    assert_ne!(next, id, "the verdict moved on to the next pending claim");
    // Esc, a shortcut, N and more text, and Esc again, still in one frame.
    bench.deliver(&keystrokes("⎋dnzweite⎋"), &[]);
    assert_eq!(bench.claim(&next).verdict, Some(Verdict::Denied));
    // D, N: the note follows the claim just judged, which is selected again.
    assert_eq!(bench.selected(), next);
    assert_eq!(bench.claim(&next).note, "zweite");
}

/// The user's sequence from the report: J K C J D J U, N, the note "c d Quelle", Esc.
fn reported_sequence() -> Vec<egui::Event> {
    keystrokes("jkcjdjunc d Quelle⎋")
}

#[test]
fn the_reported_sequence_gives_the_same_review_however_it_falls_into_frames() {
    let events = reported_sequence();
    // A frame boundary can fall anywhere but between a key press and the character it types: the window
    // system hands both over in one piece.
    let boundaries: Vec<usize> = (1..events.len())
        .filter(|&i| !matches!(events[i], egui::Event::Text(_)))
        .collect();
    let mut expected = open(None);
    // Every event in a frame of its own: what a fast machine does.
    expected.deliver(&events, &boundaries);
    let reference = expected.verdicts_and_notes();
    let verdicts = reference.iter().filter(|(_, v, _)| v.is_some()).count();
    let notes: Vec<&str> = reference
        .iter()
        .filter(|(_, _, n)| !n.is_empty())
        .map(|(_, _, n)| n.as_str())
        .collect();
    assert_eq!(verdicts, 3, "{reference:?}");
    assert_eq!(notes, ["c d Quelle"]);

    // Everything in one frame, and every single cut and some double cuts: what slow frames do.
    let mut splits: Vec<Vec<usize>> = vec![vec![]];
    splits.extend(boundaries.iter().map(|&cut| vec![cut]));
    splits.extend(boundaries.iter().step_by(5).flat_map(|&a| {
        boundaries
            .iter()
            .filter(move |&&b| b > a)
            .step_by(7)
            .map(move |&b| vec![a, b])
    }));
    for cuts in splits {
        let mut bench = open(None);
        bench.deliver(&events, &cuts);
        assert_eq!(
            bench.verdicts_and_notes(),
            reference,
            "frames cut at {cuts:?} changed the outcome"
        );
    }
}

#[test]
fn keys_typed_right_after_opening_the_path_dialog_go_into_its_field() {
    let mut bench = open(None);
    let mut events = keystroke(Key::O, None, Modifiers::COMMAND | Modifiers::SHIFT);
    events.extend(keystrokes("cdj"));
    bench.deliver(&events, &[]);
    match &bench.app().dialog {
        Some(Dialog::PathEntry { text, .. }) => assert_eq!(text, "cdj"),
        other => panic!("expected the path dialog, got {other:?}"),
    }
    assert!(
        bench
            .verdicts_and_notes()
            .iter()
            .all(|(_, v, _)| v.is_none()),
        "no letter became a verdict behind the dialog"
    );
}

// ----- a failing job never takes the window or the open work down ------------------------------------------

fn error_dialog(bench: &Bench) -> (String, String) {
    match &bench.app().dialog {
        Some(Dialog::Error { title, message }) => (title.clone(), message.clone()),
        other => panic!("expected an error dialog, got {other:?}"),
    }
}

#[test]
fn a_panic_in_saving_loading_or_extracting_is_reported_and_the_review_stays() {
    use claimdesk::app::files::Work as Job;
    let directory = tempfile::tempdir().unwrap();
    let review_path = directory.path().join("sample.review.json");
    let article = directory.path().join("other.txt");
    std::fs::write(
        &article,
        "Die Stadt meldete 2024 einen Rekord von 1.200 Besuchern.\n",
    )
    .unwrap();
    let mut bench = open(None);
    let first = bench.selected();
    bench.press(Key::C);
    assert_eq!(bench.claim(&first).verdict, Some(Verdict::Confirmed));
    let selected = bench.selected();

    // Saving panics: the error names the job and the file; the work stays unsaved, nothing is written.
    bench.harness.state_mut().inject_panic = Some(Job::Save);
    save_with_typed_path(&mut bench, &review_path);
    let (title, message) = error_dialog(&bench);
    assert_eq!(title, "Could not save");
    assert!(
        message.contains("saving") && message.contains("sample.review.json"),
        "{message}"
    );
    assert!(bench.is_dirty(), "the unsaved work is still marked unsaved");
    assert_eq!(bench.claim(&first).verdict, Some(Verdict::Confirmed));
    assert!(!review_path.exists(), "no half-written review");
    bench.press(Key::Escape);
    // The next save works.
    bench.press_with(Modifiers::COMMAND, Key::S);
    assert!(bench.app().dialog.is_none(), "{:?}", bench.app().dialog);
    assert!(!bench.is_dirty());
    assert_eq!(
        store::load(&review_path).unwrap().claims[0].verdict,
        Some(Verdict::Confirmed)
    );

    // Loading, then extracting, panics in the background: reported, the saved review stays open.
    for (job, doing) in [(Job::Load, "loading"), (Job::Extract, "finding the claims")] {
        bench.harness.state_mut().inject_panic = Some(job);
        let ctx = bench.harness.ctx.clone();
        bench
            .harness
            .state_mut()
            .request_open(article.clone(), &ctx);
        bench.wait_for_load();
        let (title, message) = error_dialog(&bench);
        assert_eq!(title, "Could not open the file");
        assert!(
            message.contains(doing) && message.contains("other.txt"),
            "{message}"
        );
        assert_eq!(bench.selected(), selected);
        assert_eq!(bench.claim(&first).verdict, Some(Verdict::Confirmed));
        assert_eq!(
            bench
                .app()
                .workbench
                .workspace
                .as_ref()
                .unwrap()
                .review_path
                .as_deref(),
            Some(review_path.as_path()),
            "the open review is still the saved one"
        );
        bench.press(Key::Escape);
    }

    // Without an injected failure the same file opens.
    let ctx = bench.harness.ctx.clone();
    bench
        .harness
        .state_mut()
        .request_open(article.clone(), &ctx);
    bench.wait_for_load();
    assert!(bench.app().dialog.is_none(), "{:?}", bench.app().dialog);
    let review = bench.review();
    assert!(review.article.source.ends_with("other.txt"));
    assert_eq!(
        review.claims.len(),
        1,
        "the record of 1.200 visitors is a claim"
    );
}

#[test]
fn hostile_pdfs_are_refused_in_words_and_the_open_review_stays() {
    let directory = tempfile::tempdir().unwrap();
    let review_path = directory.path().join("sample.review.json");
    let mut bench = open(None);
    let first = bench.selected();
    bench.press(Key::C);
    save_with_typed_path(&mut bench, &review_path);
    assert!(!bench.is_dirty());
    for (name, bytes, says) in [
        (
            "parent.pdf",
            common::hostile::pdf_page_its_own_parent(),
            "loops or is nested too deeply",
        ),
        (
            "book.pdf",
            common::hostile::pdf_empty_pages(100_000),
            "100000 pages",
        ),
        (
            "cycle.pdf",
            common::hostile::pdf_reference_cycle(),
            "could not be read",
        ),
    ] {
        let path = directory.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let ctx = bench.harness.ctx.clone();
        bench.harness.state_mut().request_open(path, &ctx);
        bench.wait_for_load();
        let (title, message) = error_dialog(&bench);
        assert_eq!(title, "Could not open the file");
        assert!(
            message.contains(name) && message.contains(says),
            "{message}"
        );
        assert!(
            !message.contains("panicked") && !message.contains("RUST_BACKTRACE"),
            "{message}"
        );
        bench.press(Key::Escape);
        assert_eq!(bench.claim(&first).verdict, Some(Verdict::Confirmed));
        assert_eq!(
            bench
                .app()
                .workbench
                .workspace
                .as_ref()
                .unwrap()
                .review_path
                .as_deref(),
            Some(review_path.as_path()),
            "the open review is still the saved one"
        );
    }
    // The window goes on as before.
    bench.press(Key::J);
    let second = bench.selected();
    assert_ne!(second, first);
    bench.press(Key::D);
    assert_eq!(bench.claim(&second).verdict, Some(Verdict::Denied));
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

#[test]
fn a_desk_lists_every_article_and_opens_them_one_after_another() {
    use claimdesk::app::View;
    let folder = desk_folder();
    let root = folder.path().canonicalize().unwrap();
    let mut bench = open(Some(root.clone()));
    assert_eq!(bench.app().view, View::Desk);
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    let paths: Vec<String> = bench
        .desk()
        .rows
        .iter()
        .map(|r| r.file.relative.clone())
        .collect();
    assert_eq!(
        paths,
        [
            "a-rat.txt",
            "b-port.md",
            "sub/c-preis.txt",
            "sub/d-empty.txt"
        ]
    );
    let empty = bench.desk().rows[3].status.clone().unwrap();
    assert!(
        empty.error.unwrap().contains("d-empty.txt"),
        "a bad file is a row with its error"
    );
    assert!(
        bench
            .harness
            .query_by_label_contains("Port cuts 400 jobs")
            .is_some()
    );

    // J, J, Enter: the second article opens in the workbench, clean (nothing to save yet).
    bench.press(Key::J);
    bench.press(Key::J);
    bench.press(Key::Enter);
    bench.wait_for_load();
    assert_eq!(bench.app().view, View::Workbench);
    assert_eq!(bench.open_article_relative().as_deref(), Some("b-port.md"));
    assert!(!bench.is_dirty());

    // A verdict, Ctrl+S: the sidecar review is written without asking where.
    let first = bench.selected();
    bench.press(Key::C);
    bench.press_with(Modifiers::COMMAND, Key::S);
    assert!(bench.app().dialog.is_none(), "{:?}", bench.app().dialog);
    let review = store::load(&root.join("b-port.review.json")).unwrap();
    assert_eq!(
        review.claim(&first).unwrap().verdict,
        Some(Verdict::Confirmed)
    );
    assert_eq!(review.article.source, "b-port.md");

    // Ctrl+PageDown opens the next article; moving on from an untouched one leaves no file behind.
    bench.press_with(Modifiers::COMMAND, Key::PageDown);
    bench.wait_for_load();
    assert_eq!(
        bench.open_article_relative().as_deref(),
        Some("sub/c-preis.txt")
    );
    bench.press_with(Modifiers::COMMAND, Key::PageUp);
    bench.wait_for_load();
    assert_eq!(bench.open_article_relative().as_deref(), Some("b-port.md"));
    assert!(!root.join("sub/c-preis.review.json").exists());
    assert!(bench.app().dialog.is_none());

    // Ctrl+D: back to the desk, where the saved verdict shows once the folder watcher saw the save.
    bench.press_with(Modifiers::COMMAND, Key::D);
    assert_eq!(bench.app().view, View::Desk);
    bench.wait_until("the saved review in the table", |app| {
        app.desk.as_ref().unwrap().rows[1]
            .status
            .as_ref()
            .is_some_and(|s| s.confirmed == 1 && s.review.is_some())
    });

    // Ctrl+P from the desk: the next article with pending claims after the selected one.
    bench.press_with(Modifiers::COMMAND, Key::P);
    bench.wait_for_load();
    assert_eq!(
        bench.open_article_relative().as_deref(),
        Some("sub/c-preis.txt")
    );
}

#[test]
fn desk_search_opens_the_article_at_the_claim_and_new_files_appear() {
    use claimdesk::app::View;
    let folder = desk_folder();
    let root = folder.path().canonicalize().unwrap();
    let mut bench = open(Some(root.clone()));
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());

    let ctx = bench.harness.ctx.clone();
    let desk = bench.harness.state_mut().desk.as_mut().unwrap();
    desk.search = "Kröger".to_owned();
    desk.run_search(&ctx);
    let hits = desk.hits.clone();
    assert_eq!(hits.len(), 1, "the hit by words, at once: {hits:?}");
    assert_eq!(hits[0].article, "sub/c-preis.txt");
    bench.wait_until("the search by meaning", |app| {
        app.desk
            .as_ref()
            .unwrap()
            .meaning_search_progress()
            .is_none()
    });
    bench
        .harness
        .query_all_by_label_contains("Eva Kröger")
        .next()
        .expect("the hit is listed")
        .click();
    bench.harness.run_steps(2);
    bench.wait_for_load();
    assert_eq!(bench.app().view, View::Workbench);
    assert_eq!(
        bench.selected(),
        hits[0].claim_id,
        "opened at the claim found"
    );

    // The filter narrows the table; a file added to the folder appears without a restart.
    bench.press_with(Modifiers::COMMAND, Key::D);
    bench.harness.state_mut().desk.as_mut().unwrap().filter = "port".to_owned();
    bench.harness.run_steps(2);
    let visible = bench.desk().visible();
    assert_eq!(visible.len(), 1);
    bench
        .harness
        .state_mut()
        .desk
        .as_mut()
        .unwrap()
        .filter
        .clear();
    write_desk_article(
        &root,
        "e-new.txt",
        "Neue Meldung\n\nDie Feuerwehr rückte 2025 zu 1.204 Einsätzen aus, sagte Kommandant Paul Ritter.\n",
    );
    bench.wait_until("the new article", |app| {
        app.desk.as_ref().unwrap().rows.iter().any(|r| {
            r.file.relative == "e-new.txt" && r.status.as_ref().is_some_and(|s| s.claims >= 1)
        })
    });
    std::fs::remove_file(root.join("a-rat.txt")).unwrap();
    bench.wait_until("the removed article to go", |app| {
        !app.desk
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .any(|r| r.file.relative == "a-rat.txt")
    });
}

#[test]
fn desk_search_finds_claims_by_meaning_in_the_other_language_too() {
    let folder = desk_folder();
    let root = folder.path().canonicalize().unwrap();
    let mut bench = open(Some(root));
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    let ctx = bench.harness.ctx.clone();
    let desk = bench.harness.state_mut().desk.as_mut().unwrap();
    desk.search = "electricity becomes more expensive".to_owned();
    desk.run_search(&ctx);
    assert!(desk.hits.is_empty(), "no claim has these words");
    bench.wait_until("the search by meaning", |app| {
        app.desk
            .as_ref()
            .unwrap()
            .meaning_search_progress()
            .is_none()
    });
    let hits = bench.desk().hits.clone();
    let price = hits
        .iter()
        .find(|h| h.article == "sub/c-preis.txt" && h.text.contains("Strompreis"))
        .expect("the German price rise is found by meaning");
    assert!(price.similarity.is_some());
    assert!(
        hits.iter().all(|h| h.article != "a-rat.txt"),
        "the council's cycle lanes are another subject: {hits:?}"
    );
    assert!(
        bench
            .harness
            .query_all_by_label_contains("by meaning")
            .next()
            .is_some(),
        "the list says how it was found"
    );
}

#[test]
fn edits_wait_while_another_file_opens() {
    // A named pipe opens only when something writes to it: the load stays in progress for as long as the
    // test wants, with no timing involved.
    let directory = tempfile::tempdir().unwrap();
    let pipe = directory.path().join("slow.txt");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available here; skipping");
        return;
    }
    let mut bench = open(None);
    let id = bench.selected();
    let ctx = bench.harness.ctx.clone();
    bench.harness.state_mut().request_open(pipe.clone(), &ctx);
    bench.harness.run_steps(2);
    assert!(bench.app().is_loading());
    bench.press(Key::C);
    assert_eq!(
        bench.claim(&id).verdict,
        None,
        "no verdict on a review about to be replaced"
    );
    let status = bench.app().status.clone().unwrap();
    assert!(
        status.is_error && status.text.contains("is opening"),
        "{}",
        status.text
    );
    let writer = std::thread::spawn(move || {
        std::fs::write(
            &pipe,
            "Die Feuerwehr rückte 2025 zu 1.204 Einsätzen aus, sagte Kommandant Paul Ritter.\n",
        )
        .unwrap();
    });
    bench.wait_for_load();
    writer.join().unwrap();
    let review = bench.review();
    assert!(review.article.text.contains("1.204 Einsätzen"));
    assert!(review.claims.iter().all(|c| c.verdict.is_none()));
}

#[test]
fn cancelling_the_desk_extraction_stops_it_and_leaves_no_row_waiting() {
    let folder = desk_folder();
    for index in 0..40 {
        write_desk_article(
            folder.path(),
            &format!("more/m{index:02}.txt"),
            &format!(
                "Meldung {index}\n\nDie Stadt zahlte 2024 rund {index} Millionen Euro, sagte Kämmerer Jan Ohl.\n"
            ),
        );
    }
    let mut bench = open(Some(folder.path().to_owned()));
    bench.harness.state_mut().desk.as_mut().unwrap().cancel();
    bench.wait_until("the extraction to stop", |app| {
        !app.desk.as_ref().unwrap().is_busy()
    });
    let rows = &bench.desk().rows;
    assert_eq!(rows.len(), 44);
    for row in rows {
        let status = row
            .status
            .as_ref()
            .expect("every row has a status or says why not");
        if let Some(error) = &status.error {
            assert!(
                error.contains("cancelled") || row.file.relative == "sub/d-empty.txt",
                "{error}"
            );
        }
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

#[test]
fn checked_before_shows_earlier_checks_and_m_adopts_the_verdict_undoably() {
    let (_desk, mut bench, matching) = open_on_a_claim_checked_before(english());
    let matches = bench
        .app()
        .workbench
        .checked_before
        .matches(&matching)
        .to_vec();
    assert_eq!(matches.len(), 1, "{matches:?}");
    assert_eq!(matches[0].relation, claimdesk::memory::Relation::Same);
    assert_eq!(matches[0].entry.verdict, Verdict::Denied);
    // Selected: read the inspector.
    bench.harness.get_by_label("Checked before (1)");
    bench.harness.get_by_label("same fact");
    bench.harness.get_by_label("https://fakten.example/radwege");
    // The claim list marks it.
    bench
        .harness
        .get_by_label_contains("(checked before: denied)");

    bench.press(Key::M);
    let adopted = bench.claim(&matching);
    assert_eq!(adopted.verdict, Some(Verdict::Denied));
    // The note is part of the German review: written in German whatever the window's language.
    assert!(
        adopted
            .note
            .contains("Bereits geprüft (Falsch): Faktencheck Nord, 01.10.2026"),
        "{}",
        adopted.note
    );
    assert!(adopted.note.contains("https://fakten.example/radwege"));
    // One undo step takes both back.
    bench.press_with(Modifiers::COMMAND, Key::Z);
    let undone = bench.claim(&matching);
    assert_eq!(undone.verdict, None);
    assert_eq!(undone.note, "");

    // A claim with nothing before it: M changes nothing and says why.
    let other = bench
        .claim_ids()
        .into_iter()
        .find(|id| bench.claim(id).text.contains("Kiel"))
        .expect("the car claim is extracted");
    while bench.selected() != other {
        bench.press(Key::J);
    }
    bench.harness.get_by_label("Checked before (0)");
    bench.press(Key::M);
    assert_eq!(bench.claim(&other).verdict, None);
    let status = bench.app().status.as_ref().unwrap().text.clone();
    assert!(status.contains("no verdict to adopt"), "{status}");
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

#[test]
fn saving_over_a_colleagues_save_merges_instead_of_overwriting_and_conflicts_resolve_with_o_and_t()
{
    let (_dir, path) = team_review();
    let mut bench = open(Some(path.clone()));
    bench.harness.state_mut().settings.analyst = "Alice".to_owned();
    select(&mut bench, "c3");
    bench.press(Key::C);
    // Bob saves the same file meanwhile, with a verdict on another claim.
    colleague_saves(
        &path,
        "Bob",
        vec![claimdesk::review::edit::Edit::SetVerdict {
            claim_id: "c4".into(),
            verdict: Some(Verdict::Denied),
        }],
    );
    bench.press_with(Modifiers::COMMAND, Key::S);
    let saved = store::load(&path).unwrap();
    assert_eq!(
        saved.claim("c3").unwrap().verdict,
        Some(Verdict::Confirmed),
        "ours kept"
    );
    assert_eq!(
        saved.claim("c4").unwrap().verdict,
        Some(Verdict::Denied),
        "theirs kept"
    );
    assert_eq!(
        saved.claim("c3").unwrap().verdict_by.as_deref(),
        Some("Alice")
    );
    assert_eq!(
        saved.claim("c4").unwrap().verdict_by.as_deref(),
        Some("Bob")
    );
    let status = bench.app().status.as_ref().unwrap().text.clone();
    assert!(status.contains("merged and saved"), "{status}");
    assert!(!bench.is_dirty());

    // Both change c2: a conflict, saved as a valid review, shown and decided with one key.
    select(&mut bench, "c2");
    bench.press(Key::U);
    colleague_saves(
        &path,
        "Bob",
        vec![claimdesk::review::edit::Edit::SetVerdict {
            claim_id: "c2".into(),
            verdict: Some(Verdict::Confirmed),
        }],
    );
    bench.press_with(Modifiers::COMMAND, Key::S);
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.claim("c2").unwrap().conflicts.len(), 1);
    assert!(
        bench
            .app()
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("1 conflict")
    );
    select(&mut bench, "c2");
    bench.harness.get_by_label("Merge conflicts (1)");
    bench.harness.get_by_label_contains("(merge conflict)");
    bench.press(Key::T);
    let claim = bench.claim("c2");
    assert_eq!(claim.verdict, Some(Verdict::Confirmed));
    assert_eq!(claim.verdict_by.as_deref(), Some("Bob"));
    assert!(claim.conflicts.is_empty());
    bench.press_with(Modifiers::COMMAND, Key::Z);
    let claim = bench.claim("c2");
    assert_eq!(
        claim.verdict,
        Some(Verdict::Unverified),
        "undo brings the conflict back"
    );
    assert_eq!(claim.conflicts.len(), 1);
    bench.press(Key::O);
    let claim = bench.claim("c2");
    assert_eq!(claim.verdict, Some(Verdict::Unverified));
    assert!(claim.conflicts.is_empty());
    assert!(
        claim
            .history
            .iter()
            .any(|e| e.action == "resolved verdict" && e.by == "Alice")
    );
}

#[test]
fn a_second_reviewer_approves_with_v_and_the_inspector_shows_it() {
    let (_dir, path) = team_review();
    colleague_saves(
        &path,
        "Alice",
        vec![claimdesk::review::edit::Edit::SetVerdict {
            claim_id: "c3".into(),
            verdict: Some(Verdict::Denied),
        }],
    );
    let mut bench = open(Some(path.clone()));
    bench.harness.state_mut().settings.analyst = "Alice".to_owned();
    select(&mut bench, "c3");
    bench
        .harness
        .get_by_label("Set by Alice · awaiting approval");
    bench.press(Key::V);
    assert_eq!(
        bench.claim("c3").approval,
        None,
        "nobody approves their own verdict"
    );
    assert!(
        bench
            .app()
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("second reviewer")
    );
    bench.harness.state_mut().settings.analyst = "Bob".to_owned();
    bench.press(Key::V);
    assert_eq!(bench.claim("c3").approval.unwrap().by, "Bob");
    bench.harness.run_steps(2);
    bench.harness.get_by_label_contains("approved by Bob");
    bench.harness.get_by_label_contains("History (2)");
}

#[path = "common/mod.rs"]
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

#[test]
fn a_web_address_opens_from_ctrl_l_and_the_review_records_it() {
    let base = web_pages();
    let address = format!("{base}/hafen");
    let mut bench = open(None);
    bench.press_with(Modifiers::COMMAND, Key::L);
    assert!(
        matches!(
            bench.app().dialog,
            Some(Dialog::PathEntry {
                purpose: claimdesk::app::files::DialogPurpose::OpenAddress,
                ..
            })
        ),
        "{:?}",
        bench.app().dialog
    );
    bench.type_text(&address);
    bench.press(Key::Enter);
    bench.wait_for_load();
    let review = bench.review();
    assert_eq!(review.article.url.as_deref(), Some(address.as_str()));
    assert_eq!(review.article.title.as_deref(), Some("Hafen baut aus"));
    assert_eq!(review.article.published.as_deref(), Some("2026-04-09"));
    assert!(
        review
            .claims
            .iter()
            .any(|c| c.text.contains("240 Millionen Euro")),
        "{:?}",
        review.claims
    );
}

#[test]
fn a_download_can_be_cancelled_and_the_open_review_stays() {
    let base = web_pages();
    let mut bench = open(None);
    let before = bench.claim_ids();
    bench.press_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    bench.type_text(&format!("{base}/langsam"));
    bench.press(Key::Enter);
    assert!(
        bench.app().is_loading(),
        "the download runs in the background"
    );
    bench.harness.get_by_label("Cancel download").click();
    bench.harness.run_steps(3);
    assert!(!bench.app().is_loading());
    assert_eq!(bench.claim_ids(), before, "the sample is still open");
    let status = bench.app().status.clone().unwrap();
    assert!(status.text.contains("cancelled"), "{}", status.text);
}

#[test]
fn the_path_dialog_lists_the_folder_and_completes_names_with_tab() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("artikel-hafen.txt"),
        "Hafen baut aus\n\nDer Hafen investiert bis 2030 rund 240 Millionen Euro, sagte Hafenchef Tom Berger.\n",
    )
    .unwrap();
    std::fs::create_dir(folder.path().join("archiv")).unwrap();
    std::fs::write(folder.path().join("foto.jpg"), b"\xff\xd8").unwrap();
    let mut bench = open(None);
    bench.press_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    bench.type_text(&format!("{}/", folder.path().display()));
    bench.harness.get_by_label("📁 archiv/");
    assert!(
        bench.harness.query_by_label_contains("foto.jpg").is_none(),
        "only folders and articles are listed"
    );
    bench.type_text("art");
    bench.press(Key::Tab);
    let expected = format!("{}/artikel-hafen.txt", folder.path().display());
    match &bench.app().dialog {
        Some(Dialog::PathEntry { text, .. }) => assert_eq!(text, &expected),
        other => panic!("expected the path dialog, got {other:?}"),
    }
    bench.harness.get_by_label("📄 artikel-hafen.txt").click();
    bench.harness.run_steps(3);
    bench.wait_for_load();
    let review = bench.review();
    assert!(review.article.text.contains("240 Millionen Euro"));
    assert!(bench.app().dialog.is_none());
}

#[test]
fn learning_from_a_desk_without_decisions_says_what_is_missing() {
    let folder = desk_folder();
    let root = folder.path().canonicalize().unwrap();
    let mut bench = open(Some(root.clone()));
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    bench
        .harness
        .state_mut()
        .command(claimdesk::app::Command::TrainDeskModel);
    bench.harness.run_steps(2);
    bench.wait_until("the training", |app| {
        matches!(app.dialog, Some(Dialog::Error { .. }))
    });
    match &bench.app().dialog {
        Some(Dialog::Error { message, .. }) => {
            assert!(message.contains("at least 10 of each"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!root.join(".claimdesk/model/model.json").exists());
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

#[test]
fn a_german_analyst_reviews_saves_and_reopens_in_german() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("stadtwerke.review.json");
    let mut bench = open_with(None, german());
    for label in [
        "Datei",
        "Bearbeiten",
        "Ansicht",
        "Hilfe",
        "Urheber",
        "Notiz",
        "Beleg-Link",
    ] {
        assert!(shows(&bench, label), "the German window shows {label}");
    }
    for english in ["File", "Edit", "View", "Speaker", "Note", "Evidence link"] {
        assert!(
            !shows(&bench, english),
            "no English {english} in the German window"
        );
    }
    let ids = bench.claim_ids();
    let score = format!("{:.2}", bench.claim(&ids[0]).score).replace('.', ",");
    assert!(
        shows(&bench, &format!("Prüfwürdigkeit {score}")),
        "the score with a German decimal comma"
    );
    let total = ids.len();
    bench.press(Key::C);
    assert_eq!(bench.claim(&ids[0]).verdict, Some(Verdict::Confirmed));
    assert!(shows(&bench, &format!("1 / {total} geprüft")));
    assert!(
        bench
            .harness
            .query_all_by_label_contains("✔ 1 Richtig")
            .count()
            >= 1,
        "the status bar counts verdicts in the reports' words"
    );
    bench.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(bench.claim(&ids[0]).verdict, None);
    assert!(
        bench
            .harness
            .query_all_by_label_contains(&format!(
                "Rückgängig gemacht: Urteil zu {} (Richtig).",
                ids[0]
            ))
            .count()
            >= 1,
        "undo says what it undid, in German"
    );
    bench.press_with(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    bench.press(Key::N);
    bench.type_text("Laut Geschäftsbericht korrekt");
    bench.press(Key::Escape);
    bench.press_with(Modifiers::COMMAND, Key::S);
    assert!(shows(&bench, "Pfad"), "the path dialog asks in German");
    bench.harness.state_mut().dialog = Some(Dialog::PathEntry {
        purpose: claimdesk::app::files::DialogPurpose::SaveAs,
        text: path.display().to_string(),
        note: None,
    });
    bench.harness.run_steps(4);
    assert!(shows(&bench, "Abbrechen"));
    bench.harness.get_by_label("OK").click();
    bench.harness.run_steps(3);
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.claims[0].verdict, Some(Verdict::Confirmed));
    assert!(shows(&bench, "gespeichert"));

    let reopened = open_with(Some(path), german());
    assert_eq!(reopened.review(), &saved);
    assert!(shows(&reopened, &format!("1 / {total} geprüft")));
}

#[test]
fn the_shortcut_help_and_the_export_dialog_in_german_keep_the_same_keys() {
    let mut bench = open_with(None, german());
    bench.press(Key::F1);
    assert!(shows(&bench, "Tastenkürzel"));
    assert!(shows(&bench, "Als richtig markieren"));
    assert!(shows(&bench, "Nächste Aussage"));
    assert!(!shows(&bench, "Mark confirmed"));
    bench.press(Key::Escape);
    bench.press_with(Modifiers::COMMAND, Key::E);
    assert!(
        bench
            .harness
            .query_all_by_label_contains("Prüfung exportieren")
            .count()
            >= 1
    );
    assert!(shows(&bench, "Berichtssprache"));
    assert!(shows(
        &bench,
        "Nur freigegebene Urteile (Vier-Augen-Prinzip)"
    ));
    bench.press(Key::Escape);
    // The same keys act in German: C sets a verdict, J moves on.
    let ids = bench.claim_ids();
    bench.press(Key::J);
    bench.press(Key::D);
    assert_eq!(bench.claim(&ids[1]).verdict, Some(Verdict::Denied));
}

#[test]
fn the_language_is_switched_in_the_view_menu_and_kept_in_the_settings() {
    let mut bench = open(None);
    assert!(shows(&bench, "File"));
    bench.harness.get_by_label("View").click();
    bench.harness.run_steps(2);
    bench.harness.get_by_label("Language").hover();
    bench.harness.run_steps(2);
    bench.harness.get_by_label("Deutsch").click();
    bench.harness.run_steps(3);
    assert_eq!(bench.app().settings.ui_language, Some(Locale::German));
    assert!(shows(&bench, "Datei"), "the window speaks German at once");
    assert!(!shows(&bench, "File"));
    // The choice is part of the settings eframe stores between sessions.
    let stored = serde_json::to_string(&bench.app().settings).unwrap();
    let restored: Settings = serde_json::from_str(&stored).unwrap();
    assert_eq!(restored.ui_language, Some(Locale::German));
    let older: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(
        older.ui_language, None,
        "settings of an older version follow the system"
    );
}

#[test]
fn the_desk_in_german() {
    let folder = desk_folder();
    let root = folder.path().canonicalize().unwrap();
    let mut bench = open_with(Some(root), german());
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    for label in [
        "Titel",
        "Datei",
        "Aussagen",
        "Fortschritt",
        "Zuletzt gespeichert",
        "Artikel filtern",
        "Im Desk suchen",
        "mit offenen Aussagen",
    ] {
        assert!(
            bench
                .harness
                .query_all_by_label_contains(label)
                .next()
                .is_some(),
            "the German desk shows {label}"
        );
    }
    assert!(
        bench
            .harness
            .query_all_by_label_contains("Last saved")
            .next()
            .is_none()
    );
    assert!(
        bench
            .harness
            .query_all_by_label_contains("4 Artikel · ")
            .next()
            .is_some(),
        "the desk totals in German"
    );
    // A file that cannot be read: its row says why in German.
    let desk = bench.app().desk.as_ref().unwrap();
    let empty = desk
        .rows
        .iter()
        .find(|r| r.file.relative.ends_with("d-empty.txt"))
        .and_then(|r| r.status.clone())
        .unwrap();
    let said = empty.error_words.unwrap();
    assert!(
        said.get(Locale::German).contains("d-empty.txt: ist leer"),
        "{}",
        said.get(Locale::German)
    );
    assert_eq!(Some(said.get(Locale::English)), empty.error.as_deref());
}

#[test]
fn longer_german_labels_do_not_widen_the_inspector_frame_after_frame() {
    // A field sized by a guess at its button's width ("Add") grew the panel by the difference every frame
    // with the longer German label ("Hinzufügen") until the article was a sliver.
    let mut bench = open_with(None, german());
    let place = |bench: &Bench| {
        let node = bench.harness.get_by_label("Hinzufügen");
        node.rect()
    };
    let before = place(&bench);
    bench.harness.run_steps(30);
    let after = place(&bench);
    assert_eq!(before, after, "the inspector keeps its width");
    assert!(
        after.right() <= 1400.0,
        "the button is inside the window: {after:?}"
    );
}

#[test]
fn in_german_reasons_errors_and_the_checked_before_note_are_german_too() {
    // Reasons of the sample's claims in the inspector: German words around the article's own.
    let mut bench = open_with(None, german());
    let english_reason = ["figures:", "words:", "ends as a statement", "attributed to"];
    let german_reason = [
        "Zahlen:",
        "Wörter:",
        "Aussagesatz",
        "Quelle:",
        "Name:",
        "Namen:",
    ];
    let mut seen_german = false;
    for _ in 0..bench.claim_ids().len() {
        for word in english_reason {
            assert!(
                bench
                    .harness
                    .query_all_by_label_contains(word)
                    .next()
                    .is_none(),
                "English reason words in the German inspector: {word}"
            );
        }
        seen_german |= german_reason.iter().any(|word| {
            bench
                .harness
                .query_all_by_label_contains(word)
                .next()
                .is_some()
        });
        bench.press(Key::J);
    }
    assert!(seen_german, "the inspector lists reasons in German");

    // A file that is not there: the error dialog says so in German, naming the file.
    let directory = tempfile::tempdir().unwrap();
    let missing = directory.path().join("fehlt.txt");
    let ctx = bench.harness.ctx.clone();
    bench.harness.state_mut().request_open(missing, &ctx);
    bench.harness.run_steps(2);
    bench.wait_for_load();
    match &bench.app().dialog {
        Some(Dialog::Error { message, .. }) => {
            assert!(
                message.contains("fehlt.txt") && message.contains("Datei nicht gefunden"),
                "{message}"
            );
        }
        other => panic!("expected an error dialog, got {other:?}"),
    }
    bench.harness.get_by_label("OK").click();
    bench.harness.run_steps(2);

    // A review from a newer claimdesk: refused in German.
    let newer = directory.path().join("neu.review.json");
    let mut value = serde_json::to_value(bench.review()).unwrap();
    value["version"] = serde_json::json!(claimdesk::review::FORMAT_VERSION + 1);
    std::fs::write(&newer, serde_json::to_vec(&value).unwrap()).unwrap();
    bench.harness.state_mut().request_open(newer, &ctx);
    bench.harness.run_steps(2);
    bench.wait_for_load();
    match &bench.app().dialog {
        Some(Dialog::Error { message, .. }) => {
            assert!(
                message.contains("neu.review.json")
                    && message.contains("neueren claimdesk-Version"),
                "{message}"
            );
        }
        other => panic!("expected an error dialog, got {other:?}"),
    }
}

#[test]
fn in_german_the_adopted_earlier_verdict_is_cited_in_german() {
    let (_desk, mut bench, matching) = open_on_a_claim_checked_before(german());
    assert!(
        bench
            .harness
            .query_all_by_label_contains("gleiche Wörter: ")
            .next()
            .is_some(),
        "why it matches, in German"
    );
    bench.press(Key::M);
    let adopted = bench.claim(&matching);
    assert_eq!(adopted.verdict, Some(Verdict::Denied));
    assert!(
        adopted
            .note
            .starts_with("Bereits geprüft (Falsch): Faktencheck Nord, 01.10.2026"),
        "{}",
        adopted.note
    );
    assert!(adopted.note.contains("„"), "{}", adopted.note);
}

/// A first start offers the system's name for the reviewer; review keys typed at once are held, not typed
/// into the name, and act on the review once Enter accepts it.
#[test]
fn the_first_start_offers_the_system_name_and_holds_review_keys() {
    let data = tempfile::tempdir().unwrap();
    let options = StartOptions {
        data_dir: Some(data.path().to_owned()),
        ask_reviewer: true,
        suggested_reviewer: Some("Jana Novák".to_owned()),
        ..StartOptions::default()
    };
    let app = ClaimDeskApp::new(&egui::Context::default(), english(), options);
    let harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut ClaimDeskApp| app.root_ui(ui), app);
    let mut bench = Bench { harness, data };
    bench.wait_for_load();
    bench.harness.run_steps(2);
    let Some(Dialog::ReviewerName { text, .. }) = &bench.app().dialog else {
        panic!("the first start asks who is reviewing");
    };
    assert_eq!(text, "Jana Novák", "prefilled from the system");
    let first = bench.selected();

    for key in [Key::C, Key::D] {
        bench.harness.key_press(key);
        bench
            .harness
            .event(egui::Event::Text(format!("{key:?}").to_lowercase()));
        bench.harness.run_steps(2);
    }
    let Some(Dialog::ReviewerName { text, .. }) = &bench.app().dialog else {
        panic!("the dialog waits for Enter");
    };
    assert_eq!(
        text, "Jana Novák",
        "review keys are not typed into the name"
    );
    bench
        .harness
        .get_by_label_contains("2 keys you pressed wait for the review");
    assert!(
        bench.review().claims.iter().all(|c| c.verdict.is_none()),
        "nothing acted yet"
    );

    bench.press(Key::Enter);
    bench.harness.run_steps(3);
    assert!(bench.app().dialog.is_none());
    assert_eq!(bench.app().settings.analyst, "Jana Novák");
    let judged: Vec<(Option<Verdict>, Option<String>)> = bench
        .review()
        .claims
        .iter()
        .filter(|c| c.verdict.is_some())
        .map(|c| (c.verdict, c.verdict_by.clone()))
        .collect();
    assert_eq!(
        judged,
        [
            (Some(Verdict::Confirmed), Some("Jana Novák".to_owned())),
            (Some(Verdict::Denied), Some("Jana Novák".to_owned()))
        ],
        "C and D acted in order, under the accepted name"
    );
    assert_eq!(bench.claim(&first).verdict, Some(Verdict::Confirmed));
}

/// A shared folder's conflicted copy is merged as the desk opens, and the status line says so.
#[test]
fn opening_a_desk_merges_a_sync_clients_conflicted_copy_and_says_so() {
    use claimdesk::review::edit::{Document, Edit};
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().canonicalize().unwrap();
    let article = root.join("haushalt.txt");
    std::fs::write(
        &article,
        "Der Stadtrat hat am Dienstag einen Haushalt von 412 Millionen Euro beschlossen.\n\
         Die Verschuldung steigt laut Kämmerer auf 95 Millionen Euro.\n",
    )
    .unwrap();
    let (review, _) = claimdesk::extract::review_of_path(
        &article,
        None,
        &claimdesk::extract::ExtractOptions::default(),
    )
    .unwrap();
    let first = review.claims[0].id.clone();
    store::save(&review, &root.join("haushalt.review.json")).unwrap();
    let mut bobs = Document::new(review, true);
    bobs.set_reviewer("Bob");
    bobs.apply(Edit::SetVerdict {
        claim_id: first.clone(),
        verdict: Some(Verdict::Denied),
    })
    .unwrap();
    let copy = "haushalt.review (conflicted copy 2026-12-01 101502).json";
    store::save(bobs.review(), &root.join(copy)).unwrap();

    let bench = open(Some(root.clone()));
    let status = bench.app().status.as_ref().unwrap().text.clone();
    assert!(
        status.contains("Merged one conflicted copy from a sync client into its review"),
        "{status}"
    );
    let merged = store::load(&root.join("haushalt.review.json")).unwrap();
    assert_eq!(merged.claim(&first).unwrap().verdict, Some(Verdict::Denied));
    assert!(!root.join(copy).exists());
    assert!(root.join(".claimdesk/merged-copies").join(copy).is_file());
}

/// A report exported from a desk article goes by default where no article is (`x.report.html`), is never
/// listed as a second article, and `x.txt` and `x.html` in one desk each keep a review of their own.
#[test]
fn an_export_is_never_a_second_article_and_each_article_keeps_its_own_review() {
    use claimdesk::app::View;
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().canonicalize().unwrap();
    write_desk_article(
        &root,
        "haushalt-lindenau.txt",
        "Haushalt Lindenau\n\nDie Stadt Lindenau nimmt 2025 rund 12,4 Millionen Euro an Gewerbesteuer ein, sagte Kämmerin Ute Brandt.\n",
    );
    let mut bench = open(Some(root.clone()));
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    bench.press(Key::J);
    bench.press(Key::Enter);
    bench.wait_for_load();
    bench.press(Key::D);
    bench.press_with(Modifiers::COMMAND, Key::S);
    assert!(bench.app().dialog.is_none(), "{:?}", bench.app().dialog);
    let review_path = root.join("haushalt-lindenau.review.json");
    let saved = std::fs::read(&review_path).unwrap();

    bench.press_with(Modifiers::COMMAND, Key::E);
    let Some(Dialog::Export { path, .. }) = bench.app().dialog.clone() else {
        panic!("the export dialog: {:?}", bench.app().dialog);
    };
    assert!(
        path.ends_with("haushalt-lindenau.claimreview.json") || path.ends_with(".report.html"),
        "{path}"
    );
    bench.harness.state_mut().dialog = Some(Dialog::Export {
        format: claimdesk::export::Format::Html,
        path: root
            .join("haushalt-lindenau.report.html")
            .display()
            .to_string(),
    });
    bench.harness.run_steps(2);
    bench.harness.get_by_label("Export").click();
    bench.harness.run_steps(3);
    assert!(root.join("haushalt-lindenau.report.html").is_file());
    // Exported by hand under an article's name, the report is still not an article.
    bench.press_with(Modifiers::COMMAND, Key::E);
    bench.harness.state_mut().dialog = Some(Dialog::Export {
        format: claimdesk::export::Format::Html,
        path: root.join("haushalt-lindenau.html").display().to_string(),
    });
    bench.harness.run_steps(2);
    bench.harness.get_by_label("Export").click();
    bench.harness.run_steps(3);
    assert!(root.join("haushalt-lindenau.html").is_file());

    bench.press_with(Modifiers::COMMAND, Key::D);
    assert_eq!(bench.app().view, View::Desk);
    bench
        .harness
        .state_mut()
        .desk
        .as_mut()
        .unwrap()
        .refresh(&[]);
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    let paths: Vec<String> = bench
        .desk()
        .rows
        .iter()
        .map(|r| r.file.relative.clone())
        .collect();
    assert_eq!(paths, ["haushalt-lindenau.txt"], "reports are not articles");
    assert_eq!(
        std::fs::read(&review_path).unwrap(),
        saved,
        "the review is untouched"
    );

    // A real second article with the same stem gets its own review, and the first keeps its own.
    write_desk_article(
        &root,
        "haushalt-lindenau.md",
        "# Hallenbad\n\nDas Hallenbad bleibt nach Angaben der Stadtwerke bis Oktober geschlossen.\n",
    );
    bench
        .harness
        .state_mut()
        .desk
        .as_mut()
        .unwrap()
        .refresh(&[]);
    bench.wait_until("two rows", |app| {
        let desk = app.desk.as_ref().unwrap();
        !desk.is_busy() && desk.rows.len() == 2
    });
    let rows: Vec<(String, PathBuf)> = bench
        .desk()
        .rows
        .iter()
        .map(|r| (r.file.relative.clone(), r.file.review_path.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "haushalt-lindenau.md".to_owned(),
                root.join("haushalt-lindenau.md.review.json")
            ),
            ("haushalt-lindenau.txt".to_owned(), review_path.clone()),
        ]
    );
    bench.press(Key::K);
    bench.press(Key::Enter);
    bench.wait_for_load();
    assert_eq!(
        bench.open_article_relative().as_deref(),
        Some("haushalt-lindenau.md")
    );
    bench.press(Key::C);
    bench.press_with(Modifiers::COMMAND, Key::S);
    assert!(bench.app().dialog.is_none(), "{:?}", bench.app().dialog);
    assert_eq!(
        std::fs::read(&review_path).unwrap(),
        saved,
        "the other article's review is untouched"
    );
    assert_eq!(
        store::load(&root.join("haushalt-lindenau.md.review.json"))
            .unwrap()
            .article
            .source,
        "haushalt-lindenau.md"
    );
}

/// A press release that denies a rumour checked as false says its opposite: the window says so, and M
/// adopts the inverse verdict (true), never the rumour's "false"; against a rumour left unverified M
/// adopts nothing and says why.
#[test]
fn m_on_a_denial_adopts_the_inverse_verdict_or_nothing() {
    let desk = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(desk.path().join(".claimdesk")).unwrap();
    let feed = desk.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        concat!(
            r#"{"@type":"ClaimReview","claimReviewed":"Das Hallenbad in Lindenau wird in diesem Jahr geschlossen.","reviewRating":{"alternateName":"Falsch","ratingValue":1},"author":{"@type":"Organization","name":"Faktencheck Nord"},"url":"https://fakten.example/hallenbad","datePublished":"2026-10-01","inLanguage":"de"}"#,
            "\n",
            r#"{"@type":"ClaimReview","claimReviewed":"Die Eishalle in Lindenau bekommt ein neues Dach.","reviewRating":{"alternateName":"Unbelegt","ratingValue":3},"author":{"@type":"Organization","name":"Faktencheck Nord"},"url":"https://fakten.example/eishalle","datePublished":"2026-10-02","inLanguage":"de"}"#,
        ),
    )
    .unwrap();
    claimdesk::memory::import(desk.path(), &[feed]).unwrap();
    let article = write_desk_article(
        desk.path(),
        "presse.txt",
        "Pressemitteilung der Stadt\n\nDie Stadt Lindenau weist Gerüchte zurück, wonach das Hallenbad in diesem Jahr geschlossen werden soll.\n\nBürgermeister Jan Ohl bestritt am Montag, dass die Eishalle in Lindenau ein neues Dach bekommt.\n",
    );
    let mut bench = open_with(Some(article), german());
    bench.harness.state_mut().workbench.checked_before.wait();
    bench.harness.run_steps(2);
    let find = |bench: &Bench, needle: &str| {
        bench
            .claim_ids()
            .into_iter()
            .find(|id| bench.claim(id).text.contains(needle))
            .unwrap_or_else(|| panic!("a claim with {needle}"))
    };
    let denial = find(&bench, "Hallenbad");
    while bench.selected() != denial {
        bench.press(Key::J);
    }
    let matches = bench
        .app()
        .workbench
        .checked_before
        .matches(&denial)
        .to_vec();
    assert_eq!(
        matches[0].relation,
        claimdesk::memory::Relation::Opposite,
        "{matches:?}"
    );
    bench
        .harness
        .get_by_label("sagt das Gegenteil einer geprüften Aussage");
    bench.press(Key::M);
    let adopted = bench.claim(&denial);
    assert_eq!(
        adopted.verdict,
        Some(Verdict::Confirmed),
        "the inverse of false"
    );
    assert!(
        adopted.note.starts_with(
            "Sagt das Gegenteil einer bereits geprüften Aussage (Falsch): Faktencheck Nord"
        ),
        "{}",
        adopted.note
    );
    let status = bench.app().status.as_ref().unwrap().text.clone();
    assert!(status.contains("sagt das Gegenteil"), "{status}");

    let unverified = find(&bench, "Eishalle");
    while bench.selected() != unverified {
        bench.press(Key::J);
    }
    let matches = bench
        .app()
        .workbench
        .checked_before
        .matches(&unverified)
        .to_vec();
    assert_eq!(
        matches[0].relation,
        claimdesk::memory::Relation::Opposite,
        "{matches:?}"
    );
    bench.press(Key::M);
    assert_eq!(bench.claim(&unverified).verdict, None, "nothing is adopted");
    let status = bench.app().status.as_ref().unwrap().text.clone();
    assert!(status.contains("kein Urteil"), "{status}");
}

/// A fact-check imported while the window is open (as `claimdesk memory import` does from a terminal)
/// shows in "Checked before" without reopening the article.
#[test]
fn checked_before_notices_an_import_while_the_window_is_open() {
    let (desk, mut bench, _) = open_on_a_claim_checked_before(english());
    let kiel = bench
        .claim_ids()
        .into_iter()
        .find(|id| bench.claim(id).text.contains("Kiel"))
        .expect("the car claim is extracted");
    assert!(
        bench
            .app()
            .workbench
            .checked_before
            .matches(&kiel)
            .is_empty()
    );
    let feed = desk.path().join("later.jsonl");
    std::fs::write(
        &feed,
        r#"{"@type":"ClaimReview","claimReviewed":"Im Hafen von Kiel wurden am Sonntag 14 Autos gestohlen.","reviewRating":{"alternateName":"Richtig","ratingValue":5},"author":{"@type":"Organization","name":"Faktencheck Nord"},"url":"https://fakten.example/kiel","datePublished":"2026-11-20","inLanguage":"de"}"#,
    )
    .unwrap();
    claimdesk::memory::import(desk.path(), &[feed]).unwrap();
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(200));
        bench.harness.run_steps(1);
        bench.harness.state_mut().workbench.checked_before.wait();
        if !bench
            .app()
            .workbench
            .checked_before
            .matches(&kiel)
            .is_empty()
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the import never showed"
        );
    }
    let matches = bench.app().workbench.checked_before.matches(&kiel).to_vec();
    assert_eq!(
        matches[0].entry.url.as_deref(),
        Some("https://fakten.example/kiel")
    );
}

/// A few English words find a German article's claim by meaning ("swimming pool closure" for a
/// Hallenbad), and a search that finds nothing says so.
#[test]
fn desk_search_by_meaning_crosses_languages_and_says_when_nothing_is_found() {
    let folder = desk_folder();
    let root = folder.path().canonicalize().unwrap();
    write_desk_article(
        &root,
        "hallenbad.txt",
        "Hallenbad zu\n\nDas Hallenbad in Lindenau bleibt nach Angaben der Stadtwerke bis Oktober geschlossen, weil die Sanierung 3,1 Millionen Euro kostet.\n",
    );
    let mut bench = open(Some(root));
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    let search = |bench: &mut Bench, query: &str| {
        let ctx = bench.harness.ctx.clone();
        let desk = bench.harness.state_mut().desk.as_mut().unwrap();
        desk.search = query.to_owned();
        desk.run_search(&ctx);
        bench.wait_until("the search by meaning", |app| {
            app.desk
                .as_ref()
                .unwrap()
                .meaning_search_progress()
                .is_none()
        });
        bench.desk().hits.clone()
    };
    let hits = search(&mut bench, "swimming pool closure");
    assert_eq!(
        hits.first().map(|h| h.article.as_str()),
        Some("hallenbad.txt"),
        "{hits:?}"
    );
    let hits = search(&mut bench, "Vulkanausbruch auf Island");
    assert!(hits.is_empty(), "{hits:?}");
    bench
        .harness
        .get_by_label_contains("Nothing found for “Vulkanausbruch auf Island”");
}

/// A restart without an argument reopens the last article with its review, or the last desk and its
/// article; the bundled sample opens on a very first start only.
#[test]
fn a_restart_resumes_the_last_article_or_desk_and_the_sample_is_for_the_first_start() {
    // A very first start: the sample.
    let first = open(None);
    assert!(first.app().settings.started_before);
    assert!(first.app().workbench.workspace.is_some());

    // The analyst saved work on an article beside its review; the next start opens both.
    let folder = tempfile::tempdir().unwrap();
    let article = write_desk_article(
        folder.path(),
        "meldung.txt",
        "Rathaus meldet Rekord\nDie Stadt hat 2024 rund 3,2 Millionen Euro eingenommen, sagte Kämmerer Jan Ohl am Montag.\n",
    );
    let mut bench = open(Some(article.clone()));
    bench.press(Key::C);
    save_with_typed_path(&mut bench, &folder.path().join("meldung.review.json"));
    let settings = bench.app().settings.clone();
    assert_eq!(
        settings.last_article.as_deref(),
        Some(article.canonicalize().unwrap().as_path())
    );
    let reopened = open_with(None, settings.clone());
    let review = reopened.review();
    assert_eq!(
        review.claims[0].verdict,
        Some(Verdict::Confirmed),
        "with its review"
    );

    // A desk: the desk opens, and the article open in it.
    let desk = desk_folder();
    let root = desk.path().canonicalize().unwrap();
    let mut bench = open_with(Some(root.clone()), settings.clone());
    bench.wait_until("the rows", |app| !app.desk.as_ref().unwrap().is_busy());
    bench.press(Key::J);
    bench.press(Key::J);
    bench.press(Key::Enter);
    bench.wait_for_load();
    let settings = bench.app().settings.clone();
    assert_eq!(settings.last_desk.as_deref(), Some(root.as_path()));
    let mut again = open_with(None, settings);
    again.wait_for_load();
    assert!(again.app().desk.is_some(), "the desk is open again");
    assert_eq!(again.open_article_relative().as_deref(), Some("b-port.md"));

    // Nothing left to resume after the first start: no sample, and the window says why.
    let gone = Settings {
        started_before: true,
        last_article: Some(folder.path().join("verschwunden.txt")),
        ..english()
    };
    let empty = open_with(None, gone);
    assert!(empty.app().workbench.workspace.is_none());
    let status = empty.app().status.as_ref().unwrap().text.clone();
    assert!(status.contains("is no longer there"), "{status}");
}
