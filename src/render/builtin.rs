//! The built-in renderer: graphviz-pure (a pure-Rust port of Graphviz 16.1,
//! EPL-2.0) lays out and draws SVG in-process, and graphviz-pure-raster
//! rasterises that SVG to PNG. Nothing to install, no process to start.

use std::io::Write;

use super::exec::Format;
use crate::error::{Error, ErrorKind, Result};

/// The largest PNG the built-in renderer draws, in pixels (100 megapixels:
/// 400 MB of pixels in memory). A map of 1,000 nodes comes out at about
/// 74,000 × 6,400 px, which would need 1.9 GB; the seed map of 91 nodes is
/// about 7,000 × 3,000.
pub const MAX_PNG_PIXELS: u64 = 100_000_000;

/// The longest side of a PNG the built-in renderer draws, in pixels: many
/// viewers and browsers show nothing beyond 32,767.
pub const MAX_PNG_SIDE: u64 = 32_767;

/// The stack of the rendering thread: Graphviz's layout recurses along the
/// graph, and a long chain of nodes overflows an ordinary 2 MiB stack. It
/// is address space, reserved; only what the layout touches is used.
#[cfg(feature = "builtin-renderer")]
const STACK_BYTES: usize = 512 << 20;

fn failure(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::BuiltinRenderer(message.into()))
}

/// See [`Engine::run_to`](super::Engine::run_to).
#[cfg(feature = "builtin-renderer")]
pub(crate) fn run_to(dot_source: &[u8], format: Format, mut out: impl Write) -> Result<()> {
    if format == Format::Pdf {
        return Err(pdf_refused());
    }
    let source = std::str::from_utf8(dot_source)
        .map_err(|e| failure(format!("the DOT is not UTF-8 ({e})")))?;
    let image = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("argraph-render".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || draw(source, format))
            .map_err(|e| failure(format!("cannot start its thread: {e}")))?;
        worker.join().unwrap_or_else(|_| {
            Err(failure(
                "stopped on an internal error (a panic in graphviz-pure); \
                 --engine dot draws with Graphviz's own `dot`",
            ))
        })
    })?;
    out.write_all(&image)?;
    out.flush()?;
    Ok(())
}

/// Without the feature there is nothing built in to draw with.
#[cfg(not(feature = "builtin-renderer"))]
pub(crate) fn run_to(_dot_source: &[u8], format: Format, _out: impl Write) -> Result<()> {
    if format == Format::Pdf {
        return Err(pdf_refused());
    }
    Err(failure(
        "is not in this build: argraph was built without its `builtin-renderer` feature; \
         draw with Graphviz's `dot` (Engine::Dot, --engine dot)",
    ))
}

fn pdf_refused() -> Error {
    failure(
        "draws SVG and PNG, not PDF: draw PDF with Graphviz's `dot` \
         (--engine dot; Engine::Dot in the library)",
    )
}

/// Lays out and draws `source`: the SVG, or the PNG drawn from it.
#[cfg(feature = "builtin-renderer")]
fn draw(source: &str, format: Format) -> Result<Vec<u8>> {
    let rendered = graphviz_pure::render_dot(source, "dot", "svg").map_err(|e| {
        let mut message = format!("refused the DOT: {e}");
        append_errors(&mut message, e.diagnostics());
        failure(message)
    })?;
    let mut errors = String::new();
    append_errors(&mut errors, rendered.diagnostics());
    if !errors.is_empty() {
        // Graphviz's `dot` exits non-zero on these: the picture is not
        // the one asked for (a label dropped, a shape replaced).
        return Err(failure(format!("reported errors on the DOT:{errors}")));
    }
    let svg = rendered.into_output();
    if format == Format::Svg {
        return Ok(svg.into_bytes());
    }
    let (width, height) =
        png_size(&svg).ok_or_else(|| failure("wrote an SVG without its size in points"))?;
    check_png_size(width, height)?;
    let png = graphviz_pure_raster::rasterize(&svg, graphviz_pure_raster::RasterFormat::Png, false)
        .map_err(|e| failure(format!("cannot draw the PNG: {e}")))?;
    Ok(png.into_output())
}

/// Appends each error-level diagnostic (continuations included) as a line.
#[cfg(feature = "builtin-renderer")]
fn append_errors(message: &mut String, diagnostics: &[graphviz_pure::Diagnostic]) {
    use graphviz_pure::DiagnosticLevel;
    for d in diagnostics {
        if matches!(
            d.level(),
            DiagnosticLevel::Error | DiagnosticLevel::CountedAsError
        ) {
            message.push_str("\n  ");
            message.push_str(d.message().trim_end());
        }
    }
}

#[cfg_attr(not(feature = "builtin-renderer"), allow(dead_code))]
/// The pixel size of the PNG the SVG makes: its `width` and `height` in
/// points, at 96 dpi (4/3 px a point), as Graphviz's PNG. `None` when the
/// root element does not say them in points.
fn png_size(svg: &str) -> Option<(u64, u64)> {
    let root_at = svg.find("<svg")?;
    let root = &svg[root_at..root_at + svg[root_at..].find('>')?];
    let points = |name: &str| -> Option<f64> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[at..]
            .split('"')
            .next()?
            .strip_suffix("pt")?
            .parse()
            .ok()
    };
    let px = |pt: f64| (pt * 4.0 / 3.0).round().max(1.0) as u64;
    Some((px(points("width")?), px(points("height")?)))
}

#[cfg_attr(not(feature = "builtin-renderer"), allow(dead_code))]
/// Refuses a PNG too large to draw, naming its size and the ways out.
fn check_png_size(width: u64, height: u64) -> Result<()> {
    let pixels = width.saturating_mul(height);
    if pixels <= MAX_PNG_PIXELS && width <= MAX_PNG_SIDE && height <= MAX_PNG_SIDE {
        return Ok(());
    }
    Err(failure(format!(
        "will not draw a PNG of {width} × {height} px ({} megapixels): its limit is {} \
         megapixels and {MAX_PNG_SIDE} px a side; draw SVG, which scales, or draw the \
         PNG with Graphviz's `dot` (--engine dot)",
        pixels / 1_000_000,
        MAX_PNG_PIXELS / 1_000_000,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_size_is_the_svg_size_at_96_dpi() {
        let svg = "<?xml?>\n<svg width=\"62pt\" height=\"116pt\"\n viewBox=\"0 0 62 116\">";
        assert_eq!(png_size(svg), Some((83, 155)));
        assert_eq!(png_size("<svg width=\"62px\" height=\"1pt\">"), None);
        assert_eq!(png_size("no svg here"), None);
    }

    #[test]
    fn png_over_the_limits_is_refused_with_its_size() {
        assert!(check_png_size(6985, 2964).is_ok());
        let err = check_png_size(74265, 6389).unwrap_err().to_string();
        assert!(err.contains("74265 × 6389 px (474 megapixels)"), "{err}");
        assert!(err.contains("--engine dot"), "{err}");
        assert!(check_png_size(40_000, 10).is_err());
    }
}
