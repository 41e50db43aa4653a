//! The grounded labelling in O(n + m).

use super::framework::out_of_memory;
use super::framework::ArgumentationFramework;
use super::{Label, Labelling};
use crate::error::Result;

/// The grounded labelling of `af` (Dung 1995, Def. 20: the least fixed point
/// of the characteristic function; as a labelling, Caminada 2006): `In` for
/// the grounded extension, `Out` for what it attacks, `Undec` for the rest.
///
/// Computed in O(n + m) time (O(n + m log m) when the framework's rows are
/// sparse) and O(n) extra memory by propagation rather
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
///
/// # Aborts
/// As a `Vec` does, if the memory for one label per argument cannot be
/// had; [`try_grounded`] returns an error instead.
pub fn grounded(af: &ArgumentationFramework) -> Labelling {
    try_grounded(af).unwrap_or_else(|_| {
        let layout = std::alloc::Layout::array::<Label>(af.len());
        std::alloc::handle_alloc_error(layout.unwrap_or(std::alloc::Layout::new::<Label>()))
    })
}

/// [`grounded`], with an error where the memory cannot be had. Memory: one
/// byte per argument and 8 bytes per argument in an attack (those in none
/// are `In` from the start and cost nothing more).
///
/// ```
/// use argraph::ArgumentationFramework;
/// use argraph::reason::{try_grounded, Label};
/// let af = ArgumentationFramework::new(3, [(0, 1)]).unwrap();
/// assert_eq!(try_grounded(&af)?.extension(), vec![0, 2]);
/// # Ok::<(), argraph::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the
/// framework's size if the memory cannot be had.
pub fn try_grounded(af: &ArgumentationFramework) -> Result<Labelling> {
    let no_memory = |_| out_of_memory(af.len(), af.attack_count());
    let mut labels = Vec::new();
    labels.try_reserve_exact(af.len()).map_err(no_memory)?;
    labels.resize(af.len(), Label::In);
    let rows = af.rows();
    let mut live: Vec<u32> = Vec::new();
    live.try_reserve_exact(rows).map_err(no_memory)?;
    // A stack of arguments just labelled In (order does not matter).
    let mut stack: Vec<u32> = Vec::new();
    for r in 0..rows {
        let a = af.row_argument(r);
        let degree = af.in_degree(a) as u32;
        live.push(degree);
        if degree == 0 {
            stack.push(a as u32);
        } else {
            labels[a] = Label::Undec;
        }
    }
    while let Some(a) = stack.pop() {
        for &b in af.targets(a as usize) {
            if labels[b as usize] != Label::Undec {
                continue;
            }
            labels[b as usize] = Label::Out;
            for &c in af.targets(b as usize) {
                let (c, r) = (
                    c as usize,
                    af.row_of(c as usize).expect("a target has a row"),
                );
                live[r] -= 1;
                if live[r] == 0 && labels[c] == Label::Undec {
                    labels[c] = Label::In;
                    stack.push(c as u32);
                }
            }
        }
    }
    Ok(Labelling::from_labels(labels))
}
