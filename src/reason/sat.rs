//! SAT encodings of complete, preferred and stable semantics, solved with
//! CaDiCaL.
//!
//! The encodings are the standard ones of Besnard & Doutre (2004) and
//! Cerutti, Dunne, Giacomin & Vallati (2013), with one variable `x_a`
//! ("a is in") and one `r_a` ("a is attacked by the set") per argument:
//!
//! - `r_a ↔ ∨_{b→a} x_b` (two clause families),
//! - conflict-freeness `¬x_a ∨ ¬r_a`,
//! - admissibility `x_a → r_b` for every attacker `b` of `a`,
//! - completeness `(∧_{b→a} r_b) → x_a`,
//! - stability `x_a ∨ r_a`.
//!
//! That is O(n + m) clauses of total size O(n + m). Complete semantics use
//! all but the last family, preferred only the admissible part; stable
//! semantics, by default, `x_a` alone (`¬x_a ∨ ¬x_b` per attack, `x_a ∨
//! ∨_{b→a} x_b` per argument; [`StableEncoding`]), or all but completeness.
//! Preferred extensions are found by the iterative maximisation of the
//! PrefSAT / CEGARTIX family (Cerutti et al. 2013; Dvořák, Järvisalo,
//! Wallner & Woltran 2014): find an admissible set, close it under defence
//! (by propagation), ask for a strict admissible superset, and repeat until
//! there is none, with the "strict superset" clause switched on by an
//! activation literal so the solver stays incremental.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::framework::ArgumentationFramework;
use crate::error::{Error, ErrorKind, Result};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// CaDiCaL's preset configurations, which [`SatOptions`] chooses from,
    /// by CaDiCaL's names.
    ///
    /// On random frameworks near their phase transition one SAT search
    /// decides a task, and its time is a heavy-tailed function of the
    /// configuration: each wins on some frameworks by an order of magnitude
    /// and loses on others by as much (`benches/README.md`, "Portfolio").
    /// `argraph iccma --threads 2` runs two of them side by side and takes
    /// the first answer.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::SolverConfig;
    /// assert_eq!("unsat".parse::<SolverConfig>()?, SolverConfig::Unsat);
    /// assert_eq!(SolverConfig::default().as_str(), "sat");
    /// # Ok(()) }
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    SolverConfig, "solver configuration" {
        /// `sat`: stable search mode only, tuned for satisfiable formulas;
        /// the best single configuration measured in aggregate, hence the
        /// default.
        #[default]
        Sat => "sat",
        /// `default`: CaDiCaL's own defaults (alternating stable and
        /// focused search modes).
        Default => "default",
        /// `unsat`: tuned for unsatisfiable formulas (focused mode only).
        Unsat => "unsat",
        /// `plain`: no preprocessing or inprocessing.
        Plain => "plain",
    }
}

/// The SAT encoding of stable semantics, which [`SatOptions`] chooses.
///
/// The default is one variable per argument: over seven renamings of each
/// of 59 frameworks it searched faster in aggregate for every stable task
/// (SE-ST 0.87x, DC-ST 0.83x, DS-ST 0.88x in geometric mean;
/// benches/README.md, "Stable semantics on one variable").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StableEncoding {
    /// Two variables per argument, "in" and "attacked by the set", as the
    /// other semantics use (2n variables, 2n + 3m clauses).
    TwoVariables,
    /// One variable per argument, "in": conflict-freeness per attack and
    /// "in or attacked" per argument (n variables, n + m clauses; scalop's
    /// encoding).
    #[default]
    OneVariable,
}

/// A handle to stop searches from another thread: clone it into
/// [`SatOptions::with_stop`], call [`stop`](Stop::stop) from anywhere, and
/// every search holding a clone returns [`ErrorKind::Stopped`] soon after
/// (CaDiCaL polls it between conflicts; O(1) per poll). Stopping never
/// yields a wrong answer, only that error.
///
/// ```
/// use argraph::reason::Stop;
/// let stop = Stop::new();
/// let seen_elsewhere = stop.clone();
/// assert!(!seen_elsewhere.is_stopped());
/// stop.stop();
/// assert!(seen_elsewhere.is_stopped());
/// ```
#[derive(Clone, Default)]
pub struct Stop {
    flag: Arc<AtomicBool>,
    hook: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl std::fmt::Debug for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stop")
            .field("stopped", &self.is_stopped())
            .field("hook", &self.hook.is_some())
            .finish()
    }
}

impl Stop {
    /// A handle not yet stopped.
    pub fn new() -> Stop {
        Stop::default()
    }

    /// This handle (the same flag: stopping either stops both), calling
    /// `hook` each time a search polls it, between conflicts and decisions,
    /// up to hundreds of thousands of times a second, so `hook` must be
    /// cheap. It lets a caller act once a search has run some time, say
    /// start a second search on another thread, without a thread waiting
    /// beside the first; the library calls it only from the thread that
    /// runs the search.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use std::sync::Arc;
    /// use argraph::reason::Stop;
    /// let polls = Arc::new(AtomicUsize::new(0));
    /// let counted = Arc::clone(&polls);
    /// let stop = Stop::new();
    /// let polled = stop.clone().with_hook(move || {
    ///     counted.fetch_add(1, Ordering::Relaxed);
    /// });
    /// assert!(!polled.is_stopped());
    /// stop.stop();
    /// assert!(polled.is_stopped());
    /// assert_eq!(polls.load(Ordering::Relaxed), 0); // only searches call it
    /// ```
    pub fn with_hook(mut self, hook: impl Fn() + Send + Sync + 'static) -> Stop {
        self.hook = Some(Arc::new(hook));
        self
    }

    /// Asks every search holding a clone of this handle to stop.
    pub fn stop(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    /// Whether [`stop`](Stop::stop) was called on this handle or a clone.
    pub fn is_stopped(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    /// What a search's poll does: the hook, then the flag.
    #[cfg(feature = "sat")]
    fn poll(&self) -> bool {
        if let Some(hook) = &self.hook {
            hook();
        }
        self.is_stopped()
    }
}

/// How a [`Reasoner`](super::Reasoner) runs its SAT searches (complete,
/// preferred and stable semantics): CaDiCaL's configuration, the stable
/// encoding, and an optional [`Stop`] handle. The default is the
/// configuration measured best in aggregate (`sat`; for stable semantics one
/// variable per argument) and no handle. Without the `sat` feature these
/// options are accepted and unused (those semantics return an error).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::ArgumentationFramework;
/// use argraph::reason::{Reasoner, SatOptions, Semantics, SolverConfig, StableEncoding, Stop};
/// let af = ArgumentationFramework::new(3, [(0, 1), (1, 0), (1, 2)])?;
/// let stop = Stop::new();
/// let options = SatOptions::default()
///     .with_config(SolverConfig::Default)
///     .with_stable_encoding(StableEncoding::TwoVariables)
///     .with_stop(&stop);
/// let mut r = Reasoner::new(&af, Semantics::Stable).with_sat_options(options);
/// # #[cfg(feature = "sat")] {
/// assert_eq!(r.extensions(None)?.extensions, vec![vec![0, 2], vec![1]]);
/// stop.stop(); // say, from another thread: the next search gives up
/// let err = r.some_extension().unwrap_err();
/// assert!(matches!(err.kind(), argraph::ErrorKind::Stopped));
/// # }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct SatOptions {
    /// CaDiCaL's configuration.
    pub config: SolverConfig,
    /// The encoding of stable semantics (the others have one).
    pub stable_encoding: StableEncoding,
    /// Stops the searches when stopped.
    pub stop: Option<Stop>,
}

impl SatOptions {
    /// These options with CaDiCaL's configuration `config`.
    pub fn with_config(mut self, config: SolverConfig) -> SatOptions {
        self.config = config;
        self
    }

    /// These options with stable semantics encoded as `encoding`.
    pub fn with_stable_encoding(mut self, encoding: StableEncoding) -> SatOptions {
        self.stable_encoding = encoding;
        self
    }

    /// These options, stopped by `stop` (a clone of it is kept).
    pub fn with_stop(mut self, stop: &Stop) -> SatOptions {
        self.stop = Some(stop.clone());
        self
    }
}

/// CaDiCaL's terminate callback, polling a [`Stop`].
#[cfg(feature = "sat")]
struct Poll(Stop);

#[cfg(feature = "sat")]
impl cadical::Callbacks for Poll {
    fn terminate(&mut self) -> bool {
        self.0.poll()
    }
}

#[cfg(feature = "sat")]
type Solver = cadical::Solver<Poll>;

fn stopped() -> Error {
    Error::new(ErrorKind::Stopped)
}

/// Which clause families to add.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Admissible,
    Complete,
    Stable,
}

/// Without the `sat` feature there is no solver to make: [`Sat::new`] says
/// so, and this type, having no values, lets the rest compile unchanged.
#[cfg(not(feature = "sat"))]
enum Solver {}

/// Why there is no solver, as [`Sat::new`]'s error shows it.
#[cfg(not(feature = "sat"))]
struct NoSatFeature;

#[cfg(not(feature = "sat"))]
impl std::fmt::Debug for NoSatFeature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("argraph was built without its `sat` feature (CaDiCaL), which complete, preferred and stable semantics need")
    }
}

#[cfg(not(feature = "sat"))]
impl Solver {
    fn with_config(_: &str) -> std::result::Result<Solver, NoSatFeature> {
        Err(NoSatFeature)
    }
    fn reserve(&mut self, _: i32) {
        match *self {}
    }
    fn add_clause(&mut self, _: impl IntoIterator<Item = i32>) {
        match *self {}
    }
    fn solve_with(&mut self, _: impl Iterator<Item = i32>) -> Option<bool> {
        match *self {}
    }
    fn value(&self, _: i32) -> Option<bool> {
        match *self {}
    }
    fn set_limit(&mut self, _: &str, _: i32) -> std::result::Result<(), ()> {
        match *self {}
    }
    fn set_callbacks(&mut self, _: Option<Poll>) {
        match *self {}
    }
}

/// (Never polled: there is no solver to stop.)
#[cfg(not(feature = "sat"))]
struct Poll(#[allow(dead_code)] Stop);

/// A CaDiCaL instance holding an encoding of one framework.
pub(crate) struct Sat {
    solver: Solver,
    n: usize,
    next_var: i32,
    stop: Option<Stop>,
}

fn gave_up() -> Error {
    Error::new(ErrorKind::InvalidInput(
        "the SAT solver stopped without an answer".to_string(),
    ))
}

impl Sat {
    /// Encodes `af` (typically the part left undecided by the grounded
    /// labelling) in a solver configured by `options`. O(n + m).
    pub(crate) fn new(
        af: &ArgumentationFramework,
        encoding: Encoding,
        options: &SatOptions,
    ) -> Result<Sat> {
        let n = af.len();
        if n >= (i32::MAX as usize) / 2 - 1 {
            return Err(Error::new(ErrorKind::InvalidInput(
                "framework too large for the SAT encoding".to_string(),
            )));
        }
        // CaDiCaL's "sat" configuration (the default) answered the hard
        // queries on random frameworks near the phase transition faster
        // than the default one in aggregate (up to 5× on SE-PR); on grids
        // and scale-free frameworks all take milliseconds (benches/hard_vs.py).
        let mut solver: Solver = Solver::with_config(options.config.as_str()).map_err(|e| {
            Error::new(ErrorKind::InvalidInput(format!(
                "cannot make the SAT solver: {e:?}"
            )))
        })?;
        if let Some(stop) = &options.stop {
            solver.set_callbacks(Some(Poll(stop.clone())));
        }
        let one_variable =
            encoding == Encoding::Stable && options.stable_encoding == StableEncoding::OneVariable;
        let vars = if one_variable { n } else { 2 * n };
        solver.reserve(vars as i32);
        let mut sat = Sat {
            solver,
            n,
            next_var: vars as i32 + 1,
            stop: options.stop.clone(),
        };
        if one_variable {
            sat.encode_stable_in_one_variable(af);
        } else {
            sat.encode(af, encoding);
        }
        Ok(sat)
    }

    /// The clause families of `encoding` over the variables `x_a` and `r_a`.
    fn encode(&mut self, af: &ArgumentationFramework, encoding: Encoding) {
        let n = self.n;
        let x = |a: u32| a as i32 + 1;
        let r = |a: u32| (n as i32) + a as i32 + 1;
        let solver = &mut self.solver;
        let mut clause: Vec<i32> = Vec::new();
        for a in 0..n as u32 {
            let attackers = af.attackers(a as usize);
            // r_a → ∨ x_b
            clause.clear();
            clause.push(-r(a));
            clause.extend(attackers.iter().map(|&b| x(b)));
            solver.add_clause(clause.iter().copied());
            // x_b → r_a ; x_a → r_b
            for &b in attackers {
                solver.add_clause([-x(b), r(a)]);
                solver.add_clause([-x(a), r(b)]);
            }
            // conflict-free
            solver.add_clause([-x(a), -r(a)]);
            match encoding {
                Encoding::Complete => {
                    clause.clear();
                    clause.push(x(a));
                    clause.extend(attackers.iter().map(|&b| -r(b)));
                    solver.add_clause(clause.iter().copied());
                }
                Encoding::Stable => solver.add_clause([x(a), r(a)]),
                Encoding::Admissible => {}
            }
        }
    }

    /// Stable semantics over `x_a` alone: `¬x_a ∨ ¬x_b` per attack `b → a`,
    /// and `x_a ∨ ∨_{b→a} x_b` per argument. There is no "attacked"
    /// literal, which only the preferred loops ask for.
    fn encode_stable_in_one_variable(&mut self, af: &ArgumentationFramework) {
        let mut clause: Vec<i32> = Vec::new();
        for a in 0..self.n {
            let attackers = af.attackers(a);
            clause.clear();
            clause.push(Self::lit(a));
            clause.extend(attackers.iter().map(|&b| Self::lit(b as usize)));
            self.solver.add_clause(clause.iter().copied());
            for &b in attackers {
                self.solver
                    .add_clause([-Self::lit(a), -Self::lit(b as usize)]);
            }
        }
    }

    /// The literal "argument `a` is in".
    pub(crate) fn lit(a: usize) -> i32 {
        a as i32 + 1
    }

    /// The literal "argument `a` is attacked by the set".
    pub(crate) fn attacked(&self, a: usize) -> i32 {
        (self.n + a) as i32 + 1
    }

    fn fresh(&mut self) -> i32 {
        let v = self.next_var;
        self.next_var += 1;
        v
    }

    /// Adds `¬act ∨ clause` for a fresh activation literal `act`; returns it.
    pub(crate) fn activated(&mut self, clause: &[i32]) -> i32 {
        let act = self.fresh();
        let mut c = Vec::with_capacity(clause.len() + 1);
        c.push(-act);
        c.extend_from_slice(clause);
        self.solver.add_clause(c);
        act
    }

    pub(crate) fn add_clause(&mut self, clause: impl IntoIterator<Item = i32>) {
        self.solver.add_clause(clause);
    }

    /// Solves under assumptions; `Some(model's in-set as a membership
    /// vector)` or `None` if unsatisfiable.
    ///
    /// # Errors
    /// [`ErrorKind::Stopped`] if the options' [`Stop`] handle is stopped,
    /// before or during the search.
    pub(crate) fn solve(&mut self, assumptions: &[i32]) -> Result<Option<Vec<bool>>> {
        if self.is_stopped() {
            return Err(stopped());
        }
        match self.solver.solve_with(assumptions.iter().copied()) {
            Some(true) => Ok(Some(
                (0..self.n)
                    .map(|a| self.solver.value(Self::lit(a)) == Some(true))
                    .collect(),
            )),
            Some(false) => Ok(None),
            None if self.is_stopped() => Err(stopped()),
            None => Err(gave_up()),
        }
    }

    fn is_stopped(&self) -> bool {
        self.stop.as_ref().is_some_and(Stop::is_stopped)
    }

    /// As [`solve`](Self::solve), but giving up after `conflicts` conflicts:
    /// `Ok(None)` then (a stopped search is still an error).
    pub(crate) fn try_solve(
        &mut self,
        assumptions: &[i32],
        conflicts: i32,
    ) -> Result<Option<Option<Vec<bool>>>> {
        self.solver
            .set_limit("conflicts", conflicts)
            .map_err(|_| gave_up())?;
        match self.solve(assumptions) {
            Ok(answer) => Ok(Some(answer)),
            Err(_) if self.is_stopped() => Err(stopped()),
            Err(_) => Ok(None),
        }
    }

    /// Grows the admissible set `set` of `af` (the framework this solver
    /// encodes) to a preferred extension containing it: closes it under
    /// defence (the least complete superset, by propagation, O(n + m)), then
    /// asks the solver for a strict admissible superset, and repeats until
    /// there is none.
    pub(crate) fn maximise(
        &mut self,
        af: &ArgumentationFramework,
        mut set: Vec<bool>,
    ) -> Result<Vec<bool>> {
        loop {
            set = close(af, &set);
            match self.superset(&set, &[])? {
                Some(bigger) => set = bigger,
                None => return Ok(set),
            }
        }
    }

    /// A strict superset of `set` that satisfies the encoding and the
    /// literals `extra`, if there is one. The "strict" clause is switched on
    /// by a fresh activation literal and off again afterwards, so the solver
    /// keeps everything it learnt.
    pub(crate) fn superset(&mut self, set: &[bool], extra: &[i32]) -> Result<Option<Vec<bool>>> {
        let Some(clause) = Self::not_subset_clause(set) else {
            return Ok(None);
        };
        let act = self.activated(&clause);
        let mut assume: Vec<i32> = Vec::with_capacity(self.n + extra.len() + 1);
        assume.push(act);
        assume.extend_from_slice(extra);
        assume.extend((0..self.n).filter(|&a| set[a]).map(Self::lit));
        let result = self.solve(&assume)?;
        self.solver.add_clause([-act]);
        Ok(result)
    }

    /// The clause "not a subset of `set`": some argument outside it is in.
    /// `None` if `set` holds every argument (the clause would be empty).
    pub(crate) fn not_subset_clause(set: &[bool]) -> Option<Vec<i32>> {
        let clause: Vec<i32> = (0..set.len()).filter(|&a| !set[a]).map(Self::lit).collect();
        (!clause.is_empty()).then_some(clause)
    }

    /// The clause "not exactly `set`".
    pub(crate) fn not_equal_clause(set: &[bool]) -> Vec<i32> {
        (0..set.len())
            .map(|a| if set[a] { -Self::lit(a) } else { Self::lit(a) })
            .collect()
    }
}

/// The least complete extension containing the admissible set `set`: the
/// fixed point of Dung's characteristic function from `set`, by the same
/// propagation as the grounded labelling. O(n + m).
pub(crate) fn close(af: &ArgumentationFramework, set: &[bool]) -> Vec<bool> {
    let n = af.len();
    let mut inn = set.to_vec();
    let mut out = vec![false; n];
    let mut live: Vec<u32> = (0..n).map(|a| af.in_degree(a) as u32).collect();
    // Members, and the unattacked (defended by any set).
    let mut stack: Vec<u32> = (0..n as u32)
        .filter(|&a| set[a as usize] || live[a as usize] == 0)
        .collect();
    for &a in &stack {
        inn[a as usize] = true;
    }
    while let Some(a) = stack.pop() {
        for &b in af.targets(a as usize) {
            let b = b as usize;
            if out[b] {
                continue;
            }
            out[b] = true;
            for &c in af.targets(b) {
                let c = c as usize;
                live[c] -= 1;
                if live[c] == 0 && !inn[c] && !out[c] {
                    inn[c] = true;
                    stack.push(c as u32);
                }
            }
        }
    }
    inn
}

#[cfg(test)]
mod tests {
    use super::close;
    use crate::reason::ArgumentationFramework;

    #[test]
    fn closure_is_the_least_complete_superset() {
        // a → b → c: everything defended from the empty set on.
        let af = ArgumentationFramework::new(3, [(0, 1), (1, 2)]).unwrap();
        assert_eq!(close(&af, &[false; 3]), [true, false, true]);
        // a ⇄ b, b → c: {} is complete; {a} closes to {a, c}.
        let af = ArgumentationFramework::new(3, [(0, 1), (1, 0), (1, 2)]).unwrap();
        assert_eq!(close(&af, &[false; 3]), [false; 3]);
        assert_eq!(close(&af, &[true, false, false]), [true, false, true]);
        // A self-attacker is never defended.
        let af = ArgumentationFramework::new(2, [(0, 0), (0, 1)]).unwrap();
        assert_eq!(close(&af, &[false; 2]), [false; 2]);
    }
}

#[cfg(all(test, not(feature = "sat")))]
mod without_sat {
    use crate::reason::{ArgumentationFramework, Reasoner, Semantics};

    #[test]
    fn sat_semantics_say_the_feature_is_missing_and_grounded_still_works() {
        let af = ArgumentationFramework::new(3, [(0, 1), (1, 0), (1, 2)]).unwrap();
        for semantics in [Semantics::Complete, Semantics::Preferred, Semantics::Stable] {
            let err = Reasoner::new(&af, semantics).extensions(None).unwrap_err();
            assert!(
                err.to_string().contains("`sat` feature"),
                "{semantics}: {err}"
            );
        }
        let grounded = Reasoner::new(&af, Semantics::Grounded)
            .extensions(None)
            .unwrap();
        assert_eq!(grounded.extensions, vec![Vec::<usize>::new()]);
    }
}
