//! Input pacing: the order of the user's events decides what happens, never how they fall into frames.
//!
//! egui applies some events at pass boundaries rather than in order: Escape clears the keyboard focus at the
//! start of a pass, before any widget sees the keys typed before it; Tab, Enter (in a single-line field) and
//! the arrow keys move or drop the focus at the end of a pass, after the widgets have taken the keys typed
//! after them; a click selects a claim while the pass draws, after claimdesk has already acted on the keys.
//! With fast frames each key gets a pass of its own and nothing goes wrong. With slow frames (a busy machine,
//! a background job) several keys share one pass, and a key would act against the wrong focus: a letter of a
//! note became a verdict, text before an Esc was dropped.
//!
//! [`InputPacer`] cuts each pass's events so that a focus change never has events on the wrong side of it
//! within one pass. The events after the cut wait, in order, for the next pass, which is requested at once.
//! Nothing is dropped and nothing is reordered.

use std::collections::VecDeque;

use egui::{Event, Key};

/// An egui plugin that holds back the events after a focus change to the next pass.
#[derive(Default)]
pub struct InputPacer {
    held: VecDeque<Event>,
}

impl InputPacer {
    /// Makes sure `ctx` paces its input; cheap to call again.
    pub fn install(ctx: &egui::Context) {
        ctx.plugin_or_default::<Self>();
    }

    /// Puts `events` back in front of the waiting ones, for the next pass: keys typed after a command that
    /// moves the cursor into a text field reach that field once it has drawn with the focus.
    pub fn defer(ctx: &egui::Context, events: Vec<Event>) {
        if events.is_empty() {
            return;
        }
        {
            let pacer = ctx.plugin_or_default::<Self>();
            let mut pacer = pacer.lock();
            for event in events.into_iter().rev() {
                pacer.held.push_front(event);
            }
        }
        ctx.request_repaint();
    }
}

impl egui::Plugin for InputPacer {
    fn debug_name(&self) -> &'static str {
        "claimdesk input pacer"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut egui::RawInput) {
        if !self.held.is_empty() {
            let mut events: Vec<Event> = self.held.drain(..).collect();
            events.append(&mut input.events);
            input.events = events;
        }
        if let Some(cut) = frame_cut(&input.events) {
            self.held.extend(input.events.drain(cut..));
            ctx.request_repaint();
        }
    }
}

/// Keys whose focus change egui applies at the end of a pass.
fn moves_focus_at_pass_end(key: Key) -> bool {
    matches!(
        key,
        Key::Tab | Key::Enter | Key::ArrowUp | Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight
    )
}

fn is_keyboard(event: &Event) -> bool {
    matches!(
        event,
        Event::Key { pressed: true, .. } | Event::Text(_) | Event::Paste(_)
    )
}

fn is_pointer_button(event: &Event) -> bool {
    matches!(event, Event::PointerButton { .. })
}

/// Where this pass's events must end (`None`: all of them belong to this pass). Always at least 1, so every
/// pass makes progress.
///
/// - An Escape that is not the first event starts the next pass: egui acts on it before anything else.
/// - Nothing follows Tab, Enter or an arrow key in the same pass: egui moves the focus after the pass.
/// - Key presses and pointer buttons never share a pass: claimdesk acts on keys before drawing, widgets on
///   clicks while drawing.
#[must_use]
pub fn frame_cut(events: &[Event]) -> Option<usize> {
    let mut seen_keyboard = false;
    let mut seen_pointer_button = false;
    for (index, event) in events.iter().enumerate() {
        let starts_next_pass = match event {
            Event::Key {
                key: Key::Escape,
                pressed: true,
                ..
            } => index > 0,
            _ if is_keyboard(event) => seen_pointer_button,
            _ if is_pointer_button(event) => seen_keyboard,
            _ => false,
        };
        if starts_next_pass {
            return Some(index);
        }
        if let Event::Key {
            key, pressed: true, ..
        } = event
            && moves_focus_at_pass_end(*key)
        {
            // The character the key types (if any) comes with it.
            let end =
                index + 1 + usize::from(matches!(events.get(index + 1), Some(Event::Text(_))));
            return (end < events.len()).then_some(end);
        }
        seen_keyboard |= is_keyboard(event);
        seen_pointer_button |= is_pointer_button(event);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn release(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: false,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn text(text: &str) -> Event {
        Event::Text(text.to_owned())
    }

    fn click() -> Event {
        Event::PointerButton {
            pos: egui::pos2(10.0, 10.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        }
    }

    /// Splits `events` into passes the way the pacer does.
    fn passes(mut events: Vec<Event>) -> Vec<Vec<Event>> {
        let mut passes = Vec::new();
        while !events.is_empty() {
            let cut = frame_cut(&events).unwrap_or(events.len());
            assert!(cut > 0, "a pass must make progress");
            let rest = events.split_off(cut);
            passes.push(std::mem::replace(&mut events, rest));
        }
        passes
    }

    #[test]
    fn text_before_escape_stays_in_its_pass_and_escape_starts_the_next() {
        let events = vec![
            key(Key::C),
            text("c"),
            release(Key::C),
            key(Key::Escape),
            key(Key::J),
            text("j"),
        ];
        let split = passes(events);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].len(), 3);
        assert_eq!(split[1][0], key(Key::Escape));
        assert_eq!(
            split[1].len(),
            3,
            "keys after Esc share its pass: egui acted on Esc first"
        );
    }

    #[test]
    fn nothing_follows_tab_enter_or_arrows() {
        for moving in [Key::Tab, Key::Enter, Key::ArrowDown, Key::ArrowUp] {
            let split = passes(vec![text("a"), key(moving), key(Key::C), text("c")]);
            assert_eq!(split.len(), 2, "{moving:?}");
            assert_eq!(split[0], vec![text("a"), key(moving)]);
            assert_eq!(split[1], vec![key(Key::C), text("c")]);
        }
        // A character typed by the key itself stays with it.
        let split = passes(vec![key(Key::Enter), text("\n"), key(Key::J)]);
        assert_eq!(split[0].len(), 2);
    }

    #[test]
    fn clicks_and_keys_never_share_a_pass() {
        let split = passes(vec![click(), key(Key::C), text("c"), click(), key(Key::D)]);
        assert_eq!(split.len(), 4);
        assert_eq!(split[0], vec![click()]);
        assert_eq!(split[1], vec![key(Key::C), text("c")]);
        assert_eq!(split[2], vec![click()]);
        assert_eq!(split[3], vec![key(Key::D)]);
    }

    #[test]
    fn plain_typing_is_one_pass_and_nothing_is_lost_or_reordered() {
        let typed: Vec<Event> = "c d Quelle".chars().map(|c| text(&c.to_string())).collect();
        assert_eq!(frame_cut(&typed), None);
        let mut all = vec![key(Key::N), text("n")];
        all.extend(typed.clone());
        all.extend([
            key(Key::Escape),
            key(Key::Tab),
            key(Key::J),
            click(),
            key(Key::K),
        ]);
        let flattened: Vec<Event> = passes(all.clone()).concat();
        assert_eq!(flattened, all);
    }
}
