//! `argraph render FILE -o PAGE.html`: the interactive page, with the
//! verdicts of each framing and their explanations.

use std::path::Path;
use std::process::ExitCode;
use std::str::FromStr;

use argraph::reason::{Method, Semantics};
use argraph::render::{self, DotOptions, Format};

use crate::lifecycle;

/// What `render` writes: an image, or the interactive HTML page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An image in this format.
    Image(Format),
    /// The interactive page.
    Page,
}

impl Target {
    /// What a file name's extension asks for, ignoring case.
    pub fn from_path(path: &Path) -> Option<Target> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }
}

impl FromStr for Target {
    type Err = argraph::Error;

    fn from_str(name: &str) -> argraph::Result<Target> {
        match name.to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(Target::Page),
            _ => name.parse().map(Target::Image),
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Image(format) => format.fmt(f),
            Target::Page => f.write_str("html"),
        }
    }
}

/// Writes the page of `g`: drawn with `options`, with one view per
/// framing (and none) of `method` (grounded by default) and the
/// explanations of each node's verdicts.
pub fn write(
    g: &argraph::ArgumentGraph,
    options: &DotOptions,
    method: Option<Method>,
    output: &Path,
) -> argraph::Result<ExitCode> {
    lifecycle::phase("evaluating");
    let method = method.unwrap_or(Method::Dung(Semantics::Grounded));
    let views = argraph::convert::page_views(g, method)?;
    lifecycle::phase("drawing");
    argraph::write_file(output, |w| render::write_page(g, options, &views, w))?;
    Ok(ExitCode::SUCCESS)
}
