//! Whole files in and out: every file argraph reads goes through
//! [`read_file`], every file it writes through [`write_file`], so paths
//! land in errors, writes are atomic, and special files stay what they are
//! in one place. The work in flight (temporary files, `dot` processes) is
//! kept here too, so that [`abort_in_flight`] can undo it when a program is
//! stopped.

use std::fs::{self, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::error::{Error, ErrorKind, Result};

/// Writes a file all at once or not at all, and never replaces what is not
/// a regular file. Every file argraph writes goes through here.
///
/// - A regular file (or a new one): the content goes to a temporary file
///   `.argraph-*.tmp` beside it, which is renamed over it only when `write`
///   succeeded, so a failure never leaves a half-written file; the old
///   file's permissions are kept (a new file gets 0644).
/// - A symbolic link: the file it points to is written as above (the link
///   stays a link), even if that file does not exist yet.
/// - A character or block device, a FIFO, a socket, or a file reached
///   through `/proc/*/fd` (`/dev/stdout`): written in place, as produced,
///   without a temporary file (such a file cannot be replaced, and
///   renaming over `/dev/null` would replace it for the whole machine).
/// - `-`: standard output, as produced (the shell's convention).
///
/// O(size written) plus a few system calls.
///
/// # Errors
/// The I/O errors of creating, writing or renaming, and `write`'s own
/// error, each with `path`; an error after [`abort_in_flight`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("out.txt");
/// let failed = argraph::write_file(&path, |w| {
///     w.write_all(b"half")?;
///     Err(argraph::Error::from(std::io::Error::other("boom")))
/// });
/// assert!(failed.is_err() && !path.exists());
/// argraph::write_file(&path, |w| Ok(w.write_all(b"whole")?))?;
/// assert_eq!(std::fs::read(&path)?, b"whole");
/// # Ok(()) }
/// ```
pub fn write_file<F>(path: &Path, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    if path == Path::new("-") {
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let stdout = Path::new("standard output");
        write(&mut out).map_err(|e| at_output(e, stdout))?;
        return out.flush().map_err(|e| Error::from(e).at_path(stdout));
    }
    match destination(path).map_err(|e| Error::from(e).at_path(path))? {
        Destination::InPlace => write_in_place(path, write),
        Destination::Replace(target) => write_atomically(path, &target, write),
    }
}

/// An error of the content written to `path`, with the path; but a
/// Graphviz error (the content came from `dot`) is about `dot`, not the file.
fn at_output(error: Error, path: &Path) -> Error {
    match error.kind() {
        ErrorKind::GraphvizNotFound
        | ErrorKind::GraphvizCannotRun { .. }
        | ErrorKind::Graphviz { .. } => error,
        _ => error.at_path(path),
    }
}

/// How a path is written.
enum Destination {
    /// Opened and written as it is: a device, FIFO, socket or `/proc` link.
    InPlace,
    /// A regular file (existing or not) at this path, the end of any
    /// symbolic links, replaced atomically.
    Replace(PathBuf),
}

/// How to write `path`: in place if it is (or leads to) something other
/// than a regular file, else atomically at the end of its symbolic links.
fn destination(path: &Path) -> io::Result<Destination> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(io::Error::other("is a directory")),
        Ok(meta) if !meta.is_file() => return Ok(Destination::InPlace),
        Ok(_) | Err(_) => {}
    }
    let mut target = path.to_path_buf();
    // 40 links, as Linux's own limit (ELOOP).
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let dir = parent_dir(&target).to_path_buf();
                // A /proc/*/fd link names an open file, maybe a pipe or a
                // deleted file: only opening the link itself reaches it.
                if fs::canonicalize(&dir).is_ok_and(|d| d.starts_with("/proc")) {
                    return Ok(Destination::InPlace);
                }
                // Joined, not normalized: `..` in the link is resolved by
                // the kernel, from the directory the link is in.
                target = dir.join(fs::read_link(&target)?);
            }
            _ => return Ok(Destination::Replace(target)),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The directory a file is in (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes a device, FIFO or socket as it is: no temporary file, no rename.
/// Appends, so that a regular file reached through `/dev/stdout` after the
/// shell's `>>` keeps what it had (after `>` it is empty anyway).
fn write_in_place<F>(path: &Path, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let file = OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| Error::from(e).at_path(path))?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    write(&mut out).map_err(|e| at_output(e, path))?;
    out.flush().map_err(|e| Error::from(e).at_path(path))
}

/// Writes `target` (the end of `path`'s links) through a temporary file
/// beside it, renamed over it once `write` succeeded. Errors name `path`,
/// the name the user gave.
fn write_atomically<F>(path: &Path, target: &Path, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let at = |e: io::Error| Error::from(e).at_path(path);
    let (tmp, _tracked) = temp_file_beside(target).map_err(at)?;
    // Temporary files are private (0600); the result should look like any
    // other file the user writes: keep the old file's mode, else 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(target).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(at)?;
    }
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out).map_err(|e| at_output(e, path))?;
    let tmp = out.into_inner().map_err(|e| at(e.into_error()))?;
    tmp.as_file()
        .sync_data()
        .or_else(|e| match e.kind() {
            // Some filesystems cannot sync; the rename still is atomic.
            io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported => Ok(()),
            _ => Err(e),
        })
        .map_err(at)?;
    tmp.persist(target).map_err(|e| at(e.error))?;
    Ok(())
}

/// Refuses to write `output` when it is the same file as `input` (the same
/// device and inode, whatever the names, links or hard links): the input
/// would be gone, or half overwritten while it is read. `-` (standard
/// output) and an output that does not exist yet pass. Two `stat` calls.
///
/// # Errors
/// [`ErrorKind::InvalidInput`] naming both paths.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let dir = tempfile::tempdir()?;
/// let map = dir.path().join("map.json");
/// std::fs::write(&map, "{}")?;
/// assert!(argraph::ensure_distinct(&map, &dir.path().join("./map.json")).is_err());
/// argraph::ensure_distinct(&map, &dir.path().join("map.graphml"))?;
/// # Ok(()) }
/// ```
pub fn ensure_distinct(input: &Path, output: &Path) -> Result<()> {
    if output == Path::new("-") {
        return Ok(());
    }
    let (Ok(a), Ok(b)) = (fs::metadata(input), fs::metadata(output)) else {
        return Ok(());
    };
    #[cfg(unix)]
    let same = {
        use std::os::unix::fs::MetadataExt;
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    };
    #[cfg(not(unix))]
    let same = {
        let _ = (a, b);
        fs::canonicalize(input).ok() == fs::canonicalize(output).ok()
    };
    if same {
        return Err(Error::new(ErrorKind::InvalidInput(format!(
            "{}: the output is the same file as the input {}; writing it would destroy the \
             input: write to another file",
            output.display(),
            input.display()
        ))));
    }
    Ok(())
}

/// The work in flight that [`abort_in_flight`] undoes.
struct InFlight {
    /// Set by [`abort_in_flight`]: no new temporary file or `dot` from then on.
    aborted: bool,
    /// Temporary files not yet renamed into place.
    temp_files: Vec<PathBuf>,
    /// `dot` processes not yet waited for, by process id.
    children: Vec<u32>,
}

static IN_FLIGHT: Mutex<InFlight> = Mutex::new(InFlight {
    aborted: false,
    temp_files: Vec::new(),
    children: Vec::new(),
});

fn in_flight() -> MutexGuard<'static, InFlight> {
    // The lists stay consistent whatever panicked while holding the lock.
    IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Something in the in-flight lists, taken out of them when dropped.
pub(crate) enum Tracked {
    TempFile(PathBuf),
    Child(u32),
}

impl Drop for Tracked {
    fn drop(&mut self) {
        let mut live = in_flight();
        match self {
            Tracked::TempFile(path) => live.temp_files.retain(|p| p != path),
            Tracked::Child(id) => live.children.retain(|c| c != id),
        }
    }
}

fn aborted() -> io::Error {
    io::Error::new(io::ErrorKind::Interrupted, "argraph is stopping")
}

/// Creates `.argraph-*.tmp` beside `target` and lists it in flight. The
/// lock is held while creating, so an abort either sees the file or
/// prevents it.
fn temp_file_beside(target: &Path) -> io::Result<(tempfile::NamedTempFile, Tracked)> {
    let mut live = in_flight();
    if live.aborted {
        return Err(aborted());
    }
    let tmp = tempfile::Builder::new()
        .prefix(".argraph-")
        .suffix(".tmp")
        .tempfile_in(parent_dir(target))?;
    let path = tmp.path().to_path_buf();
    live.temp_files.push(path.clone());
    Ok((tmp, Tracked::TempFile(path)))
}

/// Starts `command` and lists the process in flight until the returned
/// [`Tracked`] is dropped: drop it only after waiting for the process, so
/// that an abort never signals a process id the system gave to another.
pub(crate) fn spawn_in_flight(command: &mut Command) -> io::Result<(Child, Tracked)> {
    let mut live = in_flight();
    if live.aborted {
        return Err(aborted());
    }
    let child = command.spawn()?;
    let id = child.id();
    live.children.push(id);
    Ok((child, Tracked::Child(id)))
}

/// Undoes argraph's work in flight, for a program about to exit on a
/// signal or a timeout: removes the temporary files of the writes under
/// way (so no `.argraph-*.tmp` is left behind, and the targets stay as
/// they were) and kills the `dot` processes running (SIGKILL). Atomic
/// writes and `dot` runs started afterwards fail, in every thread, for the
/// rest of the process. Safe to call from any thread (a signal-handling thread,
/// a watchdog), and more than once; it waits at most for a file to be
/// created or a process to start. O(work in flight).
///
/// A process killed by SIGKILL cannot do this: its `dot`, if any, ends by
/// itself when it next writes to its closed pipe.
///
/// ```
/// // In a signal handler thread, just before exiting:
/// argraph::abort_in_flight();
/// let later = argraph::write_file("out.txt".as_ref(), |w| Ok(w.write_all(b"x")?));
/// assert!(later.is_err());
/// ```
pub fn abort_in_flight() {
    let mut live = in_flight();
    live.aborted = true;
    for path in live.temp_files.drain(..) {
        let _ = fs::remove_file(path);
    }
    for id in live.children.drain(..) {
        kill(id);
    }
}

#[cfg(unix)]
fn kill(id: u32) {
    use rustix::process::{kill_process, Pid, Signal};
    if let Some(pid) = i32::try_from(id).ok().and_then(Pid::from_raw) {
        // Fails only if it has ended already, which is what we want.
        let _ = kill_process(pid, Signal::KILL);
    }
}

#[cfg(not(unix))]
fn kill(_id: u32) {}

/// Reads a whole file, with the path in any error.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| Error::from(e).at_path(path))
}

/// Reads a whole file and parses it, with the path in any error: the
/// `load` of every reader.
pub(crate) fn load_with<T>(path: &Path, parse: impl FnOnce(&[u8]) -> Result<T>) -> Result<T> {
    let bytes = read_file(path)?;
    parse(&bytes).map_err(|e| e.at_path(path))
}

/// Reads a reader to its end and parses what it gave: the `from_reader`
/// of every reader.
pub(crate) fn read_with<T>(
    mut reader: impl std::io::Read,
    parse: impl FnOnce(&[u8]) -> Result<T>,
) -> Result<T> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    parse(&bytes)
}

/// Parses a whole JSON document with `serde_json`. Input that is UTF-8
/// (checked once, quickly) is parsed as a `str`, which spares serde_json
/// checking every string again; otherwise the slice parser says where the
/// input breaks. Shared by the readers of large JSON documents.
pub(crate) fn parse_json<'de, T: serde::Deserialize<'de>>(
    bytes: &'de [u8],
) -> serde_json::Result<T> {
    parse_json_seed(bytes, std::marker::PhantomData)
}

/// [`parse_json`] with a seed: for a reader that needs what it read first
/// to read what follows.
pub(crate) fn parse_json_seed<'de, S: serde::de::DeserializeSeed<'de>>(
    bytes: &'de [u8],
    seed: S,
) -> serde_json::Result<S::Value> {
    fn whole<'de, R: serde_json::de::Read<'de>, S: serde::de::DeserializeSeed<'de>>(
        read: R,
        seed: S,
    ) -> serde_json::Result<S::Value> {
        let mut de = serde_json::Deserializer::new(read);
        let value = seed.deserialize(&mut de)?;
        de.end()?;
        Ok(value)
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => whole(serde_json::de::StrRead::new(text), seed),
        Err(_) => whole(serde_json::de::SliceRead::new(bytes), seed),
    }
}
