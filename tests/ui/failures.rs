//! A failing job never takes the window or the open work down.

use super::*;

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
