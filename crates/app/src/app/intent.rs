//! The one route of everything a user asks for: views, menus and dialogs say what they want as an
//! [`Intent`]; the shell applies each one in one place ([`super::ClaimDeskApp::apply`]) — keyboard commands
//! as they are read (keys act in the order typed), everything drawn at the end of the frame. No view
//! changes the document in the middle of drawing it.

use std::path::{Path, PathBuf};

use super::Command;
use super::desk_view::OpenArticle;
use super::dialogs::Choice;
use super::settings::Settings;
use crate::i18n::Messages;
use crate::review::edit::Edit;

/// Something a user asked for.
#[derive(Debug, Clone)]
pub enum Intent {
    /// A command (menu, button, shortcut).
    Command(Command),
    /// An edit of the open review.
    Edit(Edit),
    /// A dialog's answer.
    Choice(Choice),
    /// Open a file (a recent file, a dropped file).
    Open(PathBuf),
    /// Open an article of the desk.
    OpenFromDesk(OpenArticle),
    /// A line for the status bar.
    Post {
        /// What to say.
        text: String,
        /// Errors stay longer and are red.
        is_error: bool,
    },
    /// A failure worth more than a status line: an error dialog (and the status line).
    ShowError {
        /// What failed.
        title: String,
        /// Why, and what to do.
        message: String,
    },
}

/// What a view reads of the shell while it draws or acts, and where it leaves its intents.
pub struct ViewContext<'a> {
    /// The window's messages.
    pub messages: &'static Messages,
    /// The persisted options.
    pub settings: &'a Settings,
    /// The file being opened, while one is: the review on screen is about to be replaced.
    pub opening: Option<&'a Path>,
    intents: &'a mut Vec<Intent>,
}

impl<'a> ViewContext<'a> {
    /// A context that collects intents into `intents`.
    pub fn new(
        messages: &'static Messages,
        settings: &'a Settings,
        opening: Option<&'a Path>,
        intents: &'a mut Vec<Intent>,
    ) -> Self {
        Self {
            messages,
            settings,
            opening,
            intents,
        }
    }

    /// Asks for `intent`.
    pub fn ask(&mut self, intent: Intent) {
        self.intents.push(intent);
    }

    /// Asks for a command.
    pub fn command(&mut self, command: Command) {
        self.ask(Intent::Command(command));
    }

    /// Asks for an edit of the open review.
    pub fn edit(&mut self, edit: Edit) {
        self.ask(Intent::Edit(edit));
    }

    /// A status line.
    pub fn post(&mut self, text: impl Into<String>, is_error: bool) {
        self.ask(Intent::Post {
            text: text.into(),
            is_error,
        });
    }

    /// An error dialog for work that failed; the open review stays as it was.
    pub fn show_error(&mut self, title: &str, message: String) {
        self.ask(Intent::ShowError {
            title: title.to_owned(),
            message,
        });
    }
}
