//! How an [`Overlay`](crate::overlay::Overlay) is drawn: each mark as a fill
//! colour and a marked line under the node's label, so the result reads in
//! colour and in monochrome alike.

use crate::overlay::Mark;

// Okabe–Ito tints.
const IN: &str = "#A8E6CF";
const OUT: &str = "#F6C1A6";
const UNDEC: &str = "#E0E0E0";
const CREDULOUS: &str = "#FBE8A6";

/// A mark's fill colour (used in the colour theme) and its line of text.
pub(crate) fn look(mark: Mark) -> (String, String) {
    let (fill, text) = match mark {
        Mark::In => (IN, "✔ in"),
        Mark::Out => (OUT, "✘ out"),
        Mark::Undec => (UNDEC, "? undec"),
        Mark::Skeptical => (IN, "✔✔ skeptical"),
        Mark::Credulous => (CREDULOUS, "✔ credulous"),
        Mark::Rejected => (OUT, "✘ rejected"),
        Mark::Strength(x) => return strength_look(x),
    };
    (fill.to_string(), text.to_string())
}

/// A strength in [0, 1]: `σ 0.72 ▮▮▮▮▯`, filled white at 0.5, shading to
/// the vermillion tint at 0 and the green tint at 1.
fn strength_look(x: f64) -> (String, String) {
    let x = x.clamp(0.0, 1.0);
    let (to, t) = if x >= 0.5 {
        ((0xA8, 0xE6, 0xCF), (x - 0.5) * 2.0)
    } else {
        ((0xF6, 0xC1, 0xA6), (0.5 - x) * 2.0)
    };
    let mix = |c: u8| (255.0 + (f64::from(c) - 255.0) * t).round() as u8;
    let fill = format!("#{:02X}{:02X}{:02X}", mix(to.0), mix(to.1), mix(to.2));
    let filled = (x * 5.0).round() as usize;
    let bar = "▮".repeat(filled) + &"▯".repeat(5 - filled);
    (fill, format!("σ {x:.2} {bar}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strengths_shade_through_white() {
        assert_eq!(
            look(Mark::Strength(0.5)),
            ("#FFFFFF".into(), "σ 0.50 ▮▮▮▯▯".into())
        );
        assert_eq!(look(Mark::Strength(1.0)).0, IN);
        assert_eq!(look(Mark::Strength(0.0)).0, OUT);
        assert_eq!(look(Mark::Strength(0.72)).1, "σ 0.72 ▮▮▮▮▯");
    }
}
