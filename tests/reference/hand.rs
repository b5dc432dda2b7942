//! The hand-worked cases of tests/evaluates.rs, read from that file's text
//! (its `BASE` and its `evaluates!` cases) and run through the reference, so
//! that the reference is held to the same arithmetic as kaohe without copying
//! the cases. Each case's data is an example body (`甲处 35 18 9` is short for
//! `单位 甲处; 得分 重点 35, 常规 18, 评价 9`), evaluated as an example.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num(String),
    Punct(char),
    Arrow,
}

fn tokens(text: &str) -> Vec<Tok> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '#' {
            // An attribute: `#[…]`.
            let mut depth = 0;
            loop {
                match c[i] {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        } else if ch == '\'' {
            // A char literal (`'"'`, `'\n'`), or a lifetime.
            if c.get(i + 1) == Some(&'\\') {
                i += 4;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch == '"' {
            let mut s = String::new();
            i += 1;
            while c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                    match c[i] {
                        'n' => s.push('\n'),
                        '\n' => {
                            while c[i + 1].is_whitespace() {
                                i += 1;
                            }
                        }
                        other => s.push(other),
                    }
                } else {
                    s.push(c[i]);
                }
                i += 1;
            }
            i += 1;
            out.push(Tok::Str(s));
        } else if ch == '=' && c.get(i + 1) == Some(&'>') {
            out.push(Tok::Arrow);
            i += 2;
        } else if ch.is_ascii_digit() {
            let start = i;
            while i < c.len() && (c[i].is_ascii_digit() || c[i] == '.') {
                i += 1;
            }
            out.push(Tok::Num(c[start..i].iter().collect()));
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
        } else {
            out.push(Tok::Punct(ch));
            i += 1;
        }
    }
    out
}

/// One fact of a case: its name, its value, and the word after it.
#[derive(Debug)]
pub struct Fact {
    pub name: String,
    pub value: String,
    pub word: Option<String>,
}

#[derive(Debug)]
pub struct HandCase {
    pub name: String,
    /// The policy: `BASE`, the fragment, the data as its example.
    pub policy: String,
    pub units: Vec<(String, Vec<Fact>)>,
}

/// `甲处 35 18 9` → `单位 甲处; 得分 重点 35, 常规 18, 评价 9`; other statements as written.
fn expand(data: &str) -> String {
    let statements: Vec<String> = data
        .split(';')
        .map(|s| {
            let words: Vec<&str> = s.split_whitespace().collect();
            match words.as_slice() {
                [unit, a, b, c] if super::exact::parse(a).is_some() => {
                    format!("单位 {unit}\n    得分 重点 {a}, 常规 {b}, 评价 {c}")
                }
                _ => s.trim().to_string(),
            }
        })
        .collect();
    statements.join("\n    ")
}

/// Every case of tests/evaluates.rs, given that file's text.
pub fn cases(text: &str) -> Vec<HandCase> {
    let t = tokens(text);
    let base_at = t
        .iter()
        .position(|x| *x == Tok::Ident("BASE".into()))
        .unwrap();
    let base = t[base_at..]
        .iter()
        .find_map(|x| match x {
            Tok::Str(s) => Some(s.clone()),
            _ => None,
        })
        .unwrap();
    let start = t
        .windows(2)
        .rposition(|w| w[0] == Tok::Ident("evaluates".into()) && w[1] == Tok::Punct('!'))
        .unwrap();
    let mut i = start + 3;
    let mut out = Vec::new();
    while let Some(Tok::Ident(name)) = t.get(i) {
        let (Tok::Str(fragment), Tok::Str(data)) = (&t[i + 2], &t[i + 4]) else {
            panic!("case {name}: {:?}", &t[i..i + 5]);
        };
        i += 6;
        let mut units = Vec::new();
        loop {
            let Tok::Str(unit) = &t[i] else {
                panic!("case {name}: a unit at {:?}", t[i])
            };
            i += 1;
            let mut facts = Vec::new();
            loop {
                let Tok::Ident(fact) = &t[i] else {
                    panic!("case {name}: a fact at {:?}", t[i])
                };
                let value = match &t[i + 1] {
                    Tok::Str(s) | Tok::Num(s) | Tok::Ident(s) => s.clone(),
                    other => panic!("case {name}: a value at {other:?}"),
                };
                i += 2;
                let word = match &t[i] {
                    Tok::Ident(w) => {
                        i += 1;
                        Some(w.clone())
                    }
                    _ => None,
                };
                facts.push(Fact {
                    name: fact.clone(),
                    value,
                    word,
                });
                if t[i] == Tok::Punct(',') {
                    i += 1;
                } else {
                    break;
                }
            }
            units.push((unit.clone(), facts));
            if t[i] == Tok::Punct('|') {
                i += 1;
            } else {
                break;
            }
        }
        assert_eq!(t[i], Tok::Punct(';'), "case {name}");
        i += 1;
        let policy = format!(
            "{base}{fragment}\n示例 \"case\" {{\n    {}\n}}\n",
            expand(data)
        );
        out.push(HandCase {
            name: name.clone(),
            policy,
            units,
        });
    }
    out
}
