//! Keys under load: however the keys fall into frames, the order typed decides.

use super::*;

#[test]
fn shortcut_letters_after_n_in_one_frame_are_all_note_text() {
    let mut bench = open(None);
    let id = bench.selected();
    let before = bench.verdicts_and_notes();
    let events = keystrokes("ncdulpjka0 cdulpjka0");
    bench.deliver(&events, &[]);
    assert_eq!(bench.claim(&id).note, "cdulpjka0 cdulpjka0");
    assert_eq!(bench.selected(), id, "no letter moved the selection");
    let after = bench.verdicts_and_notes();
    for ((_, verdict_before, _), (claim, verdict_after, _)) in before.iter().zip(&after) {
        assert_eq!(verdict_before, verdict_after, "{claim} changed its verdict");
    }
    assert_eq!(bench.claim_ids().len(), before.len(), "no claim added by A");
}

#[test]
fn text_typed_before_esc_in_the_same_frame_is_kept_and_keys_after_esc_act() {
    let mut bench = open(None);
    let id = bench.selected();
    // N, a note, Esc and C all in one frame: the note is exact, then C confirms the claim the user sees.
    bench.deliver(&keystrokes("nsiehe Quelle⎋c"), &[]);
    assert_eq!(bench.claim(&id).note, "siehe Quelle");
    assert_eq!(bench.claim(&id).verdict, Some(Verdict::Confirmed));
    let next = bench.selected();
    assert_ne!(next, id, "the verdict moved on to the next pending claim");
    // Esc, a shortcut, N and more text, and Esc again, still in one frame.
    bench.deliver(&keystrokes("⎋dnzweite⎋"), &[]);
    assert_eq!(bench.claim(&next).verdict, Some(Verdict::Denied));
    // D, N: the note follows the claim just judged, which is selected again.
    assert_eq!(bench.selected(), next);
    assert_eq!(bench.claim(&next).note, "zweite");
}

#[test]
fn the_reported_sequence_gives_the_same_review_however_it_falls_into_frames() {
    let events = reported_sequence();
    // A frame boundary can fall anywhere but between a key press and the character it types: the window
    // system hands both over in one piece.
    let boundaries: Vec<usize> = (1..events.len())
        .filter(|&i| !matches!(events[i], egui::Event::Text(_)))
        .collect();
    let mut expected = open(None);
    // Every event in a frame of its own: what a fast machine does.
    expected.deliver(&events, &boundaries);
    let reference = expected.verdicts_and_notes();
    let verdicts = reference.iter().filter(|(_, v, _)| v.is_some()).count();
    let notes: Vec<&str> = reference
        .iter()
        .filter(|(_, _, n)| !n.is_empty())
        .map(|(_, _, n)| n.as_str())
        .collect();
    assert_eq!(verdicts, 3, "{reference:?}");
    assert_eq!(notes, ["c d Quelle"]);

    // Everything in one frame, and every single cut and some double cuts: what slow frames do.
    let mut splits: Vec<Vec<usize>> = vec![vec![]];
    splits.extend(boundaries.iter().map(|&cut| vec![cut]));
    splits.extend(boundaries.iter().step_by(5).flat_map(|&a| {
        boundaries
            .iter()
            .filter(move |&&b| b > a)
            .step_by(7)
            .map(move |&b| vec![a, b])
    }));
    for cuts in splits {
        let mut bench = open(None);
        bench.deliver(&events, &cuts);
        assert_eq!(
            bench.verdicts_and_notes(),
            reference,
            "frames cut at {cuts:?} changed the outcome"
        );
    }
}

#[test]
fn keys_typed_right_after_opening_the_path_dialog_go_into_its_field() {
    let mut bench = open(None);
    let mut events = keystroke(Key::O, None, Modifiers::COMMAND | Modifiers::SHIFT);
    events.extend(keystrokes("cdj"));
    bench.deliver(&events, &[]);
    match &bench.app().dialog {
        Some(Dialog::PathEntry { text, .. }) => assert_eq!(text, "cdj"),
        other => panic!("expected the path dialog, got {other:?}"),
    }
    assert!(
        bench
            .verdicts_and_notes()
            .iter()
            .all(|(_, v, _)| v.is_none()),
        "no letter became a verdict behind the dialog"
    );
}
