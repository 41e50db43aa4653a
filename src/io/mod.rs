//! Reading and writing graphs: one module per format.

pub mod aif;
pub mod argdown;
pub mod graphml;
pub mod iccma;
pub mod json;
mod json_text;
pub(crate) mod report;

use std::io;

pub(crate) use crate::file::{load_with, read_file, read_with, write_file};

/// Writes blocks `0..count` in order: `render(k)` gives block `k`'s bytes,
/// `write` takes them. With more than two blocks, the odd ones are rendered
/// on a second thread while this one renders and writes the even ones, so
/// formatting a large output takes about half the time, and memory stays a
/// few blocks above what the caller holds.
pub(crate) fn write_blocks<E>(
    count: usize,
    render: impl Fn(usize) -> std::result::Result<Vec<u8>, E> + Sync,
    mut write: impl FnMut(&[u8]) -> std::result::Result<(), E>,
) -> std::result::Result<(), E>
where
    E: From<io::Error> + Send,
{
    if count <= 2 {
        for k in 0..count {
            write(&render(k)?)?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let render = &render;
        scope.spawn(move || {
            for k in (1..count).step_by(2) {
                // A closed channel: the writer stopped on an error.
                if tx.send(render(k)).is_err() {
                    break;
                }
            }
        });
        for k in (0..count).step_by(2) {
            write(&render(k)?)?;
            if k + 1 < count {
                let odd = rx
                    .recv()
                    .map_err(|_| io::Error::other("the formatting thread stopped"))?;
                write(&odd?)?;
            }
        }
        Ok(())
    })
}
