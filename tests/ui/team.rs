//! Working as a team: a colleague's save merged, four eyes.

use super::*;

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
