//! Whole files in and out: every file argraph reads goes through
//! [`read_file`], every file it writes through [`write_file`], so paths
//! land in errors and writes are atomic in one place.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Writes a file all at once or not at all: the content goes to a
/// temporary file in the same directory, which is renamed over `path` only
/// when `write` succeeded, so a failure never leaves a half-written file.
/// Every file argraph writes goes through here.
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
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".argraph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::from(e).at_path(path))?;
    // Temporary files are private (0600); the result should look like any
    // other file the user writes: keep the old file's mode, else 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(|e| Error::from(e).at_path(path))?;
    }
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out).map_err(|e| e.at_path(path))?;
    let tmp = out
        .into_inner()
        .map_err(|e| Error::from(e.into_error()).at_path(path))?;
    tmp.as_file()
        .sync_data()
        .or_else(|e| match e.kind() {
            // Some filesystems (pipes, /dev) cannot sync; the rename still is atomic.
            io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported => Ok(()),
            _ => Err(e),
        })
        .map_err(|e| Error::from(e).at_path(path))?;
    tmp.persist(path)
        .map_err(|e| Error::from(e.error).at_path(path))?;
    Ok(())
}

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
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    }
}
