//! What surrounds every command: stopping cleanly on SIGINT, SIGTERM and
//! SIGHUP, the `--timeout` watchdog, and the progress spinner. Each runs in
//! a thread of its own; when a signal or the timeout ends the run, the
//! library's work in flight is undone ([`argraph::abort_in_flight`]: no
//! temporary file left, `dot` killed) before the process exits.

use std::io::IsTerminal;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The exit status when `--timeout` fires.
pub const TIMEOUT_EXIT: i32 = 4;

/// How long work runs before the spinner shows.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// The spinner, while the command runs (`None` once finished, or never
/// shown because stderr is not a terminal).
static PROGRESS: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Parses `--timeout SECS`: a positive number of seconds, decimals allowed.
pub fn parse_timeout(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(format!("{text:?}: give a number of seconds above 0"));
    }
    Duration::try_from_secs_f64(secs).map_err(|_| format!("{text:?}: too many seconds"))
}

/// Starts the `--timeout` watchdog if one is asked for, the spinner (named
/// `phase`) if `progress` is allowed and stderr is a terminal, and the
/// signal thread if the command `writes_files` or the spinner may show
/// (whose line it clears).
pub fn start(timeout: Option<Duration>, progress: bool, phase: &'static str, writes_files: bool) {
    let spinner = progress && std::io::stderr().is_terminal();
    if writes_files || spinner {
        stop_on_signals();
    }
    if let Some(limit) = timeout {
        std::thread::spawn(move || {
            std::thread::sleep(limit);
            let secs = limit.as_secs_f64();
            let message = format!("argraph: error: timed out after {secs} s (--timeout)");
            exit_now(TIMEOUT_EXIT, Some(&message));
        });
    }
    if spinner {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} argraph: {msg} ({elapsed})")
                .expect("a valid template"),
        );
        bar.set_message(phase);
        *PROGRESS.lock().unwrap_or_else(PoisonError::into_inner) = Some(bar);
        std::thread::spawn(|| {
            std::thread::sleep(QUIET_FOR);
            if let Some(bar) = PROGRESS
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .as_ref()
            {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(120));
            }
        });
    }
}

/// Names what the command is doing now, for the spinner.
pub fn phase(name: &'static str) {
    if let Some(bar) = PROGRESS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
    {
        bar.set_message(name);
    }
}

/// Takes the spinner off the terminal for good: before anything else is
/// printed on stderr, and at the end. Never returns once a signal or the
/// timeout is ending the run (see [`exit_now`]).
pub fn finish() {
    if let Some(bar) = PROGRESS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    {
        bar.finish_and_clear();
    }
}

/// On SIGINT, SIGTERM or SIGHUP: undo the work in flight and exit with
/// 128 + the signal's number, as a shell reports a process the signal
/// killed. (SIGKILL cannot be caught: see [`argraph::abort_in_flight`].)
#[cfg(unix)]
fn stop_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // Without the handler the signal still ends the process, only less
    // cleanly; that is no reason to refuse to run.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            exit_now(128 + signal, None);
        }
    });
}

#[cfg(not(unix))]
fn stop_on_signals() {}

/// Clears the spinner, says why, removes the temporary files, kills `dot`,
/// and exits. The spinner's lock is held to the end: the main thread, which
/// takes it in [`finish`] before it reports anything, waits instead of
/// reporting the killed `dot` as a failure (exit 3) and exiting first.
fn exit_now(code: i32, message: Option<&str>) -> ! {
    let mut progress = PROGRESS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(bar) = progress.take() {
        bar.finish_and_clear();
    }
    if let Some(message) = message {
        crate::output::eprint_lines(message);
    }
    argraph::abort_in_flight();
    std::process::exit(code)
}
