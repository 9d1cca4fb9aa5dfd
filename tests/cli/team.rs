//! The team desk: who decided what (history), four eyes (approval), reviews that merge (`claimdesk merge`,
//! also as git's merge driver in a real repository), version-1 files, and agreement between reviewers.

#![allow(clippy::unwrap_used, reason = "test helpers may panic")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{claimdesk_in, stderr};

use crate::common;

use claimdesk::review::edit::{Document, Edit, EditError};
use claimdesk::review::{Reason, Review, Verdict, store};

const V1: &str = "tests/data/team/v1.review.json";

fn fixture() -> Review {
    store::load(Path::new(env!("CARGO_MANIFEST_DIR")).join(V1).as_path()).unwrap()
}

fn edited(review: &Review, reviewer: &str, edits: Vec<Edit>) -> Review {
    let mut document = Document::new(review.clone(), true);
    document.set_reviewer(reviewer);
    for edit in edits {
        document.apply(edit).unwrap();
    }
    document.into_review()
}

fn verdict(claim: &str, verdict: Option<Verdict>) -> Edit {
    Edit::SetVerdict {
        claim_id: claim.into(),
        verdict,
    }
}

fn note(claim: &str, text: &str) -> Edit {
    Edit::SetNote {
        claim_id: claim.into(),
        note: text.into(),
    }
}

#[test]
fn a_version_1_file_opens_and_is_saved_in_the_current_version_with_everything_kept() {
    let raw: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(V1)).unwrap(),
    )
    .unwrap();
    assert_eq!(
        raw["version"], 1,
        "the fixture is a real version-1 file (written by claimdesk 0.1 of round 1)"
    );
    let review = fixture();
    assert_eq!(review.claims[0].verdict, Some(Verdict::Confirmed));
    assert_eq!(review.claims[0].note, "Ratsprotokoll geprüft");
    assert!(
        review
            .claims
            .iter()
            .all(|c| c.history.is_empty() && c.approval.is_none())
    );
    // Its reasons were English phrases: kept as written, shown as written in any language.
    let written = &review.claims[0].reasons;
    assert!(
        !written.is_empty() && written.iter().all(|r| matches!(r, Reason::Written(_))),
        "{written:?}"
    );
    let shown =
        claimdesk::i18n::InWords::in_words(&written[0], claimdesk::i18n::Locale::German.messages());
    assert_eq!(
        Some(&shown),
        raw["claims"][0]["reasons"][0]
            .as_str()
            .map(str::to_owned)
            .as_ref()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("current.review.json");
    store::save(&review, &path).unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["version"], claimdesk::review::FORMAT_VERSION);
    let reopened = store::load(&path).unwrap();
    assert_eq!(reopened.claims, review.claims);
    // A newer version is refused, as before.
    let mut newer = saved.clone();
    let next = claimdesk::review::FORMAT_VERSION + 1;
    newer["version"] = serde_json::json!(next);
    std::fs::write(&path, serde_json::to_vec(&newer).unwrap()).unwrap();
    assert!(
        store::load(&path)
            .unwrap_err()
            .to_string()
            .contains(&format!("version {next}"))
    );
}

#[test]
fn every_change_is_recorded_with_who_and_when_and_undo_adds_to_it() {
    let mut document = Document::new(fixture(), true);
    document.set_reviewer("Alice");
    document
        .apply(verdict("c3", Some(Verdict::Denied)))
        .unwrap();
    document.apply(note("c3", "K")).unwrap();
    document.apply(note("c3", "Kämmerei")).unwrap();
    document
        .apply(Edit::AddEvidence {
            claim_id: "c3".into(),
            index: 0,
            url: "https://stadt.example/haushalt".into(),
        })
        .unwrap();
    document.undo().unwrap();
    let claim = document.review().claim("c3").unwrap().clone();
    let actions: Vec<&str> = claim.history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["verdict", "note", "evidence", "undo evidence"]);
    assert!(
        claim
            .history
            .iter()
            .all(|e| e.by == "Alice" && e.at.ends_with('Z'))
    );
    assert_eq!(claim.history[0].from.as_deref(), Some("pending"));
    assert_eq!(claim.history[0].to.as_deref(), Some("denied"));
    assert_eq!(
        claim.history[1].to.as_deref(),
        Some("Kämmerei"),
        "typing is one entry"
    );
    assert_eq!(claim.verdict_by.as_deref(), Some("Alice"));
    // Removing a claim keeps its history in the review; undoing puts it back with it.
    document
        .apply(Edit::RemoveClaim {
            claim_id: "c3".into(),
        })
        .unwrap();
    assert_eq!(
        document.review().removed[0].history.last().unwrap().action,
        "removed"
    );
    document.undo().unwrap();
    let back = document.review().claim("c3").unwrap();
    assert_eq!(back.history.last().unwrap().action, "undo removed");
    assert_eq!(back.history.len(), 6);
    // A removed claim's id is never given to a new claim: its history stays its own.
    document
        .apply(Edit::RemoveClaim {
            claim_id: "c4".into(),
        })
        .unwrap();
    assert_eq!(document.review().next_claim_id(), "c5");
}

#[test]
fn four_eyes_a_second_reviewer_approves_and_a_changed_verdict_needs_it_again() {
    let mut document = Document::new(fixture(), true);
    document.set_reviewer("Alice");
    document
        .apply(verdict("c3", Some(Verdict::Denied)))
        .unwrap();
    let refused = document
        .apply(Edit::Approve {
            claim_id: "c3".into(),
        })
        .unwrap_err();
    assert_eq!(refused, EditError::OwnVerdict("Alice".into()), "{refused}");
    assert!(refused.to_string().contains("second reviewer"));
    let pending = document
        .apply(Edit::Approve {
            claim_id: "c4".into(),
        })
        .unwrap_err();
    assert!(pending.to_string().contains("no verdict"));
    document.set_reviewer("Bob");
    document
        .apply(Edit::Approve {
            claim_id: "c3".into(),
        })
        .unwrap();
    let approval = document
        .review()
        .claim("c3")
        .unwrap()
        .approval
        .clone()
        .unwrap();
    assert_eq!(approval.by, "Bob");
    document.set_reviewer("Alice");
    document
        .apply(verdict("c3", Some(Verdict::Unverified)))
        .unwrap();
    assert_eq!(
        document.review().claim("c3").unwrap().approval,
        None,
        "a changed verdict is not approved"
    );
    document.undo().unwrap();
    assert_eq!(
        document
            .review()
            .claim("c3")
            .unwrap()
            .approval
            .as_ref()
            .map(|a| a.by.as_str()),
        Some("Bob"),
        "undo restores the approved state"
    );
    // --approved-only exports approved verdicts only; the report names the approver.
    let review = document.into_review();
    let options = claimdesk::export::ExportOptions {
        approved_only: true,
        ..Default::default()
    };
    let csv = claimdesk::export::export(&review, claimdesk::export::Format::Csv, &options).unwrap();
    let text = String::from_utf8(csv.bytes).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("c3,"));
    let markdown = claimdesk::export::export(
        &review,
        claimdesk::export::Format::Markdown,
        &claimdesk::export::ExportOptions::default(),
    )
    .unwrap();
    let markdown = String::from_utf8(markdown.bytes).unwrap();
    // A German article's report speaks German; in English on request.
    assert!(markdown.contains("freigegeben von Bob"), "{markdown}");
    assert!(markdown.contains("Freigabe ausstehend"));
    let english = claimdesk::export::ExportOptions {
        report_language: Some(claimdesk::i18n::Locale::English),
        ..Default::default()
    };
    let markdown =
        claimdesk::export::export(&review, claimdesk::export::Format::Markdown, &english).unwrap();
    let markdown = String::from_utf8(markdown.bytes).unwrap();
    assert!(markdown.contains("approved by Bob"), "{markdown}");
    assert!(markdown.contains("awaiting approval"));
}

fn write_review(dir: &Path, name: &str, review: &Review) -> PathBuf {
    let path = dir.join(name);
    store::save(review, &path).unwrap();
    path
}

#[test]
fn merge_takes_both_sides_changes_and_keeps_conflicts_inside_a_valid_review() {
    let base = fixture();
    let ours = edited(
        &base,
        "Alice",
        vec![
            verdict("c3", Some(Verdict::Denied)),
            note("c1", "Protokoll S. 4"),
        ],
    );
    let theirs = edited(
        &base,
        "Bob",
        vec![
            verdict("c4", Some(Verdict::Confirmed)),
            Edit::AddEvidence {
                claim_id: "c1".into(),
                index: 9,
                url: "https://rat.example/video".into(),
            },
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = (
        write_review(dir.path(), "base.review.json", &base),
        write_review(dir.path(), "ours.review.json", &ours),
        write_review(dir.path(), "theirs.review.json", &theirs),
    );
    let out = dir.path().join("merged.review.json");
    let args = [
        b.to_str().unwrap(),
        o.to_str().unwrap(),
        t.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let output = claimdesk_in(dir.path(), &[&["merge"][..], &args].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let merged = store::load(&out).unwrap();
    assert_eq!(merged.claim("c3").unwrap().verdict, Some(Verdict::Denied));
    assert_eq!(
        merged.claim("c4").unwrap().verdict,
        Some(Verdict::Confirmed)
    );
    assert_eq!(merged.claim("c1").unwrap().note, "Protokoll S. 4");
    assert_eq!(
        merged.claim("c1").unwrap().evidence,
        ["https://rat.example/protokoll", "https://rat.example/video"]
    );
    assert!(merged.claims.iter().all(|c| c.conflicts.is_empty()));

    // The same field both ways: exit 1, a valid review holding both values and who set them.
    let ours = edited(
        &base,
        "Alice",
        vec![verdict("c2", Some(Verdict::Confirmed))],
    );
    let theirs = edited(&base, "Bob", vec![verdict("c2", Some(Verdict::Unverified))]);
    write_review(dir.path(), "ours.review.json", &ours);
    write_review(dir.path(), "theirs.review.json", &theirs);
    let output = claimdesk_in(dir.path(), &[&["merge"][..], &args].concat());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("c2"), "{}", stderr(&output));
    let merged = store::load(&out).unwrap();
    let claim = merged.claim("c2").unwrap();
    assert_eq!(
        claim.verdict,
        Some(Verdict::Confirmed),
        "the claim holds ours until decided"
    );
    assert_eq!(claim.conflicts.len(), 1);
    let conflict = &claim.conflicts[0];
    assert_eq!(
        (
            conflict.field.as_str(),
            conflict.ours.as_str(),
            conflict.theirs.as_str()
        ),
        ("verdict", Some("confirmed"), Some("unverified"))
    );
    assert_eq!(
        (conflict.ours_by.as_deref(), conflict.theirs_by.as_deref()),
        (Some("Alice"), Some("Bob"))
    );
    assert_eq!(claim.history.len(), 2, "histories are unioned");

    // Reviews of another article are refused.
    let mut other = base.clone();
    other.article.text.push_str("Noch ein Satz.\n");
    other.article.sha256 = claimdesk::article::sha256_hex(&other.article.text);
    write_review(dir.path(), "theirs.review.json", &other);
    let output = claimdesk_in(dir.path(), &[&["merge"][..], &args].concat());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("different article"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_empty_base_as_git_gives_for_add_add_merges_both_sides_as_new() {
    let base = fixture();
    let ours = edited(&base, "Alice", vec![verdict("c3", Some(Verdict::Denied))]);
    let theirs = edited(&base, "Bob", vec![verdict("c4", Some(Verdict::Confirmed))]);
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("base");
    std::fs::write(&empty, b"").unwrap();
    let (o, t) = (
        write_review(dir.path(), "ours.review.json", &ours),
        write_review(dir.path(), "theirs.review.json", &theirs),
    );
    let output = claimdesk_in(
        dir.path(),
        &[
            "merge",
            empty.to_str().unwrap(),
            o.to_str().unwrap(),
            t.to_str().unwrap(),
            "-o",
            o.to_str().unwrap(),
        ],
    );
    // Each side's verdict on a claim the other left pending conflicts: without a base nobody knows which
    // was there first. The merge is still a valid review holding both.
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let merged = store::load(&o).unwrap();
    assert_eq!(merged.claims.len(), base.claims.len());
    let c3 = merged.claim("c3").unwrap();
    assert_eq!(c3.verdict, Some(Verdict::Denied));
    assert_eq!(c3.conflicts.len(), 1);
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git runs (install git: .ci/run does)")
}

#[test]
fn git_merges_reviews_with_the_documented_driver() {
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path();
    assert!(git(root, &["init", "-q", "-b", "main"]).status.success());
    // Exactly as the README documents it, with the binary under test in place of `claimdesk`.
    std::fs::write(
        root.join(".gitattributes"),
        "*.review.json merge=claimdesk\n",
    )
    .unwrap();
    let driver = format!("{} merge %O %A %B -o %A", env!("CARGO_BIN_EXE_claimdesk"));
    assert!(
        git(root, &["config", "merge.claimdesk.driver", &driver])
            .status
            .success()
    );
    let base = fixture();
    write_review(root, "haushalt.review.json", &base);
    assert!(git(root, &["add", "."]).status.success());
    assert!(git(root, &["commit", "-qm", "base"]).status.success());
    assert!(git(root, &["checkout", "-qb", "bob"]).status.success());
    write_review(
        root,
        "haushalt.review.json",
        &edited(&base, "Bob", vec![verdict("c4", Some(Verdict::Denied))]),
    );
    assert!(git(root, &["commit", "-qam", "bob"]).status.success());
    assert!(git(root, &["checkout", "-q", "main"]).status.success());
    write_review(
        root,
        "haushalt.review.json",
        &edited(
            &base,
            "Alice",
            vec![verdict("c3", Some(Verdict::Confirmed))],
        ),
    );
    assert!(git(root, &["commit", "-qam", "alice"]).status.success());
    let merge = git(root, &["merge", "-q", "--no-edit", "bob"]);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let merged = store::load(&root.join("haushalt.review.json")).unwrap();
    assert_eq!(
        merged.claim("c3").unwrap().verdict,
        Some(Verdict::Confirmed)
    );
    assert_eq!(merged.claim("c4").unwrap().verdict, Some(Verdict::Denied));

    // A real conflict: git stops, and the file is a valid review with the conflict inside.
    assert!(git(root, &["checkout", "-qb", "carol"]).status.success());
    let now = merged.clone();
    write_review(
        root,
        "haushalt.review.json",
        &edited(
            &now,
            "Carol",
            vec![verdict("c2", Some(Verdict::Unverified))],
        ),
    );
    assert!(git(root, &["commit", "-qam", "carol"]).status.success());
    assert!(git(root, &["checkout", "-q", "main"]).status.success());
    write_review(
        root,
        "haushalt.review.json",
        &edited(&now, "Alice", vec![verdict("c2", Some(Verdict::Confirmed))]),
    );
    assert!(
        git(root, &["commit", "-qam", "alice again"])
            .status
            .success()
    );
    let merge = git(root, &["merge", "-q", "--no-edit", "carol"]);
    assert!(!merge.status.success(), "a conflict stops the merge");
    let text = std::fs::read_to_string(root.join("haushalt.review.json")).unwrap();
    assert!(
        !text.contains("<<<<<<<"),
        "never conflict markers inside JSON"
    );
    let conflicted = store::load(&root.join("haushalt.review.json")).unwrap();
    assert_eq!(
        conflicted.claim("c2").unwrap().conflicts[0]
            .theirs_by
            .as_deref(),
        Some("Carol")
    );
}

#[test]
fn agreement_matches_kappa_computed_by_hand() {
    let base = fixture();
    // Two reviewers over 4 claims: c1 confirmed/confirmed, c2 denied/denied, c3 denied/confirmed,
    // c4 pending/pending. Observed 3/4; marginals A: C1 D2 P1, B: C2 D1 P1 → expected (1·2 + 2·1 + 1·1)/16
    // = 5/16; kappa = (12/16 − 5/16) / (11/16) = 7/11.
    let a = edited(
        &base,
        "Alice",
        vec![
            verdict("c2", Some(Verdict::Denied)),
            verdict("c3", Some(Verdict::Denied)),
        ],
    );
    let b = edited(
        &base,
        "Bob",
        vec![
            verdict("c2", Some(Verdict::Denied)),
            verdict("c3", Some(Verdict::Confirmed)),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb) = (
        write_review(dir.path(), "a.review.json", &a),
        write_review(dir.path(), "b.review.json", &b),
    );
    let output = claimdesk_in(
        dir.path(),
        &[
            "agreement",
            "--json",
            "--include-pending",
            pa.to_str().unwrap(),
            pb.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        (json["kappa"].as_f64().unwrap() - 7.0 / 11.0).abs() < 1e-9,
        "{json}"
    );
    assert_eq!(json["claims"], 4);
    assert_eq!(json["left_out_pending"], 0);

    // By default c4, pending in both, is left out: observed 2/3; marginals A: C1 D2, B: C2 D1 → expected
    // 4/9; kappa = (6/9 − 4/9) / (5/9) = 2/5.
    let judged = claimdesk_in(
        dir.path(),
        &[
            "agreement",
            "--json",
            pa.to_str().unwrap(),
            pb.to_str().unwrap(),
        ],
    );
    let judged: serde_json::Value = serde_json::from_slice(&judged.stdout).unwrap();
    assert!(
        (judged["kappa"].as_f64().unwrap() - 0.4).abs() < 1e-9,
        "{judged}"
    );
    assert_eq!(judged["claims"], 3);
    assert_eq!(judged["left_out_pending"], 1);
    assert_eq!(json["method"], "cohen");
    assert_eq!(json["reviewers"], serde_json::json!(["Alice", "Bob"]));
    assert_eq!(json["disagreements"].as_array().unwrap().len(), 1);
    assert_eq!(json["disagreements"][0]["claim_id"], "c3");
    assert_eq!(json["confusion"][1][0], 1, "Alice denied, Bob confirmed");

    // Three reviewers (Fleiss): c1 C C C, c2 D D C, c3 D C C, c4 P P P.
    // P_i: 1, 1/3, 1/3, 1 → P̄ = 2/3; p: C 6/12, D 3/12, P 3/12 → P̄e = (36 + 9 + 9)/144 = 3/8;
    // kappa = (2/3 − 3/8) / (5/8) = 7/15.
    let c = edited(
        &base,
        "Carol",
        vec![
            verdict("c2", Some(Verdict::Confirmed)),
            verdict("c3", Some(Verdict::Confirmed)),
        ],
    );
    let pc = write_review(dir.path(), "c.review.json", &c);
    let output = claimdesk_in(
        dir.path(),
        &[
            "agreement",
            "--json",
            "--include-pending",
            pa.to_str().unwrap(),
            pb.to_str().unwrap(),
            pc.to_str().unwrap(),
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["method"], "fleiss");
    assert!(
        (json["kappa"].as_f64().unwrap() - 7.0 / 15.0).abs() < 1e-9,
        "{json}"
    );
    // The table for people.
    let output = claimdesk_in(
        dir.path(),
        &["agreement", pa.to_str().unwrap(), pb.to_str().unwrap()],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("cohen kappa 0.400 over 3 claims"), "{text}");
    assert!(text.contains("1 claim left out"), "{text}");
}

/// The case: two reviews of a 25-claim article, 12 claims judged by both and 13 left pending by
/// both. Counting the 13 as agreement gave kappa 0.816; over the 12 judged claims it is 0.62.
#[test]
fn agreement_counts_only_what_both_reviewers_judged() {
    let dir = tempfile::tempdir().unwrap();
    let mut article = String::new();
    for n in 1..=25 {
        writeln!(
            article,
            "Im Bezirk {n} stieg die Zahl der Arbeitslosen im Mai um {n},{n} Prozent."
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("bezirke.txt"), &article).unwrap();
    let extract = claimdesk_in(
        dir.path(),
        &["extract", "bezirke.txt", "-o", "base.review.json"],
    );
    assert!(extract.status.success(), "{}", stderr(&extract));
    let base = store::load(&dir.path().join("base.review.json")).unwrap();
    assert_eq!(base.claims.len(), 25, "every sentence is a claim");
    let (c, d, u) = (Verdict::Confirmed, Verdict::Denied, Verdict::Unverified);
    // Claims 1–12 judged by both: 5 C/C, 3 D/D, 1 U/U, then C/U, D/U, D/U; 13–25 pending in both.
    let pairs = [
        (c, c),
        (c, c),
        (c, c),
        (c, c),
        (c, c),
        (d, d),
        (d, d),
        (d, d),
        (u, u),
        (c, u),
        (d, u),
        (d, u),
    ];
    let edits = |pick: fn(&(Verdict, Verdict)) -> Verdict| -> Vec<Edit> {
        pairs
            .iter()
            .zip(&base.claims)
            .map(|(pair, claim)| verdict(&claim.id, Some(pick(pair))))
            .collect()
    };
    let alice = write_review(
        dir.path(),
        "alice.review.json",
        &edited(&base, "Alice", edits(|p| p.0)),
    );
    let bob = write_review(
        dir.path(),
        "bob.review.json",
        &edited(&base, "Bob", edits(|p| p.1)),
    );
    let paths = [alice.to_str().unwrap(), bob.to_str().unwrap()];

    let output = claimdesk_in(dir.path(), &["agreement", paths[0], paths[1]]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("kappa 0.621 over 12 claims"), "{text}");
    assert!(text.contains("13 claims left out"), "{text}");
    assert!(
        text.contains("agreement per verdict: confirmed 0.91"),
        "{text}"
    );
    assert!(text.contains("Krippendorff's alpha"), "{text}");

    let json = claimdesk_in(dir.path(), &["agreement", "--json", paths[0], paths[1]]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["left_out_pending"], 13);
    assert_eq!(json["per_verdict"][0]["verdict"], "confirmed");
    assert_eq!(
        json["per_verdict"][3]["agreement"],
        serde_json::Value::Null,
        "nobody judged pending"
    );

    let old = claimdesk_in(
        dir.path(),
        &["agreement", "--include-pending", paths[0], paths[1]],
    );
    let old = String::from_utf8(old.stdout).unwrap();
    assert!(old.contains("kappa 0.816 over 25 claims"), "{old}");
}

/// A desk in a shared folder: Bob's Nextcloud and Carol's Syncthing conflicted copies sit beside Alice's
/// review, each with work on other claims and one true conflict. `merge-copies` leaves one review with
/// everyone's work and the conflict kept, the copies moved aside; a copy of another text is refused.
#[test]
fn sync_clients_conflicted_copies_are_merged_claim_by_claim() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // What all three had before they parted (c1 confirmed, c2 denied, c3 and c4 pending), and a note.
    let shared = edited(
        &fixture(),
        "Dana",
        vec![note("c1", "Ratsprotokoll geprüft, S. 2")],
    );
    let alice = edited(
        &shared,
        "Alice",
        vec![
            note("c1", "Protokoll S. 4"),
            verdict("c2", Some(Verdict::Unverified)),
        ],
    );
    let bob = edited(
        &shared,
        "Bob",
        vec![
            verdict("c3", Some(Verdict::Unverified)),
            Edit::AddEvidence {
                claim_id: "c3".into(),
                index: 0,
                url: "https://example.org/haushalt".into(),
            },
            // The true conflict: Alice made c2 unverified.
            verdict("c2", Some(Verdict::Confirmed)),
        ],
    );
    let carol = edited(&shared, "Carol", vec![note("c4", "Rückfrage beim Amt")]);
    write_review(root, "haushalt.review.json", &alice);
    let nextcloud = "haushalt.review (conflicted copy 2026-12-01 101502).json";
    let syncthing = "haushalt.review.sync-conflict-20261201-101733-7QXJ4ZA.json";
    write_review(root, nextcloud, &bob);
    write_review(root, syncthing, &carol);
    // A copy that reviews another text: never merged.
    let mut other = fixture();
    other.article.text.push_str(" Nachtrag.");
    other.article.sha256 = claimdesk::article::sha256_hex(&other.article.text);
    std::fs::write(root.join("haushalt.txt"), &alice.article.text).unwrap();
    let dropbox = "haushalt.review (Dana's conflicted copy 2026-12-01).json";
    std::fs::write(
        root.join(dropbox),
        serde_json::to_vec_pretty(&other).unwrap(),
    )
    .unwrap();

    let status = claimdesk_in(root, &["status", "."]);
    let listed = String::from_utf8(status.stdout).unwrap();
    assert!(
        listed.contains("conflicted copies not yet merged"),
        "{listed}"
    );
    for (name, client) in [
        (nextcloud, "Nextcloud"),
        (syncthing, "Syncthing"),
        (dropbox, "Dropbox"),
    ] {
        assert!(listed.contains(&format!("{name} ({client})")), "{listed}");
    }

    let output = claimdesk_in(root, &["merge-copies", "."]);
    let said = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "a conflict remains: {said}");
    assert!(said.contains("1 conflicting field(s) kept"), "{said}");
    assert!(
        said.contains("reviews another text of the article"),
        "{said}"
    );

    let merged = store::load(&root.join("haushalt.review.json")).unwrap();
    let claim = |id: &str| merged.claim(id).unwrap().clone();
    assert_eq!(claim("c1").verdict, Some(Verdict::Confirmed));
    assert_eq!(claim("c1").note, "Protokoll S. 4", "Alice's note");
    assert_eq!(
        claim("c3").verdict,
        Some(Verdict::Unverified),
        "Bob's verdict"
    );
    assert_eq!(
        claim("c3").evidence,
        ["https://example.org/haushalt"],
        "Bob's evidence"
    );
    assert_eq!(claim("c4").note, "Rückfrage beim Amt", "Carol's note");
    let c2 = claim("c2");
    assert_eq!(c2.conflicts.len(), 1, "the true conflict is kept");
    assert_eq!(c2.conflicts[0].field, "verdict");
    assert!(
        merged
            .claims
            .iter()
            .filter(|c| c.id != "c2")
            .all(|c| c.conflicts.is_empty()),
        "nothing else conflicts"
    );

    let aside = root.join(".claimdesk/merged-copies");
    assert!(aside.join(nextcloud).is_file() && aside.join(syncthing).is_file());
    assert!(!root.join(nextcloud).exists() && !root.join(syncthing).exists());
    assert!(root.join(dropbox).is_file(), "the other text's copy stays");

    // Merging again finds only the refused copy and changes nothing.
    let again = claimdesk_in(root, &["merge-copies", "."]);
    assert_eq!(
        store::load(&root.join("haushalt.review.json")).unwrap(),
        merged
    );
    assert!(String::from_utf8(again.stdout).unwrap().contains(dropbox));
}

/// `team init` in a git work tree sets up what the README used to ask for by hand, says what it did, changes
/// nothing the second time, and `git merge` then merges reviews claim by claim; in a plain folder it
/// explains the shared-folder mode.
#[test]
fn team_init_sets_up_git_merges_and_explains_shared_folders() {
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path();
    assert!(git(root, &["init", "-q", "-b", "main"]).status.success());
    std::fs::write(root.join(".gitattributes"), "*.pdf binary").unwrap();
    let first = claimdesk_in(root, &["team", "init"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let said = String::from_utf8(first.stdout).unwrap();
    assert!(
        said.contains("added `*.review.json merge=claimdesk`"),
        "{said}"
    );
    assert!(
        said.contains("git config merge.claimdesk.driver = "),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join(".gitattributes")).unwrap(),
        "*.pdf binary\n*.review.json merge=claimdesk\n",
        "appended, the user's line kept"
    );
    let again = claimdesk_in(root, &["team", "init", "."]);
    let said = String::from_utf8(again.stdout).unwrap();
    assert!(
        said.contains("already routes reviews to claimdesk"),
        "{said}"
    );
    assert!(
        said.contains("merge.claimdesk.driver: already set"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join(".gitattributes"))
            .unwrap()
            .matches("merge=claimdesk")
            .count(),
        1
    );

    let base = fixture();
    write_review(root, "haushalt.review.json", &base);
    assert!(git(root, &["add", "."]).status.success());
    assert!(git(root, &["commit", "-qm", "base"]).status.success());
    assert!(git(root, &["checkout", "-qb", "bob"]).status.success());
    write_review(
        root,
        "haushalt.review.json",
        &edited(&base, "Bob", vec![verdict("c4", Some(Verdict::Denied))]),
    );
    assert!(git(root, &["commit", "-qam", "bob"]).status.success());
    assert!(git(root, &["checkout", "-q", "main"]).status.success());
    write_review(
        root,
        "haushalt.review.json",
        &edited(
            &base,
            "Alice",
            vec![verdict("c3", Some(Verdict::Confirmed))],
        ),
    );
    assert!(git(root, &["commit", "-qam", "alice"]).status.success());
    let merge = git(root, &["merge", "-q", "--no-edit", "bob"]);
    assert!(
        merge.status.success(),
        "the driver merged: {}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let merged = store::load(&root.join("haushalt.review.json")).unwrap();
    assert_eq!(
        merged.claim("c3").unwrap().verdict,
        Some(Verdict::Confirmed)
    );
    assert_eq!(merged.claim("c4").unwrap().verdict, Some(Verdict::Denied));

    let plain = tempfile::tempdir().unwrap();
    let output = claimdesk_in(plain.path(), &["team", "init"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(said.contains("is not in a git work tree"), "{said}");
    assert!(said.contains("claimdesk merge-copies"), "{said}");
    assert!(!plain.path().join(".gitattributes").exists());
}

/// Two articles with one name stem (`x.txt`, `x.html`, `X.md`) each get a review of their own on the
/// command line; a review written before (`x.review.json`, naming `x.txt`) stays `x.txt`'s; a report
/// claimdesk wrote is never listed as an article; and neither the merge driver nor the sync-copy merge
/// ever merges one article's review into the other's.
#[test]
fn articles_sharing_a_name_stem_never_share_a_review() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let txt = "Haushalt Lindenau\n\nDie Stadt Lindenau nimmt 2025 rund 12,4 Millionen Euro an Gewerbesteuer ein, sagte Kämmerin Ute Brandt.\n";
    let html = "<html><head><title>Hallenbad</title></head><body><p>Das Hallenbad in Lindenau bleibt nach Angaben der Stadtwerke bis Oktober geschlossen, weil die Sanierung 3,1 Millionen Euro kostet.</p></body></html>";
    let md = "# Radwege\n\nDer Kreis baut bis 2027 insgesamt 48 Kilometer neue Radwege, teilte das Landratsamt mit.\n";
    std::fs::write(root.join("x.txt"), txt).unwrap();
    std::fs::write(root.join("x.html"), html).unwrap();
    std::fs::write(root.join("X.md"), md).unwrap();

    let output = claimdesk_in(root, &["extract", "."]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output);
    assert!(said.contains("3 new"), "{said}");
    for (article, review) in [
        ("x.txt", "x.txt.review.json"),
        ("x.html", "x.html.review.json"),
        ("X.md", "X.md.review.json"),
    ] {
        let loaded = store::load(&root.join(review)).unwrap();
        assert_eq!(loaded.article.source, article, "{review}");
    }
    assert!(!root.join("x.review.json").exists());

    let status = claimdesk_in(root, &["status", "--json", "."]);
    let rows: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let reviews: Vec<&str> = rows["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["review"].as_str().unwrap())
        .collect();
    assert_eq!(
        reviews,
        [
            "X.md.review.json",
            "x.html.review.json",
            "x.txt.review.json"
        ]
    );

    // A report claimdesk wrote beside them is not an article, whatever its name.
    let report = claimdesk_in(
        root,
        &[
            "export",
            "--format",
            "html",
            "x.txt.review.json",
            "-o",
            "x-bericht.html",
        ],
    );
    assert!(report.status.success(), "{}", stderr(&report));
    let markdown = claimdesk_in(
        root,
        &[
            "export",
            "--format",
            "markdown",
            "x.txt.review.json",
            "-o",
            "notes.md",
        ],
    );
    assert!(markdown.status.success(), "{}", stderr(&markdown));
    let again = claimdesk_in(root, &["extract", "."]);
    let said = String::from_utf8_lossy(&again.stdout).into_owned() + &stderr(&again);
    assert!(
        said.contains("3 articles: 0 new"),
        "reports are not articles: {said}"
    );
    assert!(
        !root.join("x-bericht.review.json").exists() && !root.join("notes.review.json").exists()
    );

    // The merge driver refuses the review of another article file, even of the same text.
    let txt_review = store::load(&root.join("x.txt.review.json")).unwrap();
    let mut renamed = txt_review.clone();
    renamed.article.source = "x.html".into();
    write_review(root, "theirs.json", &renamed);
    let merge = claimdesk_in(
        root,
        &[
            "merge",
            "x.txt.review.json",
            "x.txt.review.json",
            "theirs.json",
        ],
    );
    assert!(!merge.status.success(), "{}", stderr(&merge));
    assert!(
        stderr(&merge).contains("reviews the article file x.html"),
        "{}",
        stderr(&merge)
    );
    std::fs::remove_file(root.join("theirs.json")).unwrap();

    // A sync client's copy of the other article's review is left where it is.
    let copy = "x.txt.review (conflicted copy 2026-12-08 101500).json";
    write_review(root, copy, &renamed);
    let merged = claimdesk_in(root, &["merge-copies", "."]);
    let said = String::from_utf8_lossy(&merged.stdout).into_owned();
    assert!(
        said.contains("reviews another text of the article"),
        "{said}"
    );
    assert_eq!(
        store::load(&root.join("x.txt.review.json")).unwrap(),
        txt_review
    );
    assert!(root.join(copy).is_file());
    std::fs::remove_file(root.join(copy)).unwrap();

    // A review written before the rule, `x.review.json` naming `x.txt`, stays `x.txt`'s.
    let legacy = dir.path().join("legacy");
    std::fs::create_dir(&legacy).unwrap();
    std::fs::write(legacy.join("x.txt"), txt).unwrap();
    let first = claimdesk_in(&legacy, &["extract", "."]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(legacy.join("x.review.json").is_file());
    std::fs::write(legacy.join("x.html"), html).unwrap();
    let second = claimdesk_in(&legacy, &["extract", "."]);
    let said = String::from_utf8_lossy(&second.stdout).into_owned() + &stderr(&second);
    assert!(said.contains("1 new"), "{said}");
    assert_eq!(
        store::load(&legacy.join("x.review.json"))
            .unwrap()
            .article
            .source,
        "x.txt"
    );
    assert_eq!(
        store::load(&legacy.join("x.html.review.json"))
            .unwrap()
            .article
            .source,
        "x.html"
    );
}

/// A review of a desk that is a link to a file outside the desk is never written through: not by
/// `merge-copies`, not by `extract DIR`; the link is named.
#[cfg(unix)]
#[test]
fn reviews_that_link_outside_the_desk_are_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(desk.join(".claimdesk")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let shared = edited(&fixture(), "Dana", vec![note("c1", "geprüft")]);
    write_review(&outside, "haushalt.review.json", &shared);
    let before = std::fs::read(outside.join("haushalt.review.json")).unwrap();
    std::os::unix::fs::symlink(
        outside.join("haushalt.review.json"),
        desk.join("haushalt.review.json"),
    )
    .unwrap();
    std::fs::write(desk.join("haushalt.txt"), &shared.article.text).unwrap();
    let theirs = edited(&shared, "Bob", vec![note("c2", "Rückfrage")]);
    write_review(
        &desk,
        "haushalt.review (conflicted copy 2026-12-08 101500).json",
        &theirs,
    );

    let output = claimdesk_in(&desk, &["merge-copies", "."]);
    assert_ne!(output.status.code(), Some(0));
    let said = String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output);
    assert!(said.contains("outside the desk"), "{said}");
    assert_eq!(
        std::fs::read(outside.join("haushalt.review.json")).unwrap(),
        before
    );

    // A dangling link to outside: extract DIR does not create the file there.
    std::fs::write(
        desk.join("neu.txt"),
        "Die Stadt zahlte 2024 rund 3 Millionen Euro.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.join("neu.review.json"),
        desk.join("neu.review.json"),
    )
    .unwrap();
    let output = claimdesk_in(&desk, &["extract", "."]);
    let said = String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output);
    assert!(said.contains("outside the desk"), "{said}");
    assert!(!outside.join("neu.review.json").exists());
}

/// Conflicted copies a sync client (or a colleague) left that cannot be merged — a link, a folder, a copy
/// of a review that is not there — are named with why, never skipped without a word; and a copy's name
/// with a line break in it cannot forge a line of the report.
#[cfg(unix)]
#[test]
fn unmergeable_copies_are_named_and_names_cannot_forge_report_lines() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let shared = edited(&fixture(), "Dana", vec![note("c1", "geprüft")]);
    write_review(root, "haushalt.review.json", &shared);
    std::fs::write(root.join("haushalt.txt"), &shared.article.text).unwrap();
    let theirs = edited(&shared, "Bob", vec![note("c2", "Rückfrage")]);
    let outside = tempfile::tempdir().unwrap();
    write_review(outside.path(), "copy.json", &theirs);
    std::os::unix::fs::symlink(
        outside.path().join("copy.json"),
        root.join("haushalt.review (conflicted copy 2026-12-08 101500).json"),
    )
    .unwrap();
    std::fs::create_dir(root.join("haushalt.review (conflicted copy 2026-12-08 101600).json"))
        .unwrap();
    write_review(
        root,
        "verschwunden.review (conflicted copy 2026-12-08 101700).json",
        &theirs,
    );
    let forged = "haushalt.review (conflicted copy 2026-12-08 1018\nmerged into haushalt.review.json; moved to x).json";
    write_review(root, forged, &theirs);

    let status = claimdesk_in(root, &["status", "."]);
    let listed = String::from_utf8_lossy(&status.stdout).into_owned();
    for (name, why) in [
        ("101500", "symbolic link"),
        ("101600", "is a folder"),
        ("101700", "its review is not there"),
    ] {
        assert!(
            listed
                .lines()
                .any(|line| line.contains(name) && line.contains(why)),
            "{name}: {listed}"
        );
    }
    let output = claimdesk_in(root, &["merge-copies", "."]);
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        !said.lines().any(|line| line.starts_with("merged into")),
        "{said}"
    );
    assert!(said.contains("1018\\u{a}merged into"), "{said}");
    assert_ne!(output.status.code(), Some(0), "copies were left: {said}");
}

/// Two `extract DIR` runs on one desk at once write each review once and report it once: the second
/// waits for the first and finds its reviews.
#[test]
fn two_extractions_of_one_desk_at_once_write_each_review_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..40 {
        std::fs::write(
            root.join(format!("a{i:02}.txt")),
            format!("Meldung {i}\n\nDie Stadt zahlte 2024 rund {i} Millionen Euro für den Radweg Nummer {i}, sagte Kämmerin Ute Brandt.\n"),
        )
        .unwrap();
    }
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .current_dir(root)
            .args(["extract", "--jobs", "1", "."])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (start(), start());
    let said =
        stderr(&first.wait_with_output().unwrap()) + &stderr(&second.wait_with_output().unwrap());
    let new: usize = said
        .lines()
        .filter_map(|line| {
            let counts = line.split("articles: ").nth(1)?;
            counts.split(" new").next()?.trim().parse::<usize>().ok()
        })
        .sum();
    assert_eq!(new, 40, "each review is new once: {said}");
}
