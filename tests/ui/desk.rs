//! The desk: a folder of articles, its search, its sync copies, and reviews of their own for every article.

use super::*;

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
