//! One function per request: parameters in, [`crate::ide`]'s answer out in
//! LSP's types. A request about a document that is not open, or a position
//! with nothing there, is answered with `null` (or an empty list), as
//! editors expect.

use std::collections::HashMap;

use lsp_types as lsp;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::convert::{edit, offset, range, span};
use super::{Answer, Docs, INVALID_PARAMS, Options, REQUEST_FAILED};
use crate::diag::Sort;
use crate::i18n::Lang;
use crate::ide::Analysis;
use crate::ide::complete::What;

pub fn initialize_result() -> lsp::InitializeResult {
    let caps = lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".to_string()]),
            ..Default::default()
        }),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: super::tokens::legend(),
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        ..Default::default()
    };
    lsp::InitializeResult {
        capabilities: caps,
        server_info: Some(lsp::ServerInfo {
            name: "kaohe".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    }
}

fn params<P: DeserializeOwned>(v: Value) -> Result<P, (i32, String)> {
    serde_json::from_value(v).map_err(|e| (INVALID_PARAMS, e.to_string()))
}

fn json(v: impl serde::Serialize) -> Answer {
    Ok(serde_json::to_value(v).unwrap_or(Value::Null))
}

/// The document and the byte offset of a position in it.
fn at<'a>(
    docs: &Docs<'a>,
    p: &lsp::TextDocumentPositionParams,
) -> Option<(&'a lsp::Uri, &'a Analysis, usize)> {
    let (uri, a) = docs.get(p.text_document.uri.as_str())?;
    Some((*uri, *a, offset(&a.lines, p.position)))
}

pub fn handle(method: &str, raw: Value, docs: Docs<'_>, options: &Options) -> Answer {
    let lang = options.lang;
    match method {
        "textDocument/hover" => {
            let p: lsp::HoverParams = params(raw)?;
            let Some((_, a, o)) = at(&docs, &p.text_document_position_params) else {
                return Ok(Value::Null);
            };
            json(a.hover(o, lang).map(|h| lsp::Hover {
                contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                    kind: lsp::MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(range(&a.lines, h.span)),
            }))
        }
        "textDocument/definition" => {
            let p: lsp::GotoDefinitionParams = params(raw)?;
            let Some((uri, a, o)) = at(&docs, &p.text_document_position_params) else {
                return Ok(Value::Null);
            };
            json(a.definition(o).map(|s| {
                lsp::GotoDefinitionResponse::Scalar(lsp::Location::new(
                    uri.clone(),
                    range(&a.lines, s),
                ))
            }))
        }
        "textDocument/references" => {
            let p: lsp::ReferenceParams = params(raw)?;
            let Some((uri, a, o)) = at(&docs, &p.text_document_position) else {
                return Ok(Value::Null);
            };
            let list: Vec<lsp::Location> = a
                .references(o, p.context.include_declaration)
                .into_iter()
                .map(|s| lsp::Location::new(uri.clone(), range(&a.lines, s)))
                .collect();
            json(list)
        }
        "textDocument/prepareRename" => {
            let p: lsp::TextDocumentPositionParams = params(raw)?;
            let Some((_, a, o)) = at(&docs, &p) else {
                return Ok(Value::Null);
            };
            json(
                a.rename_target(o)
                    .map(|s| lsp::PrepareRenameResponse::Range(range(&a.lines, s))),
            )
        }
        "textDocument/rename" => {
            let p: lsp::RenameParams = params(raw)?;
            let Some((uri, a, o)) = at(&docs, &p.text_document_position) else {
                return Ok(Value::Null);
            };
            match a.rename(o, &p.new_name) {
                Ok(edits) => json(workspace_edit(uri, a, &edits)),
                Err(e) => Err((REQUEST_FAILED, e.text(lang))),
            }
        }
        "textDocument/completion" => {
            let p: lsp::CompletionParams = params(raw)?;
            let Some((_, a, o)) = at(&docs, &p.text_document_position) else {
                return Ok(Value::Null);
            };
            let items: Vec<lsp::CompletionItem> = a
                .completions(o)
                .into_iter()
                .map(|c| lsp::CompletionItem {
                    label: c.label,
                    kind: Some(completion_kind(c.what)),
                    detail: Some(match c.what {
                        What::Keyword => lang.pick("关键字", "keyword").to_string(),
                        What::Name(s) => crate::diag::text::sort_word(s, lang).to_string(),
                    }),
                    text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                        range(&a.lines, c.replaces),
                        c.insert,
                    ))),
                    ..Default::default()
                })
                .collect();
            json(lsp::CompletionResponse::Array(items))
        }
        "textDocument/codeAction" => {
            let p: lsp::CodeActionParams = params(raw)?;
            let Some((uri, a)) = docs.get(p.text_document.uri.as_str()) else {
                return Ok(Value::Null);
            };
            let fixes = a.fixes(span(&a.lines, p.range), lang);
            let actions: Vec<lsp::CodeActionOrCommand> = fixes
                .into_iter()
                .map(|f| {
                    let diagnostics = f.fixes.and_then(|i| a.built.diags.get(i)).map(|d| {
                        vec![super::convert::diagnostic(
                            a,
                            d,
                            uri,
                            lang,
                            options.codes_url.as_deref(),
                        )]
                    });
                    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                        title: f.title,
                        kind: Some(if f.quick {
                            lsp::CodeActionKind::QUICKFIX
                        } else {
                            lsp::CodeActionKind::SOURCE
                        }),
                        diagnostics,
                        edit: Some(workspace_edit(uri, a, &f.edits)),
                        is_preferred: Some(f.quick),
                        ..Default::default()
                    })
                })
                .collect();
            json(actions)
        }
        "textDocument/formatting" => {
            let p: lsp::DocumentFormattingParams = params(raw)?;
            let Some((_, a)) = docs.get(p.text_document.uri.as_str()) else {
                return Ok(Value::Null);
            };
            json(a.formatted().map(|t| {
                let whole = crate::source::Span::new(0, a.text().len());
                vec![lsp::TextEdit::new(range(&a.lines, whole), t)]
            }))
        }
        "textDocument/documentSymbol" => {
            let p: lsp::DocumentSymbolParams = params(raw)?;
            let Some((_, a)) = docs.get(p.text_document.uri.as_str()) else {
                return Ok(Value::Null);
            };
            let symbols: Vec<lsp::DocumentSymbol> =
                a.outline().iter().map(|s| document_symbol(a, s)).collect();
            json(lsp::DocumentSymbolResponse::Nested(symbols))
        }
        "textDocument/foldingRange" => {
            let p: lsp::FoldingRangeParams = params(raw)?;
            let Some((_, a)) = docs.get(p.text_document.uri.as_str()) else {
                return Ok(Value::Null);
            };
            let folds: Vec<lsp::FoldingRange> = a
                .folds()
                .into_iter()
                .map(|s| lsp::FoldingRange {
                    start_line: a.lines.position(s.start).line,
                    end_line: a.lines.position(s.end).line,
                    ..Default::default()
                })
                .collect();
            json(folds)
        }
        "textDocument/semanticTokens/full" => {
            let p: lsp::SemanticTokensParams = params(raw)?;
            let Some((_, a)) = docs.get(p.text_document.uri.as_str()) else {
                return Ok(Value::Null);
            };
            json(lsp::SemanticTokens {
                result_id: None,
                data: super::tokens::encode(a),
            })
        }
        _ => Err((
            METHOD_NOT_FOUND,
            format!("kaohe lsp does not serve {method}"),
        )),
    }
}

const METHOD_NOT_FOUND: i32 = -32601;

// LSP keys a workspace edit's changes by URI, a type clippy sees as mutable.
#[allow(clippy::mutable_key_type)]
fn workspace_edit(
    uri: &lsp::Uri,
    a: &Analysis,
    edits: &[crate::ide::TextEdit],
) -> lsp::WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(
        uri.clone(),
        edits.iter().map(|e| edit(&a.lines, e)).collect(),
    );
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

fn completion_kind(w: What) -> lsp::CompletionItemKind {
    match w {
        What::Keyword => lsp::CompletionItemKind::KEYWORD,
        What::Name(s) => match s {
            Sort::Unit => lsp::CompletionItemKind::VARIABLE,
            Sort::Group => lsp::CompletionItemKind::MODULE,
            Sort::Item => lsp::CompletionItemKind::FIELD,
            Sort::Kind => lsp::CompletionItemKind::CLASS,
            Sort::Attr => lsp::CompletionItemKind::PROPERTY,
            Sort::Value => lsp::CompletionItemKind::ENUM_MEMBER,
            Sort::Award => lsp::CompletionItemKind::CONSTANT,
            Sort::Outcome => lsp::CompletionItemKind::EVENT,
            Sort::Tier => lsp::CompletionItemKind::ENUM,
            Sort::Step => lsp::CompletionItemKind::FUNCTION,
        },
    }
}

fn symbol_kind(s: Option<Sort>) -> lsp::SymbolKind {
    match s {
        None => lsp::SymbolKind::NAMESPACE,
        Some(Sort::Unit) => lsp::SymbolKind::VARIABLE,
        Some(Sort::Group) => lsp::SymbolKind::MODULE,
        Some(Sort::Item) => lsp::SymbolKind::FIELD,
        Some(Sort::Kind) => lsp::SymbolKind::CLASS,
        Some(Sort::Attr) => lsp::SymbolKind::PROPERTY,
        Some(Sort::Value) => lsp::SymbolKind::ENUM_MEMBER,
        Some(Sort::Award) => lsp::SymbolKind::CONSTANT,
        Some(Sort::Outcome) => lsp::SymbolKind::EVENT,
        Some(Sort::Tier) => lsp::SymbolKind::ENUM,
        Some(Sort::Step) => lsp::SymbolKind::FUNCTION,
    }
}

#[allow(deprecated)] // `deprecated` is a field LSP still requires be given.
fn document_symbol(a: &Analysis, s: &crate::ide::outline::Symbol) -> lsp::DocumentSymbol {
    let name = if s.name.is_empty() {
        "—".to_string()
    } else {
        s.name.clone()
    };
    lsp::DocumentSymbol {
        name,
        detail: s
            .sort
            .map(|x| crate::diag::text::sort_word(x, Lang::Zh).to_string()),
        kind: symbol_kind(s.sort),
        tags: None,
        deprecated: None,
        range: range(&a.lines, s.span),
        selection_range: range(&a.lines, s.selection),
        children: (!s.children.is_empty())
            .then(|| s.children.iter().map(|c| document_symbol(a, c)).collect()),
    }
}
