//! Noticing articles added, changed or removed while a desk is open, without a restart.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{Debouncer, new_debouncer};

/// How long the folder must be quiet before a change is reported: a save by an editor or a `git pull` is
/// several events, reported once.
pub const QUIET_FOR: Duration = Duration::from_millis(400);

/// Watches a desk folder (recursively) and collects the paths that changed.
pub struct DeskWatcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    receiver: Receiver<Vec<PathBuf>>,
}

/// Whether a changed path matters to the desk: articles and reviews, not claimdesk's own cache, hidden
/// files or an editor's temporary files.
fn relevant(desk: &Path, path: &Path) -> bool {
    let inside = path.strip_prefix(desk).unwrap_or(path);
    let hidden = inside
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden
        && (super::scan::is_article_path(path)
            || super::is_review_file(path)
            || path.extension().is_none())
}

impl DeskWatcher {
    /// Starts watching `desk`; `on_change` is called (from the watcher's thread) after each quiet period
    /// with changes, e.g. to wake the window.
    ///
    /// # Errors
    /// When the operating system refuses to watch the folder (too many watches, no permission).
    pub fn start(
        desk: &Path,
        on_change: impl Fn() + Send + 'static,
    ) -> Result<Self, notify::Error> {
        let (sender, receiver) = channel();
        let root = desk.to_owned();
        let mut debouncer = new_debouncer(
            QUIET_FOR,
            move |result: notify_debouncer_mini::DebounceEventResult| {
                if let Ok(events) = result {
                    let paths: Vec<PathBuf> = events
                        .into_iter()
                        .map(|event| event.path)
                        .filter(|path| relevant(&root, path))
                        .collect();
                    if !paths.is_empty() && sender.send(paths).is_ok() {
                        on_change();
                    }
                }
            },
        )?;
        debouncer.watcher().watch(desk, RecursiveMode::Recursive)?;
        Ok(Self {
            _debouncer: debouncer,
            receiver,
        })
    }

    /// The paths that changed since the last call (empty when nothing did).
    #[must_use]
    pub fn changes(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self.receiver.try_iter().flatten().collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn reports_a_new_article_and_ignores_the_cache() {
        let desk = tempfile::tempdir().unwrap();
        let root = desk.path().canonicalize().unwrap();
        let watcher = DeskWatcher::start(&root, || {}).unwrap();
        std::fs::create_dir(root.join(".claimdesk")).unwrap();
        std::fs::write(root.join(".claimdesk/x.json"), "{}").unwrap();
        std::fs::write(root.join("new.txt"), "Die Stadt zahlte 3 Millionen Euro.").unwrap();
        let started = Instant::now();
        let mut seen = Vec::new();
        while started.elapsed() < Duration::from_secs(10) && seen.is_empty() {
            std::thread::sleep(Duration::from_millis(50));
            seen = watcher.changes();
        }
        assert_eq!(seen, [root.join("new.txt")]);
    }
}
