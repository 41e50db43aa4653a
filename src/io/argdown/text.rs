//! Argdown text: the parser, built on [`lexer`](super::lexer)'s tokens and
//! following Argdown's own grammar (argdown-core's `parser.ts`) and model
//! (`ModelPlugin.ts`): what it builds is what `argdown json` exports.

use std::collections::HashMap;

use serde_json::Value;

use super::lexer::{self, Kind, Op, Token};
use super::model::{Doc, Entity, Header, Inference, Member, PcsStatement, Relation};
use super::yaml;
use crate::error::{Error, ParseCategory, Result};
use crate::io::report::Report;
use crate::model::Source;

/// The format's name in messages.
pub(super) const FORMAT: &str = "Argdown";

const S_SETTINGS: &str = "front matter settings for Argdown (not part of the map)";

/// An end of a relation, as Argdown names it.
#[derive(Debug, Clone, PartialEq)]
enum End {
    Statement(String),
    Argument(String),
    /// An argument's inference, by the index of the statement it concludes
    /// (set once that statement is read).
    Inference(String, Option<usize>),
}

impl End {
    fn parts(&self) -> (String, &'static str, Option<usize>) {
        match self {
            End::Statement(t) => (t.clone(), "equivalence-class", None),
            End::Argument(t) => (t.clone(), "argument", None),
            End::Inference(t, k) => (t.clone(), "inference", *k),
        }
    }
}

/// Where a statement or argument stands, which decides what its data
/// belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    TopLevel,
    /// The child of a relation: data after a reference is the relation's.
    InRelation,
    InPcs,
}

/// A statement or argument just read: what it names, and the data of a
/// reference in a relation (the relation's).
struct Read {
    end: End,
    relation_data: Option<Value>,
}

/// Reads Argdown text into Argdown's model, and what it set aside.
pub(super) fn parse(text: &str) -> Result<(Doc, Report)> {
    let tokens = lexer::tokenize(text);
    let depths = relation_depths(&tokens);
    let mut p = Parser {
        src: text,
        depths,
        strict: false,
        tokens,
        i: 0,
        doc: Doc::default(),
        report: Report::new(),
        statements: HashMap::new(),
        arguments: HashMap::new(),
        untitled: 0,
        sections: Vec::new(),
        previous_argument: None,
        pending_inference: Vec::new(),
    };
    p.document()?;
    p.finish();
    let front_matter =
        matches!(p.tokens.first(), Some(t) if matches!(t.kind, Kind::FrontMatter(_)));
    if p.doc.statements.is_empty() && p.doc.arguments.is_empty() && !front_matter {
        let at = text.len() - text.trim_start().len();
        return Err(p.error_at(
            at,
            "this document has no statement ([Title]: text) and no argument (<Title>: text)",
        ));
    }
    Ok((p.doc, p.report))
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token<'a>>,
    /// For each relation token, its depth in Argdown's indentation stack.
    depths: Vec<usize>,
    /// `model: {mode: strict}` in the front matter.
    strict: bool,
    i: usize,
    doc: Doc,
    report: Report,
    /// Title -> index in `doc.statements` / `doc.arguments`.
    statements: HashMap<String, usize>,
    arguments: HashMap<String, usize>,
    /// Argdown's counter of `Untitled N` titles.
    untitled: usize,
    /// The headings above: (level, title).
    sections: Vec<(usize, String)>,
    /// The argument the previous top-level element named, for a pcs
    /// that follows it.
    previous_argument: Option<String>,
    /// Relations to the inference just read, waiting for its conclusion.
    pending_inference: Vec<usize>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&Kind<'a>> {
        self.tokens.get(self.i).map(|t| &t.kind)
    }

    fn at(&self) -> usize {
        self.tokens.get(self.i).map_or(self.src.len(), |t| t.at)
    }

    fn error_at(&self, at: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_column(self.src, at);
        Error::parse(FORMAT, ParseCategory::Syntax, line, column, message)
    }

    fn error(&self, message: impl Into<String>) -> Error {
        self.error_at(self.at(), message)
    }

    fn skip_breaks(&mut self) {
        while matches!(self.peek(), Some(Kind::Newline | Kind::Emptyline)) {
            self.i += 1;
        }
    }

    fn skip_newline(&mut self) {
        if matches!(self.peek(), Some(Kind::Newline)) {
            self.i += 1;
        }
    }

    fn document(&mut self) -> Result<()> {
        self.skip_breaks();
        if let Some(&Kind::FrontMatter(inner)) = self.peek() {
            let at = self.at();
            self.i += 1;
            self.front_matter(inner, at)?;
        }
        loop {
            self.skip_breaks();
            if self.peek().is_none() {
                return Ok(());
            }
            self.element()?;
        }
    }

    /// A top-level element: a heading, a statement, an argument, a
    /// premise-conclusion structure or a list.
    fn element(&mut self) -> Result<()> {
        let previous = self.previous_argument.take();
        match self.peek() {
            Some(Kind::Heading(level)) => {
                let level = *level;
                self.i += 1;
                self.heading(level)?;
            }
            Some(Kind::StatementNumber) => self.pcs(previous)?,
            Some(Kind::ArgumentDefinition(_) | Kind::ArgumentReference(_)) => {
                let read = self.argument(Place::TopLevel, 0)?;
                if let End::Argument(title) = read.end {
                    self.previous_argument = Some(title);
                }
            }
            Some(Kind::ListItem) => self.list()?,
            Some(Kind::FrontMatter(_)) => {
                return Err(self.error("front matter (=== … ===) belongs at the start of the document"))
            }
            Some(Kind::Relation { op, .. }) => {
                let op = *op;
                return Err(self.error(format!(
                    "relation `{}` with no statement or argument above it: indent it under the one it relates to",
                    op.marker()
                )))
            }
            Some(Kind::InferenceStart | Kind::InferenceEnd | Kind::ListDelimiter) => {
                return Err(self.error(
                    "inference line (--) outside a premise-conclusion structure: number the statements around it, (1) … (2) …",
                ))
            }
            Some(Kind::Data(_)) => {
                return Err(self.error(
                    "data block {…} with no statement, argument or heading before it",
                ))
            }
            _ => {
                self.statement(Place::TopLevel, 0)?;
            }
        }
        Ok(())
    }

    fn front_matter(&mut self, inner: &str, at: usize) -> Result<()> {
        let offset = at + (self.src[at..].len() - self.src[at..].trim_start_matches('=').len());
        let value = yaml::load(inner).map_err(|e| self.yaml_error(offset, inner, &e))?;
        let Value::Object(mut map) = value else {
            return Ok(());
        };
        let mut header = Header::default();
        let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_string));
        header.title = text(map.shift_remove("title"));
        header.description = text(map.shift_remove("description"));
        if let Some(sources) = map.shift_remove("sources") {
            header.sources = serde_json::from_value::<Vec<Source>>(sources).map_err(|e| {
                self.error_at(at, format!("front matter `sources`: {e} (a list of sources, each {{id, title, authors, year, url, data}})"))
            })?;
        }
        self.strict = map
            .get("model")
            .and_then(|m| m.get("mode"))
            .and_then(Value::as_str)
            == Some("strict");
        self.report.set_aside_n(S_SETTINGS, map.len());
        self.doc.header = header;
        Ok(())
    }

    fn yaml_error(&self, offset: usize, text: &str, e: &yaml::YamlError) -> Error {
        let line_start: usize = text.split_inclusive('\n').take(e.line).map(str::len).sum();
        let col: usize = text[line_start..]
            .char_indices()
            .nth(e.column)
            .map_or(text.len() - line_start, |(k, _)| k);
        let at = (offset + line_start + col).min(self.src.len());
        self.error_at(at, format!("YAML: {}", e.message))
    }

    /// The value of the data block at the cursor, if there is one (and the
    /// line break after it).
    fn data(&mut self) -> Result<Option<Value>> {
        let Some(&Kind::Data(block)) = self.peek() else {
            return Ok(None);
        };
        let at = self.at();
        self.i += 1;
        self.skip_newline();
        match yaml::data_block(block) {
            Ok((value, _)) => Ok(Some(value).filter(|v| !v.is_null())),
            Err(e) => {
                let body = if block[1..].trim_start_matches([' ', '\t']).starts_with('\n') {
                    block.find('\n').map_or(0, |k| k + 1)
                } else {
                    0
                };
                Err(self.yaml_error(at + body, &block[body..], &e))
            }
        }
    }

    fn heading(&mut self, level: usize) -> Result<()> {
        let (text, _) = self.content();
        self.data()?;
        while self.sections.last().is_some_and(|(l, _)| *l >= level) {
            self.sections.pop();
        }
        self.sections.push((level, text));
        Ok(())
    }

    fn section(&self) -> Vec<String> {
        self.sections.iter().map(|(_, t)| t.clone()).collect()
    }

    fn list(&mut self) -> Result<()> {
        while matches!(self.peek(), Some(Kind::ListItem)) {
            self.i += 1;
            if matches!(
                self.peek(),
                Some(Kind::ArgumentDefinition(_) | Kind::ArgumentReference(_))
            ) {
                self.argument(Place::TopLevel, 0)?;
            } else {
                self.statement(Place::TopLevel, 0)?;
            }
            self.skip_newline();
        }
        Ok(())
    }

    fn untitled(&mut self) -> String {
        self.untitled += 1;
        format!("Untitled {}", self.untitled)
    }
}

/// The text of a statement as it was read: tags apart, emphasis markers
/// gone, whitespace collapsed.
struct Content {
    text: String,
    tags: Vec<String>,
    any: bool,
}

impl Parser<'_> {
    /// Statement content: text, tags, links, emphasis and line breaks, up
    /// to what cannot be content (a data block, a relation, an empty line;
    /// a statement or argument at the start of a line).
    fn content(&mut self) -> (String, Vec<String>) {
        let c = self.content_tokens();
        (c.text, c.tags)
    }

    fn content_tokens(&mut self) -> Content {
        let mut pieces: Vec<String> = Vec::new();
        let mut open: Vec<(usize, &str)> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        let mut any = false;
        let mut after_break = true;
        while let Some(kind) = self.peek() {
            let piece = match kind {
                Kind::Text(t) => t.clone(),
                Kind::Newline => " ".to_string(),
                Kind::Tag(t) => {
                    if !tags.iter().any(|x| x == t) {
                        tags.push(t.to_string());
                    }
                    " ".to_string()
                }
                Kind::Emphasis { image, closes, .. } => {
                    let base = image.trim_end();
                    match open.last() {
                        Some(&(k, m)) if *closes && m == base => {
                            pieces[k].clear();
                            open.pop();
                            image[base.len()..].to_string()
                        }
                        _ => {
                            open.push((pieces.len(), base));
                            image.to_string()
                        }
                    }
                }
                Kind::StatementDefinition(t) if !after_break => format!("[{t}]:"),
                Kind::StatementReference(t) if !after_break => format!("[{t}]"),
                Kind::ArgumentDefinition(t) if !after_break => format!("<{t}>:"),
                Kind::ArgumentReference(t) if !after_break => format!("<{t}>"),
                _ => break,
            };
            after_break = matches!(kind, Kind::Newline);
            any = true;
            pieces.push(piece);
            self.i += 1;
        }
        let text = pieces
            .concat()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Content { text, tags, any }
    }
}

/// The depth of each relation marker in Argdown's stack of indentations:
/// deeper than the line before opens a level, shallower closes levels
/// down to the nearest one not deeper; an empty line, a numbered statement
/// or an inference line closes them all.
fn relation_depths(tokens: &[Token<'_>]) -> Vec<usize> {
    let mut stack = vec![0usize];
    tokens
        .iter()
        .map(|t| match t.kind {
            Kind::Emptyline | Kind::StatementNumber | Kind::InferenceStart => {
                stack.truncate(1);
                0
            }
            Kind::Relation { indent, .. } => {
                let top = *stack.last().unwrap_or(&0);
                if indent > top {
                    stack.push(indent);
                } else {
                    while stack.len() > 1 && indent < *stack.last().unwrap_or(&0) {
                        stack.pop();
                    }
                }
                stack.len() - 1
            }
            _ => 0,
        })
        .collect()
}

/// The 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(src: &str, at: usize) -> (usize, usize) {
    let at = at.min(src.len());
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |k| k + 1);
    (line, before[start..].chars().count() + 1)
}

impl Parser<'_> {
    /// A statement: its definition, reference or bare text, its data and
    /// its relations.
    fn statement(&mut self, place: Place, indent: usize) -> Result<Read> {
        let (title, is_reference, content) = match self.peek() {
            Some(&Kind::StatementDefinition(t)) => {
                self.i += 1;
                let c = self.content_tokens();
                if !c.any {
                    return Err(self.error(format!(
                        "statement [{t}] defined without text: write its text after `[{t}]:`"
                    )));
                }
                (Some(t.to_string()), false, c)
            }
            Some(&Kind::StatementReference(t)) => {
                self.i += 1;
                let tags = self.reference_tags();
                let c = Content {
                    text: String::new(),
                    tags,
                    any: false,
                };
                (Some(t.to_string()), true, c)
            }
            _ => {
                let c = self.content_tokens();
                if !c.any {
                    return Err(self.error("expected a statement ([Title]: text, [Title] or text) or an argument (<Title>)"));
                }
                (None, false, c)
            }
        };
        let data = self.data()?;
        let (member_data, relation_data) = if is_reference && place == Place::InRelation {
            (None, data)
        } else {
            (data, None)
        };
        let mut title = title;
        if self.relations_follow(indent) && title.is_none() {
            title = Some(self.untitled());
        }
        if let Some(t) = &title {
            self.statement_entity(t);
        }
        let end_title = title.clone().unwrap_or_default();
        self.relations(&End::Statement(end_title), indent)?;
        let title = title.unwrap_or_else(|| self.untitled());
        let member = Member {
            text: (!is_reference).then_some(content.text),
            is_reference,
            data: member_data,
            is_premise: false,
        };
        self.add_member(false, &title, member, content.tags);
        Ok(Read {
            end: End::Statement(title),
            relation_data,
        })
    }

    /// Tags after a reference (`[T] #tag`), and the line break after them.
    fn reference_tags(&mut self) -> Vec<String> {
        let mut tags = Vec::new();
        while let Some(&Kind::Tag(t)) = self.peek() {
            tags.push(t.to_string());
            self.i += 1;
        }
        self.skip_newline();
        tags
    }

    /// An argument: its definition or reference, its data and relations.
    fn argument(&mut self, place: Place, indent: usize) -> Result<Read> {
        let (title, is_reference, content) = match self.peek() {
            Some(&Kind::ArgumentDefinition(t)) => {
                self.i += 1;
                let c = self.content_tokens();
                if !c.any {
                    return Err(self.error(format!(
                        "argument <{t}> defined without a description: write it after `<{t}>:`"
                    )));
                }
                (t.to_string(), false, c)
            }
            Some(&Kind::ArgumentReference(t)) => {
                self.i += 1;
                let tags = self.reference_tags();
                (
                    t.to_string(),
                    true,
                    Content {
                        text: String::new(),
                        tags,
                        any: false,
                    },
                )
            }
            _ => return Err(self.error("expected an argument (<Title>: text or <Title>)")),
        };
        let data = self.data()?;
        let (member_data, relation_data) = if is_reference && place == Place::InRelation {
            (None, data)
        } else {
            (data, None)
        };
        self.argument_entity(&title);
        self.relations(&End::Argument(title.clone()), indent)?;
        let member = Member {
            text: (!is_reference).then_some(content.text),
            is_reference,
            data: member_data,
            is_premise: false,
        };
        self.add_member(true, &title, member, content.tags);
        Ok(Read {
            end: End::Argument(title),
            relation_data,
        })
    }

    /// The depth of the relation marker at the cursor, if there is one.
    fn relation_depth(&self) -> Option<usize> {
        match self.peek() {
            Some(Kind::Relation { .. }) => self.depths.get(self.i).copied(),
            _ => None,
        }
    }

    fn relations_follow(&self, depth: usize) -> bool {
        self.relation_depth() == Some(depth + 1)
    }

    /// The relations indented under `parent`, each with the statement or
    /// argument it relates to (and that one's own relations, further in).
    fn relations(&mut self, parent: &End, depth: usize) -> Result<()> {
        while let Some(&Kind::Relation { op, .. }) = self.peek() {
            let inner = depth + 1;
            if self.relation_depth() != Some(inner) {
                break;
            }
            self.i += 1;
            let child = match self.peek() {
                Some(Kind::ArgumentDefinition(_) | Kind::ArgumentReference(_)) => {
                    self.argument(Place::InRelation, inner)?
                }
                Some(
                    Kind::StatementDefinition(_)
                    | Kind::StatementReference(_)
                    | Kind::Text(_)
                    | Kind::Emphasis { .. }
                    | Kind::Tag(_),
                ) => self.statement(Place::InRelation, inner)?,
                _ => {
                    return Err(self.error(format!(
                        "relation `{}` without a statement or argument after it",
                        op.marker()
                    )))
                }
            };
            self.skip_newline();
            self.relate(op, parent, child)?;
        }
        Ok(())
    }

    /// Records a relation between a parent and a child, as the marker says.
    fn relate(&mut self, op: Op, parent: &End, child: Read) -> Result<()> {
        let (kind, from, to) = match op {
            Op::SupportsParent => ("support", child.end, parent.clone()),
            Op::SupportedByParent => ("support", parent.clone(), child.end),
            Op::AttacksParent => ("attack", child.end, parent.clone()),
            Op::AttackedByParent => ("attack", parent.clone(), child.end),
            Op::Contradicts => ("contradictory", parent.clone(), child.end),
            Op::UndercutsParent => ("undercut", child.end, parent.clone()),
            Op::UndercutByParent => ("undercut", parent.clone(), child.end),
        };
        if op == Op::Contradicts && !matches!(to, End::Statement(_)) {
            return Err(self.error("`><` (contradictory) relates two statements, not an argument"));
        }
        let pending = matches!(to, End::Inference(_, None));
        let (from, from_type, _) = from.parts();
        let (to, to_type, conclusion_index) = to.parts();
        let relation = Relation {
            relation_type: kind.to_string(),
            from,
            from_type: Some(from_type.to_string()),
            to,
            to_type: Some(to_type.to_string()),
            conclusion_index,
            data: child.relation_data,
        };
        self.add_relation(relation, pending);
        Ok(())
    }

    /// Adds a relation unless Argdown would merge it with one it has (same
    /// ends and type; `><` either way). One that carries data is an edge
    /// of its own.
    fn add_relation(&mut self, r: Relation, pending: bool) {
        let same = |o: &Relation| {
            o.relation_type == r.relation_type
                && o.conclusion_index == r.conclusion_index
                && ((o.from == r.from
                    && o.to == r.to
                    && o.from_type == r.from_type
                    && o.to_type == r.to_type)
                    || (r.relation_type == "contradictory" && o.from == r.to && o.to == r.from))
        };
        if r.data.is_none() && !pending && self.doc.relations.iter().any(same) {
            return;
        }
        if pending {
            self.pending_inference.push(self.doc.relations.len());
        }
        self.doc.relations.push(r);
    }
}

impl Parser<'_> {
    /// The statement titled `title`, made if new.
    fn statement_entity(&mut self, title: &str) -> usize {
        if let Some(&k) = self.statements.get(title) {
            return k;
        }
        let k = self.doc.statements.len();
        self.doc.statements.push(Entity {
            title: title.to_string(),
            ..Entity::default()
        });
        self.statements.insert(title.to_string(), k);
        self.doc.order.push((false, k));
        k
    }

    /// The argument titled `title`, made if new.
    fn argument_entity(&mut self, title: &str) -> usize {
        if let Some(&k) = self.arguments.get(title) {
            return k;
        }
        let k = self.doc.arguments.len();
        self.doc.arguments.push(Entity {
            title: title.to_string(),
            ..Entity::default()
        });
        self.arguments.insert(title.to_string(), k);
        self.doc.order.push((true, k));
        k
    }

    /// Adds a member (an occurrence) to its statement or argument: its
    /// tags, its data (merged), and the section of its first definition.
    fn add_member(&mut self, argument: bool, title: &str, member: Member, tags: Vec<String>) {
        let k = if argument {
            self.argument_entity(title)
        } else {
            self.statement_entity(title)
        };
        let section = self.section();
        let e = if argument {
            &mut self.doc.arguments[k]
        } else {
            &mut self.doc.statements[k]
        };
        for t in tags {
            if !e.tags.contains(&t) {
                e.tags.push(t);
            }
        }
        if let Some(d) = &member.data {
            e.data = Some(match e.data.take() {
                Some(old) => merge(old, d.clone()),
                None => d.clone(),
            });
        }
        if !member.is_reference && e.section.is_empty() {
            e.section = section.clone();
        }
        if e.members.is_empty() {
            e.first_section = section;
        }
        e.members.push(member);
    }

    /// Sections for the elements that have only references.
    fn finish(&mut self) {
        for e in self
            .doc
            .statements
            .iter_mut()
            .chain(&mut self.doc.arguments)
        {
            if e.section.is_empty() {
                e.section = std::mem::take(&mut e.first_section);
            }
        }
        self.transform_argument_relations();
        if self.strict {
            self.transform_statement_relations();
        }
    }

    /// Argdown's strict mode: between two statements a support is an
    /// entailment and an attack a contrariety (one for both directions).
    fn transform_statement_relations(&mut self) {
        let mut out: Vec<Relation> = Vec::with_capacity(self.doc.relations.len());
        for mut r in std::mem::take(&mut self.doc.relations) {
            let statements = r.from_type.as_deref() == Some("equivalence-class")
                && r.to_type.as_deref() == Some("equivalence-class");
            if statements && r.relation_type == "support" {
                r.relation_type = "entails".into();
            } else if statements && r.relation_type == "attack" {
                let known = out.iter().any(|o| {
                    o.relation_type == "contrary"
                        && ((o.from == r.from && o.to == r.to)
                            || (o.from == r.to && o.to == r.from))
                });
                if known && r.data.is_none() {
                    continue;
                }
                r.relation_type = "contrary".into();
            }
            out.push(r);
        }
        self.doc.relations = out;
    }
}

/// Merges data as Argdown does (lodash `merge`): objects key by key, any
/// other value replaced.
fn merge(old: Value, new: Value) -> Value {
    match (old, new) {
        (Value::Object(mut a), Value::Object(b)) => {
            for (k, v) in b {
                let merged = match a.shift_remove(&k) {
                    Some(o) => merge(o, v),
                    None => v,
                };
                a.insert(k, merged);
            }
            Value::Object(a)
        }
        (_, new) => new,
    }
}

impl Parser<'_> {
    /// A premise-conclusion structure: numbered statements and inference
    /// lines, ending with an inference and its conclusion.
    fn pcs(&mut self, argument: Option<String>) -> Result<()> {
        let start = self.at();
        let title = argument.unwrap_or_else(|| self.untitled());
        let k = self.argument_entity(&title);
        if !self.doc.arguments[k].pcs.is_empty() {
            return Err(self.error(format!(
                "a second premise-conclusion structure for argument <{title}>: an argument has one"
            )));
        }
        if !self.sections.is_empty() {
            self.doc.arguments[k].section = self.section();
        }
        let mut pcs: Vec<PcsStatement> = Vec::new();
        let mut inference: Option<Inference> = None;
        loop {
            match self.peek() {
                Some(Kind::StatementNumber) => {
                    self.i += 1;
                    let read = self.statement(Place::InPcs, 0)?;
                    let index = pcs.len();
                    for r in self.pending_inference.drain(..) {
                        self.doc.relations[r].conclusion_index = Some(index);
                    }
                    let End::Statement(t) = read.end else {
                        unreachable!("a statement")
                    };
                    pcs.push(PcsStatement {
                        title: Some(t),
                        inference: inference.take(),
                    });
                }
                Some(Kind::InferenceStart) if inference.is_none() && !pcs.is_empty() => {
                    self.i += 1;
                    inference = Some(self.inference(&title)?);
                }
                Some(Kind::InferenceStart) => {
                    return Err(self.error("an inference line (--) must follow a numbered statement: (1) … -- … -- (2) …"));
                }
                _ => break,
            }
            self.skip_newline();
        }
        if inference.is_some() || pcs.last().is_none_or(|s| s.inference.is_none()) {
            let at = if inference.is_some() {
                self.at()
            } else {
                start
            };
            return Err(self.error_at(at, format!(
                "premise-conclusion structure of <{title}> must end with an inference line (----) and its conclusion (n) …"
            )));
        }
        self.doc.arguments[k].pcs = pcs;
        Ok(())
    }

    /// An inference line after its `--`: rules, data, the closing `--`,
    /// and the undercuts indented under it.
    fn inference(&mut self, argument: &str) -> Result<Inference> {
        let mut rules: Vec<String> = Vec::new();
        let mut rule = String::new();
        let mut data = None;
        loop {
            match self.peek() {
                Some(Kind::Text(t)) => rule.push_str(t),
                Some(Kind::ListDelimiter) => rules.push(std::mem::take(&mut rule)),
                Some(Kind::Newline) => rule.push(' '),
                Some(Kind::Data(_)) => {
                    data = self.data()?;
                    continue;
                }
                Some(Kind::InferenceEnd) => break,
                _ => return Err(self.error("inference line without its closing `--`")),
            }
            self.i += 1;
        }
        self.i += 1;
        rules.push(rule);
        let rules = rules
            .into_iter()
            .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|r| !r.is_empty())
            .collect();
        self.skip_newline();
        let parent = End::Inference(argument.to_string(), None);
        while let Some(&Kind::Relation { op, .. }) = self.peek() {
            if op != Op::UndercutsParent {
                return Err(self.error(format!(
                    "only undercuts (`_` or `<_`) can be indented under an inference line, not `{}`",
                    op.marker()
                )));
            }
            let before = self.i;
            self.relations(&parent, 0)?;
            if self.i == before {
                return Err(self.error("undercut under an inference line must be indented"));
            }
        }
        Ok(Inference { rules, data })
    }

    /// Argdown's `transformArgumentRelations`: what a reconstructed
    /// argument supports or attacks, its main conclusion does; what
    /// undercuts it undercuts its last inference.
    fn transform_argument_relations(&mut self) {
        let reconstructed: HashMap<String, (String, usize)> = self
            .doc
            .arguments
            .iter()
            .filter_map(|a| {
                let last = a.pcs.last()?;
                Some((a.title.clone(), (last.title.clone()?, a.pcs.len() - 1)))
            })
            .collect();
        let mut out: Vec<Relation> = Vec::with_capacity(self.doc.relations.len());
        for mut r in std::mem::take(&mut self.doc.relations) {
            let from_argument = r.from_type.as_deref() == Some("argument");
            if let Some((conclusion, _)) = reconstructed.get(&r.from).filter(|_| from_argument) {
                r.from = conclusion.clone();
                r.from_type = Some("equivalence-class".into());
            }
            let to_argument = r.to_type.as_deref() == Some("argument");
            if let Some((_, last)) = reconstructed.get(&r.to).filter(|_| to_argument) {
                if r.relation_type == "undercut" {
                    r.to_type = Some("inference".into());
                    r.conclusion_index = Some(*last);
                }
            }
            let same = |o: &Relation| {
                o.relation_type == r.relation_type
                    && o.from == r.from
                    && o.to == r.to
                    && o.from_type == r.from_type
                    && o.to_type == r.to_type
                    && o.conclusion_index == r.conclusion_index
            };
            if r.data.is_some() || !out.iter().any(same) {
                out.push(r);
            }
        }
        self.doc.relations = out;
    }
}
