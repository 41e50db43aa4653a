//! The grounded labelling in O(n + m).

use super::framework::ArgumentationFramework;
use super::{Label, Labelling};

/// The grounded labelling of `af` (Dung 1995, Def. 20: the least fixed point
/// of the characteristic function; as a labelling, Caminada 2006): `In` for
/// the grounded extension, `Out` for what it attacks, `Undec` for the rest.
///
/// Computed in O(n + m) time and O(n) extra memory by propagation rather
/// than by iterating the characteristic function (O(n·m)): each argument
/// keeps the number of its attackers not yet labelled `Out`; an argument
/// whose count reaches zero is `In`, and everything it attacks becomes `Out`,
/// which decrements the counts of their targets. Every attack is looked at
/// at most once from each side. No recursion, so no stack overflow on deep
/// chains.
///
/// References: P. M. Dung, *On the acceptability of arguments…*, Artificial
/// Intelligence 77(2), 1995; M. Caminada, *On the issue of reinstatement in
/// argumentation*, JELIA 2006.
///
/// ```
/// use argraph::ArgumentationFramework;
/// use argraph::reason::{grounded, Label};
/// // a → b → c: a is in, b out, c in (reinstated); d ⇄ e undecided.
/// let af = ArgumentationFramework::new(5, [(0, 1), (1, 2), (3, 4), (4, 3)]).unwrap();
/// let l = grounded(&af);
/// assert_eq!(l.extension(), vec![0, 2]);
/// assert_eq!(l.label(1), Label::Out);
/// assert_eq!(l.label(3), Label::Undec);
/// ```
pub fn grounded(af: &ArgumentationFramework) -> Labelling {
    let n = af.len();
    let mut labels = vec![Label::Undec; n];
    let mut live: Vec<u32> = (0..n).map(|a| af.in_degree(a) as u32).collect();
    // A stack of arguments just labelled In (order does not matter).
    let mut stack: Vec<u32> = (0..n as u32).filter(|&a| live[a as usize] == 0).collect();
    for &a in &stack {
        labels[a as usize] = Label::In;
    }
    while let Some(a) = stack.pop() {
        for &b in af.targets(a as usize) {
            if labels[b as usize] != Label::Undec {
                continue;
            }
            labels[b as usize] = Label::Out;
            for &c in af.targets(b as usize) {
                let c = c as usize;
                live[c] -= 1;
                if live[c] == 0 && labels[c] == Label::Undec {
                    labels[c] = Label::In;
                    stack.push(c as u32);
                }
            }
        }
    }
    Labelling::from_labels(labels)
}
