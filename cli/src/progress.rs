//! A progress bar on standard error for long runs: drawn only when standard error is a
//! terminal, and only once the run has lasted long enough to need one.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes without a bar: a short run finishes before one would help.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// A bar over `total` steps, hidden until the run is long and where standard error is not a
/// terminal.
#[derive(Debug)]
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: bool,
}

impl Progress {
    /// A bar of `total` steps named `what` (`files`, `scenarios`).
    pub fn new(total: usize, what: &'static str) -> Self {
        let bar = ProgressBar::with_draw_target(
            Some(u64::try_from(total).unwrap_or(u64::MAX)),
            ProgressDrawTarget::hidden(),
        );
        if let Ok(style) =
            ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {what} {{elapsed}}"))
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    /// One step done; the bar appears once the run has lasted [`QUIET_FOR`].
    pub fn step(&mut self) {
        if self.terminal && !self.shown && self.started.elapsed() >= QUIET_FOR {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        self.bar.inc(1);
    }

    /// Runs `write` with the bar cleared from the terminal, so that output on the same
    /// terminal is not torn.
    pub fn suspend<T>(&self, write: impl FnOnce() -> T) -> T {
        self.bar.suspend(write)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
