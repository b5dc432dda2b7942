//! The same policy spelled otherwise: every punctuation mark in its
//! full-width form (docs/language.md §2.3), or the spaces and line breaks
//! moved. Names, strings, citations and comments are kept as written, since
//! the grammar keeps them verbatim (§2.3: the twins are read token by token).

/// A piece of policy text: code, or something kept verbatim.
#[derive(Debug, PartialEq)]
enum Piece<'t> {
    Code(&'t str),
    /// A `"…"` string (quotes included).
    AsciiString(&'t str),
    /// A `“…”` string, a citation `【…】`, a quoted name or a comment.
    Verbatim(&'t str),
}

/// Splits a policy text into code and what the grammar reads verbatim.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut code_start = 0;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let close = match c {
            '"' => Some("\""),
            '“' => Some("”"),
            '【' => Some("】"),
            '「' => Some("」"),
            '`' => Some("`"),
            '/' if text[i..].starts_with("//") => Some("\n"),
            _ => None,
        };
        let Some(close) = close else {
            i += c.len_utf8();
            continue;
        };
        if code_start < i {
            out.push(Piece::Code(&text[code_start..i]));
        }
        let body = i + c.len_utf8();
        // Strings, citations and names end at their closing mark or the line's end.
        let end = text[body..]
            .find([close.chars().next().unwrap_or('\n'), '\n'])
            .map_or(text.len(), |e| body + e);
        let end = if close != "\n" && text[end..].starts_with(close) {
            end + close.len()
        } else {
            end
        };
        let piece = &text[i..end];
        out.push(if c == '"' {
            Piece::AsciiString(piece)
        } else {
            Piece::Verbatim(piece)
        });
        i = end;
        code_start = end;
    }
    if code_start < text.len() {
        out.push(Piece::Code(&text[code_start..]));
    }
    out
}

/// Punctuation in code as its full-width twin; `"…"` strings as `“…”`
/// (unless they hold a `”`).
pub fn full_width(text: &str) -> String {
    const TWINS: &[(&str, &str)] = &[
        ("=>", "＝＞"),
        (">=", "＞＝"),
        ("<=", "＜＝"),
        ("!=", "≠"),
        ("==", "＝"),
        ("=", "＝"),
        (">", "＞"),
        ("<", "＜"),
        (",", "，"),
        ("|", "｜"),
        (":", "："),
        (";", "；"),
        ("{", "｛"),
        ("}", "｝"),
        ("(", "（"),
        (")", "）"),
        ("%", "％"),
    ];
    let mut out = String::with_capacity(text.len() * 2);
    for piece in pieces(text) {
        match piece {
            Piece::Code(code) => {
                let mut rest = code;
                while let Some(c) = rest.chars().next() {
                    match TWINS.iter().find(|(ascii, _)| rest.starts_with(ascii)) {
                        Some((ascii, twin)) => {
                            out.push_str(twin);
                            rest = &rest[ascii.len()..];
                        }
                        None => {
                            out.push(c);
                            rest = &rest[c.len_utf8()..];
                        }
                    }
                }
            }
            Piece::AsciiString(s) => {
                let inner = s.strip_prefix('"').and_then(|x| x.strip_suffix('"'));
                match inner {
                    Some(inner) if !inner.contains('”') => {
                        out.push('“');
                        out.push_str(inner);
                        out.push('”');
                    }
                    _ => out.push_str(s),
                }
            }
            Piece::Verbatim(s) => out.push_str(s),
        }
    }
    out
}

/// A small deterministic source of choices.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// The text with its spaces and line breaks moved where the grammar lets
/// them stand for nothing (docs/language.md §7.1): indentation and runs of
/// spaces changed, spaces added or taken away around `, | : ; { } ( )`,
/// line breaks after `,` `|` `{` and before `}`, `;` as a line break, blank
/// lines and comments added at line ends.
pub fn respace(text: &str, seed: u64) -> String {
    let mut dice = Dice(seed | 1);
    let mut out = String::with_capacity(text.len() * 2);
    for piece in pieces(text) {
        let code = match piece {
            Piece::Code(code) => code,
            Piece::AsciiString(s) | Piece::Verbatim(s) => {
                out.push_str(s);
                continue;
            }
        };
        let mut chars = code.chars().peekable();
        while let Some(c) = chars.next() {
            let line_start = out.is_empty() || out.ends_with('\n');
            match c {
                ' ' | '\t' | '\u{3000}' => {
                    while chars
                        .next_if(|n| [' ', '\t', '\u{3000}'].contains(n))
                        .is_some()
                    {}
                    if line_start {
                        out.push_str(dice.pick(&["", "  ", "\t", "\u{3000}\u{3000}", "      "]));
                    } else if chars.peek().is_some_and(|n| ",|:;{}()\n".contains(*n))
                        || out.ends_with([',', '|', ':', ';', '{', '}', '(', ')'])
                    {
                        out.push_str(dice.pick(&["", " ", "\t"]));
                    } else {
                        out.push_str(dice.pick(&[" ", "  ", "\t", " \t "]));
                    }
                }
                '\n' => {
                    if dice.below(6) == 0 && !line_start {
                        out.push_str(dice.pick(&[" // 注释", "\t//", "  // a, b; { }"]));
                    }
                    out.push('\n');
                    while dice.below(5) == 0 {
                        out.push_str(dice.pick(&["\n", "// 另起一行的注释\n", "  \n"]));
                    }
                }
                ';' => out.push('\n'),
                ',' | '|' | '{' => {
                    out.push(c);
                    if dice.below(3) == 0 {
                        out.push('\n');
                    }
                }
                '}' => {
                    if dice.below(3) == 0 && !line_start {
                        out.push('\n');
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}
