//! `argraph dot` and `argraph render`: they share their drawing options.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::{Evaluator, Method};
use argraph::render::{self, Cluster, DotOptions, Format, RankDir, Theme};

/// How the diagram looks (shared by `dot` and `render`).
#[derive(clap::Args)]
pub struct Look {
    /// Group nodes into boxes by framing, by source, or not at all.
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
    /// Colour and mark the nodes by an evaluation: grounded, complete,
    /// preferred, stable, dfquad or energy (see `argraph eval`).
    #[arg(long, value_name = "SEMANTICS", value_parser = str::parse::<Method>)]
    evaluate: Option<Method>,
    /// With --evaluate: evaluate under this framing.
    #[arg(long, value_name = "ID", requires = "evaluate")]
    framing: Option<String>,
}

impl Look {
    fn options(&self) -> DotOptions {
        let mut o = DotOptions::new();
        o.cluster(self.cluster)
            .theme(self.theme)
            .rankdir(self.rankdir)
            .legend(!self.no_legend)
            .wrap(self.wrap)
            .text(!self.labels_only)
            .provenance(!self.no_provenance);
        o
    }

    /// The options, with the evaluation overlay if one is asked for.
    fn options_for(&self, g: &argraph::ArgumentGraph) -> argraph::Result<DotOptions> {
        let mut o = self.options();
        if let Some(method) = self.evaluate {
            let mut evaluator = Evaluator::new(g);
            evaluator.semantics(method);
            if let Some(framing) = &self.framing {
                evaluator.framing(framing);
            }
            o.overlay(evaluator.run()?.overlay());
        }
        Ok(o)
    }
}

/// Arguments of `argraph dot`.
#[derive(clap::Args)]
pub struct DotArgs {
    /// The argraph JSON file.
    file: PathBuf,
    /// Write the DOT here instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    look: Look,
}

/// Arguments of `argraph render`.
#[derive(clap::Args)]
pub struct RenderArgs {
    /// The argraph JSON file.
    file: PathBuf,
    /// The image to write: .svg, .png or .pdf.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// The image format, when the extension does not say it.
    #[arg(long, value_parser = str::parse::<Format>)]
    format: Option<Format>,
    #[command(flatten)]
    look: Look,
}

/// Writes the DOT of a graph file.
pub fn dot(args: &DotArgs) -> argraph::Result<ExitCode> {
    let g = argraph::json::load(&args.file)?;
    let opts = args.look.options_for(&g)?;
    match &args.output {
        Some(path) => argraph::write_file(path, |w| render::write_dot(&g, &opts, w))?,
        None => {
            let mut out = crate::output::stdout();
            render::write_dot(&g, &opts, &mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Renders a graph file to an image with Graphviz.
pub fn render(args: &RenderArgs) -> argraph::Result<ExitCode> {
    let format = match args.format.or_else(|| Format::from_path(&args.output)) {
        Some(f) => f,
        None => {
            crate::output::eprint_lines(&format!(
                "argraph: error: {}: cannot tell the image format from the extension; use .svg, .png or .pdf, or --format",
                args.output.display()
            ));
            return Ok(ExitCode::from(2));
        }
    };
    let g = argraph::json::load(&args.file)?;
    let image = render::render(&g, &args.look.options_for(&g)?, format)?;
    argraph::write_file(&args.output, |w| Ok(w.write_all(&image)?))?;
    Ok(ExitCode::SUCCESS)
}
