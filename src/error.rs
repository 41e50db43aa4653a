//! The crate's error type, in the style of `csv` and `serde_json`: one small
//! [`Error`] that boxes an [`ErrorKind`], so `Result<T>` stays one word wide.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A `Result` whose error is argraph's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in argraph: I/O, parsing, validation,
/// rendering.
///
/// Use [`Error::kind`] to tell the cases apart, [`Error::line`] and
/// [`Error::column`] for the position of a parse error, and
/// [`Error::path`] for the file it came from (when it came from one).
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    path: Option<PathBuf>,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file or stream failed.
    Io(io::Error),
    /// The input is not well-formed in its format (bad syntax, wrong types,
    /// truncated, not UTF-8, nested too deeply). Lines and columns are
    /// 1-based; 0 means "unknown".
    Parse {
        /// The format being read, e.g. `"JSON"` or `"ICCMA i23"`.
        format: &'static str,
        /// What kind of parse failure this is.
        category: ParseCategory,
        /// 1-based line of the failure (0 if unknown).
        line: usize,
        /// 1-based column of the failure (0 if unknown).
        column: usize,
        /// A human-readable description.
        message: String,
    },
    /// The document declares a format version this build cannot read.
    UnsupportedVersion {
        /// The version found, as written in the file (`None` if absent).
        found: Option<String>,
        /// The version this build reads.
        supported: u64,
    },
    /// The graph breaks one or more structural rules. All problems are
    /// reported at once, each naming the node or edge at fault.
    Invalid(Vec<Problem>),
    /// Graphviz's `dot` program could not be found on `PATH`.
    GraphvizNotFound,
    /// Graphviz's `dot` could not be started: the program `ARGRAPH_DOT`
    /// names does not exist or cannot be run, or `dot` on `PATH` cannot.
    GraphvizCannotRun {
        /// The program argraph tried to start.
        program: PathBuf,
        /// `true` if it came from the `ARGRAPH_DOT` environment variable.
        from_env: bool,
        /// Why it could not be started.
        error: io::Error,
    },
    /// Graphviz's `dot` ran but failed.
    Graphviz {
        /// Exit status, if the process exited normally.
        status: Option<i32>,
        /// What `dot` printed on its standard error.
        stderr: String,
    },
    /// The built-in renderer (graphviz-pure) cannot draw what was asked:
    /// PDF, a PNG over its size limit, DOT it refuses or reports errors on
    /// (each error line in the message), or a build without the
    /// `builtin-renderer` feature. The message says which, and the way out.
    BuiltinRenderer(String),
    /// An argument given to a library function is out of its domain
    /// (for example an unknown output format name).
    InvalidInput(String),
    /// A search was stopped through its [`Stop`](crate::reason::Stop)
    /// handle (typically by another thread that had the answer first)
    /// before it had an answer.
    Stopped,
}

/// The category of a parse error, as in `serde_json::error::Category`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseCategory {
    /// The input is not syntactically valid (bad token, not UTF-8, too deeply nested).
    Syntax,
    /// The input is syntactically valid but has the wrong shape (a string
    /// where a number belongs, an unknown field).
    Data,
    /// The input ended in the middle of a value.
    Eof,
}

/// One broken structural rule, located at a node, an edge or a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    rule: Rule,
    location: Location,
    message: String,
}

/// The structural rules a graph must satisfy. See [`crate::ArgumentGraph::validate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// Two nodes (or two sources) share an id.
    DuplicateId,
    /// An edge names a node id that does not exist.
    UnknownEndpoint,
    /// A node or edge has a `kind` (or an attack subtype) that is not one of the known ones.
    UnknownKind,
    /// A `frames` edge does not start at a framing node, or ends at a node
    /// that is neither a claim nor an argument.
    BadFrames,
    /// A node supports itself.
    SelfSupport,
    /// A weight is not a number in [0, 1].
    BadWeight,
    /// A provenance entry names a source that is not declared.
    UndeclaredSource,
    /// A required field (`id`, `text`, `kind`, `from`, `to`) is missing or empty.
    MissingField,
    /// An `attack` subtype is given on an edge that is not an attack.
    AttackOnNonAttack,
    /// A framing `basis` is given on an edge that is not a `frames` edge.
    BasisOffFrames,
}

/// Where a [`Problem`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// The node at position `index` in the document (or in insertion order), with its id if it has one.
    Node {
        /// 0-based position in the document (`None` when not known, as
        /// for a graph built in code).
        index: Option<usize>,
        /// The node's id, if present.
        id: Option<String>,
    },
    /// The edge at position `index`, with its endpoints as written.
    Edge {
        /// 0-based position in the document (`None` when not known, as
        /// for a graph built in code).
        index: Option<usize>,
        /// The `from` id, if present.
        from: Option<String>,
        /// The `to` id, if present.
        to: Option<String>,
    },
    /// The declared source at position `index`.
    Source {
        /// 0-based position in the document (`None` when not known, as
        /// for a graph built in code).
        index: Option<usize>,
        /// The source's id, if present.
        id: Option<String>,
    },
}

impl Problem {
    pub(crate) fn new(rule: Rule, location: Location, message: impl Into<String>) -> Problem {
        Problem {
            rule,
            location,
            message: message.into(),
        }
    }

    /// The rule that is broken.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Where it is broken.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// A human-readable description, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn opt(s: &Option<String>) -> String {
            s.as_ref()
                .map_or_else(|| "?".to_string(), |s| format!("{s:?}"))
        }
        fn at(f: &mut fmt::Formatter<'_>, array: &str, index: Option<usize>) -> fmt::Result {
            match index {
                Some(i) => write!(f, " ({array}[{i}])"),
                None => Ok(()),
            }
        }
        match self {
            Location::Node { index, id } => {
                write!(f, "node {}", opt(id))?;
                at(f, "nodes", *index)
            }
            Location::Edge { index, from, to } => {
                write!(f, "edge {} -> {}", opt(from), opt(to))?;
                at(f, "edges", *index)
            }
            Location::Source { index, id } => {
                write!(f, "source {}", opt(id))?;
                at(f, "sources", *index)
            }
        }
    }
}

impl Rule {
    /// A short description of what breaks the rule, as in "3 × duplicate
    /// id" (the [`Display`](fmt::Display) of the rule).
    ///
    /// ```
    /// use argraph::Rule;
    /// assert_eq!(Rule::DuplicateId.description(), "duplicate id");
    /// assert_eq!(Rule::SelfSupport.to_string(), "node supporting itself");
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            Rule::DuplicateId => "duplicate id",
            Rule::UnknownEndpoint => "edge naming an unknown node",
            Rule::UnknownKind => "unknown kind",
            Rule::BadFrames => "frames edge not from a framing to a claim or an argument",
            Rule::SelfSupport => "node supporting itself",
            Rule::BadWeight => "weight not a number in [0, 1]",
            Rule::UndeclaredSource => "provenance naming an undeclared source",
            Rule::MissingField => "missing or empty required field",
            Rule::AttackOnNonAttack => "attack subtype on an edge that is not an attack",
            Rule::BasisOffFrames => "framing basis on an edge that is not a frames edge",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner { kind, path: None }))
    }

    pub(crate) fn invalid(problems: Vec<Problem>) -> Error {
        Error::new(ErrorKind::Invalid(problems))
    }

    pub(crate) fn parse(
        format: &'static str,
        category: ParseCategory,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Parse {
            format,
            category,
            line,
            column,
            message: message.into(),
        })
    }

    /// Attaches the path of the file the error is about (kept if already set).
    /// A `serde_json` error as a parse error of `format` (`"JSON"`,
    /// `"AIF"`, …), with serde_json's line, column and category.
    pub(crate) fn json(e: serde_json::Error, format: &'static str) -> Error {
        use serde_json::error::Category;
        let category = match e.classify() {
            Category::Syntax | Category::Io => ParseCategory::Syntax,
            Category::Data => ParseCategory::Data,
            Category::Eof => ParseCategory::Eof,
        };
        let (line, column) = (e.line(), e.column());
        let mut message = e.to_string();
        let suffix = format!(" at line {line} column {column}");
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message.truncate(stripped.len());
        }
        if category == ParseCategory::Eof {
            message.push_str(" (the input is truncated)");
        }
        Error::parse(format, category, line, column, message)
    }

    /// A parse error found after parsing, about the document as a whole
    /// (line 0: unknown), placed at the document's first character that
    /// is not whitespace, where its top-level value opens; other errors are
    /// returned as they are.
    pub(crate) fn at_document_start(mut self, bytes: &[u8]) -> Error {
        if let ErrorKind::Parse { line, column, .. } = &mut self.0.kind {
            if *line == 0 {
                let start = bytes
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .unwrap_or(bytes.len());
                let before = &bytes[..start];
                *line = 1 + before.iter().filter(|&&b| b == b'\n').count();
                let line_start = before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                *column = 1 + String::from_utf8_lossy(&before[line_start..])
                    .chars()
                    .count();
            }
        }
        self
    }

    /// Adds where in the document a parse error stands (`in nodes[3] >
    /// data`) to its message; other errors are returned as they are.
    pub(crate) fn with_context(mut self, context: &str) -> Error {
        if let ErrorKind::Parse { message, .. } = &mut self.0.kind {
            message.push_str(&format!(" ({context})"));
        }
        self
    }

    /// A name outside a closed vocabulary: says what was expected.
    pub(crate) fn unknown_name(what: &str, found: &str, expected: &[&str]) -> Error {
        Error::new(ErrorKind::InvalidInput(format!(
            "unknown {what} {found:?} (expected one of: {})",
            expected.join(", ")
        )))
    }

    pub(crate) fn at_path(mut self, path: &Path) -> Error {
        if self.0.path.is_none() {
            self.0.path = Some(path.to_path_buf());
        }
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Consumes the error and returns what went wrong.
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }

    /// The file the error is about, when it came from one.
    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// The 1-based line of a parse error (`None` for other errors or when unknown).
    pub fn line(&self) -> Option<usize> {
        match self.0.kind {
            ErrorKind::Parse { line, .. } if line > 0 => Some(line),
            _ => None,
        }
    }

    /// The 1-based column of a parse error (`None` for other errors or when unknown).
    pub fn column(&self) -> Option<usize> {
        match self.0.kind {
            ErrorKind::Parse { column, .. } if column > 0 => Some(column),
            _ => None,
        }
    }

    /// The validation problems, if this is an [`ErrorKind::Invalid`] error.
    pub fn problems(&self) -> &[Problem] {
        match &self.0.kind {
            ErrorKind::Invalid(p) => p,
            _ => &[],
        }
    }

    /// The error's message listing at most `problems` validation problems,
    /// then how many more there are, counted by [`Rule`]
    /// (`… and 753 more: 753 × frames edge …`). [`Display`](fmt::Display)
    /// lists every problem; this keeps a long list from burying the first.
    /// Other errors display as with `Display`.
    ///
    /// ```
    /// use argraph::ArgumentGraph;
    /// let mut g = ArgumentGraph::new();
    /// g.claim("c", "A claim.")?;
    /// let err = g.claim("c", "The same id.").unwrap_err();
    /// assert_eq!(err.display_at_most(1).to_string(), err.to_string());
    /// assert_eq!(
    ///     err.display_at_most(0).to_string(),
    ///     "invalid graph: 1 problem\n  … and 1 more: 1 × duplicate id"
    /// );
    /// # Ok::<(), argraph::Error>(())
    /// ```
    pub fn display_at_most(&self, problems: usize) -> impl fmt::Display + '_ {
        AtMost {
            error: self,
            problems,
        }
    }

    /// `true` if the error is about the input's content (parse, version,
    /// validation) rather than about I/O or the environment.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self.0.kind,
            ErrorKind::Parse { .. }
                | ErrorKind::UnsupportedVersion { .. }
                | ErrorKind::Invalid(_)
                | ErrorKind::InvalidInput(_)
        )
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        Error::new(ErrorKind::Io(err))
    }
}

/// An [`Error`] displayed with at most `problems` validation problems
/// listed; see [`Error::display_at_most`].
struct AtMost<'e> {
    error: &'e Error,
    problems: usize,
}

impl fmt::Display for AtMost<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.write_message(f, self.problems)
    }
}

/// Lists the first `limit` problems, one per line, then counts the rest by
/// rule, the most frequent first.
fn write_problems(f: &mut fmt::Formatter<'_>, problems: &[Problem], limit: usize) -> fmt::Result {
    let n = problems.len();
    write!(
        f,
        "invalid graph: {n} problem{}",
        if n == 1 { "" } else { "s" }
    )?;
    for p in problems.iter().take(limit) {
        write!(f, "\n  - {p}")?;
    }
    let rest = problems.get(limit..).unwrap_or_default();
    if rest.is_empty() {
        return Ok(());
    }
    let mut by_rule: Vec<(Rule, usize)> = Vec::new();
    for p in rest {
        match by_rule.iter_mut().find(|(rule, _)| *rule == p.rule) {
            Some((_, count)) => *count += 1,
            None => by_rule.push((p.rule, 1)),
        }
    }
    // Stable: rules with equal counts stay in order of first appearance.
    by_rule.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    write!(f, "\n  … and {} more: ", rest.len())?;
    for (i, (rule, count)) in by_rule.iter().enumerate() {
        let sep = if i == 0 { "" } else { "; " };
        write!(f, "{sep}{count} × {rule}")?;
    }
    Ok(())
}

impl Error {
    /// The message, listing at most `limit` validation problems.
    fn write_message(&self, f: &mut fmt::Formatter<'_>, limit: usize) -> fmt::Result {
        if let Some(path) = &self.0.path {
            write!(f, "{}", path.display())?;
            if let Some(line) = self.line() {
                write!(f, ":{line}")?;
                if let Some(col) = self.column() {
                    write!(f, ":{col}")?;
                }
            }
            f.write_str(": ")?;
        }
        match &self.0.kind {
            ErrorKind::Io(err) => write!(f, "I/O error: {err}"),
            ErrorKind::Parse {
                format,
                message,
                line,
                column,
                ..
            } => {
                if self.0.path.is_none() && *line > 0 {
                    write!(f, "{format} error at line {line}, column {column}: {message}")
                } else {
                    write!(f, "{format} error: {message}")
                }
            }
            ErrorKind::UnsupportedVersion { found, supported } => match found {
                Some(v) => write!(
                    f,
                    "unsupported argraph format version {v}; this build reads version {supported}"
                ),
                None => write!(
                    f,
                    "not an argraph document: the top-level \"argraph\" version key (expected {supported}) is missing"
                ),
            },
            ErrorKind::Invalid(problems) => write_problems(f, problems, limit),
            ErrorKind::GraphvizNotFound => f.write_str(
                "Graphviz's `dot` program was not found on PATH; install Graphviz \
                 (Debian/Ubuntu: `apt-get install graphviz`, macOS: `brew install graphviz`) \
                 or write DOT with `argraph dot` instead",
            ),
            ErrorKind::GraphvizCannotRun {
                program,
                from_env: true,
                error,
            } => write!(
                f,
                "cannot run Graphviz's `dot` as ARGRAPH_DOT={}: {error}; point ARGRAPH_DOT at \
                 Graphviz's `dot` program, or unset it to use `dot` from PATH",
                program.display()
            ),
            ErrorKind::GraphvizCannotRun { program, error, .. } => write!(
                f,
                "cannot run Graphviz's `dot` ({} on PATH): {error}; reinstall Graphviz, or set \
                 ARGRAPH_DOT to the path of a working `dot`",
                program.display()
            ),
            ErrorKind::Graphviz { status, stderr } => {
                match status {
                    Some(code) => write!(f, "Graphviz `dot` failed with exit status {code}")?,
                    None => write!(f, "Graphviz `dot` was killed by a signal")?,
                }
                let stderr = stderr.trim();
                if !stderr.is_empty() {
                    write!(f, ": {stderr}")?;
                }
                Ok(())
            }
            ErrorKind::BuiltinRenderer(msg) => {
                write!(f, "the built-in renderer (graphviz-pure) {msg}")
            }
            ErrorKind::InvalidInput(msg) => f.write_str(msg),
            ErrorKind::Stopped => f.write_str(
                "the search was stopped (through its argraph::reason::Stop handle) before it \
                 had an answer; run it again without stopping it for one",
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_message(f, usize::MAX)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("path", &self.0.path)
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}
