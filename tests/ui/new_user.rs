//! What a new user found: restarts that resume, exports that are never articles.

use super::*;

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
