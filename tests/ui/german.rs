//! The window in German.

use super::*;

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
