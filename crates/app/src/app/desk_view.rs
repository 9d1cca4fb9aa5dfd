//! The desk view: every article of a folder in one table, what is done and what is pending, search across
//! all claims, and the way into the workbench. It owns its state; the app routes commands to it and opens
//! the articles it asks for.

pub use super::desk_columns::Column;
use crate::review::{Verdict, Vocabulary};
use std::path::{Path, PathBuf};

use super::jobs::Job;
use crate::article::Language;
use crate::desk::search::{self, SearchHit};
use crate::desk::status::{ArticleStatus, Scope, StatusSink, read_statuses};
use crate::desk::watch::DeskWatcher;
use crate::desk::{ArticleFile, scan};
use crate::extract::ExtractOptions;
use crate::i18n::{InWords, Messages};

/// Whether the desk view took a command.
pub enum Handled {
    /// Not a desk command: the shell carries it out.
    No,
    /// Done.
    Yes,
    /// Done, and the shell is to carry out this.
    Then(crate::app::intent::Intent),
}

/// An article of the desk and, once known, its status.
#[derive(Debug, Clone)]
pub struct DeskRow {
    /// The file.
    pub file: ArticleFile,
    /// Its status; `None` while it is being read or extracted.
    pub status: Option<ArticleStatus>,
}

/// Reading or extracting rows in the background, on all cores; each row is handed over as it is read. The
/// job ends after the claims are in the cache, which the desk search reads: it counts as finished only
/// then, not when the last row was sent.
type StatusJob = Job<(), (ArticleFile, ArticleStatus)>;

/// The window's end of the desk's one status loop: each row goes to the table at once, Cancel
/// stops the reading, and a row that failed inside claimdesk says so in the window's languages.
struct ToTable<'a>(&'a crate::app::jobs::Progress<(ArticleFile, ArticleStatus)>);
impl StatusSink for ToTable<'_> {
    fn row(&self, file: &ArticleFile, status: &ArticleStatus) {
        self.0.send((file.clone(), status.clone()));
        self.0.advance();
    }
    fn stopped(&self) -> bool {
        self.0.is_cancelled()
    }
    fn crashed(&self, file: &ArticleFile) -> ArticleStatus {
        RowTrouble::Crashed(file.relative.clone()).status_of(file)
    }
}

fn start_status_job(
    root: PathBuf,
    files: Vec<ArticleFile>,
    options: ExtractOptions,
    whole: bool,
    repaint: &egui::Context,
) -> StatusJob {
    Job::spawn("desk", repaint, move |progress| {
        progress.set_total(files.len());
        let scope = if whole { Scope::Whole } else { Scope::Some };
        let _ = read_statuses(&root, &files, &options, scope, &ToTable(progress));
    })
}

/// How many of `files` have no review yet: those the background job extracts rather than reads.
fn without_review(files: &[ArticleFile]) -> usize {
    files.iter().filter(|f| !f.review_path.is_file()).count()
}

/// Finds the claims closest in meaning to a query in the background: the desk's claims, embedded where the
/// user's vector cache lacks them.
type MeaningJob = Job<Vec<SearchHit>>;

fn start_meaning_job(claims: Vec<SearchHit>, query: String, repaint: &egui::Context) -> MeaningJob {
    Job::spawn("desk-search", repaint, move |progress| {
        search::by_meaning(&claims, &query, &mut |done, total| {
            progress.set_total(total);
            progress.set_done(done);
            !progress.is_cancelled()
        })
    })
}

/// What the desk view asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenArticle {
    /// The article file.
    pub article: PathBuf,
    /// Its sidecar review (it may not exist yet: Ctrl+S writes it).
    pub review: PathBuf,
    /// The claim to select once it is open.
    pub claim: Option<String>,
}

/// The state of an open desk.
pub struct DeskView {
    /// The desk folder.
    pub root: PathBuf,
    /// Every article, in path order. Read it freely; rows change only through [`Self::poll`] and
    /// [`Self::refresh`], which keep the cached table order right.
    pub rows: Vec<DeskRow>,
    /// The sort column and whether it ascends.
    pub sort: (Column, bool),
    /// Text the title or path must contain.
    pub filter: String,
    /// Only articles in this language.
    pub language: Option<Language>,
    /// Only articles with pending claims.
    pub only_pending: bool,
    /// The selected article (relative path).
    pub selected: Option<String>,
    /// The desk search query.
    pub search: String,
    /// Its results: by words at once, by meaning below them when they are found.
    pub hits: Vec<SearchHit>,
    /// The query the hits are for, once a search ran: an empty result then says "nothing found".
    searched: Option<String>,
    /// How many of the articles being read have no review (they are extracted, not just read).
    extracting: usize,
    meaning_job: Option<MeaningJob>,
    job: Option<StatusJob>,
    queued: Vec<ArticleFile>,
    watcher: Option<DeskWatcher>,
    options: ExtractOptions,
    /// Scroll the selected row into view on the next frame.
    scroll_to_selected: bool,
    /// Bumped whenever rows change, so the filtered, sorted order is computed once per change, not per frame.
    revision: u64,
    visible_cache: std::cell::RefCell<Option<(VisibleKey, std::rc::Rc<[usize]>)>>,
}

/// What the visible order depends on.
#[derive(Debug, Clone, PartialEq)]
struct VisibleKey {
    revision: u64,
    filter: String,
    language: Option<Language>,
    only_pending: bool,
    sort: (Column, bool),
}

impl DeskView {
    /// Opens the desk at `root`: lists its articles at once and reads or extracts their status in the
    /// background; watches the folder for changes.
    #[must_use]
    pub fn open(root: PathBuf, ctx: &egui::Context) -> Self {
        // Absolute, so the watcher's paths and the scan's compare equal.
        let root = root.canonicalize().unwrap_or(root);
        let files = scan(&root);
        // As the workbench reads an article (meaning and words), so the table's counts are the ones the
        // analyst finds on opening it; a desk of hundreds is read in the background, row by row.
        let options = crate::app::files::window_options(Some(&root));
        let repaint = ctx.clone();
        let watcher = DeskWatcher::start(&root, move || repaint.request_repaint()).ok();
        let rows = files
            .iter()
            .map(|file| DeskRow {
                file: file.clone(),
                status: None,
            })
            .collect();
        let extracting = without_review(&files);
        let job = Some(start_status_job(
            root.clone(),
            files,
            options.clone(),
            true,
            ctx,
        ));
        Self {
            extracting,
            job,
            watcher,
            options,
            ..Self::with_rows(root, rows)
        }
    }

    /// A desk view of rows already known, without background work or watching: for benchmarks and tests of
    /// the table itself.
    #[doc(hidden)]
    #[must_use]
    pub fn with_rows(root: PathBuf, rows: Vec<DeskRow>) -> Self {
        Self {
            root,
            rows,
            sort: (Column::File, true),
            filter: String::new(),
            language: None,
            only_pending: false,
            selected: None,
            search: String::new(),
            hits: Vec::new(),
            meaning_job: None,
            searched: None,
            extracting: 0,
            job: None,
            queued: Vec::new(),
            watcher: None,
            options: ExtractOptions::default(),
            scroll_to_selected: false,
            revision: 0,
            visible_cache: std::cell::RefCell::new(None),
        }
    }

    /// Whether rows are still being read or extracted.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.job.is_some() || !self.queued.is_empty()
    }

    /// Stops the background extraction; rows not done yet stay without status.
    pub fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
        self.queued.clear();
    }

    /// Rows the cancelled extraction did not reach say so, instead of waiting forever.
    fn mark_unread(&mut self) {
        for row in self.rows.iter_mut().filter(|r| r.status.is_none()) {
            row.status = Some(RowTrouble::NotRead(row.file.relative.clone()).status_of(&row.file));
        }
        self.revision += 1;
    }

    /// Takes finished rows and folder changes; call once per frame.
    pub fn poll(&mut self, ctx: &egui::Context) {
        self.poll_meaning();
        if let Some(job) = &mut self.job {
            // Whether it ended, read before the rows: every row was sent before the job ended.
            let cancelled = job.is_cancelled();
            let finished = cancelled || job.poll().is_some();
            let rows = job.take_partial();
            for (file, status) in rows {
                self.set_row(file, status);
            }
            if finished {
                self.job = None;
                if cancelled {
                    self.mark_unread();
                }
            }
        }
        let changes = self
            .watcher
            .as_ref()
            .map(DeskWatcher::changes)
            .unwrap_or_default();
        if !changes.is_empty() {
            self.refresh(&changes);
        }
        if self.job.is_none() && !self.queued.is_empty() {
            let files = std::mem::take(&mut self.queued);
            self.extracting = without_review(&files);
            self.job = Some(start_status_job(
                self.root.clone(),
                files,
                self.options.clone(),
                false,
                ctx,
            ));
        }
    }

    fn set_row(&mut self, file: ArticleFile, status: ArticleStatus) {
        if let Some(row) = self
            .rows
            .iter_mut()
            .find(|r| r.file.relative == file.relative)
        {
            row.file = file;
            row.status = Some(status);
            self.revision += 1;
        }
    }

    /// Brings the rows touched by `changed` paths up to date: new articles appear, removed ones go, changed
    /// articles and reviews are read again.
    pub fn refresh(&mut self, changed: &[PathBuf]) {
        self.revision += 1;
        let current = scan(&self.root);
        self.rows
            .retain(|row| current.iter().any(|f| f.relative == row.file.relative));
        for file in current {
            // A folder that was moved or copied in counts for every article below it.
            let touched = changed.iter().any(|path| {
                path == &file.path
                    || path == &file.review_path
                    || (path != &self.root && file.path.starts_with(path))
            });
            match self
                .rows
                .iter_mut()
                .find(|r| r.file.relative == file.relative)
            {
                Some(row) if touched || row.file != file => {
                    row.file = file.clone();
                    self.queued.push(file);
                }
                Some(_) => {}
                None => {
                    self.rows.push(DeskRow {
                        file: file.clone(),
                        status: None,
                    });
                    self.queued.push(file);
                }
            }
        }
        self.rows
            .sort_by(|a, b| a.file.relative.cmp(&b.file.relative));
    }

    /// The indices of the rows shown, filtered and sorted (computed again only when rows, filters or the
    /// sort changed).
    #[must_use]
    pub fn visible(&self) -> std::rc::Rc<[usize]> {
        let key = VisibleKey {
            revision: self.revision,
            filter: self.filter.clone(),
            language: self.language,
            only_pending: self.only_pending,
            sort: self.sort,
        };
        if let Some((cached_key, visible)) = &*self.visible_cache.borrow()
            && *cached_key == key
        {
            return std::rc::Rc::clone(visible);
        }
        let visible: std::rc::Rc<[usize]> = self.compute_visible().into();
        *self.visible_cache.borrow_mut() = Some((key, std::rc::Rc::clone(&visible)));
        visible
    }

    fn compute_visible(&self) -> Vec<usize> {
        let filter = self.filter.trim().to_lowercase();
        let mut visible: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                let row = &self.rows[i];
                let status = row.status.as_ref();
                let text_ok = filter.is_empty()
                    || row.file.relative.to_lowercase().contains(&filter)
                    || status
                        .and_then(|s| s.title.as_deref())
                        .is_some_and(|t| t.to_lowercase().contains(&filter));
                let language_ok =
                    self.language.is_none() || status.and_then(|s| s.language) == self.language;
                let pending_ok = !self.only_pending || status.is_some_and(|s| s.pending > 0);
                text_ok && language_ok && pending_ok
            })
            .collect();
        let (column, ascending) = self.sort;
        visible.sort_by(|&a, &b| {
            let order = column.compare(&self.rows[a], &self.rows[b]);
            if ascending { order } else { order.reverse() }
        });
        visible
    }

    fn row_of(&self, relative: &str) -> Option<&DeskRow> {
        self.rows.iter().find(|r| r.file.relative == relative)
    }

    /// The open request for the article at `relative`.
    #[must_use]
    pub fn open_request(&self, relative: &str, claim: Option<String>) -> Option<OpenArticle> {
        let row = self.row_of(relative)?;
        Some(OpenArticle {
            article: row.file.path.clone(),
            review: row.file.review_path.clone(),
            claim,
        })
    }

    /// The article shown `step` rows away from `from` (or from the selection), in table order; with
    /// `pending`, the next one with pending claims.
    #[must_use]
    pub fn neighbour(&self, from: Option<&str>, step: isize, pending: bool) -> Option<String> {
        let visible = self.visible();
        if visible.is_empty() {
            return None;
        }
        let from = from.or(self.selected.as_deref());
        let position = from.and_then(|f| {
            visible
                .iter()
                .position(|&i| self.rows[i].file.relative == f)
        });
        let len = isize::try_from(visible.len()).ok()?;
        let mut index = match position {
            Some(p) => isize::try_from(p).ok()?,
            None if step > 0 => -1,
            None => len,
        };
        loop {
            index += step;
            if index < 0 || index >= len {
                return None;
            }
            let row = &self.rows[visible[usize::try_from(index).ok()?]];
            if !pending || row.status.as_ref().is_some_and(|s| s.pending > 0) {
                return Some(row.file.relative.clone());
            }
        }
    }

    /// Moves the selection by `step` rows.
    pub fn select_relative(&mut self, step: isize) {
        let visible = self.visible();
        let Some(&first) = visible.first() else {
            return;
        };
        self.selected = self
            .neighbour(None, step, false)
            .or_else(|| self.selected.clone())
            .or_else(|| Some(self.rows[first].file.relative.clone()));
        self.scroll_to_selected = true;
    }

    /// The relative path of the article at `path` (article or review file), if it is on this desk.
    #[must_use]
    pub fn relative_of(&self, path: &Path) -> Option<String> {
        self.rows
            .iter()
            .find(|r| r.file.path == path || r.file.review_path == path)
            .map(|r| r.file.relative.clone())
    }

    /// Carries out a command meant for the desk: moving the selection, the filter, opening the selected
    /// article (which the shell does, as the intent returned).
    pub fn command(&mut self, command: crate::app::Command, ctx: &egui::Context) -> Handled {
        use crate::app::Command;
        match command {
            Command::NextClaim => self.select_relative(1),
            Command::PreviousClaim => self.select_relative(-1),
            Command::Find => ctx.memory_mut(|m| m.request_focus(Self::filter_id())),
            Command::OpenArticle => {
                return self
                    .selected
                    .clone()
                    .and_then(|selected| self.open_request(&selected, None))
                    .map_or(Handled::Yes, |request| {
                        Handled::Then(crate::app::intent::Intent::OpenFromDesk(request))
                    });
            }
            _ => return Handled::No,
        }
        Handled::Yes
    }

    /// Selects the row of `article` (an article or review path), when it is one of the desk's.
    pub fn select_article(&mut self, article: &Path) {
        self.selected = self.relative_of(article);
    }

    /// Runs the desk search for the current query: the hits by words at once, the hits by meaning from a
    /// background job (a search started before it ends replaces it).
    pub fn run_search(&mut self, ctx: &egui::Context) {
        if let Some(job) = self.meaning_job.take() {
            job.cancel();
        }
        let query = self.search.trim().to_owned();
        if query.is_empty() {
            self.hits.clear();
            self.searched = None;
            return;
        }
        self.searched = Some(query.clone());
        let files: Vec<&ArticleFile> = self.rows.iter().map(|r| &r.file).collect();
        let claims = search::desk_claims(&self.root, &files, &self.options);
        self.hits = search::by_words(&claims, &query);
        self.meaning_job = Some(start_meaning_job(claims, query, ctx));
    }

    /// Whether hits by meaning are still being looked for, and how far that is (done, total).
    #[must_use]
    pub fn meaning_search_progress(&self) -> Option<(usize, usize)> {
        self.meaning_job.as_ref().map(Job::progress)
    }

    /// Adds the hits by meaning once they are found, below the word hits and without repeating them.
    fn poll_meaning(&mut self) {
        let Some(job) = &mut self.meaning_job else {
            return;
        };
        let Some(outcome) = job.poll() else {
            return;
        };
        self.meaning_job = None;
        // A failed meaning search leaves the word hits; the words are what the analyst asked for.
        for hit in outcome.unwrap_or_default() {
            let known = self
                .hits
                .iter()
                .any(|h| h.article == hit.article && h.claim_id == hit.claim_id);
            if !known {
                self.hits.push(hit);
            }
        }
    }

    /// The sums over the rows read so far.
    #[must_use]
    pub fn totals(&self) -> crate::desk::Totals {
        let mut totals = crate::desk::Totals {
            articles: self.rows.len(),
            ..crate::desk::Totals::default()
        };
        for status in self.rows.iter().filter_map(|r| r.status.as_ref()) {
            totals.claims += status.claims;
            totals.confirmed += status.confirmed;
            totals.denied += status.denied;
            totals.unverified += status.unverified;
            totals.pending += status.pending;
        }
        totals
    }

    /// The filter field's id, for Ctrl+F and `/`.
    #[must_use]
    pub fn filter_id() -> egui::Id {
        egui::Id::unique("claimdesk-desk-filter")
    }

    /// Draws the desk; returns the article to open, if the analyst asked for one.
    pub fn ui(&mut self, ui: &mut egui::Ui, m: &'static Messages) -> Option<OpenArticle> {
        let mut open = None;
        ui.horizontal(|ui| {
            ui.heading(m.format(
                "desk-heading",
                &[("path", self.root.display().to_string().into())],
            ));
        });
        let totals = self.totals();
        ui.horizontal_wrapped(|ui| {
            ui.label(m.format(
                "desk-totals",
                &[
                    ("articles", self.rows.len().into()),
                    ("claims", totals.claims.into()),
                    ("confirmed", totals.confirmed.into()),
                    ("denied", totals.denied.into()),
                    ("unverified", totals.unverified.into()),
                    ("pending", totals.pending.into()),
                ],
            ));
            if let Some(job) = &self.job {
                ui.separator();
                ui.spinner();
                // Articles with a review are only read; only those without one are extracted.
                if self.extracting == 0 {
                    ui.label(m.text("desk-reading"));
                } else {
                    ui.label(m.format("desk-extracting", &[("count", self.extracting.into())]));
                }
                ui.add(
                    egui::ProgressBar::new(job.fraction())
                        .desired_width(160.0)
                        .show_percentage(),
                );
                if ui.button(m.text("button-cancel")).clicked() {
                    self.cancel();
                }
            }
        });
        ui.horizontal(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .id(Self::filter_id())
                    .hint_text(m.text("desk-filter-hint"))
                    .desired_width(260.0),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("desk-filter-field"))
            });
            let language_name = |language: Option<Language>| {
                language.map_or_else(|| m.text("desk-all-languages"), |l| l.in_words(m))
            };
            egui::ComboBox::from_label(m.text("desk-language"))
                .selected_text(language_name(self.language))
                .show_ui(ui, |ui| {
                    for language in [
                        None,
                        Some(Language::German),
                        Some(Language::English),
                        Some(Language::Other),
                    ] {
                        ui.selectable_value(&mut self.language, language, language_name(language));
                    }
                });
            ui.checkbox(&mut self.only_pending, m.text("desk-has-pending"));
            ui.separator();
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text(m.text("desk-search-hint"))
                    .desired_width(240.0),
            );
            search.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, m.text("desk-search-field"))
            });
            if (search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                || ui.button(m.text("desk-search-button")).clicked()
            {
                self.run_search(ui.ctx());
            }
            if let Some((done, total)) = self.meaning_search_progress() {
                ui.spinner();
                ui.label(m.format(
                    "desk-search-meaning-running",
                    &[("done", done.into()), ("total", total.into())],
                ));
            }
        });
        ui.separator();
        let search_done = self.meaning_job.is_none();
        if let Some(query) = self
            .searched
            .as_ref()
            .filter(|_| search_done && self.hits.is_empty())
        {
            ui.label(m.format(
                "desk-search-nothing",
                &[("query", crate::i18n::value::text(query))],
            ));
            ui.separator();
        }
        if !self.hits.is_empty() {
            ui.label(m.format("desk-search-hits", &[("count", self.hits.len().into())]));
            egui::ScrollArea::vertical()
                .id_salt("desk-hits")
                .max_height(160.0)
                .show(ui, |ui| {
                    for hit in &self.hits {
                        let verdict = Verdict::words(Vocabulary::Window, m, hit.verdict);
                        let mut label = format!(
                            "{} · {} · {verdict} · {}",
                            hit.article,
                            hit.speaker.as_deref().unwrap_or("—"),
                            hit.text
                        );
                        if let Some(similarity) = hit.similarity {
                            label.push_str(" · ");
                            label.push_str(&m.format(
                                "desk-search-by-meaning",
                                &[(
                                    "percent",
                                    crate::i18n::value::text(&format!("{:.0}", similarity * 100.0)),
                                )],
                            ));
                        }
                        if ui.selectable_label(false, label).clicked() {
                            open = self.open_request(&hit.article, Some(hit.claim_id.clone()));
                        }
                    }
                });
            ui.separator();
        }
        if let Some(request) = self.table_ui(ui, m) {
            open = Some(request);
        }
        open
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, m: &Messages) -> Option<OpenArticle> {
        use egui_extras::{Column as TableColumn, TableBuilder};
        let visible = self.visible();
        let mut open = None;
        let mut clicked_sort = None;
        let scroll_to = self
            .scroll_to_selected
            .then(|| {
                visible
                    .iter()
                    .position(|&i| Some(&self.rows[i].file.relative) == self.selected.as_ref())
            })
            .flatten();
        self.scroll_to_selected = false;
        let dark = ui.visuals().dark_mode;
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .column(TableColumn::initial(260.0).at_least(80.0).clip(true))
            .column(TableColumn::initial(200.0).at_least(60.0).clip(true))
            .columns(TableColumn::auto().at_least(36.0), 8)
            .column(TableColumn::remainder().at_least(90.0));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        table
            .header(22.0, |mut header| {
                for column in Column::ALL {
                    header.col(|ui| {
                        let arrow = match self.sort {
                            (c, true) if c == column => " ⏶",
                            (c, false) if c == column => " ⏷",
                            _ => "",
                        };
                        if ui
                            .add(
                                egui::Button::new(format!("{}{arrow}", column.label(m)))
                                    .frame(false),
                            )
                            .on_hover_text(m.text("desk-sort-tooltip"))
                            .clicked()
                        {
                            clicked_sort = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, visible.len(), |mut table_row| {
                    let row = &self.rows[visible[table_row.index()]];
                    let selected = self.selected.as_ref() == Some(&row.file.relative);
                    table_row.set_selected(selected);
                    let status = row.status.as_ref();
                    table_row.col(|ui| {
                        let title = status
                            .and_then(|s| s.title.clone())
                            .unwrap_or_else(|| row.file.relative.clone());
                        ui.label(title);
                    });
                    table_row.col(|ui| {
                        ui.weak(&row.file.relative);
                    });
                    match status {
                        None => {
                            table_row.col(|ui| {
                                ui.spinner();
                            });
                            for _ in 0..8 {
                                table_row.col(|_| {});
                            }
                        }
                        Some(status) if status.error.is_some() => {
                            let error = status.error_words.as_ref().map_or_else(
                                || status.error.clone().unwrap_or_default(),
                                |words| words.get(m.locale()).to_owned(),
                            );
                            table_row.col(|ui| {
                                ui.colored_label(ui.visuals().error_fg_color, m.text("desk-error"))
                                    .on_hover_text(&error);
                            });
                            for _ in 0..8 {
                                table_row.col(|ui| {
                                    ui.weak("—").on_hover_text(&error);
                                });
                            }
                        }
                        Some(status) => {
                            table_row.col(|ui| {
                                ui.label(status.language.map_or("", Language::code));
                            });
                            table_row.col(|ui| {
                                ui.label(status.published.as_deref().unwrap_or(""));
                            });
                            for (count, verdict) in [
                                (status.claims, None),
                                (status.confirmed, Some(Some(Verdict::Confirmed))),
                                (status.denied, Some(Some(Verdict::Denied))),
                                (status.unverified, Some(Some(Verdict::Unverified))),
                                (status.pending, Some(None)),
                            ] {
                                table_row.col(|ui| match verdict {
                                    Some(verdict) if count > 0 => {
                                        ui.colored_label(
                                            super::theme::verdict_color(verdict, dark),
                                            count.to_string(),
                                        );
                                    }
                                    _ => {
                                        ui.label(count.to_string());
                                    }
                                });
                            }
                            table_row.col(|ui| {
                                ui.add(
                                    egui::ProgressBar::new(status.done())
                                        .desired_width(80.0)
                                        .show_percentage(),
                                );
                            });
                            table_row.col(|ui| {
                                let saved = status.saved.map(|time| {
                                    chrono::DateTime::<chrono::Local>::from(time)
                                        .format("%Y-%m-%d %H:%M")
                                        .to_string()
                                });
                                ui.label(saved.unwrap_or_else(|| m.text("desk-no-review")));
                            });
                        }
                    }
                    let response = table_row.response();
                    if response.clicked() {
                        self.selected = Some(row.file.relative.clone());
                    }
                    if response.double_clicked() {
                        open = self.open_request(&row.file.relative, None);
                    }
                });
            });
        if let Some(column) = clicked_sort {
            self.sort = if self.sort.0 == column {
                (column, !self.sort.1)
            } else {
                (column, true)
            };
        }
        open
    }
}

/// Why the desk view has no status for an article, for reasons of its own.
enum RowTrouble {
    /// Reading it panicked (a bug); the path relative to the desk.
    Crashed(String),
    /// The extraction was cancelled before reaching it.
    NotRead(String),
}

impl RowTrouble {
    /// A row for `file` that says what went wrong.
    fn status_of(&self, file: &ArticleFile) -> ArticleStatus {
        let mut status = ArticleStatus::empty(file);
        status.error = Some(self.in_words(crate::i18n::Locale::English.messages()));
        status.error_words = Some(crate::i18n::InEveryLanguage::of(self));
        status
    }
}

impl InWords for RowTrouble {
    fn in_words(&self, m: &Messages) -> String {
        match self {
            Self::Crashed(path) => m.format("desk-row-crashed", &[("path", path.clone().into())]),
            Self::NotRead(path) => m.format("desk-row-not-read", &[("path", path.clone().into())]),
        }
    }
}
