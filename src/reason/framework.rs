//! [`ArgumentationFramework`]: a compact abstract argumentation framework
//! (Dung 1995) with its attack relation in compressed sparse row arrays.

use std::borrow::Cow;
use std::collections::TryReserveError;
use std::fmt;
use std::sync::OnceLock;

use crate::error::{Error, ErrorKind, Result};

/// An abstract argumentation framework in the sense of Dung (1995): a set of
/// arguments `0..n` and a binary attack relation over them.
///
/// The attack relation is stored twice, in compressed sparse row (CSR)
/// arrays: once grouped by target ([`attackers`](Self::attackers)) and once
/// grouped by source ([`targets`](Self::targets)). Both are plain
/// `u32` arrays plus offsets, so a framework of `n` arguments and `m`
/// attacks takes about `8·n + 8·m` bytes beyond its names, and is built in
/// O(n + m) by counting sort. The offsets stop at the last argument that
/// attacks or is attacked: the arguments after it (such as the many an
/// `i23` header `p af N` may declare beyond those its attacks name) take
/// no memory. Where the arguments in attacks are few and far apart (an
/// attack between arguments 1 and 10^9 of a file with a handful of
/// attacks), the rows are kept for those arguments only, found by binary
/// search, so that memory follows the attacks, not the largest number
/// they name. Self-attacks are allowed; duplicate attacks are
/// kept as given (they change no semantics).
///
/// Arguments have names: either the numbers `1..=n` (as in the ICCMA 2023
/// `i23` format, which stores no names) or explicit strings (as read from an
/// `apx` or `tgf` file, or derived from an [`ArgumentGraph`](crate::ArgumentGraph)).
///
/// Reference: P. M. Dung, *On the acceptability of arguments and its
/// fundamental role in nonmonotonic reasoning, logic programming and n-person
/// games*, Artificial Intelligence 77(2), 1995, 321–357.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::ArgumentationFramework;
/// // a ⇄ b, b → c
/// let af = ArgumentationFramework::with_names(["a", "b", "c"], [(0, 1), (1, 0), (1, 2)])?;
/// assert_eq!(af.len(), 3);
/// assert_eq!(af.attack_count(), 3);
/// assert_eq!(af.attackers(2), &[1]);
/// assert_eq!(af.targets(1), &[0, 2]);
/// assert_eq!(af.name(2), "c");
/// assert_eq!(af.index_of("b"), Some(1));
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct ArgumentationFramework {
    n: u32,
    names: Names,
    /// The argument of each row, increasing, when the rows are sparse;
    /// `None` when row `i` is argument `i` (the arguments up to the last one
    /// in an attack; those after it have none).
    sparse: Option<Vec<u32>>,
    /// `in_adj[in_off[r]..in_off[r + 1]]` are the attackers of row `r`'s
    /// argument. The
    /// offsets are built with the framework; the attackers themselves on
    /// first use (a transpose of the out-arrays, O(n + m)), since the
    /// grounded semantics needs only the in-degrees.
    in_off: Vec<u32>,
    in_adj: OnceLock<Vec<u32>>,
    /// `out_adj[out_off[r]..out_off[r + 1]]` are the arguments row `r`'s
    /// argument attacks (as long as `in_off`).
    out_off: Vec<u32>,
    out_adj: Vec<u32>,
}

/// The names of the arguments: implicit numbers or a packed string table.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Names {
    /// Argument `i` is named `i + 1`.
    Numbered,
    /// Argument `i` is named `text[ends[i - 1]..ends[i]]` (with `ends[-1] = 0`).
    Table { text: String, ends: Vec<usize> },
}

impl Names {
    pub(crate) fn table() -> Names {
        Names::Table {
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Appends a name to a table (a no-op on `Numbered`).
    pub(crate) fn push(&mut self, name: &str) {
        if let Names::Table { text, ends } = self {
            text.push_str(name);
            ends.push(text.len());
        }
    }

    pub(crate) fn len(&self) -> Option<usize> {
        match self {
            Names::Numbered => None,
            Names::Table { ends, .. } => Some(ends.len()),
        }
    }

    pub(crate) fn get(&self, i: usize) -> Cow<'_, str> {
        match self {
            Names::Numbered => Cow::Owned((i + 1).to_string()),
            Names::Table { text, ends } => {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                Cow::Borrowed(&text[start..ends[i]])
            }
        }
    }
}

fn too_large(what: &str) -> Error {
    Error::new(ErrorKind::InvalidInput(format!(
        "too many {what}: an argumentation framework holds fewer than 2^32 - 1"
    )))
}

impl ArgumentationFramework {
    /// A framework of `n` arguments named `1..=n` with the given attacks
    /// `(attacker, target)` (0-based). O(n + m).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] if an attack names an argument `>= n`, or
    /// if `n` or the number of attacks does not fit in 32 bits.
    ///
    /// ```
    /// let af = argraph::ArgumentationFramework::new(2, [(0, 1)]).unwrap();
    /// assert_eq!(af.name(0), "1");
    /// assert!(argraph::ArgumentationFramework::new(2, [(0, 2)]).is_err());
    /// ```
    pub fn new(n: usize, attacks: impl IntoIterator<Item = (usize, usize)>) -> Result<Self> {
        Self::build(n, Names::Numbered, attacks)
    }

    /// A framework whose arguments have the given names (argument `i` is
    /// `names[i]`) with the given attacks `(attacker, target)`. O(n + m +
    /// total name length).
    ///
    /// # Errors
    /// As [`new`](Self::new). Names are not checked for uniqueness.
    pub fn with_names<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
        attacks: impl IntoIterator<Item = (usize, usize)>,
    ) -> Result<Self> {
        let mut table = Names::table();
        for name in names {
            table.push(name.as_ref());
        }
        let n = table.len().unwrap_or(0);
        Self::build(n, table, attacks)
    }

    fn build(
        n: usize,
        names: Names,
        attacks: impl IntoIterator<Item = (usize, usize)>,
    ) -> Result<Self> {
        let n32 = u32::try_from(n)
            .ok()
            .filter(|&v| v < u32::MAX)
            .ok_or_else(|| too_large("arguments"))?;
        let mut src = Vec::new();
        let mut dst = Vec::new();
        for (a, b) in attacks {
            if a >= n || b >= n {
                return Err(Error::new(ErrorKind::InvalidInput(format!(
                    "attack ({a}, {b}) names an argument outside 0..{n}"
                ))));
            }
            src.push(a as u32);
            dst.push(b as u32);
        }
        Self::from_parts(n32, names, src, dst)
    }

    /// Builds the CSR arrays from parallel attacker/target arrays, all
    /// entries `< n`. O(n + m) time; about `8·n + 8·m` bytes beyond the
    /// arrays given, each array reserved before it is written.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] if there are 2^32 - 1 attacks or more, or
    /// if the memory for the arrays cannot be had (an error, not an abort).
    pub(crate) fn from_parts(n: u32, names: Names, src: Vec<u32>, dst: Vec<u32>) -> Result<Self> {
        if src.len() >= u32::MAX as usize {
            return Err(too_large("attacks"));
        }
        // Rows up to the last argument in an attack (all entries are `< n`),
        // or for the arguments in attacks alone where those are far fewer.
        let last = src.iter().max().max(dst.iter().max());
        let dense_rows = last.map_or(0, |&a| a as usize + 1);
        let m = src.len();
        let no_memory = || out_of_memory(n as usize, m);
        let sparse = if dense_rows > SPARSE_FACTOR * src.len() + SPARSE_SLACK {
            Some(arguments_in(&src, &dst).map_err(|_| no_memory())?)
        } else {
            None
        };
        let row = |a: u32| match &sparse {
            None => a,
            Some(keys) => keys.binary_search(&a).map_or(0, |r| r as u32),
        };
        let rows = sparse.as_ref().map_or(dense_rows, Vec::len);
        let (in_off, _) =
            key_offsets(rows, dst.iter().map(|&b| row(b))).map_err(|_| no_memory())?;
        let mut src = src;
        if sparse.is_some() {
            src.iter_mut().for_each(|a| *a = row(*a));
        }
        let (out_off, out_adj) = group_by_key(rows, &src, dst).map_err(|_| no_memory())?;
        Ok(ArgumentationFramework {
            n,
            names,
            sparse,
            in_off,
            in_adj: OnceLock::new(),
            out_off,
            out_adj,
        })
    }

    /// The attackers of every argument, grouped by target, in increasing
    /// order of attacker: built on first use by a counting-sort transpose of
    /// the out-arrays. O(n + m). Its memory, `4·(n + m)` bytes, is no more
    /// than the out-arrays took; should it not be had, the process aborts
    /// as on any failed allocation (the accessors return plain slices).
    fn in_adj(&self) -> &[u32] {
        self.in_adj.get_or_init(|| {
            let by_target = self.attack_pairs().map(|(a, b)| {
                let row = self.row_of(b).expect("a target is in a row");
                (row as u32, a as u32)
            });
            scatter(&self.in_off, by_target).unwrap_or_else(|_| {
                let words = self.attack_count() + self.rows();
                let layout = std::alloc::Layout::array::<u32>(words);
                std::alloc::handle_alloc_error(layout.unwrap_or(std::alloc::Layout::new::<u32>()))
            })
        })
    }

    /// The number of arguments. O(1).
    pub fn len(&self) -> usize {
        self.n as usize
    }

    /// `true` if there are no arguments. O(1).
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The number of attacks (counting duplicates). O(1).
    pub fn attack_count(&self) -> usize {
        self.out_adj.len()
    }

    /// The attackers of argument `a`, in increasing order. O(1) (the first
    /// call on a framework builds the attackers of all arguments, O(n + m)).
    ///
    /// # Panics
    /// If `a >= len()`.
    pub fn attackers(&self, a: usize) -> &[u32] {
        &self.in_adj()[self.row(&self.in_off, a)]
    }

    /// The number of attackers of argument `a`. O(1).
    ///
    /// # Panics
    /// If `a >= len()`.
    pub fn in_degree(&self, a: usize) -> usize {
        self.row(&self.in_off, a).len()
    }

    /// The arguments that `a` attacks, in the order the attacks were given. O(1).
    ///
    /// # Panics
    /// If `a >= len()`.
    pub fn targets(&self, a: usize) -> &[u32] {
        &self.out_adj[self.row(&self.out_off, a)]
    }

    /// `true` if `a` attacks `b`. O(out-degree of `a`).
    pub fn attacks(&self, a: usize, b: usize) -> bool {
        self.targets(a).contains(&(b as u32))
    }

    /// Every attack `(attacker, target)`, grouped by attacker. O(n + m) in all.
    pub fn attack_pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.rows()).flat_map(move |r| {
            let a = self.row_argument(r);
            let targets = &self.out_adj[self.out_off[r] as usize..self.out_off[r + 1] as usize];
            targets.iter().map(move |&b| (a, b as usize))
        })
    }

    /// The number of rows: arguments that may attack or be attacked (every
    /// other argument has no attacks). At most `len()`. O(1).
    pub(crate) fn rows(&self) -> usize {
        self.out_off.len() - 1
    }

    /// The argument of row `r < rows()`. O(1).
    #[inline]
    pub(crate) fn row_argument(&self, r: usize) -> usize {
        self.sparse.as_ref().map_or(r, |keys| keys[r] as usize)
    }

    /// The row of argument `a`, or `None` if it is in no attack (then it
    /// is in no row). O(1), or O(log m) when the rows are sparse.
    #[inline]
    pub(crate) fn row_of(&self, a: usize) -> Option<usize> {
        match &self.sparse {
            None => (a < self.rows()).then_some(a),
            Some(keys) => u32::try_from(a)
                .ok()
                .and_then(|a| keys.binary_search(&a).ok()),
        }
    }

    /// The positions of argument `a`'s row in the adjacency `offsets`
    /// describe: empty for an argument in no attack.
    ///
    /// # Panics
    /// If `a >= len()`.
    #[inline]
    fn row(&self, offsets: &[u32], a: usize) -> std::ops::Range<usize> {
        match self.row_of(a) {
            Some(r) => offsets[r] as usize..offsets[r + 1] as usize,
            None => {
                assert!(a < self.len(), "argument {a} out of range 0..{}", self.n);
                0..0
            }
        }
    }

    /// The name of argument `a`: its explicit name, or `a + 1` for a
    /// numbered framework. O(1).
    ///
    /// # Panics
    /// If `a >= len()`.
    pub fn name(&self, a: usize) -> Cow<'_, str> {
        assert!(a < self.len(), "argument {a} out of range 0..{}", self.n);
        self.names.get(a)
    }

    /// `true` if the arguments are named by their numbers `1..=n` (as in an
    /// `i23` file) rather than by explicit strings.
    pub fn is_numbered(&self) -> bool {
        matches!(self.names, Names::Numbered)
    }

    /// The argument called `name`: O(1) for a numbered framework (`"1"` is
    /// argument 0; only decimal digits name one, as in an `i23` file, so
    /// not `"+1"` or `" 1"`), O(total name length) otherwise.
    ///
    /// ```
    /// let af = argraph::ArgumentationFramework::new(3, []).unwrap();
    /// assert_eq!(af.index_of("3"), Some(2));
    /// assert_eq!(af.index_of("+1"), None);
    /// assert_eq!(af.index_of("99999999999999999999"), None);
    /// ```
    pub fn index_of(&self, name: &str) -> Option<usize> {
        match &self.names {
            Names::Numbered => Some(name)
                .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<usize>().ok())
                .filter(|&k| k >= 1 && k <= self.len())
                .map(|k| k - 1),
            Names::Table { .. } => (0..self.len()).find(|&i| self.names.get(i) == name),
        }
    }

    /// The sub-framework induced by the arguments for which `keep` is true,
    /// with the map from new indices to old ones. Names are kept. O(n + m).
    pub fn restrict(&self, keep: &[bool]) -> (ArgumentationFramework, Vec<u32>) {
        let kept = keep.iter().take(self.len()).enumerate().filter(|(_, &k)| k);
        let old_of_new = kept.map(|(i, _)| i as u32).collect();
        self.restrict_to(old_of_new)
            .expect("a sub-framework is no larger")
    }

    /// The sub-framework induced by the arguments `old_of_new` (increasing,
    /// each `< len()`), with that map from new indices to old ones. Names
    /// are kept. O(k + rows + m) for k arguments kept: no memory per
    /// argument of `self` in no attack.
    ///
    /// # Errors
    /// [`out_of_memory`] if the memory cannot be had.
    pub(crate) fn restrict_to(&self, old_of_new: Vec<u32>) -> Result<(Self, Vec<u32>)> {
        let no_memory = |_| out_of_memory(old_of_new.len(), self.attack_count());
        let mut new_of_row = Vec::new();
        new_of_row
            .try_reserve_exact(self.rows())
            .map_err(no_memory)?;
        new_of_row.resize(self.rows(), u32::MAX);
        let mut names = Names::table();
        for (new, &old) in old_of_new.iter().enumerate() {
            if let Some(r) = self.row_of(old as usize) {
                new_of_row[r] = new as u32;
            }
            names.push(&self.names.get(old as usize));
        }
        let (mut src, mut dst) = (Vec::new(), Vec::new());
        for (a, b) in self.attack_pairs() {
            let (ra, rb) = (self.row_of(a), self.row_of(b));
            let (Some(na), Some(nb)) = (ra.map(|r| new_of_row[r]), rb.map(|r| new_of_row[r]))
            else {
                continue;
            };
            if na != u32::MAX && nb != u32::MAX {
                src.push(na);
                dst.push(nb);
            }
        }
        let n = old_of_new.len() as u32;
        Ok((Self::from_parts(n, names, src, dst)?, old_of_new))
    }
}

/// Rows are kept for the arguments in attacks alone when one row per
/// argument up to the last in an attack would be more than this many per
/// attack (plus [`SPARSE_SLACK`]): then offsets would cost more than the
/// attacks themselves, and a lookup's binary search is the cheaper price.
const SPARSE_FACTOR: usize = 4;
const SPARSE_SLACK: usize = 1 << 16;

/// The arguments that attack or are attacked, increasing, without
/// repeats. O(m log m).
fn arguments_in(src: &[u32], dst: &[u32]) -> std::result::Result<Vec<u32>, TryReserveError> {
    let mut keys = Vec::new();
    keys.try_reserve_exact(src.len() + dst.len())?;
    keys.extend_from_slice(src);
    keys.extend_from_slice(dst);
    keys.sort_unstable();
    keys.dedup();
    keys.shrink_to_fit();
    Ok(keys)
}

/// The error for a framework whose arrays do not fit in the memory that
/// can be had: names its size and about how much memory it needs.
pub(crate) fn out_of_memory(n: usize, m: usize) -> Error {
    // Offsets twice (4 bytes each), attackers and targets (4 each), and
    // the counting sort's scratch of the same sizes.
    let bytes = 12.0 * n as f64 + 12.0 * m as f64;
    Error::new(ErrorKind::InvalidInput(format!(
        "not enough memory for a framework of {n} arguments and {m} attacks \
         (it needs about {:.1} GB)",
        bytes / 1e9
    )))
}

/// A vector of `len` zeros, or `Err` if its memory cannot be had (where
/// `vec!` would abort the process).
fn zeros(len: usize) -> std::result::Result<Vec<u32>, TryReserveError> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)?;
    v.resize(len, 0);
    Ok(v)
}

/// Groups `values` by their `keys` (parallel arrays, keys `< n`) by
/// counting sort, into compressed sparse rows: the values of key `k` are
/// `values[offsets[k]..offsets[k + 1]]`, in input order. O(n + m); when the
/// keys come sorted (as in most files, grouped by attacker) the values are
/// already grouped and are moved, not copied. The crate's one CSR builder.
///
/// # Errors
/// [`out_of_memory`] if the rows' memory cannot be had.
pub(crate) fn group_by_key(
    n: usize,
    keys: &[u32],
    values: Vec<u32>,
) -> Result<(Vec<u32>, Vec<u32>)> {
    let no_memory = |_| out_of_memory(n, keys.len());
    let (offsets, sorted) = key_offsets(n, keys.iter().copied()).map_err(no_memory)?;
    if sorted {
        return Ok((offsets, values));
    }
    let values = scatter(&offsets, keys.iter().copied().zip(values)).map_err(no_memory)?;
    Ok((offsets, values))
}

/// The row offsets of the keys (`n + 1` of them, from a count of each key
/// and its prefix sums), and whether the keys came sorted. O(n + m).
fn key_offsets(
    n: usize,
    keys: impl Iterator<Item = u32>,
) -> std::result::Result<(Vec<u32>, bool), TryReserveError> {
    let mut offsets = zeros(n + 1)?;
    let mut sorted = true;
    let mut last = 0;
    for key in keys {
        offsets[key as usize + 1] += 1;
        sorted &= key >= last;
        last = key;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    Ok((offsets, sorted))
}

/// Puts each value in the next free place of its key's row. O(n + m).
fn scatter(
    offsets: &[u32],
    pairs: impl Iterator<Item = (u32, u32)>,
) -> std::result::Result<Vec<u32>, TryReserveError> {
    let n = offsets.len() - 1;
    let mut next = Vec::new();
    next.try_reserve_exact(n)?;
    next.extend_from_slice(&offsets[..n]);
    let mut values = zeros(offsets[n] as usize)?;
    for (key, value) in pairs {
        let place = &mut next[key as usize];
        values[*place as usize] = value;
        *place += 1;
    }
    Ok(values)
}

impl PartialEq for ArgumentationFramework {
    /// Same arguments (and names), same attacks in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.n == other.n
            && self.names == other.names
            && self.sparse == other.sparse
            && self.out_off == other.out_off
            && self.out_adj == other.out_adj
    }
}

impl Eq for ArgumentationFramework {}

impl fmt::Debug for ArgumentationFramework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArgumentationFramework")
            .field("arguments", &self.n)
            .field("attacks", &self.out_adj.len())
            .finish()
    }
}
