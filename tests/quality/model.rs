//! The check-worthiness model: the shipped weights, reasons in words with their sign, `claimdesk train`
//! (reproducible, with its held-out numbers), and a desk that learns from its analyst's decisions.
//! The retraining test reads `../shared/external/claimbuster` and says so when it is absent.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use crate::common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimdesk::article::Language;
use claimdesk::extract::model::{Model, NAMED_FEATURES};
use claimdesk::extract::{ExtractOptions, extract_text};
use claimdesk::i18n::Locale;
use claimdesk::review::{FoundReason, Reason, Sign, Verdict, store};
use common::{claimdesk, stderr};

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_shipped_model_covers_every_feature_and_both_languages() {
    let model = Model::shipped();
    for (name, _) in NAMED_FEATURES {
        assert!(model.named.contains_key(*name), "no weight for {name}");
    }
    // German words come from the 430 sentences written here, English ones from ClaimBuster as well.
    for (language, at_least) in [("de", 100), ("en", 5_000)] {
        assert!(
            model
                .lexical
                .get(language)
                .is_some_and(|w| w.len() > at_least),
            "{language}: too few word weights"
        );
    }
    // What the trainer measured on its held-out part, written into the file.
    let evaluation = &model.evaluation;
    assert!(evaluation["roc_auc"] >= 0.88, "{evaluation:?}");
    assert!(evaluation["balanced_f1"] >= 0.80, "{evaluation:?}");
    assert!(model.named["figures.statistic"] > 0.0);
    assert!(model.named["attribution.named"] > 0.0);
    assert!(model.named["opinion"] < 0.0);
}

#[test]
fn reasons_name_the_strongest_features_with_their_sign() {
    let claims = extract_text(
        "We cut unemployment to four percent in 2023.",
        Language::English,
        &ExtractOptions::default(),
    );
    assert_eq!(
        claims.len(),
        1,
        "a first-person statement of fact is a claim"
    );
    let english = Locale::English.messages();
    let german = Locale::German.messages();
    let in_words = |claim: &claimdesk::review::Claim, messages: &claimdesk::i18n::Messages| {
        claim
            .reasons
            .iter()
            .map(|r| claimdesk::i18n::InWords::in_words(r, messages))
            .collect::<Vec<_>>()
    };
    let reasons = in_words(&claims[0], english);
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("figures: four percent") && r.ends_with('+')),
        "{reasons:?}"
    );
    // The same reasons in the German window: the feature's words in German, the article's words as written.
    let reasons = in_words(&claims[0], german);
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("Zahlen: four percent") && r.ends_with('+')),
        "{reasons:?}"
    );
    let all = extract_text(
        "Meiner Meinung nach ist die Reform ein Fehler, sagte die Ministerin am Montag.",
        Language::German,
        &ExtractOptions::with_min_score(0.0),
    );
    assert!(
        all[0].reasons.iter().any(|r| matches!(
            r,
            Reason::Found(FoundReason { feature, words, sign: Some(Sign::Against), .. })
                if feature == "opinion" && words == &["Meiner Meinung"]
        )),
        "{:?}",
        all[0].reasons
    );
    let reasons = in_words(&all[0], english);
    assert!(
        reasons
            .iter()
            .any(|r| r == "opinion marker: Meiner Meinung −"),
        "{reasons:?}"
    );
    let reasons = in_words(&all[0], german);
    assert!(
        reasons
            .iter()
            .any(|r| r == "Meinungsäußerung: Meiner Meinung −"),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .all(|r| !r.contains("opinion") && !r.contains("figures")),
        "no English words in German reasons: {reasons:?}"
    );
    // At most six named features, and first the labelled sentence it is most like (the default scorer).
    assert!(reasons.len() <= 7, "{reasons:?}");
    assert!(
        reasons[0].starts_with("ähnelt einem"),
        "the nearest example first: {reasons:?}"
    );
}

#[test]
fn opinions_and_talk_stay_out_and_facts_come_in_in_both_languages() {
    let german = "Ich finde, das ist ein ganz schlechter Stil. Die Stadt hat 2023 insgesamt 14 neue Kitas eröffnet. \
                  Vielen Dank für die Einladung. Wir haben die Arbeitslosigkeit in unserem Land halbiert.";
    let found: Vec<String> = extract_text(german, Language::German, &ExtractOptions::default())
        .into_iter()
        .map(|c| c.text)
        .collect();
    assert_eq!(
        found,
        [
            "Die Stadt hat 2023 insgesamt 14 neue Kitas eröffnet.",
            "Wir haben die Arbeitslosigkeit in unserem Land halbiert."
        ]
    );
    let english = "Thank you so much for having me. The city opened 14 new daycare centers in 2023. \
                   I think we can do better than that.";
    let found: Vec<String> = extract_text(english, Language::English, &ExtractOptions::default())
        .into_iter()
        .map(|c| c.text)
        .collect();
    assert_eq!(found, ["The city opened 14 new daycare centers in 2023."]);
}

fn write_labels(dir: &Path) -> PathBuf {
    let mut lines = String::new();
    for i in 0..40 {
        let _ = writeln!(
            lines,
            "{{\"text\": \"Die Arbeitslosenquote lag im Jahr {} bei {i},4 Prozent.\", \"label\": 1, \"lang\": \"de\"}}",
            1980 + i
        );
        let _ = writeln!(
            lines,
            "{{\"text\": \"Ich finde, darüber müssen wir in Ruhe sprechen, Runde {i}.\", \"label\": 0, \"lang\": \"de\"}}"
        );
    }
    let path = dir.join("labels.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

/// `claimdesk train --labels LABELS -o MODEL`.
fn train(labels: &Path, model: &Path) -> std::process::Output {
    claimdesk(&[
        "train",
        "--labels",
        labels.to_str().unwrap(),
        "-o",
        model.to_str().unwrap(),
    ])
}

#[test]
fn train_writes_a_model_and_prints_its_held_out_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let labels = write_labels(dir.path());
    let model = dir.path().join("model.json");
    let output = train(&labels, &model);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = String::from_utf8_lossy(&output.stdout);
    for word in ["precision", "recall", "F1", "ROC-AUC", "held out"] {
        assert!(printed.contains(word), "{printed}");
    }
    let trained = Model::load(&model).unwrap();
    assert!(trained.named["figures.statistic"] > 0.0);
    // Deterministic: the same data and seed give the same file.
    let again = dir.path().join("again.json");
    let output = train(&labels, &again);
    assert!(output.status.success());
    assert_eq!(
        std::fs::read(&model).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

#[test]
fn bad_label_lines_are_named_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("bad.jsonl");
    std::fs::write(
        &labels,
        "{\"text\": \"Ein Satz.\", \"label\": 1}\n{\"text\": \"Noch einer.\", \"label\": 7}\n",
    )
    .unwrap();
    let output = train(&labels, &dir.path().join("m.json"));
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("bad.jsonl: line 2"), "{message}");
    assert!(message.contains("`label` must be 0 or 1"), "{message}");
}

#[test]
fn retraining_reproduces_the_shipped_model() {
    let claimbuster = repository().join("../shared/external/claimbuster/train.json");
    if !claimbuster.is_file() {
        common::skipped(
            "retraining_reproduces_the_shipped_model",
            &claimbuster,
            "the shipped model's reproducibility is not checked",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let output = claimdesk(&[
        "train",
        "--lang",
        "en",
        "--labels",
        claimbuster.to_str().unwrap(),
        repository()
            .join("assets/model/train/de-news-and-speech.jsonl")
            .to_str()
            .unwrap(),
        repository()
            .join("assets/model/train/de-news-styles-a.jsonl")
            .to_str()
            .unwrap(),
        repository()
            .join("assets/model/train/de-news-styles-b.jsonl")
            .to_str()
            .unwrap(),
        repository()
            .join("assets/model/train/en-news-and-speech.jsonl")
            .to_str()
            .unwrap(),
        repository()
            .join("assets/model/train/en-news-styles.jsonl")
            .to_str()
            .unwrap(),
        "-o",
        model.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let retrained = Model::load(&model).unwrap();
    let shipped = Model::shipped();
    assert_eq!(retrained.named, shipped.named, "README: how to retrain");
    assert_eq!(retrained.lexical, shipped.lexical);
    assert!((retrained.threshold - shipped.threshold).abs() < 1e-12);
}

/// A desk whose analyst never checks club news: every "Der Gesangverein … feierte … mit 300 Gästen" claim
/// is removed, every budget claim gets a verdict. (Sport results no longer serve: the shipped model scores
/// them down as routine before any desk teaches it.)
fn club_news_desk() -> tempfile::TempDir {
    let desk = tempfile::tempdir().unwrap();
    std::fs::create_dir(desk.path().join(".claimdesk")).unwrap();
    let teams = [
        "Hansa",
        "Eintracht",
        "Fortuna",
        "Borussia",
        "Viktoria",
        "Alemannia",
    ];
    for i in 0..36 {
        let home = teams[i % teams.len()];
        let away = teams[(i + 1) % teams.len()];
        let text = format!(
            "Haushalt {i}\n\nDie Gemeinde Nordheim-{i} hat im Jahr {} rund {i},5 Millionen Euro für Schulen ausgegeben, sagte der Kämmerer. \
             Der Gesangverein {home} feierte am Samstag mit {} Gästen aus {away} sein Sommerfest. \
             Der Kreistag beschloss am Montag mit {} Stimmen einen Zuschuss von {} Euro.\n",
            2000 + i,
            100 * (i % 4 + 2),
            20 + i,
            1000 * (i + 3)
        );
        let article = desk.path().join(format!("artikel-{i:02}.txt"));
        std::fs::write(&article, &text).unwrap();
        // The analyst goes through every candidate, club news too, and removes what is not news.
        let output = claimdesk(&["extract", "--min-score", "0", article.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
        let mut review: claimdesk::review::Review = serde_json::from_slice(&output.stdout).unwrap();
        let mut document = claimdesk::review::edit::Document::new(review.clone(), true);
        for claim in review.claims.clone() {
            let edit = if claim.text.contains("Gesangverein") {
                claimdesk::review::edit::Edit::RemoveClaim { claim_id: claim.id }
            } else {
                claimdesk::review::edit::Edit::SetVerdict {
                    claim_id: claim.id,
                    verdict: Some(Verdict::Confirmed),
                }
            };
            document.apply(edit).unwrap();
        }
        review = document.review().clone();
        store::save(&review, &article.with_extension("review.json")).unwrap();
    }
    desk
}

#[test]
fn a_desk_learns_from_its_decisions_and_uses_its_model() {
    let desk = club_news_desk();
    let output = claimdesk(&["train", "--from-desk", desk.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = String::from_utf8_lossy(&output.stdout);
    println!("{printed}");
    assert!(printed.contains("held out"), "{printed}");
    let model_path = desk.path().join(".claimdesk/model/model.json");
    assert!(model_path.is_file());

    // A new article of the desk: the club news now scores below the budget claim, and lower than the
    // shipped model scores it.
    let article = desk.path().join("neu.txt");
    std::fs::write(
        &article,
        "Neu\n\nDer Gesangverein Viktoria feierte am Sonntag mit 400 Gästen aus Hansa sein Sommerfest. \
         Die Gemeinde Südheim hat im Jahr 2024 rund 3,5 Millionen Euro für Schulen ausgegeben, sagte der Kämmerer.\n",
    )
    .unwrap();
    // The desk's own model is a words model: by words alone its effect shows in full; in the default
    // score it is one input beside the meaning (checked at the end).
    let scores_by = |path: &Path, fast: bool| -> Vec<(String, f64)> {
        let mut args = vec!["extract", "--min-score", "0", path.to_str().unwrap()];
        if fast {
            args.insert(1, "--fast");
        }
        let output = claimdesk(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        let review: claimdesk::review::Review = serde_json::from_slice(&output.stdout).unwrap();
        review
            .claims
            .into_iter()
            .map(|c| (c.text, c.score))
            .collect()
    };
    let score_of = |all: &[(String, f64)], start: &str| {
        all.iter()
            .find(|(t, _)| t.starts_with(start))
            .map_or_else(|| panic!("{start}: {all:?}"), |(_, s)| *s)
    };
    let scores = |path: &Path| scores_by(path, true);
    let with_desk_model = scores(&article);
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("neu.txt");
    std::fs::copy(&article, &outside).unwrap();
    let with_shipped = scores(&outside);
    let club_desk_score = score_of(&with_desk_model, "Der Gesangverein Viktoria");
    let club_shipped = score_of(&with_shipped, "Der Gesangverein Viktoria");
    assert!(
        club_desk_score < club_shipped,
        "desk {club_desk_score} vs shipped {club_shipped}"
    );
    assert!(club_desk_score < score_of(&with_desk_model, "Die Gemeinde Südheim"));
    let (by_default_desk, by_default_shipped) =
        (scores_by(&article, false), scores_by(&outside, false));
    assert!(
        score_of(&by_default_desk, "Der Gesangverein Viktoria")
            <= score_of(&by_default_shipped, "Der Gesangverein Viktoria")
    );
    assert!(
        score_of(&by_default_desk, "Der Gesangverein Viktoria")
            < score_of(&by_default_desk, "Die Gemeinde Südheim")
    );
}

#[test]
fn a_desk_without_enough_decisions_says_what_is_missing() {
    let desk = tempfile::tempdir().unwrap();
    std::fs::write(
        desk.path().join("a.txt"),
        "Titel\n\nDie Stadt hat 2023 rund 14 Kitas eröffnet.\n",
    )
    .unwrap();
    let output = claimdesk(&["train", "--from-desk", desk.path().to_str().unwrap()]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("at least 10 of each"), "{message}");
    assert!(!desk.path().join(".claimdesk/model/model.json").exists());
}
