//! `claimdesk memory import` and `claimdesk match` end to end: the real binary, real desks, every ClaimReview
//! shape publishers use, duplicates and malformed files.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{claimdesk_in, stderr};

use crate::common;

use claimdesk::review::{Verdict, store};
use serde_json::Value;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn claim_review(text: &str, rating: &str, url: &str) -> String {
    format!(
        r#"{{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":"{text}","reviewRating":{{"@type":"Rating","ratingValue":1,"bestRating":5,"worstRating":1,"alternateName":"{rating}"}},"author":{{"@type":"Organization","name":"Faktencheck Nord"}},"url":"{url}","datePublished":"2026-10-30","inLanguage":"de"}}"#
    )
}

const NEW_ARTICLE: &str = "Arbeitsmarkt im Herbst\n\nDie Ministerin sagte am Montag, die Arbeitslosenquote habe im Oktober 5,1 Prozent betragen.\n\
Im Hafen von Kiel wurden nach Angaben der Polizei am Sonntag 14 Autos gestohlen.\n";

#[test]
#[expect(
    clippy::many_single_char_names,
    reason = "fact-checks a to e, one per ClaimReview shape"
)]
fn every_claim_review_shape_imports_once_and_is_matched() {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    std::fs::create_dir_all(root.join(".claimdesk")).unwrap();
    let a = claim_review(
        "Die Arbeitslosenquote lag im Oktober bei 5,1 %.",
        "Falsch",
        "https://fakten.example/a",
    );
    let b = claim_review(
        "Die Arbeitslosenquote lag im September bei 5,4 Prozent.",
        "Richtig",
        "https://fakten.example/b",
    );
    let c = claim_review(
        "Der Bürgermeister eröffnete das Hallenbad.",
        "Richtig",
        "https://fakten.example/c",
    );
    let d = claim_review(
        "In Kiel sank die Zahl der Autodiebstähle.",
        "Unbelegt",
        "https://fakten.example/d",
    );
    let e = claim_review(
        "Die Stadt baut 300 Wohnungen.",
        "Irreführend",
        "https://fakten.example/e",
    );
    let files = [
        write(root, "object.json", &a),
        write(root, "array.json", &format!("[{b}]")),
        write(
            root,
            "graph.json",
            &format!(
                r#"{{"@context":"https://schema.org","@graph":[{{"@type":"Organization","name":"Faktencheck Nord"}},{c}]}}"#
            ),
        ),
        write(
            root,
            "feed.json",
            &format!(
                r#"{{"@context":"https://schema.org","@type":"DataFeed","dataFeedElement":[{{"@type":"DataFeedItem","item":[{d}]}}]}}"#
            ),
        ),
        write(root, "lines.jsonl", &format!("{e}\n{a}\n")),
    ];
    let names: Vec<&str> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_str().unwrap())
        .collect();
    let mut args = vec!["memory", "import"];
    args.extend(&names);
    let output = claimdesk_in(root, &args);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stderr(&output);
    assert!(
        report.contains("object.json: 1 fact-check, 1 new"),
        "{report}"
    );
    assert!(
        report.contains("feed.json: 1 fact-check, 1 new"),
        "{report}"
    );
    // The last file repeats `a`: only `e` is new.
    assert!(
        report.contains("lines.jsonl: 2 fact-checks, 1 new, 1 already in the memory"),
        "{report}"
    );

    // Importing everything again adds nothing.
    let output = claimdesk_in(root, &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output).matches(" 0 new").count(),
        5,
        "{}",
        stderr(&output)
    );

    let article = write(root, "herbst.txt", NEW_ARTICLE);
    let output = claimdesk_in(root, &["match", article.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert!(!lines.is_empty());
    let quota = lines
        .iter()
        .find(|line| line["text"].as_str().unwrap().contains("Arbeitslosenquote"))
        .unwrap();
    let text = quota["text"].as_str().unwrap();
    let start = usize::try_from(quota["start"].as_u64().unwrap()).unwrap();
    let end = usize::try_from(quota["end"].as_u64().unwrap()).unwrap();
    assert_eq!(&NEW_ARTICLE[start..end], text);
    assert!(quota["claim_id"].as_str().unwrap().starts_with('c'));
    let matches = quota["matches"].as_array().unwrap();
    assert_eq!(matches[0]["relation"], "same", "{matches:?}");
    assert_eq!(matches[0]["verdict"], "denied");
    assert_eq!(matches[0]["rating"], "Falsch");
    assert_eq!(matches[0]["source"], "Faktencheck Nord");
    assert_eq!(matches[0]["url"], "https://fakten.example/a");
    assert_eq!(matches[0]["reviewed_at"], "2026-10-30");
    let related = matches.iter().find(|m| m["relation"] == "related").unwrap();
    let reason = related["reason"].as_str().unwrap();
    assert!(
        reason.contains("other figure: 5,4 Prozent instead of 5,1 Prozent"),
        "{reason}"
    );
    assert!(
        reason.contains("other month: September instead of Oktober"),
        "{reason}"
    );
    // Sorted best first, each earlier claim once.
    let similarities: Vec<f64> = matches
        .iter()
        .map(|m| m["similarity"].as_f64().unwrap())
        .collect();
    assert!(
        similarities.windows(2).all(|w| w[0] >= w[1]),
        "{similarities:?}"
    );
    let texts: Vec<&str> = matches
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    let mut unique = texts.clone();
    unique.dedup();
    assert_eq!(texts.len(), unique.len());

    // --top and --min-similarity.
    let output = claimdesk_in(root, &["match", "--top", "1", article.to_str().unwrap()]);
    for line in json_lines(&output) {
        assert!(line["matches"].as_array().unwrap().len() <= 1);
    }
    let output = claimdesk_in(
        root,
        &["match", "--min-similarity", "1", article.to_str().unwrap()],
    );
    for line in json_lines(&output) {
        assert!(line["matches"].as_array().unwrap().is_empty(), "{line}");
    }
}

#[test]
fn a_malformed_file_is_refused_whole_with_line_and_field() {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    let good = claim_review(
        "Die Arbeitslosenquote lag im Oktober bei 5,1 %.",
        "Falsch",
        "https://fakten.example/a",
    );
    let missing = r#"{"@type":"ClaimReview","reviewRating":{"ratingValue":1}}"#;
    write(
        root,
        "broken.jsonl",
        &format!("{good}\n{good}\n{missing}\n"),
    );
    write(
        root,
        "syntax.json",
        "[{\"@type\": \"ClaimReview\",\n \"claimReviewed\": }]",
    );
    write(
        root,
        "none.json",
        r#"{"@type":"WebPage","name":"Impressum"}"#,
    );
    let output = claimdesk_in(
        root,
        &[
            "memory",
            "import",
            "--desk",
            ".",
            "broken.jsonl",
            "syntax.json",
            "none.json",
        ],
    );
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("broken.jsonl: line 3") && message.contains("claimReviewed"),
        "{message}"
    );
    assert!(message.contains("syntax.json: line 2, column"), "{message}");
    assert!(
        message.contains("none.json: no ClaimReview found"),
        "{message}"
    );
    assert!(
        message.contains("3 of 3 files were not imported"),
        "{message}"
    );
    // Nothing of the broken file went in: its good lines do not match.
    let article = write(root, "herbst.txt", NEW_ARTICLE);
    let output = claimdesk_in(root, &["match", article.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        json_lines(&output)
            .iter()
            .all(|l| l["matches"].as_array().unwrap().is_empty())
    );
}

#[test]
fn the_desk_remembers_its_own_reviews_and_a_review_never_matches_itself() {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    std::fs::create_dir_all(root.join(".claimdesk")).unwrap();
    let earlier = write(
        root,
        "september.txt",
        "Arbeitsmarkt\n\nDie Arbeitslosenquote lag im Oktober bei 5,1 Prozent, teilte das Amt mit.\n",
    );
    let review_path = root.join("september.review.json");
    let output = claimdesk_in(
        root,
        &[
            "extract",
            earlier.to_str().unwrap(),
            "-o",
            review_path.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let mut review = store::load(&review_path).unwrap();
    assert!(!review.claims.is_empty());
    review.claims[0].verdict = Some(Verdict::Confirmed);
    review.claims[0].note = "Amtliche Statistik geprüft".to_owned();
    store::save(&review, &review_path).unwrap();
    let earlier_id = review.claims[0].id.clone();

    let article = write(root, "herbst.txt", NEW_ARTICLE);
    let output = claimdesk_in(root, &["match", article.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    let found = lines
        .iter()
        .flat_map(|l| l["matches"].as_array().unwrap().clone())
        .find(|m| m["relation"] == "same")
        .expect("the reviewed claim is remembered");
    assert_eq!(found["verdict"], "confirmed");
    assert_eq!(found["source"], "september.txt");
    assert_eq!(found["claim_id"], earlier_id.as_str());
    assert!(found["reviewed_at"].as_str().unwrap().starts_with("20"));

    // The earlier review itself: its claims are not matched against themselves.
    let output = claimdesk_in(root, &["match", review_path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        json_lines(&output)
            .iter()
            .all(|l| l["matches"].as_array().unwrap().is_empty())
    );

    // A changed verdict is seen on the next match (the desk index follows the review files).
    review.claims[0].verdict = Some(Verdict::Denied);
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::save(&review, &review_path).unwrap();
    let output = claimdesk_in(root, &["match", article.to_str().unwrap()]);
    let verdicts: Vec<String> = json_lines(&output)
        .iter()
        .flat_map(|l| l["matches"].as_array().unwrap().clone())
        .map(|m| m["verdict"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(verdicts, ["denied"]);

    // --memory paths: a review file and a ClaimReview file, from anywhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let feed = write(
        elsewhere.path(),
        "feed.json",
        &claim_review(
            "Im Hafen von Kiel wurden am Sonntag 14 Autos gestohlen.",
            "Richtig",
            "https://fakten.example/kiel",
        ),
    );
    let output = claimdesk_in(
        elsewhere.path(),
        &[
            "match",
            "--memory",
            review_path.to_str().unwrap(),
            "--memory",
            feed.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let sources: Vec<String> = json_lines(&output)
        .iter()
        .flat_map(|l| l["matches"].as_array().unwrap().clone())
        .filter(|m| m["relation"] == "same")
        .map(|m| m["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(sources, ["september.txt", "Faktencheck Nord"]);

    // A path that is neither is refused with its name.
    let output = claimdesk_in(
        root,
        &[
            "match",
            "--memory",
            "missing.json",
            article.to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("missing.json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_damaged_index_is_rebuilt_from_the_import_log_and_a_torn_vector_file_is_repaired() {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    std::fs::create_dir_all(root.join(".claimdesk")).unwrap();
    let feed = claim_review(
        "Die Arbeitslosenquote lag im Oktober bei 5,1 %.",
        "Falsch",
        "https://fakten.example/a",
    );
    write(root, "feed.json", &feed);
    let output = claimdesk_in(root, &["memory", "import", "feed.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let memory = root.join(".claimdesk/memory");
    assert!(memory.join("imports.jsonl").is_file());
    write(root, "new.txt", NEW_ARTICLE);

    // Every file of the index overwritten with garbage.
    for entry in std::fs::read_dir(memory.join("index")).unwrap() {
        std::fs::write(entry.unwrap().path(), b"\x00garbage").unwrap();
    }
    // And the vector file cut inside its record.
    let vectors = std::fs::read_dir(&memory)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("vectors-")
        })
        .unwrap();
    let bytes = std::fs::read(&vectors).unwrap();
    std::fs::write(&vectors, &bytes[..bytes.len() - 10]).unwrap();

    let output = claimdesk_in(root, &["match", "new.txt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains("rebuilt from the import log (1 fact-checks)"),
        "{said}"
    );
    assert!(said.contains("was damaged"), "{said}");
    assert!(
        memory.join("index.damaged").is_dir(),
        "the old index is kept"
    );
    let lines = json_lines(&output);
    let found = lines.iter().any(|claim| {
        claim["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["url"] == "https://fakten.example/a")
    });
    assert!(found, "the imported fact-check is found again: {lines:?}");

    // `memory rebuild` on request.
    let output = claimdesk_in(root, &["memory", "rebuild"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 imported fact-checks"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn vectors_embedded_as_a_map_step_are_imported_as_they_are_and_match_as_a_desk_that_embedded_them()
{
    let work = tempfile::tempdir().unwrap();
    let root = work.path();
    let records = [
        claim_review(
            "Die Arbeitslosenquote lag im Oktober bei 5,1 %.",
            "Falsch",
            "https://fakten.example/a",
        ),
        "not a ClaimReview".to_owned(),
        claim_review(
            "In Kiel wurden am Sonntag 14 Autos gestohlen.",
            "Richtig",
            "https://fakten.example/b",
        ),
        format!(
            "[{}, {}]",
            claim_review(
                "Der Bürgermeister eröffnete das Hallenbad.",
                "Richtig",
                "https://fakten.example/c"
            ),
            claim_review(
                "The harbour handled 4.2 million containers in 2024.",
                "False",
                "https://facts.example/d"
            )
        ),
    ];
    let feed = write(root, "feed.jsonl", &(records.join("\n") + "\n"));
    let output = claimdesk_in(
        root,
        &[
            "memory",
            "embed",
            "--jsonl",
            "--jobs",
            "1",
            feed.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4, "one line per record, in place");
    assert_eq!(lines[1]["start"], "not a ClaimReview");
    assert_eq!(
        lines[1]["sha256"],
        claimdesk::article::sha256_hex("not a ClaimReview")
    );
    for (line, claims) in [(0, 1), (2, 1), (3, 2)] {
        let carried = &lines[line]["claimdesk:vectors"];
        assert!(
            carried["model"].as_str().unwrap().contains("e5"),
            "{carried}"
        );
        assert_eq!(carried["vectors"].as_array().unwrap().len(), claims);
    }
    assert_eq!(
        lines[0]["claimReviewed"],
        "Die Arbeitslosenquote lag im Oktober bei 5,1 %."
    );
    assert!(stderr(&output).contains("1 errors"), "{}", stderr(&output));
    let good: Vec<String> = [0, 2, 3].iter().map(|&i| lines[i].to_string()).collect();
    let embedded = write(root, "embedded.jsonl", &(good.join("\n") + "\n"));

    // One desk takes the carried vectors, the other embeds the plain feed itself.
    let carried_desk = root.join("carried");
    let own_desk = root.join("own");
    for desk in [&carried_desk, &own_desk] {
        std::fs::create_dir_all(desk.join(".claimdesk")).unwrap();
    }
    let import = |desk: &Path, file: &Path, extra: &[&str]| {
        let mut args = vec!["memory", "import", "--desk", desk.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.push(file.to_str().unwrap());
        claimdesk_in(root, &args)
    };
    // --no-embed: whatever vectors the desk has after this import, the import took from the records.
    let taken = import(&carried_desk, &embedded, &["--no-embed"]);
    assert!(taken.status.success(), "{}", stderr(&taken));
    let plain = write(
        root,
        "plain.jsonl",
        &[0, 2, 3].map(|i| records[i].clone()).join("\n"),
    );
    let computed = import(&own_desk, &plain, &[]);
    assert!(computed.status.success(), "{}", stderr(&computed));
    let vectors = |desk: &Path| {
        std::fs::read_dir(desk.join(".claimdesk/memory"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("vectors-")
            })
            .map(|p| std::fs::metadata(p).unwrap().len())
    };
    let header_only = {
        let empty = root.join("empty");
        std::fs::create_dir_all(empty.join(".claimdesk")).unwrap();
        let output = import(&empty, &embedded, &["--no-embed", "--recompute-vectors"]);
        assert!(output.status.success(), "{}", stderr(&output));
        vectors(&empty)
    };
    assert!(vectors(&own_desk).is_some());
    assert_eq!(
        vectors(&carried_desk),
        vectors(&own_desk),
        "the four claims' records"
    );
    assert!(
        header_only.unwrap_or(0) < vectors(&own_desk).unwrap(),
        "--recompute-vectors takes none"
    );

    let article = write(root, "herbst.txt", NEW_ARTICLE);
    let matched = |desk: &Path| {
        let output = claimdesk_in(
            root,
            &[
                "match",
                "--memory",
                desk.to_str().unwrap(),
                article.to_str().unwrap(),
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        json_lines(&output)
    };
    let by_carried = matched(&carried_desk);
    assert!(
        by_carried
            .iter()
            .any(|claim| claim["matches"].as_array().is_some_and(|m| !m.is_empty())),
        "{by_carried:?}"
    );
    assert_eq!(
        by_carried,
        matched(&own_desk),
        "the same matches and scores"
    );

    // Vectors of another model are refused, naming both, and computed here on request.
    let other = embedded_with_model(&good, "another-model");
    let other = write(root, "other.jsonl", &other);
    let third = root.join("third");
    std::fs::create_dir_all(third.join(".claimdesk")).unwrap();
    let refused = import(&third, &other, &[]);
    assert!(!refused.status.success());
    let message = stderr(&refused);
    assert!(
        message.contains("other.jsonl")
            && message.contains("another-model")
            && message.contains("--recompute-vectors"),
        "{message}"
    );
    let recomputed = import(&third, &other, &["--recompute-vectors"]);
    assert!(recomputed.status.success(), "{}", stderr(&recomputed));
    assert_eq!(vectors(&third), vectors(&own_desk), "computed here");
}

fn embedded_with_model(lines: &[String], model: &str) -> String {
    lines
        .iter()
        .map(|line| {
            let mut record: Value = serde_json::from_str(line).unwrap();
            record["claimdesk:vectors"]["model"] = model.into();
            record.to_string() + "\n"
        })
        .collect()
}

/// A city's denial of a rumour that was checked as false is matched as its opposite, not as the same
/// fact: `match` says `"relation": "opposite"`, in both directions and across German and English.
#[test]
fn a_denial_is_the_opposite_of_the_claim_it_denies_never_the_same_fact() {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    std::fs::create_dir_all(root.join(".claimdesk")).unwrap();
    let rumour = claim_review(
        "Das Hallenbad in Lindenau wird in diesem Jahr geschlossen.",
        "Falsch",
        "https://fakten.example/hallenbad",
    );
    let english = r#"{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":"The council denied reports that the Marlow library will close in March.","reviewRating":{"@type":"Rating","ratingValue":5,"bestRating":5,"worstRating":1,"alternateName":"True"},"author":{"@type":"Organization","name":"Check Desk"},"url":"https://check.example/library","datePublished":"2026-11-02","inLanguage":"en"}"#;
    write(root, "checks.jsonl", &format!("{rumour}\n{english}\n"));
    let output = claimdesk_in(root, &["memory", "import", "checks.jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));

    let press = write(
        root,
        "presse.txt",
        "Pressemitteilung\n\nDie Stadt Lindenau weist Gerüchte zurück, wonach das Hallenbad in diesem Jahr geschlossen werden soll.\n\n\
         Der Gemeinderat hat beschlossen, die Bibliothek in Marlow im März zu schließen.\n",
    );
    let output = claimdesk_in(root, &["match", press.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    let best = |needle: &str| -> Value {
        let line = lines
            .iter()
            .find(|l| l["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle}: {lines:?}"));
        line["matches"][0].clone()
    };
    let denial = best("weist Gerüchte zurück");
    assert_eq!(denial["relation"], "opposite", "{denial}");
    assert_eq!(denial["url"], "https://fakten.example/hallenbad");
    // The other direction, across languages: a plain claim against a checked denial.
    let library = best("Bibliothek in Marlow");
    assert_eq!(library["relation"], "opposite", "{library}");
    assert_eq!(library["url"], "https://check.example/library");
}

/// Ten fact-checks with generated claims, as JSON Lines.
fn generated_feed(count: usize) -> String {
    let towns = ["Lindenau", "Oberau", "Talheim", "Feldkirchen", "Marlow"];
    let things = [
        "Hallenbad",
        "Bibliothek",
        "Eishalle",
        "Musikschule",
        "Stadtbücherei",
    ];
    (0..count)
        .map(|i| {
            claim_review(
                &format!(
                    "Die Stadt {} schließt {} {} im Jahr {}.",
                    towns[i % towns.len()],
                    if i % 2 == 0 { "das" } else { "die" },
                    things[(i / towns.len()) % things.len()],
                    2020 + i
                ),
                "Falsch",
                &format!("https://fakten.example/{i}"),
            ) + "\n"
        })
        .collect()
}

fn desk_with_feed(count: usize) -> (tempfile::TempDir, PathBuf) {
    let desk = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(desk.path().join(".claimdesk")).unwrap();
    let feed = write(desk.path(), "feed.jsonl", &generated_feed(count));
    let output = claimdesk_in(
        desk.path(),
        &["memory", "import", "--no-embed", "feed.jsonl"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    (desk, feed)
}

/// An index that lost its `meta.json`, or whose folder was emptied, is noticed (it holds fewer
/// fact-checks than the import log), rebuilt from the log, and said: `match` never answers "nothing"
/// without a word, and a later import does not see its fact-checks as new.
#[test]
fn an_index_that_lost_its_files_is_rebuilt_from_the_log_and_says_so() {
    for damage in ["meta.json", "emptied", "every file"] {
        let (desk, feed) = desk_with_feed(10);
        let index = desk.path().join(".claimdesk/memory/index");
        match damage {
            "meta.json" => std::fs::remove_file(index.join("meta.json")).unwrap(),
            "emptied" => {
                std::fs::remove_dir_all(&index).unwrap();
                std::fs::create_dir(&index).unwrap();
            }
            _ => {
                for entry in std::fs::read_dir(&index).unwrap() {
                    std::fs::remove_file(entry.unwrap().path()).unwrap();
                }
            }
        }
        let article = write(
            desk.path(),
            "neu.txt",
            "Bad\n\nDie Stadt Lindenau schließt das Hallenbad im Jahr 2020.\n",
        );
        let output = claimdesk_in(desk.path(), &["match", article.to_str().unwrap()]);
        assert!(output.status.success(), "{damage}: {}", stderr(&output));
        let said = stderr(&output);
        assert!(
            said.contains("rebuilt from the import log (10 fact-checks)"),
            "{damage}: {said}"
        );
        let lines = json_lines(&output);
        assert_eq!(
            lines[0]["matches"][0]["url"], "https://fakten.example/0",
            "{damage}: {lines:?}"
        );
        // Importing the same feed again adds nothing.
        let again = claimdesk_in(
            desk.path(),
            &["memory", "import", "--no-embed", feed.to_str().unwrap()],
        );
        assert!(
            stderr(&again).contains("0 new, 10 already"),
            "{damage}: {}",
            stderr(&again)
        );
    }
}

/// A carried vector must be one the encoder computed: all zeros, a length other than 1, or a value that
/// is not a number is refused, naming the line, never taken to hide the claim from matching.
#[test]
fn carried_vectors_of_zeros_or_another_length_are_refused_naming_the_line() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path();
    let feed = write(root, "feed.jsonl", &generated_feed(3));
    let output = claimdesk_in(
        root,
        &["memory", "embed", "--jsonl", feed.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    let broken = |codes: String, scale: f64| -> String {
        let mut records = lines.clone();
        records[1]["claimdesk:vectors"]["vectors"][0]["codes"] = codes.into();
        records[1]["claimdesk:vectors"]["vectors"][0]["scale"] = scale.into();
        records.iter().map(|r| r.to_string() + "\n").collect()
    };
    let zeros = "00".repeat(384);
    let doubled: String = lines[1]["claimdesk:vectors"]["vectors"][0]["codes"]
        .as_str()
        .unwrap()
        .to_owned();
    let scale = lines[1]["claimdesk:vectors"]["vectors"][0]["scale"]
        .as_f64()
        .unwrap();
    for (case, text) in [
        ("zeros", broken(zeros, scale)),
        ("twice as long", broken(doubled.clone(), scale * 2.0)),
        ("a tenth", broken(doubled, scale / 10.0)),
    ] {
        let desk = root.join(case.replace(' ', "-"));
        std::fs::create_dir_all(desk.join(".claimdesk")).unwrap();
        let file = write(root, &format!("{}.jsonl", case.replace(' ', "-")), &text);
        let output = claimdesk_in(
            root,
            &[
                "memory",
                "import",
                "--no-embed",
                "--desk",
                desk.to_str().unwrap(),
                file.to_str().unwrap(),
            ],
        );
        assert!(!output.status.success(), "{case}: {}", stderr(&output));
        let said = stderr(&output);
        assert!(
            said.contains("line 2") && said.contains("length"),
            "{case}: {said}"
        );
    }
}

/// `memory embed --desk` computes vectors and nothing else: with a damaged model (or a folder where the
/// model file should be) it fails in words and exits non-zero, as `memory embed --jsonl` does.
#[test]
fn memory_embed_without_a_model_fails_and_says_why() {
    let (desk, _) = desk_with_feed(3);
    let damaged = write(desk.path(), "damaged.cdenc", "not a model");
    let folder = desk.path().join("model-folder");
    std::fs::create_dir(&folder).unwrap();
    for (model, words) in [(&damaged, "damaged"), (&folder, "is a folder")] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .current_dir(desk.path())
            .env("CLAIMDESK_ENCODER_MODEL", model)
            .args(["memory", "embed", "--desk", "."])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{}", stderr(&output));
        assert!(stderr(&output).contains(words), "{}", stderr(&output));
    }
}

/// Two imports of one desk at once write each fact-check and each vector once: the second waits for the
/// first and says so.
#[test]
fn two_imports_at_once_never_write_anything_twice() {
    let desk = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(desk.path().join(".claimdesk")).unwrap();
    write(desk.path(), "feed.jsonl", &generated_feed(40));
    let start = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .current_dir(desk.path())
            .env(
                "CLAIMDESK_CACHE_DIR",
                std::env::temp_dir().join("claimdesk-tests-vector-cache"),
            )
            .args(["memory", "import", "feed.jsonl"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (start(), start());
    let (first, second) = (
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    );
    assert!(first.status.success() && second.status.success());
    let log = std::fs::read_to_string(desk.path().join(".claimdesk/memory/imports.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 40, "each fact-check logged once");
    let vectors = std::fs::read_dir(desk.path().join(".claimdesk/memory"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("vectors-")
        })
        .unwrap();
    // A record: key length (2), key, text hash (16), scale (4), 384 codes, CRC (4).
    let bytes = std::fs::read(vectors).unwrap();
    let keys = bytes
        .windows(b"import:".len())
        .filter(|w| *w == b"import:")
        .count();
    assert_eq!(keys, 40, "each vector written once");
    let said = stderr(&first) + &stderr(&second);
    assert!(
        said.contains("0 new, 40 already"),
        "the second import found the first one's work: {said}"
    );
}

/// Smaller faults, each generated: a folder where the vector file belongs falls back (matching goes on,
/// and says the vectors are computed again); an `index.damaged` that is a file does not stop a rebuild;
/// a byte-order mark opening a line of a feed is no part of the record.
#[test]
fn a_vector_folder_a_damaged_index_file_and_a_line_bom_are_survived() {
    let (desk, _) = desk_with_feed(5);
    let memory = desk.path().join(".claimdesk/memory");
    let vectors = std::fs::read_dir(&memory)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("vectors-")
        });
    let vector_file = vectors.unwrap_or_else(|| memory.join("vectors-x.bin"));
    let _ = std::fs::remove_file(&vector_file);
    std::fs::create_dir_all(&vector_file).unwrap();
    let article = write(
        desk.path(),
        "neu.txt",
        "Bad\n\nDie Stadt Lindenau schließt das Hallenbad im Jahr 2020.\n",
    );
    let output = claimdesk_in(desk.path(), &["match", article.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!json_lines(&output).is_empty());

    std::fs::write(memory.join("index.damaged"), "a file, not a folder").unwrap();
    let output = claimdesk_in(desk.path(), &["memory", "rebuild"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = claimdesk_in(desk.path(), &["memory", "rebuild"]);
    assert!(output.status.success(), "again: {}", stderr(&output));

    let feed = generated_feed(2);
    let mut lines = feed.lines();
    let with_bom = format!(
        "{}\n\u{feff}{}\n",
        lines.next().unwrap(),
        lines.next().unwrap()
    );
    for command in [
        vec!["memory", "import", "--no-embed", "bom.jsonl"],
        vec!["memory", "embed", "--jsonl", "bom.jsonl"],
    ] {
        write(desk.path(), "bom.jsonl", &with_bom);
        let output = claimdesk_in(desk.path(), &command);
        assert!(output.status.success(), "{command:?}: {}", stderr(&output));
        assert!(
            !stderr(&output).contains("error"),
            "{command:?}: {}",
            stderr(&output)
        );
    }
}

/// A post that extraction makes no claim of is still matched, as one statement, and `match` says so.
#[test]
fn match_reads_a_text_without_claims_as_one_statement() {
    let desk = tempfile::tempdir().unwrap();
    let root = desk.path();
    std::fs::create_dir_all(root.join(".claimdesk")).unwrap();
    write(
        root,
        "checks.jsonl",
        &claim_review(
            "Der Bürgermeister hat das Hallenbad an einen Investor verkauft.",
            "Falsch",
            "https://fakten.example/bad",
        ),
    );
    let output = claimdesk_in(root, &["memory", "import", "--no-embed", "checks.jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Two words: no candidate even as a post.
    let post = write(root, "post.txt", "Hallenbad verkauft!!\n");
    let output = claimdesk_in(root, &["match", post.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("matched as one statement"),
        "{}",
        stderr(&output)
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["text"], "Hallenbad verkauft!!");
    assert_eq!(lines[0]["matches"][0]["url"], "https://fakten.example/bad");
}
