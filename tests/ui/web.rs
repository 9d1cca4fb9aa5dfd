//! Web pages, the path dialog, learning from a desk.

use super::*;

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
