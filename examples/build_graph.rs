//! Builds a small argument graph in code, checks it, and prints its DOT.
//!
//! ```text
//! cargo run --example build_graph > map.dot && dot -Tsvg map.dot -o map.svg
//! ```

use argraph::render::{self, DotOptions};
use argraph::{ArgumentGraph, Provenance, Source};

/// The graph: two framings read the same evidence and disagree.
pub fn build() -> argraph::Result<ArgumentGraph> {
    let mut g = ArgumentGraph::new();
    g.set_title("Why does Russia engage the Taliban?");
    g.add_source(
        Source::new(
            "dk24",
            "Russia and Afghanistan after the Rise of the Taliban",
        )
        .with_authors(["Maedeh Davoodi", "Davood Kiani"])
        .with_year(2024),
    )?;

    g.framing("f-off", "Offensive realism: great powers maximise power.")?
        .set_label("Offensive realism");
    g.framing("f-def", "Defensive realism: states seek security.")?
        .set_label("Defensive realism");
    g.rebuts("f-off", "f-def")?;
    g.rebuts("f-def", "f-off")?;

    g.evidence("e-exit", "The US withdrawal left a vacuum in Afghanistan.")?
        .set_label("US exit")
        .add_provenance(
            Provenance::new("dk24")
                .with_locator("§3 Methodology")
                .with_quote("filling the void of American presence"),
        );
    g.evidence(
        "e-threats",
        "ISIS and drugs threaten Russia from Afghanistan.",
    )?
    .set_label("Threats")
    .set_weight(0.8)?;

    g.claim(
        "c-impose",
        "Russia seeks to impose its policy on Afghanistan.",
    )?
    .set_label("Impose policy");
    g.claim("c-repel", "Russia manages and repels threats.")?
        .set_label("Repel threats");
    g.frames("f-off", "c-impose")?;
    g.frames("f-def", "c-repel")?;

    g.supports("e-exit", "c-impose")?;
    g.supports("e-threats", "c-repel")?;
    g.rebuts("c-impose", "c-repel")?;
    g.rebuts("c-repel", "c-impose")?
        .set_label("tactical, not aggressive");

    g.validate()?;
    Ok(g)
}

fn main() -> argraph::Result<()> {
    let g = build()?;
    render::write_dot(&g, &DotOptions::new(), std::io::stdout().lock())
}
