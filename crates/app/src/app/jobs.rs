//! One type for every long task of the window (loading and extracting an article, the system file dialog,
//! reading a desk, looking up the claim memory, learning a desk's model): spawned with a name, polled once a
//! frame, with progress, cancel and a result. A panic inside a job is caught and becomes its failure, so a
//! bug or unforeseen input costs that task, never the window and the open review. Learnt from rerun's
//! background tasks: no feature hand-rolls a thread and a channel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What a running job reports and reads: progress, partial results, whether it should stop.
pub struct Progress<P = ()> {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
    partial: std::sync::Mutex<Option<Sender<P>>>,
    repaint: egui::Context,
}

impl<P> Progress<P> {
    /// The amount of work in all (bytes, articles); progress is `done` of it.
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// How much is done; the window is asked to draw again.
    pub fn set_done(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
        self.repaint.request_repaint();
    }

    /// One more piece done; the window is asked to draw again.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
        self.repaint.request_repaint();
    }

    /// Whether the window asked the job to stop: a job checks it between pieces of work.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// The cancel flag itself, for library code that checks an `AtomicBool` (a download).
    #[must_use]
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancelled
    }

    /// Hands a partial result to the window (a desk row read) before the job ends.
    pub fn send(&self, partial: P) {
        if let Ok(sender) = self.partial.lock()
            && let Some(sender) = sender.as_ref()
        {
            let _ = sender.send(partial);
        }
        self.repaint.request_repaint();
    }
}

/// Why a job gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobFailure {
    /// The job panicked; what the panic said.
    Panicked(String),
    /// Its thread could not start, or ended without an answer.
    Lost(String),
}

/// A long task on its own thread.
pub struct Job<T, P = ()> {
    /// What it does, for messages and thread names.
    pub name: &'static str,
    progress: Arc<Progress<P>>,
    result: Receiver<Result<T, JobFailure>>,
    partial: Receiver<P>,
    finished: Option<Result<T, JobFailure>>,
}

impl<T: Send + 'static, P: Send + 'static> Job<T, P> {
    /// Starts `work` on a thread named `name`; the window is repainted when it ends.
    pub fn spawn(
        name: &'static str,
        repaint: &egui::Context,
        work: impl FnOnce(&Progress<P>) -> T + Send + 'static,
    ) -> Self {
        let (result_sender, result) = channel();
        let (partial_sender, partial) = channel();
        let progress = Arc::new(Progress {
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            cancelled: AtomicBool::new(false),
            partial: std::sync::Mutex::new(Some(partial_sender)),
            repaint: repaint.clone(),
        });
        let job_progress = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name(format!("claimdesk-{name}"))
            .spawn(move || {
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&job_progress)))
                        .map_err(|payload| JobFailure::Panicked(panic_text(payload.as_ref())));
                // Partial results first: whoever sees the result has seen every row before it.
                if let Ok(mut sender) = job_progress.partial.lock() {
                    sender.take();
                }
                let _ = result_sender.send(outcome);
                job_progress.repaint.request_repaint();
            });
        let finished = spawned
            .err()
            .map(|error| Err(JobFailure::Lost(error.to_string())));
        Self {
            name,
            progress,
            result,
            partial,
            finished,
        }
    }

    /// The result once the job ended (`None` while it runs); taken by the first call that sees it.
    pub fn poll(&mut self) -> Option<Result<T, JobFailure>> {
        if let Some(finished) = self.finished.take() {
            return Some(finished);
        }
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobFailure::Lost(format!(
                "the {} job ended without an answer",
                self.name
            )))),
        }
    }

    /// The partial results sent since the last call.
    pub fn take_partial(&self) -> Vec<P> {
        self.partial.try_iter().collect()
    }

    /// Asks the job to stop; it ends at its next check.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Job::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.progress.is_cancelled()
    }

    /// How much is done of how much (0 of 0 while the total is unknown).
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
        )
    }

    /// How far it got, 0 to 1 (0 while the total is unknown).
    #[must_use]
    pub fn fraction(&self) -> f32 {
        let done = self.progress.done.load(Ordering::Relaxed);
        let total = self.progress.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        #[expect(
            clippy::cast_precision_loss,
            reason = "a progress bar needs no exact ratio"
        )]
        let fraction = done as f32 / total as f32;
        fraction.clamp(0.0, 1.0)
    }

    /// Blocks until the job ends (tests only: the window never waits).
    #[doc(hidden)]
    pub fn wait(&mut self) -> Result<T, JobFailure> {
        if let Some(finished) = self.finished.take() {
            return finished;
        }
        self.result.recv().unwrap_or_else(|_| {
            Err(JobFailure::Lost(format!(
                "the {} job ended without an answer",
                self.name
            )))
        })
    }
}

/// What a panic carried.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "?".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_progress_partial_results_and_its_result() {
        let ctx = egui::Context::default();
        let (go, wait) = channel::<()>();
        let mut job: Job<u32, &'static str> = Job::spawn("test", &ctx, move |progress| {
            progress.set_total(4);
            progress.send("first row");
            progress.set_done(2);
            let _ = wait.recv();
            7
        });
        while job.fraction() < 0.5 {
            std::thread::yield_now();
        }
        assert!(job.poll().is_none(), "still running");
        go.send(()).unwrap();
        assert_eq!(job.wait(), Ok(7));
        assert_eq!(job.take_partial(), vec!["first row"]);
    }

    #[test]
    fn a_panic_is_the_jobs_failure_and_cancel_reaches_the_job() {
        let ctx = egui::Context::default();
        let mut failing: Job<()> = Job::spawn("failing", &ctx, |_| panic!("unforeseen input"));
        assert_eq!(
            failing.wait(),
            Err(JobFailure::Panicked("unforeseen input".to_owned()))
        );
        let mut stopping: Job<bool> = Job::spawn("stopping", &ctx, |progress| {
            while !progress.is_cancelled() {
                std::thread::yield_now();
            }
            true
        });
        stopping.cancel();
        assert_eq!(stopping.wait(), Ok(true));
    }
}
