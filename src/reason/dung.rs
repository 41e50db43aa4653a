//! Extension semantics on an [`ArgumentationFramework`]: the [`Reasoner`].

use super::framework::out_of_memory;
use super::framework::ArgumentationFramework;
use super::grounded::{grounded, try_grounded};
use super::sat::{close, Encoding, Sat, SatOptions};
use super::{Answer, Enumeration, Extension, Label, Labelling, Semantics};
use crate::error::{Error, ErrorKind, Result};

/// Answers the reasoning tasks of one framework under one Dung semantics:
/// one extension, credulous and skeptical acceptance of an argument (with a
/// certificate), enumeration with a limit.
///
/// Construction computes the grounded labelling (O(n + m)). Its `In` and
/// `Out` arguments are `In` and `Out` in every complete labelling, so every
/// SAT call works only on the sub-framework the grounded labelling leaves
/// `Undec`, and a query on a decided argument needs no SAT call at all.
/// The NP- and coNP-hard tasks (complete, preferred, stable) use the SAT
/// encodings and CEGAR loops of the PrefSAT/CEGARTIX family (see the
/// methods), solved by CaDiCaL; grounded tasks take O(n + m).
///
/// Semantics: Dung (1995) for complete, preferred, stable and grounded
/// extensions; Caminada (2006) for their labellings. Complexity of the tasks:
/// Dvořák & Dunne, *Computational problems in formal argumentation and their
/// complexity*, Handbook of Formal Argumentation, 2018.
///
/// ```
/// # #[cfg(feature = "sat")]
/// # fn main() -> argraph::Result<()> {
/// use argraph::ArgumentationFramework;
/// use argraph::reason::{Reasoner, Semantics};
/// // a ⇄ b, both attack c, c attacks d (Baroni, Caminada & Giacomin 2011, Fig. 5-like).
/// let af = ArgumentationFramework::with_names(["a", "b", "c", "d"],
///     [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)])?;
/// let mut pr = Reasoner::new(&af, Semantics::Preferred);
/// let all = pr.extensions(None)?;
/// assert_eq!(all.extensions, vec![vec![0, 3], vec![1, 3]]);
/// assert!(pr.skeptical(3)?.accepted);     // d is in every preferred extension
/// assert!(!pr.skeptical(0)?.accepted);
/// assert!(pr.credulous(0)?.accepted);
/// let gr = Reasoner::new(&af, Semantics::Grounded);
/// assert!(gr.grounded().extension().is_empty());
/// # Ok(()) }
/// # #[cfg(not(feature = "sat"))] fn main() {}
/// ```
///
/// Cloning copies the grounded labelling and the undecided part, so a
/// second reasoner (say, with other [`SatOptions`], on another thread)
/// need not compute them again.
#[derive(Clone)]
pub struct Reasoner<'a> {
    af: &'a ArgumentationFramework,
    semantics: Semantics,
    options: SatOptions,
    grounded: Labelling,
    /// The undecided part: its framework and the map to `af`'s indices.
    rest: Option<(ArgumentationFramework, Vec<u32>)>,
    /// Row of `af` → index in the undecided part (u32::MAX if decided).
    rest_index: Vec<u32>,
}

impl<'a> Reasoner<'a> {
    /// A reasoner for `af` under `semantics`. O(n + m).
    ///
    /// # Aborts
    /// As [`grounded`] does, if the memory for one label per argument
    /// cannot be had; [`try_new`](Self::try_new) returns an error instead.
    pub fn new(af: &'a ArgumentationFramework, semantics: Semantics) -> Reasoner<'a> {
        Self::with_grounded(af, semantics, grounded(af))
    }

    /// [`new`](Self::new), with an error where the memory cannot be had.
    ///
    /// ```
    /// # #[cfg(feature = "sat")]
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::ArgumentationFramework;
    /// use argraph::reason::{Reasoner, Semantics};
    /// let af = ArgumentationFramework::new(2, [(0, 1), (1, 0)])?;
    /// assert_eq!(Reasoner::try_new(&af, Semantics::Stable)?.extensions(None)?.extensions.len(), 2);
    /// # Ok(()) }
    /// # #[cfg(not(feature = "sat"))] fn main() {}
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] naming the framework's size if the memory
    /// for its grounded labelling cannot be had.
    pub fn try_new(af: &'a ArgumentationFramework, semantics: Semantics) -> Result<Reasoner<'a>> {
        Ok(Self::with_grounded(af, semantics, try_grounded(af)?))
    }

    fn with_grounded(
        af: &'a ArgumentationFramework,
        semantics: Semantics,
        grounded: Labelling,
    ) -> Reasoner<'a> {
        Reasoner {
            af,
            semantics,
            options: SatOptions::default(),
            grounded,
            rest: None,
            rest_index: Vec::new(),
        }
    }

    /// This reasoner, running its SAT searches as `options` say (CaDiCaL's
    /// configuration, the stable encoding, a [`Stop`](super::Stop) handle;
    /// see [`SatOptions`]). With a handle, every method that may search
    /// returns [`ErrorKind::Stopped`] once it is stopped, never a wrong
    /// answer.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::ArgumentationFramework;
    /// use argraph::reason::{Reasoner, SatOptions, Semantics, SolverConfig};
    /// let af = ArgumentationFramework::new(2, [(0, 1), (1, 0)])?;
    /// let options = SatOptions::default().with_config(SolverConfig::Unsat);
    /// let mut r = Reasoner::new(&af, Semantics::Preferred).with_sat_options(options);
    /// # #[cfg(feature = "sat")]
    /// assert!(r.credulous(1)?.accepted);
    /// # Ok(()) }
    /// ```
    pub fn with_sat_options(mut self, options: SatOptions) -> Reasoner<'a> {
        self.options = options;
        self
    }

    /// Whether answering the task may need a SAT search, given the grounded
    /// labelling: `query` is `None` for "some extension", else the argument
    /// of a credulous (`skeptical == false`) or skeptical question. `false`
    /// means the answer takes O(n) at most (the grounded labelling settles
    /// it), which lets a caller skip costly set-up such as starting
    /// threads. O(1) for a query the grounded labelling decides, else O(n).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::ArgumentationFramework;
    /// use argraph::reason::{Reasoner, Semantics};
    /// // a → b, and c ⇄ d
    /// let af = ArgumentationFramework::new(4, [(0, 1), (2, 3), (3, 2)])?;
    /// let r = Reasoner::new(&af, Semantics::Preferred);
    /// assert!(!r.may_search(Some(1), false)); // b is out of every extension
    /// assert!(r.may_search(Some(2), true));
    /// assert!(!Reasoner::new(&af, Semantics::Grounded).may_search(None, false));
    /// # Ok(()) }
    /// ```
    pub fn may_search(&self, query: Option<usize>, skeptical: bool) -> bool {
        let label = query.and_then(|a| (a < self.af.len()).then(|| self.grounded.label(a)));
        match (self.semantics, query, label) {
            (Semantics::Grounded, ..) | (_, Some(_), None) => false,
            (Semantics::Complete, _, Some(Label::Undec)) => !skeptical,
            (Semantics::Complete, ..) => false,
            (_, None, _) => self.any_undecided(),
            (_, Some(_), Some(Label::Undec)) => true,
            (_, Some(_), Some(Label::In)) => !skeptical && self.any_undecided(),
            (_, Some(_), Some(Label::Out)) => skeptical && self.any_undecided(),
        }
    }

    /// Whether the grounded labelling leaves any argument undecided. O(n).
    fn any_undecided(&self) -> bool {
        self.grounded.labels().contains(&Label::Undec)
    }

    /// The semantics.
    pub fn semantics(&self) -> Semantics {
        self.semantics
    }

    /// The framework.
    pub fn framework(&self) -> &'a ArgumentationFramework {
        self.af
    }

    /// The grounded labelling (computed once, at construction).
    pub fn grounded(&self) -> &Labelling {
        &self.grounded
    }

    /// The undecided part, built on first use: O(rows + m), no memory per
    /// argument in no attack (the grounded labelling has those `In`).
    fn rest(&mut self) -> Result<&(ArgumentationFramework, Vec<u32>)> {
        if self.rest.is_none() {
            let af = self.af;
            let undecided = (0..af.rows())
                .map(|r| af.row_argument(r))
                .filter(|&a| self.grounded.label(a) == Label::Undec)
                .map(|a| a as u32)
                .collect();
            let (sub, map) = af.restrict_to(undecided)?;
            let mut rest_index = Vec::new();
            rest_index
                .try_reserve_exact(af.rows())
                .map_err(|_| out_of_memory(af.len(), af.attack_count()))?;
            rest_index.resize(af.rows(), u32::MAX);
            for (i, &a) in map.iter().enumerate() {
                rest_index[af.row_of(a as usize).ok_or_else(internal)?] = i as u32;
            }
            self.rest_index = rest_index;
            self.rest = Some((sub, map));
        }
        self.rest.as_ref().ok_or_else(internal)
    }

    /// The index in the undecided part of argument `a`, which the grounded
    /// labelling left `Undec` (so it is in an attack, and in a row).
    fn rest_position(&self, a: usize) -> Result<usize> {
        let row = self.af.row_of(a).ok_or_else(internal)?;
        Ok(self.rest_index[row] as usize)
    }

    fn encoding(&self) -> Encoding {
        match self.semantics {
            Semantics::Stable => Encoding::Stable,
            Semantics::Preferred => Encoding::Admissible,
            _ => Encoding::Complete,
        }
    }

    fn sat(&mut self) -> Result<Sat> {
        self.sat_with(self.encoding())
    }

    fn sat_with(&mut self, encoding: Encoding) -> Result<Sat> {
        let options = self.options.clone();
        Sat::new(&self.rest()?.0, encoding, &options)
    }

    /// The extension of `af` made of the grounded extension plus the
    /// undecided part's arguments marked in `set`. O(n).
    fn lift(&self, set: &[bool]) -> Result<Extension> {
        let mut ext: Vec<usize> = self.grounded_extension()?;
        if let Some((_, map)) = &self.rest {
            ext.extend(
                map.iter()
                    .zip(set)
                    .filter(|(_, &s)| s)
                    .map(|(&a, _)| a as usize),
            );
        }
        ext.sort_unstable();
        Ok(ext)
    }

    /// The grounded extension, or an error where its memory cannot be had
    /// (it may hold billions of arguments in no attack).
    fn grounded_extension(&self) -> Result<Extension> {
        self.grounded
            .try_with(Label::In)
            .map_err(|_| out_of_memory(self.af.len(), self.af.attack_count()))
    }

    fn check(&self, a: usize) -> Result<()> {
        if a >= self.af.len() {
            return Err(Error::new(ErrorKind::InvalidInput(format!(
                "argument {a} is outside 0..{}",
                self.af.len()
            ))));
        }
        Ok(())
    }

    /// One extension, or `None` if there is none (only stable semantics can
    /// have none). Grounded and complete: the grounded extension, O(n + m).
    /// Preferred: one SAT call per growth step of the maximisation.
    /// Stable: one SAT call (NP-complete).
    ///
    /// # Errors
    /// [`ErrorKind::Stopped`] if stopped through the [`SatOptions`]' handle;
    /// otherwise only if the SAT solver gives up (it has no limit set, so in
    /// practice never).
    pub fn some_extension(&mut self) -> Result<Option<Extension>> {
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => Ok(Some(self.grounded_extension()?)),
            // With nothing undecided the grounded extension is the only
            // complete one, hence preferred and stable: no search.
            _ if !self.any_undecided() => Ok(Some(self.grounded_extension()?)),
            Semantics::Preferred => {
                let mut sat = self.sat()?;
                let set = sat.solve(&[])?.ok_or_else(internal)?;
                let set = sat.maximise(&self.rest()?.0, set)?;
                Ok(Some(self.lift(&set)?))
            }
            Semantics::Stable => {
                let mut sat = self.sat()?;
                sat.solve(&[])?.map(|set| self.lift(&set)).transpose()
            }
        }
    }

    /// Credulous acceptance of argument `a`: is it in some extension? The
    /// certificate is an extension containing `a` when accepted.
    ///
    /// Grounded: O(1) after construction. Complete and preferred (same
    /// answer, NP-complete): one SAT call for an admissible set holding `a`,
    /// closed under defence (O(n + m)) for the complete certificate or grown
    /// to a preferred extension for the preferred one. Stable: one SAT call.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] if `a` is not an argument;
    /// [`ErrorKind::Stopped`] if stopped through the [`SatOptions`]' handle.
    pub fn credulous(&mut self, a: usize) -> Result<Answer> {
        self.check(a)?;
        let label = self.grounded.label(a);
        if self.semantics == Semantics::Grounded || label == Label::Out {
            let accepted = label == Label::In;
            return Ok(Answer {
                accepted,
                certificate: accepted.then(|| self.grounded_extension()).transpose()?,
            });
        }
        if label == Label::In {
            // In every complete (hence preferred and stable) extension.
            return Ok(match self.some_extension()? {
                Some(ext) => Answer::yes(Some(ext)),
                None => Answer::no(None),
            });
        }
        // Every admissible set lies inside a complete and a preferred
        // extension, so the admissible encoding answers for both. It lacks
        // the complete encoding's n clauses and searched faster with them
        // gone: 0.59-0.92x on the uniform frameworks' refutations, 0.63x in sum
        // (benches/README.md, "DC-CO on the admissible encoding").
        let encoding = match self.semantics {
            Semantics::Stable => Encoding::Stable,
            _ => Encoding::Admissible,
        };
        let mut sat = self.sat_with(encoding)?;
        let lit = Sat::lit(self.rest_position(a)?);
        match sat.solve(&[lit])? {
            None => Ok(Answer::no(None)),
            Some(set) => {
                let set = match self.semantics {
                    Semantics::Preferred => sat.maximise(&self.rest()?.0, set)?,
                    Semantics::Complete => close(&self.rest()?.0, &set),
                    _ => set,
                };
                Ok(Answer::yes(Some(self.lift(&set)?)))
            }
        }
    }

    /// Skeptical acceptance of argument `a`: is it in every extension? The
    /// certificate is an extension without `a` when rejected. With no
    /// extension at all (stable semantics only), every argument is
    /// skeptically accepted, as in ICCMA.
    ///
    /// Grounded and complete (same answer, polynomial): O(1) after
    /// construction. Stable (coNP-complete): one SAT call for a stable
    /// extension without `a`. Preferred (Π₂ᵖ-complete): CEGAR loops in the
    /// style of CEGARTIX (Dvořák, Järvisalo, Wallner & Woltran 2014) and
    /// μ-toksia (Niskanen & Järvisalo 2020). First one SAT call, bounded to
    /// 20 000 conflicts (a fraction of a second on 10^3 arguments), asks for
    /// an admissible set attacking `a`, which grows into a counter-example
    /// at once. If there is provably none: find an admissible set `E`
    /// without `a` and close it under defence; if no admissible superset of
    /// `E` holds `a`, every preferred extension around `E` lacks `a` and one
    /// is the counter-example; otherwise that superset `T` is admissible
    /// with `a`, so no preferred extension without `a` lies inside `T`,
    /// which a clause excludes, and the loop goes on until no `E` is left
    /// (accepted). If the bound was reached: grow preferred extensions one
    /// at a time, excluding (as above) every set that comes to hold `a`,
    /// until one without `a` is reached or none is left (on random
    /// frameworks this skips two searches as hard as the growth itself).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] if `a` is not an argument;
    /// [`ErrorKind::Stopped`] if stopped through the [`SatOptions`]' handle.
    pub fn skeptical(&mut self, a: usize) -> Result<Answer> {
        self.check(a)?;
        let label = self.grounded.label(a);
        match (self.semantics, label) {
            (_, Label::In) => return Ok(Answer::yes(None)),
            (Semantics::Grounded | Semantics::Complete, _) => {
                return Ok(Answer::no(Some(self.grounded_extension()?)))
            }
            (_, Label::Out) => {
                return Ok(match self.some_extension()? {
                    Some(ext) => Answer::no(Some(ext)),
                    None => Answer::yes(None),
                })
            }
            _ => {}
        }
        let mut sat = self.sat()?;
        let qa = self.rest_position(a)?;
        let not_a = -Sat::lit(qa);
        if self.semantics == Semantics::Stable {
            return Ok(match sat.solve(&[not_a])? {
                Some(set) => Answer::no(Some(self.lift(&set)?)),
                None => Answer::yes(None),
            });
        }
        self.skeptical_preferred(sat, qa)
    }

    /// Skeptical preferred acceptance of argument `qa` of the undecided
    /// part, where the grounded labelling left it, on `sat`'s
    /// admissible-set encoding of that part.
    ///
    /// An admissible set attacking `a` grows into a preferred extension
    /// attacking `a`, hence without it, and such a set is quick to find
    /// where there is one: it is asked first, for a bounded effort. Then, if
    /// there is provably none, the CEGAR loop on sets without `a`
    /// ([`without_query`](Self::without_query)); if the effort ran out
    /// (frameworks where that search is hard, as random ones near their
    /// phase transition), preferred extensions are grown one at a time
    /// ([`by_growing`](Self::by_growing)), which stops at the first one
    /// without `a`.
    fn skeptical_preferred(&self, mut sat: Sat, qa: usize) -> Result<Answer> {
        let af = &self.rest.as_ref().ok_or_else(internal)?.0;
        let attacked = sat.attacked(qa);
        match sat.try_solve(&[attacked], ATTACKER_PROBE_CONFLICTS)? {
            Some(Some(set)) => {
                let set = sat.maximise(af, set)?;
                Ok(Answer::no(Some(self.lift(&set)?)))
            }
            Some(None) => self.without_query(sat, af, qa),
            None => self.by_growing(sat, af, qa),
        }
    }

    /// The CEGAR loop of [`skeptical`](Self::skeptical) where no admissible
    /// set attacks `qa`: find an admissible set `E` without `qa` and close
    /// it under defence; if no admissible superset of `E` holds `qa`, every
    /// preferred extension around `E` lacks it and one is the
    /// counter-example; otherwise that superset `T` is admissible with
    /// `qa`, so no preferred extension without `qa` lies inside `T`, which a
    /// clause excludes, and the loop goes on until no `E` is left
    /// (accepted).
    fn without_query(
        &self,
        mut sat: Sat,
        af: &ArgumentationFramework,
        qa: usize,
    ) -> Result<Answer> {
        let not_a = -Sat::lit(qa);
        loop {
            let Some(set) = sat.solve(&[not_a])? else {
                return Ok(Answer::yes(None));
            };
            let set = close(af, &set);
            let holder = if set[qa] {
                set
            } else {
                match sat.superset(&set, &[-not_a])? {
                    // Every preferred extension around `set` lacks `a`.
                    None => {
                        let set = sat.maximise(af, set)?;
                        return Ok(Answer::no(Some(self.lift(&set)?)));
                    }
                    Some(holder) => close(af, &holder),
                }
            };
            if !exclude_subsets(&mut sat, &holder) {
                return Ok(Answer::yes(None));
            }
        }
    }

    /// Skeptical acceptance of `qa` by growing preferred extensions (the
    /// order of scalop's and μ-toksia's loops): take any admissible set not
    /// yet excluded, close it, and grow it one strict admissible superset
    /// at a time; if it reaches a preferred extension without `qa`, that is
    /// the counter-example; as soon as it holds `qa`, no preferred extension
    /// without `qa` lies inside it, which a clause excludes, and a new set
    /// is taken, until none is left (accepted). A set that is not excluded
    /// has no excluded superset, so the exclusions never stop a growth
    /// short of a preferred extension.
    fn by_growing(&self, mut sat: Sat, af: &ArgumentationFramework, qa: usize) -> Result<Answer> {
        while let Some(set) = sat.solve(&[])? {
            let mut set = close(af, &set);
            loop {
                if set[qa] {
                    if !exclude_subsets(&mut sat, &set) {
                        return Ok(Answer::yes(None));
                    }
                    break;
                }
                match sat.superset(&set, &[])? {
                    None => return Ok(Answer::no(Some(self.lift(&set)?))),
                    Some(bigger) => set = close(af, &bigger),
                }
            }
        }
        Ok(Answer::yes(None))
    }

    /// The extensions, at most `limit` of them (all if `None`), each sorted,
    /// in no particular order except that they are found one SAT call (plus
    /// maximisation, for preferred) at a time, each new one excluded by a
    /// blocking clause. `all_found` tells whether the list is complete.
    ///
    /// # Errors
    /// [`ErrorKind::Stopped`] if stopped through the [`SatOptions`]' handle;
    /// otherwise only if the SAT solver gives up.
    pub fn extensions(&mut self, limit: Option<usize>) -> Result<Enumeration> {
        let limit = limit.unwrap_or(usize::MAX);
        let mut out = Vec::new();
        if limit == 0 {
            return Ok(Enumeration {
                extensions: out,
                all_found: false,
            });
        }
        if self.semantics == Semantics::Grounded {
            return Ok(Enumeration {
                extensions: vec![self.grounded_extension()?],
                all_found: true,
            });
        }
        let mut sat = self.sat()?;
        while let Some(set) = sat.solve(&[])? {
            if out.len() == limit {
                return Ok(Enumeration {
                    extensions: out,
                    all_found: false,
                });
            }
            let (set, block) = match self.semantics {
                Semantics::Preferred => {
                    let set = sat.maximise(&self.rest()?.0, set)?;
                    let block = Sat::not_subset_clause(&set);
                    (set, block)
                }
                Semantics::Stable => {
                    let block = Sat::not_subset_clause(&set);
                    (set, block)
                }
                _ => {
                    let block = Sat::not_equal_clause(&set);
                    (set, (!block.is_empty()).then_some(block))
                }
            };
            out.push(self.lift(&set)?);
            match block {
                Some(clause) => sat.add_clause(clause),
                None => break,
            }
        }
        out.sort();
        Ok(Enumeration {
            extensions: out,
            all_found: true,
        })
    }

    /// The labelling of each extension (see [`Labelling::of_extension`]),
    /// at most `limit` of them.
    ///
    /// # Errors
    /// As [`extensions`](Self::extensions).
    pub fn labellings(&mut self, limit: Option<usize>) -> Result<Vec<Labelling>> {
        let af = self.af;
        Ok(self
            .extensions(limit)?
            .extensions
            .iter()
            .map(|e| Labelling::of_extension(af, e))
            .collect())
    }
}

/// The effort, in SAT conflicts, that `Reasoner::skeptical` spends at
/// first on looking for an admissible set attacking the query (preferred
/// semantics): a fraction of a second on 10^3 arguments.
const ATTACKER_PROBE_CONFLICTS: i32 = 20_000;

/// Adds the clause "not a subset of `holder`" (an admissible set holding
/// the query); `false` if `holder` holds every argument (then every
/// preferred extension does too).
fn exclude_subsets(sat: &mut Sat, holder: &[bool]) -> bool {
    match Sat::not_subset_clause(holder) {
        Some(clause) => {
            sat.add_clause(clause);
            true
        }
        None => false,
    }
}

fn internal() -> Error {
    Error::new(ErrorKind::InvalidInput(
        "internal error: a complete extension always exists".to_string(),
    ))
}

#[cfg(all(test, feature = "sat"))]
mod tests {
    //! The two loops behind preferred skeptical acceptance, each called
    //! directly (on small frameworks the bounded probe before them always
    //! answers, so `skeptical` alone would never reach `by_growing`),
    //! against brute force.
    use super::*;
    use proptest::prelude::*;

    /// The preferred extensions by brute force: the maximal admissible
    /// subsets (Dung 1995), as membership masks.
    fn preferred(af: &ArgumentationFramework) -> Vec<u32> {
        let n = af.len();
        let attacks: Vec<(usize, usize)> = af.attack_pairs().collect();
        let admissible = |s: u32| {
            let has = |a: usize| s & (1 << a) != 0;
            let free = attacks.iter().all(|&(a, b)| !(has(a) && has(b)));
            let defended = attacks
                .iter()
                .filter(|&&(_, b)| has(b))
                .all(|&(c, _)| attacks.iter().any(|&(d, e)| e == c && has(d)));
            free && defended
        };
        let adm: Vec<u32> = (0..1u32 << n).filter(|&s| admissible(s)).collect();
        adm.iter()
            .copied()
            .filter(|&s| !adm.iter().any(|&t| t != s && t & s == s))
            .collect()
    }

    fn frameworks() -> impl Strategy<Value = ArgumentationFramework> {
        (1usize..=8).prop_flat_map(|n| {
            prop::collection::vec((0..n, 0..n), 0..=(n * n).min(24))
                .prop_map(move |p| ArgumentationFramework::new(n, p).unwrap())
        })
    }

    fn check_loops(af: &ArgumentationFramework) {
        let expected = preferred(af);
        let mut r = Reasoner::new(af, Semantics::Preferred);
        let undecided: Vec<usize> = (0..af.len())
            .filter(|&a| r.grounded.label(a) == Label::Undec)
            .collect();
        for a in undecided {
            let skeptical = expected.iter().all(|&s| s & (1 << a) != 0);
            for growing in [true, false] {
                // (Builds the undecided part, which rest_position reads.)
                let sat = r.sat().unwrap();
                let qa = r.rest_position(a).unwrap();
                let rest = &r.rest.as_ref().unwrap().0;
                let answer = if growing {
                    r.by_growing(sat, rest, qa).unwrap()
                } else {
                    r.without_query(sat, rest, qa).unwrap()
                };
                assert_eq!(
                    answer.accepted, skeptical,
                    "argument {a}, growing: {growing}"
                );
                if let Some(ext) = answer.certificate {
                    let mask = ext.iter().fold(0u32, |m, &b| m | 1 << b);
                    assert!(expected.contains(&mask) && mask & (1 << a) == 0, "{ext:?}");
                } else {
                    assert!(answer.accepted);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn both_skeptical_preferred_loops_match_brute_force(af in frameworks()) {
            check_loops(&af);
        }
    }

    #[test]
    fn growing_excludes_sets_holding_the_query_until_none_is_left() {
        // a, b, c attack each other both ways, and b and c attack d: the
        // preferred extensions {a, d}, {b} and {c}; nothing is skeptically
        // accepted, and for d growth may first reach {a, d}, which it must
        // exclude before it finds {b} or {c}.
        let af = ArgumentationFramework::new(
            4,
            [
                (0, 1),
                (1, 0),
                (0, 2),
                (2, 0),
                (1, 2),
                (2, 1),
                (1, 3),
                (2, 3),
            ],
        )
        .unwrap();
        check_loops(&af);
        // Floating reinstatement: a ⇄ b, both attack c, c attacks d; the
        // preferred extensions {a, d} and {b, d}: d, undecided in the
        // grounded labelling, is skeptically accepted, which both loops
        // must prove by excluding every admissible set without d.
        let af = ArgumentationFramework::new(4, [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]).unwrap();
        check_loops(&af);
    }
}
