//! The workbench by the keyboard: reviewing, notes, undo, claims, saving, exports, recovery, the first start.

use super::*;

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

/// The command line and the window give one answer: `claimdesk extract` on the sample lists the claims the
/// window shows, with the same spans, scores, kinds and speakers.
#[test]
fn the_command_line_finds_the_claims_the_window_shows() {
    let bench = open(None);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/de-stadtwerke.txt");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["extract", sample.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    let cli: claimdesk::review::Review = serde_json::from_slice(&output.stdout).unwrap();
    let summary = |review: &claimdesk::review::Review| {
        review
            .claims
            .iter()
            .map(|c| (c.start, c.end, c.score, c.kind, c.speaker.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(cli.generator, bench.review().generator);
    assert_eq!(summary(&cli), summary(bench.review()));
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
    // A sentence the extractor does not pick (a meeting's date: routine).
    let sentence = "Der Stadtrat will sich am 12. Februar mit der Preiserhöhung befassen.";
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
    let narrow = "Der Stadtrat will sich";
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
