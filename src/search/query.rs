//! The query language: a query string → an AST with positions → a tantivy query.
//!
//! Words are stemmed per language (a word is looked up in every language field, each with
//! its own analyzer); `"quoted phrases"` match the words as written in the unstemmed field,
//! `"near words"~5` with slop; `AND`, `OR`, `NOT`, `+`, `-` and parentheses combine; words
//! next to each other must all match (implicit `AND`); `field:value` filters on `lang`,
//! `kind`, `doc_id`, `title` and `date` (`date:[2020 TO 2022-06]`); `priv*` is a prefix.
//!
//! Parsing is strict: anything malformed is an error naming the character position at
//! fault, never silently reinterpreted.

use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;

use tantivy::Term;
use tantivy::collector::DocSetCollector;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::IndexRecordOption;

use crate::index::columns::StrValues;
use crate::index::reader::Snapshot;
use crate::index::schema::{Fields, REC_VERSION};
use crate::index::terms::HeldTerm;
use crate::lang::analyzers::words;
use crate::lang::fold::fold;
use crate::lang::{ALL, Lang};
use crate::limits;
use crate::model::{DateSpan, Kind};
use crate::search::held::HeldTermQuery;

/// A query that cannot be parsed or run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at position {position}")]
pub struct QueryError {
    /// What is wrong.
    pub message: String,
    /// Character position (0-based) in the query.
    pub position: usize,
}

fn error<T>(message: impl Into<String>, position: usize) -> Result<T, QueryError> {
    Err(QueryError {
        message: message.into(),
        position,
    })
}

/// A field usable in `field:value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    /// `lang:fr`
    Lang,
    /// `kind:proposal`
    Kind,
    /// `doc_id:32016R0679`
    DocId,
    /// `title:privacy`
    Title,
    /// `date:2021`, `date:[2020 TO 2022-06]`
    Date,
}

const FIELD_NAMES: &str = "lang, kind, doc_id, title, date";

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A word, stemmed per language.
    Word(String),
    /// A word prefix (`priv*`), matched unstemmed.
    Prefix(String, usize),
    /// A phrase matched as written, with slop.
    Phrase(String, u32),
    /// `field:value`.
    Filter(FilterField, Value, usize),
    /// All must match.
    And(Vec<Node>),
    /// Any may match.
    Or(Vec<Node>),
    /// Must not match.
    Not(Box<Node>),
}

/// The value of a `field:value` clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A word or quoted phrase.
    Text(String),
    /// A date range (inclusive bounds; `None` is open).
    Range(Option<DateSpan>, Option<DateSpan>),
}

// ----- lexing ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Plus,
    Minus,
    Word(String),
    Phrase(String, u32),
    Field(String, FieldValue),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum FieldValue {
    Word(String),
    Phrase(String),
    Range(String, String),
}

struct Lexer {
    chars: Vec<char>,
    at: usize,
}

fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"')
}

impl Lexer {
    fn tokens(query: &str) -> Result<Vec<(Token, usize)>, QueryError> {
        let mut lexer = Lexer {
            chars: query.chars().collect(),
            at: 0,
        };
        let mut tokens = Vec::new();
        while let Some(token) = lexer.next_token()? {
            tokens.push(token);
        }
        Ok(tokens)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next_token(&mut self) -> Result<Option<(Token, usize)>, QueryError> {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
        let start = self.at;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        let token = match c {
            '(' => {
                self.at += 1;
                Token::Open
            }
            ')' => {
                self.at += 1;
                Token::Close
            }
            '"' => {
                let (text, slop) = self.phrase()?;
                Token::Phrase(text, slop)
            }
            '+' | '-' => {
                self.at += 1;
                if self.peek().is_none_or(char::is_whitespace) {
                    let what = if c == '+' { "requires" } else { "excludes" };
                    return error(
                        format!("'{c}' must be followed directly by what it {what} ({c}word)"),
                        start,
                    );
                }
                if c == '+' { Token::Plus } else { Token::Minus }
            }
            _ => self.word_or_field()?,
        };
        Ok(Some((token, start)))
    }

    /// `"…"` and an optional `~N`.
    fn phrase(&mut self) -> Result<(String, u32), QueryError> {
        let start = self.at;
        self.at += 1;
        let close = self.chars[self.at..].iter().position(|c| *c == '"');
        let Some(length) = close else {
            return error("unclosed quote", start);
        };
        let text: String = self.chars[self.at..self.at + length].iter().collect();
        self.at += length + 1;
        if !has_words(&text) {
            return error("quotes with no word in them", start);
        }
        let slop = self.slop()?;
        Ok((text, slop))
    }

    fn slop(&mut self) -> Result<u32, QueryError> {
        if self.peek() != Some('~') {
            return Ok(0);
        }
        let tilde = self.at;
        self.at += 1;
        let digits: String = self.chars[self.at..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        self.at += digits.chars().count();
        if digits.is_empty() || self.peek().is_some_and(|c| !is_delimiter(c)) {
            return error("'~' must be followed by a number (\"words near\"~5)", tilde);
        }
        match digits.parse::<u32>() {
            Ok(n) if n <= limits::MAX_SLOP => Ok(n),
            _ => error(format!("slop is at most {}", limits::MAX_SLOP), tilde + 1),
        }
    }

    fn word_or_field(&mut self) -> Result<Token, QueryError> {
        let start = self.at;
        let mut word = String::new();
        while let Some(c) = self.peek().filter(|c| !is_delimiter(*c)) {
            if c == ':' && is_field_name(&word) {
                self.at += 1;
                return self.field_value(word, start);
            }
            word.push(c);
            self.at += 1;
        }
        Ok(match word.as_str() {
            "AND" | "&&" => Token::And,
            "OR" | "||" => Token::Or,
            "NOT" => Token::Not,
            _ => Token::Word(word),
        })
    }

    fn field_value(&mut self, name: String, start: usize) -> Result<Token, QueryError> {
        let value = match self.peek() {
            Some('"') => FieldValue::Phrase(self.phrase()?.0),
            Some('[') => self.range()?,
            Some(c) if !is_delimiter(c) => {
                let word: String = self.chars[self.at..]
                    .iter()
                    .take_while(|c| !is_delimiter(**c))
                    .collect();
                self.at += word.chars().count();
                FieldValue::Word(word)
            }
            _ => return error(format!("'{name}:' needs a value"), start),
        };
        Ok(Token::Field(name, value))
    }

    /// `[A TO B]`, inclusive; `*` for an open end.
    fn range(&mut self) -> Result<FieldValue, QueryError> {
        let open = self.at;
        let close = self.chars[open..].iter().position(|c| *c == ']');
        let Some(length) = close else {
            return error("unclosed '['", open);
        };
        let inner: String = self.chars[open + 1..open + length].iter().collect();
        self.at = open + length + 1;
        let parts: Vec<&str> = inner.split_whitespace().collect();
        match parts.as_slice() {
            [from, "TO", to] => Ok(FieldValue::Range(from.to_string(), to.to_string())),
            _ => error(
                "a range is written [FROM TO TO], e.g. date:[2020 TO 2022-06]",
                open,
            ),
        }
    }
}

/// Whether `text` holds a word to search for (letters or digits).
fn has_words(text: &str) -> bool {
    words(text).next().is_some()
}

fn is_field_name(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
}

// ----- parsing --------------------------------------------------------------------------

/// Parses a query string.
pub fn parse(query: &str) -> Result<Node, QueryError> {
    if query.chars().count() > limits::MAX_QUERY_CHARS {
        return error(
            format!(
                "query is longer than {} characters",
                limits::MAX_QUERY_CHARS
            ),
            limits::MAX_QUERY_CHARS,
        );
    }
    let tokens = Lexer::tokens(query)?;
    if tokens.is_empty() {
        return error("empty query", 0);
    }
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
        clauses: 0,
        prefixes: 0,
        end: query.chars().count(),
    };
    let node = parser.or()?;
    if let Some((_, position)) = parser.tokens.get(parser.at) {
        return error("unmatched ')'", *position);
    }
    Ok(node)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    depth: usize,
    clauses: usize,
    prefixes: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn position(&self) -> usize {
        self.tokens
            .get(self.at)
            .map(|(_, p)| *p)
            .unwrap_or(self.end)
    }

    fn or(&mut self) -> Result<Node, QueryError> {
        let mut alternatives = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            alternatives.push(self.and()?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Node::Or(alternatives)
        })
    }

    /// Clauses that must all match. A word with no letters or digits (`§`, `–`) among
    /// other clauses is left out, as it is from the text; alone it is an error.
    fn and(&mut self) -> Result<Node, QueryError> {
        let mut parts = Vec::new();
        let mut punctuation = None;
        loop {
            match self.peek() {
                None | Some(Token::Close) | Some(Token::Or) => break,
                Some(Token::And) if !parts.is_empty() || punctuation.is_some() => self.at += 1,
                _ => {}
            }
            let position = self.position();
            match self.unary()? {
                Node::Word(word) if !has_words(&word) => {
                    punctuation.get_or_insert((word, position));
                }
                part => parts.push(part),
            }
        }
        if let (true, Some((word, position))) = (parts.is_empty(), punctuation) {
            return error(
                format!("'{word}' has no letters or digits to search for"),
                position,
            );
        }
        match parts.len() {
            0 => error("expected a word, phrase or group", self.position()),
            1 => Ok(parts.remove(0)),
            _ => Ok(Node::And(parts)),
        }
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        match self.peek() {
            Some(Token::Not | Token::Minus) => {
                self.at += 1;
                let position = self.position();
                if matches!(self.peek(), Some(Token::Not | Token::Minus)) {
                    // Also keeps a run of thousands of signs from nesting that deep.
                    return error("two negations in a row", position);
                }
                match self.unary()? {
                    Node::Word(word) if !has_words(&word) => error(
                        format!("'{word}' has no letters or digits to exclude"),
                        position,
                    ),
                    excluded => Ok(Node::Not(Box::new(excluded))),
                }
            }
            Some(Token::Plus) => {
                self.at += 1;
                let position = self.position();
                match self.primary()? {
                    Node::Word(word) if !has_words(&word) => error(
                        format!("'{word}' has no letters or digits to require"),
                        position,
                    ),
                    required => Ok(required),
                }
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
        let position = self.position();
        let Some((token, _)) = self.tokens.get(self.at).cloned() else {
            return error(
                "expected a word, phrase or group after an operator",
                position,
            );
        };
        self.at += 1;
        match token {
            Token::Open => self.group(position),
            Token::Word(word) => self.word(word, position),
            Token::Phrase(text, slop) => self
                .count_clause(position)
                .map(|_| Node::Phrase(text, slop)),
            Token::Field(name, value) => self.filter(&name, value, position),
            Token::Close => error("unmatched ')'", position),
            Token::And | Token::Or => error(
                "expected a word, phrase or group before this operator",
                position,
            ),
            Token::Not | Token::Plus | Token::Minus => error("misplaced operator", position),
        }
    }

    fn group(&mut self, open: usize) -> Result<Node, QueryError> {
        self.depth += 1;
        if self.depth > limits::MAX_QUERY_DEPTH {
            return error(
                format!("groups nest deeper than {}", limits::MAX_QUERY_DEPTH),
                open,
            );
        }
        if self.peek() == Some(&Token::Close) {
            return error("empty group '()'", open);
        }
        let node = self.or()?;
        if self.peek() != Some(&Token::Close) {
            return error("unclosed '('", open);
        }
        self.at += 1;
        self.depth -= 1;
        Ok(node)
    }

    fn word(&mut self, word: String, position: usize) -> Result<Node, QueryError> {
        self.count_clause(position)?;
        if let Some(tilde) = word.chars().position(|c| c == '~') {
            return error(
                "'~' follows a quoted phrase (\"words near\"~5); words are not matched fuzzily",
                position + tilde,
            );
        }
        if word.starts_with(':') {
            return error(
                format!("':' must follow a field name ({FIELD_NAMES})"),
                position,
            );
        }
        if let Some(star) = word.trim_end_matches('*').chars().position(|c| c == '*') {
            return error(
                "'*' only ends a prefix (priv*): it matches nothing inside or before a word",
                position + star,
            );
        }
        if let Some(prefix) = word.strip_suffix('*') {
            if prefix.is_empty() || prefix.contains('*') {
                return error("a prefix needs letters before '*'", position);
            }
            self.prefixes += 1;
            if self.prefixes > limits::MAX_PREFIXES {
                return error(
                    format!("more than {} prefixes", limits::MAX_PREFIXES),
                    position,
                );
            }
            return Ok(Node::Prefix(prefix.to_string(), position));
        }
        Ok(Node::Word(word))
    }

    fn count_clause(&mut self, position: usize) -> Result<(), QueryError> {
        self.clauses += 1;
        if self.clauses > limits::MAX_QUERY_CLAUSES {
            return error(
                format!("more than {} words and phrases", limits::MAX_QUERY_CLAUSES),
                position,
            );
        }
        Ok(())
    }

    fn filter(
        &mut self,
        name: &str,
        value: FieldValue,
        position: usize,
    ) -> Result<Node, QueryError> {
        let field = match name {
            "lang" => FilterField::Lang,
            "kind" => FilterField::Kind,
            "doc_id" | "doc" => FilterField::DocId,
            "title" => FilterField::Title,
            "date" => FilterField::Date,
            _ => {
                return error(
                    format!("unknown field '{name}' (fields: {FIELD_NAMES})"),
                    position,
                );
            }
        };
        let value_position = position + name.chars().count() + 1;
        let value = check_value(field, value, value_position)?;
        Ok(Node::Filter(field, value, position))
    }
}

/// Checks a filter value now, so a bad one is an error with its position.
fn check_value(
    field: FilterField,
    value: FieldValue,
    position: usize,
) -> Result<Value, QueryError> {
    let date = |text: &str| -> Result<Option<DateSpan>, QueryError> {
        if text == "*" {
            return Ok(None);
        }
        text.parse::<DateSpan>().map(Some).map_err(|e| QueryError {
            message: e.to_string(),
            position,
        })
    };
    match (field, value) {
        (FilterField::Date, FieldValue::Range(from, to)) => match (date(&from)?, date(&to)?) {
            (Some(from), Some(to)) if from.first > to.last => {
                error("the range ends before it starts", position)
            }
            (from, to) => Ok(Value::Range(from, to)),
        },
        (FilterField::Date, FieldValue::Word(w) | FieldValue::Phrase(w)) => {
            let span = date(&w)?;
            Ok(Value::Range(span, span))
        }
        (_, FieldValue::Range(..)) => error("ranges are only for date", position),
        (FilterField::Lang, FieldValue::Word(w) | FieldValue::Phrase(w)) => match w.parse::<Lang>()
        {
            Ok(lang) => Ok(Value::Text(lang.code().to_string())),
            Err(e) => error(e.to_string(), position),
        },
        (FilterField::Kind, FieldValue::Word(w) | FieldValue::Phrase(w)) => match w.parse::<Kind>()
        {
            Ok(kind) => Ok(Value::Text(kind.name().to_string())),
            Err(e) => error(e.to_string(), position),
        },
        (_, FieldValue::Word(w)) if w.contains('*') => error(
            "a filter takes a whole value, not a prefix ('*' ends a prefix of words: priv*)",
            position + w.chars().position(|c| c == '*').unwrap_or(0),
        ),
        (_, FieldValue::Word(w) | FieldValue::Phrase(w)) => Ok(Value::Text(w)),
    }
}

// ----- terms for highlighting -----------------------------------------------------------

/// The positive words of a query, for highlighting: words (stemmed per language),
/// phrase words and prefixes (folded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Words typed bare.
    pub words: Vec<String>,
    /// Folded words of quoted phrases.
    pub exact: BTreeSet<String>,
    /// Folded prefixes.
    pub prefixes: Vec<String>,
}

impl Node {
    /// Whether only text can match the node: then it only matches units (version records
    /// have no text), and restricting it to units is a needless intersection.
    pub fn matches_text_only(&self) -> bool {
        match self {
            Node::Word(_) | Node::Prefix(..) | Node::Phrase(..) => true,
            Node::Filter(..) | Node::Not(_) => false,
            Node::And(nodes) => nodes
                .iter()
                .any(|n| !matches!(n, Node::Not(_)) && n.matches_text_only()),
            Node::Or(nodes) => nodes.iter().all(Node::matches_text_only),
        }
    }

    /// The words to highlight in hits.
    pub fn highlight(&self) -> Highlight {
        let mut highlight = Highlight::default();
        self.collect_highlight(&mut highlight);
        highlight
    }

    fn collect_highlight(&self, out: &mut Highlight) {
        match self {
            // `end-to-end`, `2016/679`: searched as a phrase of its pieces, marked as one.
            Node::Word(w) if one_word(w).is_none() => out
                .exact
                .extend(words(w).map(|piece| fold(piece.text).into_owned())),
            Node::Word(w) => out.words.push(w.clone()),
            Node::Prefix(p, _) => out.prefixes.push(fold(p).into_owned()),
            Node::Phrase(text, _) => out
                .exact
                .extend(words(text).map(|w| fold(w.text).into_owned())),
            Node::And(nodes) | Node::Or(nodes) => {
                nodes.iter().for_each(|n| n.collect_highlight(out))
            }
            Node::Filter(..) | Node::Not(_) => {}
        }
    }
}

// ----- building the tantivy query --------------------------------------------------------

/// The one word a bare word node is analysed as (none for `2016/679`, a phrase of its
/// pieces).
fn single_word(node: &Node) -> Option<&str> {
    match node {
        Node::Word(word) => one_word(word),
        _ => None,
    }
}

/// The one word `word` splits into, if it is exactly one.
fn one_word(word: &str) -> Option<&str> {
    let mut pieces = words(word);
    let first = pieces.next()?;
    pieces.next().is_none().then_some(first.text)
}

/// Any of `terms`, scored (nothing for none).
fn any_scored(held: &[Arc<HeldTerm>]) -> Box<dyn Query> {
    let scored = |term: &Arc<HeldTerm>| Box::new(HeldTermQuery(Arc::clone(term)));
    match held {
        [] => Box::new(EmptyQuery),
        [one] => scored(one),
        _ => Box::new(BooleanQuery::new(
            held.iter()
                .map(|term| (Occur::Should, scored(term) as Box<dyn Query>))
                .collect(),
        )),
    }
}

/// What building a query needs: the snapshot searched (its fields, its term dictionaries
/// to expand prefixes and leave out absent terms) and the languages searched.
pub struct Builder<'a> {
    /// The snapshot searched.
    pub snapshot: &'a Snapshot,
    /// Languages whose fields words are looked up in.
    pub langs: &'a [Lang],
}

impl Builder<'_> {
    fn fields(&self) -> &Fields {
        &self.snapshot.fields
    }

    /// The tantivy query of `node` (without the filters of the request).
    pub fn build(&self, node: &Node) -> Result<Box<dyn Query>, QueryError> {
        match node {
            Node::Word(word) => Ok(self.word(word)),
            Node::Prefix(prefix, position) => self.prefix(prefix, *position),
            Node::Phrase(text, slop) => Ok(self.phrase(self.fields().text_exact, text, *slop)),
            Node::Filter(FilterField::Title, Value::Text(text), position) => {
                Ok(unscored(self.title(text, *position)?))
            }
            Node::Filter(field, value, _) => Ok(unscored(self.filter(*field, value))),
            Node::And(nodes) => self.and(nodes),
            Node::Or(nodes) => {
                let clauses = nodes
                    .iter()
                    .map(|n| Ok((Occur::Should, self.build(n)?)))
                    .collect::<Result<Vec<_>, QueryError>>()?;
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            Node::Not(inner) => Ok(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, self.build(inner)?),
            ]))),
        }
    }

    fn and(&self, nodes: &[Node]) -> Result<Box<dyn Query>, QueryError> {
        let singles: Vec<Option<&str>> = nodes.iter().map(single_word).collect();
        let stemmed: Vec<&str> = singles.iter().flatten().copied().collect();
        let mut clauses = Vec::with_capacity(nodes.len());
        if stemmed.len() > 1 {
            clauses.push((Occur::Must, self.all_words(&stemmed)));
        }
        for (node, single) in nodes.iter().zip(&singles) {
            match node {
                Node::Not(inner) => clauses.push((Occur::MustNot, self.build(inner)?)),
                _ if stemmed.len() > 1 && single.is_some() => {}
                other => clauses.push((Occur::Must, self.build(other)?)),
            }
        }
        if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// A bare word: its stems in every searched language field. A word that splits into
    /// several (`2016/679`, `e-privacy`) is a phrase of the unstemmed words (the parser
    /// lets no word without letters or digits through).
    fn word(&self, word: &str) -> Box<dyn Query> {
        match one_word(word) {
            Some(single) => self.stemmed_word(single),
            None => self.phrase(self.fields().text_exact, word, 0),
        }
    }

    /// Bare words that must all match: in each searched language, all of them in its field.
    /// A unit is in one language, so this matches (and scores) exactly what requiring each
    /// word in any language would, but a language whose field lacks one of the words drops
    /// out at once, rather than its frequent words (`en`, `de`) being merged with other
    /// languages' and intersected at length.
    fn all_words(&self, words: &[&str]) -> Box<dyn Query> {
        let snapshot = self.snapshot;
        let mut languages: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        'langs: for &lang in self.langs {
            let field = self.fields().text_of(lang);
            let mut each_word: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(words.len());
            for word in words {
                let held = snapshot.terms.stems(&snapshot.searcher, field, lang, word);
                if held.is_empty() {
                    continue 'langs;
                }
                each_word.push((Occur::Must, any_scored(&held)));
            }
            languages.push((Occur::Should, Box::new(BooleanQuery::new(each_word))));
        }
        match languages.len() {
            0 => Box::new(EmptyQuery),
            1 => languages.swap_remove(0).1,
            _ => Box::new(BooleanQuery::new(languages)),
        }
    }

    /// A word's stems in every searched language field that holds them: a unit is in one
    /// language, so most fields lack most stems, and a term query costs weights and
    /// scorers in every segment even when it can match nothing.
    fn stemmed_word(&self, word: &str) -> Box<dyn Query> {
        let snapshot = self.snapshot;
        let mut terms = Vec::new();
        for &lang in self.langs {
            let field = self.fields().text_of(lang);
            let held = snapshot.terms.stems(&snapshot.searcher, field, lang, word);
            terms.extend(held.iter().cloned());
        }
        any_scored(&terms)
    }

    fn phrase(&self, field: tantivy::schema::Field, text: &str, slop: u32) -> Box<dyn Query> {
        let terms: Vec<Term> = words(text)
            .map(|w| Term::from_field_text(field, &fold(w.text)))
            .collect();
        match terms.len() {
            0 => Box::new(EmptyQuery),
            1 => Box::new(TermQuery::new(
                terms[0].clone(),
                IndexRecordOption::WithFreqs,
            )),
            _ => {
                let mut phrase = PhraseQuery::new(terms);
                phrase.set_slop(slop);
                Box::new(phrase)
            }
        }
    }

    /// Every indexed word starting with the prefix, up to the cap.
    fn prefix(&self, prefix: &str, position: usize) -> Result<Box<dyn Query>, QueryError> {
        let folded = fold(prefix).into_owned();
        let field = self.fields().text_exact;
        let mut terms = BTreeSet::new();
        for segment in self.snapshot.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let mut stream = match inverted.terms().range().ge(folded.as_bytes()).into_stream() {
                Ok(stream) => stream,
                Err(_) => continue,
            };
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(folded.as_bytes()) {
                    break;
                }
                terms.insert(key.to_vec());
                if terms.len() > limits::MAX_PREFIX_TERMS {
                    return error(
                        format!(
                            "prefix '{prefix}*' matches more than {} words; make it longer",
                            limits::MAX_PREFIX_TERMS
                        ),
                        position,
                    );
                }
            }
        }
        let terms: Vec<Term> = terms
            .into_iter()
            .filter_map(|bytes| String::from_utf8(bytes).ok())
            .map(|t| Term::from_field_text(field, &t))
            .collect();
        Ok(Box::new(TermSetQuery::new(terms)))
    }

    /// The units of the versions whose title holds the words of `text` in that order: a
    /// title is indexed once, on its version's record, whose `version` value its units
    /// share.
    fn title(&self, text: &str, position: usize) -> Result<Box<dyn Query>, QueryError> {
        let f = self.fields();
        let records = BooleanQuery::new(vec![
            (Occur::Must, term(f.rec, REC_VERSION)),
            (Occur::Must, self.phrase(f.title_words, text, 0)),
        ]);
        let searcher = &self.snapshot.searcher;
        let failed = |e: tantivy::TantivyError| QueryError {
            message: format!("title: {e}"),
            position,
        };
        let found = searcher
            .search(&records, &DocSetCollector)
            .map_err(failed)?;
        let mut versions = StrValues::new(searcher, "version");
        let mut terms = Vec::with_capacity(found.len());
        for address in found {
            let version = versions.get(address).map_err(failed)?;
            terms.push(Term::from_field_text(f.version, &version));
        }
        Ok(any_of(terms))
    }

    fn filter(&self, field: FilterField, value: &Value) -> Box<dyn Query> {
        let f = self.fields();
        match (field, value) {
            (FilterField::Date, Value::Range(from, to)) => date_range(
                f,
                from.map(|s| s.first.as_number()),
                to.map(|s| s.last.as_number()),
            ),
            (FilterField::Lang, Value::Text(code)) => term(f.lang, code),
            (FilterField::Kind, Value::Text(kind)) => term(f.kind, kind),
            (FilterField::DocId, Value::Text(id)) => term(f.doc_id, &normalize_doc_id(id)),
            _ => Box::new(EmptyQuery),
        }
    }
}

/// The languages a request searches: the given ones, or all.
pub fn searched_langs(requested: &[Lang]) -> Vec<Lang> {
    if requested.is_empty() {
        ALL.to_vec()
    } else {
        requested.to_vec()
    }
}

/// Largest term set matched with a boolean query of term queries rather than a
/// [`TermSetQuery`], which builds an FST on every search: for a handful of terms (a language
/// filter, the hidden versions) that costs more than the search itself.
const SMALL_TERM_SET: usize = 512;

/// Matches what holds any of `terms`, with a constant score.
pub fn any_of(terms: Vec<Term>) -> Box<dyn Query> {
    if terms.len() > SMALL_TERM_SET {
        return Box::new(TermSetQuery::new(terms));
    }
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|t| {
            let query: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(clauses)),
        1.0,
    ))
}

/// `query` as a filter: it restricts what matches and adds nothing to the score, so a hit
/// scores the same with or without a `lang`, `kind`, `date`, `doc` or `title` filter.
pub fn unscored(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// A term query on a raw (untokenized) field.
pub fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Dates between two `YYYYMMDD` numbers (inclusive); undated documents never match.
pub fn date_range(fields: &Fields, from: Option<i64>, to: Option<i64>) -> Box<dyn Query> {
    let lower = Bound::Included(Term::from_field_i64(fields.date, from.unwrap_or(1)));
    let upper = match to {
        Some(to) => Bound::Included(Term::from_field_i64(fields.date, to)),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(lower, upper))
}

/// CELEX numbers are upper case whatever the user typed; other ids are paths, kept as typed.
pub fn normalize_doc_id(id: &str) -> String {
    let upper = id.to_ascii_uppercase();
    if crate::ingest::metadata::is_celex(&upper) {
        upper
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(query: &str) -> QueryError {
        parse(query).unwrap_err()
    }

    #[test]
    fn words_are_anded_and_operators_combine() {
        assert_eq!(
            parse("consent child").unwrap(),
            Node::And(vec![
                Node::Word("consent".into()),
                Node::Word("child".into())
            ])
        );
        assert_eq!(
            parse("a OR b -c").unwrap(),
            Node::Or(vec![
                Node::Word("a".into()),
                Node::And(vec![
                    Node::Word("b".into()),
                    Node::Not(Box::new(Node::Word("c".into())))
                ])
            ])
        );
        assert_eq!(parse("+a").unwrap(), Node::Word("a".into()));
        assert_eq!(parse("e-privacy").unwrap(), Node::Word("e-privacy".into()));
    }

    #[test]
    fn phrases_slop_prefixes_and_fields() {
        assert_eq!(
            parse("\"personal data\"~3").unwrap(),
            Node::Phrase("personal data".into(), 3)
        );
        assert_eq!(parse("priv*").unwrap(), Node::Prefix("priv".into(), 0));
        assert!(
            matches!(parse("lang:fr").unwrap(), Node::Filter(FilterField::Lang, Value::Text(ref v), 0) if v == "fr")
        );
        assert!(matches!(
            parse("date:[2020 TO 2022-06]").unwrap(),
            Node::Filter(FilterField::Date, Value::Range(Some(_), Some(_)), _)
        ));
        assert!(matches!(
            parse("date:[2020 TO *]").unwrap(),
            Node::Filter(FilterField::Date, Value::Range(Some(_), None), _)
        ));
        assert!(matches!(
            parse("title:\"data protection\"").unwrap(),
            Node::Filter(FilterField::Title, Value::Text(_), _)
        ));
    }

    #[test]
    fn errors_name_the_position() {
        assert_eq!(
            err("consent AND (child"),
            QueryError {
                message: "unclosed '('".into(),
                position: 12
            }
        );
        assert_eq!(err("child)").position, 5);
        assert_eq!(err("\"personal data").position, 0);
        assert_eq!(err("a OR").position, 4);
        assert_eq!(err("OR a").position, 0);
        assert_eq!(
            err("foo:bar").message,
            "unknown field 'foo' (fields: lang, kind, doc_id, title, date)"
        );
        assert_eq!(err("lang:xx").position, 5);
        assert_eq!(err("date:2020-13").position, 5);
        assert_eq!(err("\"a b\"~x").position, 5);
        assert_eq!(err("\"a b\"~1000").position, 6);
        assert_eq!(err("()").message, "empty group '()'");
        assert_eq!(err("   ").message, "empty query");
        assert_eq!(err("*").message, "a prefix needs letters before '*'");
        assert_eq!(err("keep hedge*hog").position, 10);
        assert!(err("*hog").message.contains("only ends a prefix"));
        assert_eq!(err("title:hed*").position, 9);
        assert!(err("doc_id:notes/n0*").message.contains("whole value"));
        assert!(parse("title:\"hed*\"").is_ok());
    }

    #[test]
    fn what_would_be_reinterpreted_is_an_error() {
        for (query, position) in [
            ("!!!", 0),
            ("§", 0),
            ("!!! OR consent", 0),
            ("consent OR ¿?", 11),
            ("-!!!", 1),
            ("+§ consent", 1),
            ("consent -", 8),
            ("- consent", 0),
            ("consent +", 8),
            ("consent~", 7),
            ("consent~2", 7),
            (":foo", 0),
            ("\"\"", 0),
            ("child \" ,. \"", 6),
        ] {
            assert_eq!(err(query).position, position, "{query}: {}", err(query));
        }
        assert_eq!(
            err("💥").message,
            "'💥' has no letters or digits to search for"
        );
    }

    #[test]
    fn punctuation_beside_words_is_left_out_as_in_the_text() {
        let words = |q: &str| parse(q).unwrap();
        assert_eq!(words("§ 5 BDSG"), words("5 BDSG"));
        assert_eq!(words("privacy – shield"), words("privacy shield"));
        assert_eq!(words("consent AND §"), words("consent"));
    }

    #[test]
    fn limits_are_errors_not_hangs() {
        let many = vec!["w"; limits::MAX_QUERY_CLAUSES + 1].join(" ");
        assert!(err(&many).message.starts_with("more than"));
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        assert!(err(&deep).message.starts_with("groups nest deeper"));
        assert_eq!(
            err("date:[2023 TO 2020]").message,
            "the range ends before it starts"
        );
        assert!(parse("date:[2020-06 TO 2020-06]").is_ok());
        for negations in ["-".repeat(3_000), "NOT ".repeat(1_000), "NOT -".into()] {
            let query = format!("{negations}consent");
            assert_eq!(err(&query).message, "two negations in a row");
        }
        let prefixes = (0..20)
            .map(|i| format!("a{i}*"))
            .collect::<Vec<_>>()
            .join(" OR ");
        assert!(err(&prefixes).message.starts_with("more than 16 prefixes"));
    }

    #[test]
    fn only_text_clauses_match_text_only() {
        let text_only = |q: &str| parse(q).unwrap().matches_text_only();
        assert!(text_only("consent child"));
        assert!(text_only("\"personal data\" OR priv*"));
        assert!(text_only("consent -child lang:fr"));
        assert!(!text_only("lang:fr"));
        assert!(!text_only("consent OR lang:fr"));
        assert!(!text_only("-child"));
    }

    #[test]
    fn highlight_collects_positive_words() {
        let h = parse("consent \"Données personnelles\" priv* -child lang:fr")
            .unwrap()
            .highlight();
        assert_eq!(h.words, ["consent"]);
        assert!(h.exact.contains("donnees"));
        assert_eq!(h.prefixes, ["priv"]);
        let hyphenated = parse("End-to-end").unwrap().highlight();
        assert!(hyphenated.words.is_empty());
        assert_eq!(hyphenated.exact.iter().collect::<Vec<_>>(), ["end", "to"]);
    }
}
