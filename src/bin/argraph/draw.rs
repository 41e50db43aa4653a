//! `argraph dot` and `argraph render`: they share their drawing options.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argraph::overlay::Overlay;
use argraph::reason::{Evaluator, Method};
use argraph::render::{self, Cluster, DotOptions, Engine, Format, RankDir, Tags, Theme};

use crate::lifecycle;
use crate::page::Target;
use crate::view::{note_dropped, Selection, ViewArgs};

/// How the diagram looks (shared by `dot` and `render`).
#[derive(clap::Args)]
pub struct Look {
    /// Group nodes into boxes: framing, source, period (one box per period: tag),
    /// tag:PREFIX (one box per tag under PREFIX), or none.
    #[arg(long, value_name = "BY", default_value = "framing", value_parser = str::parse::<Cluster>)]
    cluster: Cluster,
    /// Colour scheme: color (colour-blind-safe Okabe–Ito) or mono (black on white).
    #[arg(long, default_value = "color", value_parser = str::parse::<Theme>)]
    theme: Theme,
    /// Layout direction: BT (evidence at the bottom), TB, LR or RL.
    #[arg(long, default_value = "BT", value_parser = str::parse::<RankDir>)]
    rankdir: RankDir,
    /// Leave out the legend.
    #[arg(long)]
    no_legend: bool,
    /// Wrap labels at this many characters.
    #[arg(long, value_name = "CHARS", default_value_t = 24)]
    wrap: usize,
    /// Show only labels (the node text stays in the tooltip).
    #[arg(long)]
    labels_only: bool,
    /// Leave out the provenance line under each node.
    #[arg(long)]
    no_provenance: bool,
    /// Which tags each node shows on its tag line: all, none, or prefixes
    /// such as period,actor.
    #[arg(long, value_name = "WHICH", default_value = "all", value_parser = str::parse::<Tags>)]
    tags: Tags,
    /// Colour and mark the nodes by an evaluation: grounded, complete,
    /// preferred, stable, dfquad or energy (see `argraph eval`).
    #[arg(long, value_name = "SEMANTICS", value_parser = str::parse::<Method>)]
    evaluate: Option<Method>,
    /// Show only this framing's view: the framing, what it frames, and what
    /// supports or attacks those; with --evaluate, evaluate under it too.
    #[arg(long, value_name = "ID")]
    framing: Option<String>,
}

impl Look {
    fn options(&self) -> DotOptions {
        let mut o = DotOptions::new();
        o.cluster(self.cluster.clone())
            .theme(self.theme)
            .rankdir(self.rankdir)
            .legend(!self.no_legend)
            .wrap(self.wrap)
            .text(!self.labels_only)
            .provenance(!self.no_provenance)
            .tags(self.tags.clone());
        o
    }

    /// The options for drawing `g`, or the part of it `view` keeps: the
    /// evaluation overlay if one is asked for (of the whole graph: a view
    /// shows its verdicts, it does not change them), and what the view left
    /// out noted under its nodes.
    fn options_for(
        &self,
        g: &argraph::ArgumentGraph,
        view: Option<(&argraph::View, &str)>,
    ) -> argraph::Result<DotOptions> {
        let mut o = self.options();
        let mut overlay = match self.evaluate {
            Some(method) => {
                lifecycle::phase("evaluating");
                let mut evaluator = Evaluator::new(g);
                evaluator.semantics(method);
                if let Some(framing) = &self.framing {
                    evaluator.framing(framing);
                }
                Some(evaluator.run()?.overlay())
            }
            None => view.map(|(_, caption)| Overlay::new(caption)),
        };
        if let (Some(overlay), Some((view, _))) = (&mut overlay, view) {
            note_dropped(view, overlay);
        }
        if let Some(overlay) = overlay {
            o.overlay(overlay);
        }
        Ok(o)
    }

    /// The part of `g` to draw, and the options to draw it with; `Err`
    /// with the exit status when the view options choose nothing.
    fn prepare(
        &self,
        g: argraph::ArgumentGraph,
        view: &ViewArgs,
    ) -> argraph::Result<Result<(argraph::ArgumentGraph, DotOptions), ExitCode>> {
        match view.select(&g, self.framing.as_deref())? {
            Selection::Whole => {
                let opts = self.options_for(&g, None)?;
                Ok(Ok((g, opts)))
            }
            Selection::Part { view, what } => {
                // Two lines, so that the legend stays narrow.
                let caption = format!("View: {what}\n\"+N more\": neighbours left out");
                let opts = self.options_for(&g, Some((&view, &caption)))?;
                Ok(Ok((view.into_graph(), opts)))
            }
            Selection::Refused(message) => {
                crate::output::eprint_lines(&format!("argraph: error: {message}"));
                Ok(Err(ExitCode::from(1)))
            }
        }
    }
}

/// Arguments of `argraph dot`.
#[derive(clap::Args)]
pub struct DotArgs {
    /// The map: argraph JSON, or any format `convert` reads (AIF, OVA, Argdown, GraphML, ICCMA), known by its extension or content.
    file: PathBuf,
    /// Write the DOT here (atomically) instead of to standard output; `-` is standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    look: Look,
    #[command(flatten)]
    view: ViewArgs,
}

impl DotArgs {
    /// `true` if the DOT goes to a file, not to standard output.
    pub fn writes_a_file(&self) -> bool {
        self.output.as_deref().is_some_and(|o| o != Path::new("-"))
    }
}

/// Arguments of `argraph render`.
#[derive(clap::Args)]
pub struct RenderArgs {
    /// The map: argraph JSON, or any format `convert` reads (AIF, OVA, Argdown, GraphML, ICCMA), known by its extension or content.
    file: PathBuf,
    /// The file to write (atomically): an image (.svg, .png, .pdf) or the
    /// interactive page (.html); `-` is standard output (with --format).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// svg, png, pdf or html, when the extension does not say it (if it does, the two must agree).
    #[arg(long, value_parser = str::parse::<Target>)]
    format: Option<Target>,
    /// What draws the image: builtin (compiled in: SVG and PNG, nothing to
    /// install) or dot (Graphviz's `dot`, which PDF needs). Default: builtin,
    /// or dot when ARGRAPH_DOT names one.
    #[arg(long, value_parser = str::parse::<Engine>)]
    engine: Option<Engine>,
    #[command(flatten)]
    look: Look,
    #[command(flatten)]
    view: ViewArgs,
}

impl RenderArgs {
    /// `true` if the image goes to a file, not to standard output.
    pub fn writes_a_file(&self) -> bool {
        self.output != Path::new("-")
    }
}

/// Writes the DOT of a graph file.
pub fn dot(args: &DotArgs) -> argraph::Result<ExitCode> {
    let output = args.output.as_deref().unwrap_or(Path::new("-"));
    argraph::ensure_distinct(&args.file, output)?;
    let g = argraph::convert::load(&args.file)?;
    let (g, opts) = match args.look.prepare(g, &args.view)? {
        Ok(prepared) => prepared,
        Err(code) => return Ok(code),
    };
    lifecycle::phase("writing");
    argraph::write_file(output, |w| render::write_dot(&g, &opts, w))?;
    Ok(ExitCode::SUCCESS)
}

/// Renders a graph file to an image with the built-in renderer or
/// Graphviz's `dot` (whose image streams into the output's temporary file).
pub fn render(args: &RenderArgs) -> argraph::Result<ExitCode> {
    let target = match output_target(&args.output, args.format) {
        Ok(target) => target,
        Err(message) => {
            crate::output::eprint_lines(&format!("argraph: error: {message}"));
            return Ok(ExitCode::from(2));
        }
    };
    let engine = args.engine.unwrap_or_else(Engine::preferred);
    let format = match target {
        Target::Image(format) => format,
        Target::Page => Format::Svg,
    };
    if !engine.writes(format) {
        crate::output::eprint_lines(&format!(
            "argraph: error: the built-in renderer draws SVG and PNG, not {format}: \
             add --engine dot to draw it with Graphviz's `dot`"
        ));
        return Ok(ExitCode::from(2));
    }
    argraph::ensure_distinct(&args.file, &args.output)?;
    let g = argraph::convert::load(&args.file)?;
    if target == Target::Page {
        // The page has its own focus, filters and framing selector, and
        // colours by the verdicts of the whole map.
        if !matches!(
            args.view.select(&g, args.look.framing.as_deref())?,
            Selection::Whole
        ) {
            crate::output::eprint_lines(
                "argraph: error: the interactive page shows the whole map, with its own focus, \
                 filters and framing selector: drop the view options (--focus, --tag, --source, \
                 --kind, --framing) or draw an image",
            );
            return Ok(ExitCode::from(2));
        }
        let mut opts = args.look.options();
        opts.engine(engine);
        return crate::page::write(&g, &opts, args.look.evaluate, &args.output);
    }
    let (g, opts) = match args.look.prepare(g, &args.view)? {
        Ok(prepared) => prepared,
        Err(code) => return Ok(code),
    };
    let mut dot = Vec::new();
    render::write_dot(&g, &opts, &mut dot)?;
    drop(g);
    lifecycle::phase(match engine {
        Engine::Dot => "running dot",
        _ => "drawing",
    });
    argraph::write_file(&args.output, |w| engine.run_to(&dot, format, w))?;
    Ok(ExitCode::SUCCESS)
}

/// The image format or the page: `--format`, or the output's extension;
/// both must agree when both are given (PNG bytes in `c.svg` help no one).
fn output_target(output: &Path, asked: Option<Target>) -> Result<Target, String> {
    let shown = output.display();
    match (asked, Target::from_path(output)) {
        (Some(asked), Some(implied)) if asked != implied => Err(format!(
            "-o {shown} names {implied} but --format says {asked}: give the output the \
             .{asked} extension, or leave out --format"
        )),
        (Some(format), _) | (None, Some(format)) => Ok(format),
        (None, None) if output == Path::new("-") => Err(
            "-o - writes the image to standard output: name its format with --format svg|png|pdf|html"
                .into(),
        ),
        (None, None) => Err(format!(
            "{shown}: cannot tell the image format from the extension; use .svg, .png, .pdf \
             or .html, or --format"
        )),
    }
}
