//! The AST as a reviewer reads it, derived from its `Debug` output: the tree
//! that `{:?}` prints is parsed back, positions (`span: 12..34`) and empty
//! parts (`None`, `[]`, an empty `Meta`) are dropped, names, strings, numbers,
//! dates and citations become one word, a statement's citation, notes and
//! assumption join its node, and a node that fits on a line is printed on one.
//! Because it starts from `Debug`, every field the parser fills shows, and a
//! new field shows without touching this file.

use std::fmt::Debug;

/// The AST (or any of its nodes) as compact text.
pub fn render(ast: &impl Debug) -> String {
    let text = format!("{ast:?}");
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
    };
    let tree = parser.value();
    assert_eq!(parser.pos, parser.chars.len(), "unparsed Debug output");
    let mut out = String::new();
    match simplify(tree) {
        // A policy: one declaration after another.
        Some(Node::Struct(name, mut fields)) if name == "Policy" && fields.len() == 1 => {
            if let Some((_, Node::List(decls))) = fields.pop() {
                for d in decls {
                    pretty(&d, 0, 0, &mut out);
                    out.push('\n');
                }
            }
        }
        Some(n) => {
            pretty(&n, 0, 0, &mut out);
            out.push('\n');
        }
        None => {}
    }
    out
}

#[derive(Debug, Clone)]
enum Node {
    Atom(String),
    Struct(String, Vec<(String, Node)>),
    Tuple(String, Vec<Node>),
    List(Vec<Node>),
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_spaces();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Node {
        self.skip_spaces();
        match self.peek() {
            Some('[') => {
                self.pos += 1;
                Node::List(self.items(']', Parser::value))
            }
            Some('"') => Node::Atom(self.string()),
            _ => {
                let word = self.word();
                if self.eat('{') {
                    Node::Struct(word, self.items('}', Parser::field))
                } else if self.eat('(') {
                    Node::Tuple(word, self.items(')', Parser::value))
                } else {
                    Node::Atom(word)
                }
            }
        }
    }

    /// Comma-separated items up to `close`.
    fn items<T>(&mut self, close: char, item: fn(&mut Parser) -> T) -> Vec<T> {
        let mut out = Vec::new();
        while !self.eat(close) {
            out.push(item(self));
            self.eat(',');
        }
        out
    }

    fn field(&mut self) -> (String, Node) {
        let name = self.word();
        assert!(self.eat(':'), "a field name is followed by `:`");
        (name, self.value())
    }

    fn word(&mut self) -> String {
        self.skip_spaces();
        let start = self.pos;
        while let Some(c) = self.peek() {
            if " {}()[],:\"".contains(c) {
                break;
            }
            self.pos += 1;
        }
        assert!(self.pos > start, "a word at {start}");
        self.chars[start..self.pos].iter().collect()
    }

    /// A string literal with its quotes and escapes as `Debug` wrote them.
    fn string(&mut self) -> String {
        let start = self.pos;
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                '\\' => self.pos += 1,
                '"' => break,
                _ => {}
            }
        }
        self.chars[start..self.pos].iter().collect()
    }
}

/// A position (`12..34`), which this rendering leaves out.
fn is_position(word: &str) -> bool {
    word.split_once("..").is_some_and(|(a, b)| {
        !a.is_empty()
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// The node without positions and empty parts; `None` when nothing is left.
fn simplify(n: Node) -> Option<Node> {
    match n {
        Node::Atom(w) if is_position(&w) || w == "None" => None,
        Node::Atom(w) => Some(Node::Atom(w)),
        Node::List(items) => {
            let items: Vec<Node> = items.into_iter().filter_map(simplify).collect();
            (!items.is_empty()).then_some(Node::List(items))
        }
        // `Some(x)` is x; `Some(12..13)` (a marker such as `等`) is its presence.
        Node::Tuple(name, mut items) if name == "Some" && items.len() == 1 => {
            Some(simplify(items.remove(0)).unwrap_or_else(|| Node::Atom("yes".into())))
        }
        Node::Tuple(name, items) => Some(tuple(name, items)),
        Node::Struct(name, fields) => word(&name, &fields).or_else(|| structure(name, fields)),
    }
}

fn tuple(name: String, items: Vec<Node>) -> Node {
    // `Header(Header { … })`, `Kind(KindDecl { … })`: the variant's name and
    // the struct's fields (not for a variant holding another variant).
    let holds_struct = matches!(items.as_slice(), [Node::Struct(..)]);
    let mut items: Vec<Node> = items.into_iter().filter_map(simplify).collect();
    match items.len() {
        0 => Node::Atom(name),
        1 if holds_struct && matches!(items[0], Node::Struct(..)) => match items.remove(0) {
            Node::Struct(_, fields) => Node::Struct(name, fields),
            other => other,
        },
        _ => Node::Tuple(name, items),
    }
}

/// The plain value of a field, as `Debug` wrote it.
fn field<'f>(fields: &'f [(String, Node)], name: &str) -> Option<&'f str> {
    fields.iter().find_map(|(k, v)| match v {
        Node::Atom(w) if k == name && w != "None" => Some(w.as_str()),
        Node::Tuple(s, inner) if k == name && s == "Some" => match inner.first() {
            Some(Node::Atom(w)) => Some(w.as_str()),
            _ => None,
        },
        _ => None,
    })
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s)
}

/// Names, strings, numbers, dates and citations as one word each.
fn word(name: &str, fields: &[(String, Node)]) -> Option<Node> {
    let text = || field(fields, "text").unwrap_or("");
    let w = match name {
        "Name" => unquote(text()).to_string(),
        "Text" => text().to_string(),
        "Num" => field(fields, "value")?.to_string(),
        "DateLit" => {
            let month: u32 = field(fields, "month")?.parse().ok()?;
            let day: u32 = field(fields, "day")?.parse().ok()?;
            match field(fields, "year") {
                Some(y) => format!("{y}-{month:02}-{day:02}"),
                None => format!("{month:02}-{day:02}"),
            }
        }
        "Citation" => match field(fields, "style")? {
            "Bracket" => format!("【{}】", unquote(text())),
            "Section" => format!("§{}", text()),
            _ => format!("clause {}", text()),
        },
        _ => return None,
    };
    Some(Node::Atom(w))
}

fn structure(name: String, fields: Vec<(String, Node)>) -> Option<Node> {
    let mut node = None;
    let mut meta = Vec::new();
    let mut kept = Vec::new();
    for (k, v) in fields {
        match (k.as_str(), v) {
            ("span", _) => {}
            ("meta", Node::Struct(_, m)) => meta = meta_fields(m),
            ("node", v) => node = simplify(v),
            (_, v) => {
                if let Some(v) = simplify(v) {
                    kept.push((k, v));
                }
            }
        }
    }
    // `Stmt { node, meta }`, `Cond { node }`, `Expectation { node }`: the node,
    // with the statement's citation, notes and assumption joined to it.
    if let Some(node) = node.filter(|_| kept.is_empty()) {
        return Some(with_meta(node, meta));
    }
    if kept.is_empty() {
        return Some(Node::Atom(name));
    }
    Some(Node::Struct(name, kept))
}

fn meta_fields(fields: Vec<(String, Node)>) -> Vec<(String, Node)> {
    let mut out = Vec::new();
    for (k, v) in fields {
        let Some(v) = simplify(v) else {
            continue;
        };
        let k = match k.as_str() {
            "citation" => "cite",
            "assumption" => "assume",
            other => other,
        };
        out.push((k.to_string(), v));
    }
    out
}

/// A statement's node with its citation, notes and assumption: more fields
/// of a struct; after the values of anything else (`Year(2019, 【四】)`).
fn with_meta(node: Node, meta: Vec<(String, Node)>) -> Node {
    if meta.is_empty() {
        return node;
    }
    match node {
        Node::Struct(name, mut fields) => {
            fields.extend(meta);
            Node::Struct(name, fields)
        }
        other => {
            let (name, mut items) = match other {
                Node::Tuple(name, items) => (name, items),
                Node::Atom(w) => (w, Vec::new()),
                list => ("List".to_string(), vec![list]),
            };
            for (k, v) in meta {
                items.push(match (k.as_str(), v) {
                    ("cite", v) => v,
                    (_, Node::List(notes)) => Node::Tuple("notes".into(), notes),
                    (k, v) => Node::Tuple(k.to_string(), vec![v]),
                });
            }
            Node::Tuple(name, items)
        }
    }
}

/// Display columns (CJK characters take two).
#[allow(clippy::disallowed_methods)]
fn width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2e80}' { 2 } else { 1 }).sum()
}

const WIDTH: usize = 100;

fn flat(n: &Node) -> String {
    match n {
        Node::Atom(w) => w.clone(),
        Node::Struct(name, fields) => {
            let parts: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{k}: {}", flat(v)))
                .collect();
            format!("{name} {{ {} }}", parts.join(", "))
        }
        Node::Tuple(name, items) => {
            let parts: Vec<String> = items.iter().map(flat).collect();
            format!("{name}({})", parts.join(", "))
        }
        Node::List(items) => {
            let parts: Vec<String> = items.iter().map(flat).collect();
            format!("[{}]", parts.join(", "))
        }
    }
}

/// Writes `n` at `indent` (two spaces a level), after `used` columns of its line.
fn pretty(n: &Node, indent: usize, used: usize, out: &mut String) {
    let one = flat(n);
    if indent * 2 + used + width(&one) <= WIDTH || matches!(n, Node::Atom(_)) {
        out.push_str(&one);
        return;
    }
    let pad = "  ".repeat(indent + 1);
    // `Units([` … `])`: a variant holding a list opens both at once.
    if let Node::Tuple(name, items) = n
        && let [Node::List(list)] = items.as_slice()
    {
        out.push_str(&format!("{name}([\n"));
        for v in list {
            out.push_str(&pad);
            pretty(v, indent + 1, 0, out);
            out.push('\n');
        }
        out.push_str(&"  ".repeat(indent));
        out.push_str("])");
        return;
    }
    let (open, close) = match n {
        Node::Struct(name, _) => (format!("{name} {{"), "}"),
        Node::Tuple(name, _) => (format!("{name}("), ")"),
        _ => ("[".to_string(), "]"),
    };
    out.push_str(&open);
    out.push('\n');
    match n {
        Node::Struct(_, fields) => {
            for (k, v) in fields {
                out.push_str(&format!("{pad}{k}: "));
                pretty(v, indent + 1, width(k) + 2, out);
                out.push('\n');
            }
        }
        Node::Tuple(_, items) | Node::List(items) => {
            for v in items {
                out.push_str(&pad);
                pretty(v, indent + 1, 0, out);
                out.push('\n');
            }
        }
        Node::Atom(_) => {}
    }
    out.push_str(&"  ".repeat(indent));
    out.push_str(close);
}
