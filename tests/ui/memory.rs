//! Checked before: the desk's memory in the window, M and its opposite, imports while the window is open.

use super::*;

#[test]
fn checked_before_shows_earlier_checks_and_m_adopts_the_verdict_undoably() {
    let (_desk, mut bench, matching) = open_on_a_claim_checked_before(english());
    let matches = bench
        .app()
        .workbench
        .checked_before
        .matches(&matching)
        .to_vec();
    assert_eq!(matches.len(), 1, "{matches:?}");
    assert_eq!(matches[0].relation, claimdesk::memory::Relation::Same);
    assert_eq!(matches[0].entry.verdict, Verdict::Denied);
    // Selected: read the inspector.
    bench.harness.get_by_label("Checked before (1)");
    bench.harness.get_by_label("same fact");
    bench.harness.get_by_label("https://fakten.example/radwege");
    // The claim list marks it.
    bench
        .harness
        .get_by_label_contains("(checked before: denied)");

    bench.press(Key::M);
    let adopted = bench.claim(&matching);
    assert_eq!(adopted.verdict, Some(Verdict::Denied));
    // The note is part of the German review: written in German whatever the window's language.
    assert!(
        adopted
            .note
            .contains("Bereits geprüft (Falsch): Faktencheck Nord, 01.10.2026"),
        "{}",
        adopted.note
    );
    assert!(adopted.note.contains("https://fakten.example/radwege"));
    // One undo step takes both back.
    bench.press_with(Modifiers::COMMAND, Key::Z);
    let undone = bench.claim(&matching);
    assert_eq!(undone.verdict, None);
    assert_eq!(undone.note, "");

    // A claim with nothing before it: M changes nothing and says why.
    let other = bench
        .claim_ids()
        .into_iter()
        .find(|id| bench.claim(id).text.contains("Kiel"))
        .expect("the car claim is extracted");
    while bench.selected() != other {
        bench.press(Key::J);
    }
    bench.harness.get_by_label("Checked before (0)");
    bench.press(Key::M);
    assert_eq!(bench.claim(&other).verdict, None);
    let status = bench.app().status.as_ref().unwrap().text.clone();
    assert!(status.contains("no verdict to adopt"), "{status}");
}
