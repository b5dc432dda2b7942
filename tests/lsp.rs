#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe lsp` driven as an editor drives it, over JSON-RPC on stdio: the
//! 2019 policy opened, each class of error introduced and seen, hover,
//! definition, references, rename (and a refused one), completion at
//! several places, every code action applied and the result checked clean,
//! the outline, tokens and folds; then bad input of every kind, answered
//! without the server ever exiting.

mod common;
mod lsp_client;

use lsp_client::{Client, apply, position};
use serde_json::{Value, json};

const URI: &str = "file:///work/shaoxing-2019.kh";

fn policy() -> String {
    std::fs::read_to_string(common::root().join("policies/shaoxing-2019.kh")).unwrap()
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn errors(diags: &[Value]) -> Vec<&Value> {
    diags.iter().filter(|d| d["severity"] == 1).collect()
}

/// The position of the `nth` (0-based) `needle` in `text`, `into`
/// characters in.
fn at(text: &str, needle: &str, nth: usize, into: usize) -> Value {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} #{nth}"))
        .0;
    let bytes = text[start..]
        .chars()
        .take(into)
        .fold(0, |n, c| n + c.len_utf8());
    position(text, start + bytes)
}

fn doc() -> Value {
    json!({ "uri": URI })
}

#[test]
fn findings_appear_as_the_drafter_types_and_fixes_apply() {
    let mut c = Client::start("zh");
    let text = policy();
    let clean = c.open(URI, &text);
    assert!(errors(&clean).is_empty(), "{clean:?}");
    // The notes and warnings `kaohe check` gives, and nothing else.
    assert_eq!(codes(&clean), ["KH304", "KH504", "KH504"]);

    // Each class of error: syntax, names, literals and weights, analysis.
    let cases = [
        ("=> 10 【四(四)1(1)】", "=> 【四(四)1(1)】", "KH101"),
        ("不含 办公室", "不含 中心办公室", "KH201"),
        ("    责任清单工作 60", "    责任清单工作 70", "KH301"),
        (
            "    通报批评 责任 是 次要 => 2.5",
            "    通报批评 => 2.5",
            "KH401",
        ),
        ("公务用车处,", "公务用车处, 公务用车处,", "KH202"),
    ];
    for (version, (from, to, code)) in cases.iter().enumerate() {
        assert!(text.contains(from), "{from}");
        let bad = text.replacen(from, to, 1);
        let diags = c.change(URI, version as i64 + 2, &bad);
        assert!(
            codes(&diags).contains(&code.to_string()),
            "{code}: {diags:?}"
        );
    }

    // KH201 with its suggestion, fixed by the quick fix.
    let bad = text.replacen("不含 办公室", "不含 中心办公室", 1);
    let diags = c.change(URI, 10, &bad);
    let unknown = diags.iter().find(|d| d["code"] == "KH201").unwrap();
    assert!(unknown["message"].as_str().unwrap().contains("办公室"));
    let actions = c.result(
        "textDocument/codeAction",
        json!({"textDocument": doc(), "range": unknown["range"], "context": {"diagnostics": [unknown]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap();
    assert_eq!(fix["title"], "改为 办公室");
    assert_eq!(fix["diagnostics"][0]["code"], "KH201");
    let fixed = apply(&bad, fix["edit"]["changes"][URI].as_array().unwrap());
    assert_eq!(fixed, text);
    assert!(errors(&c.change(URI, 11, &fixed)).is_empty());

    // KH402: the missing case added as a `=> 0` rule.
    let gap = text.replacen(
        "    工作失误 责任 是 次要 => 0.5 【四(四)2(2)】 \"负次要责任的每次扣减0.5分\"\n",
        "",
        1,
    );
    let diags = c.change(URI, 12, &gap);
    let kh402 = diags.iter().find(|d| d["code"] == "KH402").unwrap().clone();
    let actions = c.result(
        "textDocument/codeAction",
        json!({"textDocument": doc(), "range": kh402["range"], "context": {"diagnostics": []}}),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("补一条规则"))
        .unwrap();
    let added = apply(&gap, add["edit"]["changes"][URI].as_array().unwrap());
    assert!(
        added.contains("    工作失误 责任 是 次要 => 0\n}"),
        "{added}"
    );
    let diags = c.change(URI, 13, &added);
    assert!(!codes(&diags).contains(&"KH402".to_string()), "{diags:?}");
    assert!(errors(&diags).is_empty());

    // KH304: a cap added to the bonus section.
    let diags = c.change(URI, 14, &text);
    let kh304 = diags.iter().find(|d| d["code"] == "KH304").unwrap().clone();
    let actions = c.result(
        "textDocument/codeAction",
        json!({"textDocument": doc(), "range": kh304["range"], "context": {"diagnostics": []}}),
    );
    let cap = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("封顶"))
        .unwrap();
    let capped = apply(&text, cap["edit"]["changes"][URI].as_array().unwrap());
    assert!(capped.contains("    封顶 10\n}"), "{capped}");
    let diags = c.change(URI, 15, &capped);
    assert!(!codes(&diags).contains(&"KH304".to_string()), "{diags:?}");
    assert!(errors(&diags).is_empty());

    // Keywords in English, then back, through the whole-file actions.
    c.change(URI, 16, &text);
    let actions = c.result(
        "textDocument/codeAction",
        json!({"textDocument": doc(), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let english = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "关键字改为英文")
        .unwrap();
    let en = apply(&text, english["edit"]["changes"][URI].as_array().unwrap());
    assert!(en.contains("bonus") && !en.contains("\n加分"), "{en}");
    let diags = c.change(URI, 17, &en);
    assert_eq!(codes(&diags), ["KH304", "KH504", "KH504"]);
    let actions = c.result(
        "textDocument/codeAction",
        json!({"textDocument": doc(), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let chinese = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "关键字改为中文")
        .unwrap();
    let zh = apply(&en, chinese["edit"]["changes"][URI].as_array().unwrap());
    assert_eq!(codes(&c.change(URI, 18, &zh)), ["KH304", "KH504", "KH504"]);

    // Formatting a policy laid out badly gives back the canonical layout.
    let messy = text.replacen("    表彰 对象 是 个人", "  表彰   对象 是 个人", 1);
    c.change(URI, 19, &messy);
    let edits = c.result(
        "textDocument/formatting",
        json!({"textDocument": doc(), "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(apply(&messy, edits.as_array().unwrap()), text);
    c.stop();
}

#[test]
fn names_are_navigable_and_renamed_everywhere() {
    let mut c = Client::start("zh");
    let text = policy();
    c.open(URI, &text);
    // 办公室: declared in 考核对象, used in 评优's exclusion.
    let decl = at(&text, "        办公室 \"", 0, 8);
    let usage = at(&text, "不含 办公室", 0, "不含 ".chars().count() + 3);

    let hover = c.result(
        "textDocument/hover",
        json!({"textDocument": doc(), "position": usage}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("**单位** `办公室` — 分组 机关处室"),
        "{shown}"
    );
    assert!(shown.contains("办公室(机关党委)"), "the label: {shown}");

    let item = c.result(
        "textDocument/hover",
        json!({"textDocument": doc(), "position": at(&text, "    一岗双责 10", 0, 5)}),
    );
    let shown = item["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("**计分项** `一岗双责` — 属于 共性工作"),
        "{shown}"
    );
    assert!(shown.contains("条款 【四(二)1】"), "{shown}");
    assert!(shown.contains("作风建设"), "its note: {shown}");

    let keyword = c.result(
        "textDocument/hover",
        json!({"textDocument": doc(), "position": at(&text, "\n加分", 0, 2)}),
    );
    assert!(
        keyword["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("`bonus`")
    );

    let rule = c.result(
        "textDocument/hover",
        json!({"textDocument": doc(), "position": at(&text, "=> 5 【四(四)2(1)】", 0, 3)}),
    );
    let shown = rule["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("每个「通报批评」事项（责任 是 主要）：扣 5 分"),
        "{shown}"
    );

    let citation = c.result(
        "textDocument/hover",
        json!({"textDocument": doc(), "position": at(&text, "【四(四)2(1)】", 0, 2)}),
    );
    let shown = citation["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("注明此条的语句 3 处"), "{shown}");
    assert!(shown.contains("通报批评 责任 是 次要 => 2.5"), "{shown}");

    let definition = c.result(
        "textDocument/definition",
        json!({"textDocument": doc(), "position": usage}),
    );
    assert_eq!(definition["range"]["start"], decl);

    let references = c.result(
        "textDocument/references",
        json!({"textDocument": doc(), "position": decl, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(references.as_array().unwrap().len(), 3, "{references}");
    assert_eq!(references[0]["range"]["start"], decl);

    // An attribute's value: 次要 is declared in 通报批评's 责任 and used twice
    // there, not the 工作失误's 次要.
    let value = at(
        &text,
        "通报批评 责任 是 次要",
        0,
        "通报批评 责任 是 ".chars().count() + 1,
    );
    let references = c.result(
        "textDocument/references",
        json!({"textDocument": doc(), "position": value, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(references.as_array().unwrap().len(), 2, "{references}");

    let prepared = c.result(
        "textDocument/prepareRename",
        json!({"textDocument": doc(), "position": usage}),
    );
    assert_eq!(prepared["start"], usage_start(&text));
    let renamed = c.result(
        "textDocument/rename",
        json!({"textDocument": doc(), "position": usage, "newName": "机关办公室"}),
    );
    let edits = renamed["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 3);
    let new = apply(&text, edits);
    assert!(new.contains("不含 机关办公室") && !new.contains("        办公室 \""));
    let diags = c.change(URI, 2, &new);
    assert!(errors(&diags).is_empty(), "{diags:?}");
    // A name that is a keyword is quoted.
    let quoted = c.result(
        "textDocument/rename",
        json!({"textDocument": doc(), "position": at(&new, "不含 机关办公室", 0, 7), "newName": "加分"}),
    );
    assert_eq!(quoted["changes"][URI][0]["newText"], "「加分」");

    // A clash is refused, saying with what.
    let clash = c.request(
        "textDocument/rename",
        json!({"textDocument": doc(), "position": at(&new, "不含 机关办公室", 0, 7), "newName": "综合业务处"}),
    );
    let message = clash["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("综合业务处") && message.contains("单位"),
        "{clash}"
    );
    let nothing = c.request(
        "textDocument/rename",
        json!({"textDocument": doc(), "position": {"line": 0, "character": 0}, "newName": "x"}),
    );
    assert!(nothing["error"].is_object(), "{nothing}");
    c.stop();
}

fn usage_start(text: &str) -> Value {
    at(text, "不含 办公室", 0, "不含 ".chars().count())
}

#[test]
fn completion_offers_what_fits_the_place() {
    let mut c = Client::start("zh");
    let text = policy();
    c.open(URI, &text);
    let labels = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    // After `是`: the attribute's values.
    let after_is = at(&text, "对象 是 个人", 0, "对象 是 ".chars().count());
    let got = labels(&c.result(
        "textDocument/completion",
        json!({"textDocument": doc(), "position": after_is}),
    ));
    assert_eq!(got, ["个人", "集体"]);
    // After `属于`, partly typed: 省… values only.
    let typed = text.replacen("层级 属于 市委 | 市政府", "层级 属于 省", 1);
    c.change(URI, 2, &typed);
    let p = at(&typed, "层级 属于 省 =>", 0, "层级 属于 省".chars().count());
    let got = labels(&c.result(
        "textDocument/completion",
        json!({"textDocument": doc(), "position": p}),
    ));
    assert_eq!(got, ["省委", "省政府", "省级部门"]);
    // After `按`: the items (and the ranking's own keywords are typed, not offered).
    c.change(URI, 3, &text);
    let p = at(&text, "排名 按 总分", 0, "排名 按 ".chars().count());
    let got = labels(&c.result(
        "textDocument/completion",
        json!({"textDocument": doc(), "position": p}),
    ));
    assert!(
        got.contains(&"责任清单工作".to_string()) && got.contains(&"一岗双责".to_string()),
        "{got:?}"
    );
    // A new line in the bonus section: names and keywords, the prefix kept.
    let typing = text.replacen(
        "    批示肯定 => 1 至 3",
        "    批\n    批示肯定 => 1 至 3",
        1,
    );
    c.change(URI, 4, &typing);
    let p = at(&typing, "    批\n", 0, "    批".chars().count());
    let items = c.result(
        "textDocument/completion",
        json!({"textDocument": doc(), "position": p}),
    );
    let got = labels(&items);
    assert!(got.contains(&"批示肯定".to_string()), "{got:?}");
    assert!(got.iter().all(|l| l.starts_with('批')), "{got:?}");
    assert_eq!(
        items[0]["textEdit"]["range"]["start"],
        at(&typing, "    批\n", 0, 4)
    );
    // Keywords follow the file's language.
    let at_start = c.result(
        "textDocument/completion",
        json!({"textDocument": doc(), "position": {"line": 0, "character": 0}}),
    );
    let got = labels(&at_start);
    assert!(got.contains(&"加分".to_string()) && !got.contains(&"bonus".to_string()));
    c.stop();
}

#[test]
fn the_outline_tokens_and_folds_cover_the_policy() {
    let mut c = Client::start("en");
    let text = policy();
    let diags = c.open(URI, &text);
    // English messages when asked for.
    assert!(
        diags[0]["message"].as_str().unwrap().contains("bonus"),
        "{diags:?}"
    );
    // The code links to its section of the codes document beside the binary.
    let href = diags[0]["codeDescription"]["href"].as_str().unwrap();
    assert!(href.starts_with("file:///"), "{href}");
    assert!(
        href.ends_with("/docs/codes.en.md#kh304-uncapped-bonus"),
        "{href}"
    );
    let symbols = c.result(
        "textDocument/documentSymbol",
        json!({"textDocument": doc()}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"考核对象 【三】"), "{names:?}");
    assert!(names.contains(&"先进"), "{names:?}");
    let units = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "考核对象 【三】")
        .unwrap();
    assert_eq!(units["children"][0]["children"][0]["name"], "办公室");

    let tokens = c.result(
        "textDocument/semanticTokens/full",
        json!({"textDocument": doc()}),
    );
    let data = tokens["data"].as_array().unwrap();
    assert_eq!(data.len() % 5, 0);
    // Decode: the first token of line `加分 【四(四)1】 {` is a keyword (type 0).
    let (mut line, mut col, mut seen) = (0u64, 0u64, Vec::new());
    for t in data.chunks(5) {
        let (dl, ds) = (t[0].as_u64().unwrap(), t[1].as_u64().unwrap());
        line += dl;
        col = if dl == 0 { col + ds } else { ds };
        seen.push((line, col, t[2].as_u64().unwrap(), t[3].as_u64().unwrap()));
    }
    let bonus_line = at(&text, "\n加分", 0, 1)["line"].as_u64().unwrap();
    assert!(seen.contains(&(bonus_line, 0, 2, 0)), "{seen:?}");
    // 办公室 where it is declared: a unit name (type 6) with the declaration modifier.
    let decl = at(&text, "        办公室 \"", 0, 8);
    let (l, ch) = (
        decl["line"].as_u64().unwrap(),
        decl["character"].as_u64().unwrap(),
    );
    assert!(
        seen.iter()
            .any(|t| t.0 == l && t.1 == ch && t.2 == 3 && t.3 == 6),
        "{seen:?}"
    );

    let folds = c.result("textDocument/foldingRange", json!({"textDocument": doc()}));
    let folds = folds.as_array().unwrap();
    assert!(
        folds
            .iter()
            .any(|f| f["startLine"].as_u64() == Some(bonus_line)),
        "{folds:?}"
    );
    c.stop();
}

#[test]
fn bad_input_is_answered_and_the_server_goes_on() {
    let mut c = Client::start("zh");
    let text = policy();
    c.open(URI, &text);
    // Not JSON: a parse error without an id.
    c.send_raw(b"{this is not json");
    let e = c.response(&Value::Null);
    assert_eq!(e["error"]["code"], -32700);
    // JSON, but no message.
    c.send_raw(br#"{"jsonrpc":"2.0","id":77}"#);
    let e = c.response(&json!(77));
    assert_eq!(e["error"]["code"], -32600);
    // Unknown method, wrong parameters.
    let e = c.request("textDocument/unknownThing", json!({}));
    assert_eq!(e["error"]["code"], -32601);
    let e = c.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(e["error"]["code"], -32602);
    // Out-of-range positions and unopened documents: nothing, no error.
    let far = json!({"line": 100000, "character": 100000});
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let r = c.request(method, json!({"textDocument": doc(), "position": far}));
        assert!(r.get("error").is_none(), "{method}: {r}");
    }
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.kh"}, "position": far}),
    );
    assert!(r["result"].is_null(), "{r}");
    // Half-typed text at every cut of a few lines: findings, never a crash.
    let upto = text.find("排名 按").unwrap();
    let mut version = 2;
    for cut in text[..upto].char_indices().map(|(i, _)| i).step_by(97) {
        let half = &text[..cut];
        c.change(URI, version, half);
        let end = position(half, half.len());
        for method in [
            "textDocument/hover",
            "textDocument/completion",
            "textDocument/definition",
        ] {
            let r = c.request(method, json!({"textDocument": doc(), "position": end}));
            assert!(r.get("error").is_none(), "{method} at {cut}: {r}");
        }
        for method in [
            "textDocument/documentSymbol",
            "textDocument/semanticTokens/full",
            "textDocument/foldingRange",
        ] {
            let r = c.request(method, json!({"textDocument": doc()}));
            assert!(r.get("error").is_none(), "{method} at {cut}: {r}");
        }
        version += 1;
    }
    // Still serving.
    let diags = c.change(URI, version, &text);
    assert!(errors(&diags).is_empty());
    c.stop();
}
