//! Every action of the workbench as one enum: its label, its keyboard shortcuts and whether it is a
//! single-key shortcut (those never fire while a text field has focus).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::review::{Verdict, VerdictState};

/// A user action. Menus, shortcuts, the help overlay and tests all go through this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Open an article or review with the system file dialog.
    Open,
    /// Open a file by typing its path.
    OpenPath,
    /// Open a folder of articles as a desk.
    OpenFolder,
    /// Open a web address.
    OpenAddress,
    /// Stop the download in progress.
    CancelDownload,
    /// Train the desk's own check-worthiness model from its decisions.
    TrainDeskModel,
    /// Switch between the desk and the article under review.
    ShowDesk,
    /// Open the article selected in the desk.
    OpenArticle,
    /// Open the next article of the desk.
    NextArticle,
    /// Open the previous article of the desk.
    PreviousArticle,
    /// Open the next article of the desk with pending claims.
    NextPendingArticle,
    /// Save the review to its file.
    Save,
    /// Save the review under a new name.
    SaveAs,
    /// Export the review (ClaimReview, CSV, Markdown, HTML).
    Export,
    /// Quit claimdesk.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Select the next claim in the list.
    NextClaim,
    /// Select the previous claim in the list.
    PreviousClaim,
    /// Jump to the next claim without a verdict.
    NextPending,
    /// Mark the selected claim confirmed.
    Confirm,
    /// Mark the selected claim denied.
    Deny,
    /// Mark the selected claim unverified.
    MarkUnverified,
    /// Set the selected claim back to pending.
    MarkPending,
    /// Put the cursor into the note of the selected claim.
    EditNote,
    /// Put the cursor into the evidence link field.
    AddEvidence,
    /// Add the selected article text (or the sentence under the cursor) as a claim.
    AddClaim,
    /// Set the selected claim's span to the selected article text.
    SetSpanFromSelection,
    /// Remove the selected claim.
    RemoveClaim,
    /// Approve the selected claim's verdict as a second reviewer.
    Approve,
    /// Resolve the selected claim's first merge conflict with our value.
    KeepOurs,
    /// Resolve the selected claim's first merge conflict with their value.
    TakeTheirs,
    /// Set the analyst's name recorded with every change.
    SetReviewerName,
    /// Take over the verdict of the best earlier check that states the same fact, citing it in the note.
    AdoptEarlierVerdict,
    /// Search the claims.
    Find,
    /// Toggle jumping to the next pending claim after a verdict.
    ToggleAdvance,
    /// Sort the claim list by position or by score.
    ToggleSort,
    /// Larger article text.
    ZoomIn,
    /// Smaller article text.
    ZoomOut,
    /// Show every shortcut.
    ShowHelp,
    /// Open the bundled German sample article.
    OpenGermanSample,
    /// Open the bundled English sample article.
    OpenEnglishSample,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Self; 42] = [
        Self::Open,
        Self::OpenPath,
        Self::OpenFolder,
        Self::OpenAddress,
        Self::CancelDownload,
        Self::ShowDesk,
        Self::OpenArticle,
        Self::NextArticle,
        Self::PreviousArticle,
        Self::NextPendingArticle,
        Self::TrainDeskModel,
        Self::Save,
        Self::SaveAs,
        Self::Export,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::NextClaim,
        Self::PreviousClaim,
        Self::NextPending,
        Self::Confirm,
        Self::Deny,
        Self::MarkUnverified,
        Self::MarkPending,
        Self::EditNote,
        Self::AddEvidence,
        Self::AddClaim,
        Self::SetSpanFromSelection,
        Self::RemoveClaim,
        Self::AdoptEarlierVerdict,
        Self::Approve,
        Self::KeepOurs,
        Self::TakeTheirs,
        Self::SetReviewerName,
        Self::Find,
        Self::ToggleAdvance,
        Self::ToggleSort,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ShowHelp,
        Self::OpenGermanSample,
        Self::OpenEnglishSample,
    ];

    /// The message id of the menu and help text.
    #[must_use]
    pub fn label_id(self) -> &'static str {
        match self {
            Self::Open => "command-open",
            Self::OpenPath => "command-open-path",
            Self::OpenFolder => "command-open-folder",
            Self::OpenAddress => "command-open-address",
            Self::CancelDownload => "command-cancel-download",
            Self::TrainDeskModel => "command-train-desk-model",
            Self::ShowDesk => "command-show-desk",
            Self::OpenArticle => "command-open-article",
            Self::NextArticle => "command-next-article",
            Self::PreviousArticle => "command-previous-article",
            Self::NextPendingArticle => "command-next-pending-article",
            Self::Save => "command-save",
            Self::SaveAs => "command-save-as",
            Self::Export => "command-export",
            Self::Quit => "command-quit",
            Self::Undo => "command-undo",
            Self::Redo => "command-redo",
            Self::NextClaim => "command-next-claim",
            Self::PreviousClaim => "command-previous-claim",
            Self::NextPending => "command-next-pending",
            Self::Confirm => "command-confirm",
            Self::Deny => "command-deny",
            Self::MarkUnverified => "command-mark-unverified",
            Self::MarkPending => "command-mark-pending",
            Self::EditNote => "command-edit-note",
            Self::AddEvidence => "command-add-evidence",
            Self::AddClaim => "command-add-claim",
            Self::SetSpanFromSelection => "command-set-span-from-selection",
            Self::RemoveClaim => "command-remove-claim",
            Self::AdoptEarlierVerdict => "command-adopt-earlier-verdict",
            Self::Approve => "command-approve",
            Self::KeepOurs => "command-keep-ours",
            Self::TakeTheirs => "command-take-theirs",
            Self::SetReviewerName => "command-set-reviewer-name",
            Self::Find => "command-find",
            Self::ToggleAdvance => "command-toggle-advance",
            Self::ToggleSort => "command-toggle-sort",
            Self::ZoomIn => "command-zoom-in",
            Self::ZoomOut => "command-zoom-out",
            Self::ShowHelp => "command-show-help",
            Self::OpenGermanSample => "command-open-german-sample",
            Self::OpenEnglishSample => "command-open-english-sample",
        }
    }

    /// The menu and help text in the window's language.
    #[must_use]
    pub fn label(self, messages: &crate::i18n::Messages) -> String {
        messages.text(self.label_id())
    }

    /// The keyboard shortcuts; the first is shown in menus.
    #[must_use]
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Self::Open => vec![ctrl(Key::O)],
            Self::OpenPath => vec![ctrl_shift(Key::O)],
            Self::OpenAddress => vec![ctrl(Key::L)],
            Self::ShowDesk => vec![ctrl(Key::D)],
            Self::OpenArticle => vec![key(Key::Enter)],
            Self::NextArticle => vec![ctrl(Key::PageDown)],
            Self::PreviousArticle => vec![ctrl(Key::PageUp)],
            Self::NextPendingArticle => vec![ctrl(Key::P)],
            Self::Save => vec![ctrl(Key::S)],
            Self::SaveAs => vec![ctrl_shift(Key::S)],
            Self::Export => vec![ctrl(Key::E)],
            Self::Quit => vec![ctrl(Key::Q)],
            Self::Undo => vec![ctrl(Key::Z)],
            Self::Redo => vec![ctrl_shift(Key::Z), ctrl(Key::Y)],
            Self::NextClaim => vec![key(Key::J), key(Key::ArrowDown)],
            Self::PreviousClaim => vec![key(Key::K), key(Key::ArrowUp)],
            Self::NextPending => vec![key(Key::P)],
            Self::Confirm => vec![key(Key::C)],
            Self::Deny => vec![key(Key::D)],
            Self::MarkUnverified => vec![key(Key::U)],
            Self::MarkPending => vec![key(Key::Num0), key(Key::Backspace)],
            Self::EditNote => vec![key(Key::N)],
            Self::AddEvidence => vec![key(Key::L)],
            Self::AddClaim => vec![key(Key::A)],
            Self::SetSpanFromSelection => vec![shift(Key::A)],
            Self::RemoveClaim => vec![key(Key::Delete)],
            Self::AdoptEarlierVerdict => vec![key(Key::M)],
            Self::Approve => vec![key(Key::V)],
            Self::KeepOurs => vec![key(Key::O)],
            Self::TakeTheirs => vec![key(Key::T)],
            Self::Find => vec![ctrl(Key::F), key(Key::Slash)],
            Self::ToggleAdvance => vec![key(Key::G)],
            Self::ToggleSort => vec![key(Key::S)],
            Self::ZoomIn => vec![ctrl(Key::Plus), ctrl(Key::Equals)],
            Self::ZoomOut => vec![ctrl(Key::Minus)],
            Self::ShowHelp => vec![key(Key::F1), key(Key::Questionmark)],
            // Rare enough to live in the menus only.
            Self::OpenFolder
            | Self::CancelDownload
            | Self::TrainDeskModel
            | Self::SetReviewerName
            | Self::OpenGermanSample
            | Self::OpenEnglishSample => vec![],
        }
    }

    /// The first shortcut as the platform writes it (`Ctrl+S`), or nothing for commands without one.
    #[must_use]
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// Whether a shortcut has no Ctrl/Cmd modifier: such shortcuts would type into text fields, so they
    /// only fire when no text field has focus.
    #[must_use]
    pub fn is_plain_key(shortcut: &KeyboardShortcut) -> bool {
        !shortcut.modifiers.command
            && !shortcut.modifiers.ctrl
            && !matches!(shortcut.logical_key, Key::F1)
    }

    /// The verdict this command sets, for the verdict commands.
    #[must_use]
    pub fn verdict(self) -> Option<VerdictState> {
        match self {
            Self::Confirm => Some(VerdictState::Given(Verdict::Confirmed)),
            Self::Deny => Some(VerdictState::Given(Verdict::Denied)),
            Self::MarkUnverified => Some(VerdictState::Given(Verdict::Unverified)),
            Self::MarkPending => Some(VerdictState::Pending),
            _ => None,
        }
    }
}

/// Whether a command puts the cursor into a text field: keys typed after it are text.
#[must_use]
pub fn moves_focus_to_text(command: Command) -> bool {
    matches!(
        command,
        Command::EditNote
            | Command::AddEvidence
            | Command::Find
            | Command::OpenPath
            | Command::OpenAddress
            | Command::SetReviewerName
    )
}

/// What the keys after a command are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterCommand {
    /// More shortcuts: go on reading keys in this pass.
    Shortcuts,
    /// A text field or dialog has the keyboard now: the remaining keys wait for the next pass, when it has
    /// drawn with the focus, and go to it.
    Text,
}

/// Every binding, with modified shortcuts first: egui ignores extra Shift and Alt when matching, so
/// Ctrl+Shift+S must be tried before Ctrl+S, and Shift+A before A.
fn bindings() -> Vec<(KeyboardShortcut, Command)> {
    let mut bindings: Vec<(KeyboardShortcut, Command)> = Command::ALL
        .iter()
        .flat_map(|command| command.shortcuts().into_iter().map(move |s| (s, *command)))
        .collect();
    bindings.sort_by_key(|(shortcut, _)| {
        let m = shortcut.modifiers;
        std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
    });
    bindings
}

/// Reads this pass's key events in order and hands each shortcut to `apply` as it comes, removing the key
/// (and the character it would type) from the input so widgets do not see it.
///
/// The state a key is read against is the state after the keys before it: a text field that has the cursor
/// takes single-letter keys as text; while a modal dialog is open only Ctrl+Q acts; a command that is not
/// `active` in the current view leaves its key to the widgets. When `apply` says the keyboard now belongs
/// to a text field or dialog, the rest of the pass's events are deferred to the next pass (see
/// [`super::input::InputPacer`]), when the field has drawn with the focus: a fast typist's "n" followed by a
/// note loses no letter and turns no letter into a verdict, however the keys fall into frames.
pub fn dispatch(
    ctx: &egui::Context,
    modal: bool,
    active: &dyn Fn(Command) -> bool,
    mut apply: impl FnMut(Command) -> AfterCommand,
) {
    let bindings = bindings();
    let mut from = 0;
    loop {
        let typing = ctx.text_edit_focused();
        let found = ctx.input_mut(|input| {
            take_next_shortcut(&mut input.events, from, &bindings, typing, modal, active)
        });
        let Some((command, next)) = found else {
            return;
        };
        if apply(command) == AfterCommand::Text {
            let rest: Vec<egui::Event> =
                ctx.input_mut(|input| input.events.drain(next..).collect());
            super::input::InputPacer::defer(ctx, rest);
            return;
        }
        from = next;
    }
}

/// Finds the first shortcut at or after `from`, removes its key event (and its character) from `events`,
/// and returns the command with the index where reading goes on.
fn take_next_shortcut(
    events: &mut Vec<egui::Event>,
    from: usize,
    bindings: &[(KeyboardShortcut, Command)],
    typing: bool,
    modal: bool,
    active: &dyn Fn(Command) -> bool,
) -> Option<(Command, usize)> {
    for index in from..events.len() {
        let egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = &events[index]
        else {
            continue;
        };
        let found = bindings.iter().find(|(shortcut, command)| {
            shortcut.logical_key == *key
                && modifiers.matches_logically(shortcut.modifiers)
                && !(typing && Command::is_plain_key(shortcut))
                && !(modal && *command != Command::Quit)
                && active(*command)
        });
        let Some((shortcut, command)) = found else {
            continue;
        };
        // The character a plain key types arrives as a separate text event after it (after its release,
        // on some platforms).
        if Command::is_plain_key(shortcut) {
            let text = events[index + 1..]
                .iter()
                .position(|e| !matches!(e, egui::Event::Key { pressed: false, .. }))
                .map(|offset| index + 1 + offset)
                .filter(|&i| matches!(events[i], egui::Event::Text(_)));
            if let Some(text) = text {
                events.remove(text);
            }
        }
        events.remove(index);
        return Some((*command, index));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::ALL {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, command));
            }
        }
        assert!(seen.len() > 25);
    }

    #[test]
    fn every_command_is_listed_once_and_labelled() {
        for (index, command) in Command::ALL.iter().enumerate() {
            for locale in crate::i18n::Locale::ALL {
                let label = command.label(locale.messages());
                assert!(
                    !label.is_empty() && label != command.label_id(),
                    "{command:?} has no {} label",
                    locale.code()
                );
            }
            assert!(
                !Command::ALL[..index].contains(command),
                "{command:?} listed twice"
            );
        }
    }

    #[test]
    fn shift_a_is_not_plain_a() {
        // Modifier matching must tell these apart, or adding a claim would also reset its span.
        let plain = key(Key::A);
        let shifted = shift(Key::A);
        assert_ne!(plain, shifted);
    }
}
