#!/usr/bin/env node
// Tokenizes every shipped policy (policies/*.kh) and every valid corpus policy
// (tests/corpus/ok/*.kh) with the extension's TextMate grammar, the way VS Code does
// (vscode-textmate + vscode-oniguruma), and fails when
//   - a line throws, or tokenizing it stops early;
//   - a line that begins with a declaration keyword (考核办法, 计分, 加分, 扣分, 评优, 等次, 示例, …)
//     does not begin with a keyword.* token;
//   - a keyword standing alone (no letter, digit or underscore on either side), outside comments,
//     strings, citations and quoted names, is not scoped keyword.*: in a valid policy such a word
//     can only be a keyword, since a name may not be exactly a keyword (§7.4);
//   - some spelling of the keyword table (src/i18n/keywords.rs) is not highlighted as a keyword
//     when written alone, or is when glued to a name.
// Exits non-zero on any failure. Usage: node tests/tokenize-policies.js [FILE.kh ...]
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = __dirname;
const extension = path.resolve(here, '..');
const repo = path.resolve(extension, '..', '..');
const grammarPath = path.join(extension, 'syntaxes', 'kaohe.tmLanguage.json');

// Common Chinese keywords: every standalone occurrence must be scoped keyword.*.
// (All spellings of the table are checked the same way; this list is the floor, so that the
// check cannot silently shrink if reading the table ever fails.)
const COMMON_ZH = [
  '考核办法', '制定', '年度', '依据', '期间', '至', '除外', '已计年度', '考核对象', '分组', '等',
  '计分', '满分', '说明', '评分', '事项', '计分项', '加分', '扣分', '是', '属于', '且', '至多',
  '减半', '封顶', '一票否决', '该项清零', '取消', '排名', '总分', '降序', '评优', '不含', '仅',
  '否决', '末', '名', '名额', '解释', '处置', '当', '或', '非', '等次', '其余', '示例', '单位',
  '得分', '预期', '日期',
];
// A line beginning with one of these begins with a keyword token.
const LINE_START = ['考核办法', '考核对象', '计分', '事项', '加分', '扣分', '一票否决', '排名', '评优',
  '处置', '等次', '兑现', '日程', '示例', '分组', '封顶', '不含', '名额', '预期', '得分', '单位',
  '制定', '年度', '依据', '期间', '除外',
  'policy', 'units', 'score', 'event', 'bonus', 'deduct', 'veto', 'on', 'rank', 'award',
  'outcome', 'grades', 'payouts', 'schedule', 'example', 'group', 'cap', 'exclude', 'quota',
  'expect', 'scores', 'unit', 'issuer', 'year', 'basis', 'window', 'skip'];

const NAME_CHAR = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const SKIP_SCOPE = /^(comment\.|string\.|variable\.other\.name\.quoted\.)/;

/** Every (Chinese, English) spelling of KEYWORDS in src/i18n/keywords.rs. */
function tableSpellings() {
  const text = fs.readFileSync(path.join(repo, 'src', 'i18n', 'keywords.rs'), 'utf8');
  const body = (text.split('pub const KEYWORDS')[1] || '').split('];')[0];
  const re = /\(Kw::(\w+),\s*"(kw_\w+)",\s*"([^"]*)",\s*"([^"]*)"\)/g;
  const out = [];
  let m;
  while ((m = re.exec(body)) !== null) {
    for (const s of [m[3], m[4]]) if (s !== '') out.push(s);
  }
  return out;
}

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.kaohe') return null;
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('source.kaohe');
  if (!grammar) throw new Error(`could not load ${grammarPath}`);
  return grammar;
}

/** Tokens of each line: [{start, end, scopes}], carrying the rule stack across lines. */
function tokenize(grammar, lines) {
  let stack = vsctm.INITIAL;
  return lines.map((line, i) => {
    const result = grammar.tokenizeLine(line, stack, 10000);
    if (result.stoppedEarly) throw new Error(`line ${i + 1}: tokenizing stopped early`);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
  });
}

function tokenAt(tokens, index) {
  return tokens.find((t) => t.start <= index && index < t.end);
}

const isKeyword = (t) => t && t.scopes.some((s) => s.startsWith('keyword.'));
const skipped = (t) => t && t.scopes.some((s) => SKIP_SCOPE.test(s));

/** Offsets where `word` stands alone in `line`. */
function standalone(line, word) {
  const found = [];
  for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1)) {
    const before = i > 0 ? line[i - 1] : '';
    const after = line[i + word.length] || '';
    if ((!before || !NAME_CHAR.test(before)) && (!after || !NAME_CHAR.test(after))) found.push(i);
  }
  return found;
}

function describe(t) {
  return t ? t.scopes.join(' ') : '(no token)';
}

function checkFile(grammar, file, words) {
  const failures = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  let tokens;
  try {
    tokens = tokenize(grammar, lines);
  } catch (err) {
    return { failures: [`throws: ${err && err.stack ? err.stack : err}`], checked: 0 };
  }
  let checked = 0;
  lines.forEach((line, i) => {
    const where = `${path.relative(repo, file)}:${i + 1}`;
    const toks = tokens[i];
    const covered = toks.length ? toks[toks.length - 1].end : 0;
    if (line.length > 0 && covered < line.length) {
      failures.push(`${where}: tokens cover ${covered} of ${line.length} characters`);
    }
    const text = line.replace(/^[ \t\u3000\uFEFF]+/, '');
    const indent = line.length - text.length;
    for (const kw of LINE_START) {
      if (text.startsWith(kw) && (text.length === kw.length || !NAME_CHAR.test(text[kw.length]))) {
        const t = tokenAt(toks, indent);
        checked++;
        if (!isKeyword(t)) failures.push(`${where}: line starts with ${kw} but its first token is ${describe(t)}`);
      }
    }
    for (const word of words) {
      for (const at of standalone(line, word)) {
        const t = tokenAt(toks, at);
        if (skipped(t)) continue;
        checked++;
        if (!isKeyword(t)) failures.push(`${where}:${at + 1}: ${word} is ${describe(t)}, not a keyword`);
      }
    }
  });
  return { failures, checked };
}

/** Every spelling of the table is a keyword alone, and part of a name when glued to one. */
function checkTable(grammar, spellings) {
  const failures = [];
  for (const s of spellings) {
    const alone = `甲 ${s} 乙`;
    const [toks] = tokenize(grammar, [alone]);
    const t = tokenAt(toks, 2);
    if (!isKeyword(t) || t.end !== 2 + s.length) {
      failures.push(`keyword ${JSON.stringify(s)} alone is ${describe(t)} [${t && t.start}, ${t && t.end})`);
    }
    if (s === '...') continue;
    // the glued end of a multi-word keyword (`not in甲`) is a name, its first word still `not`
    const last = s.lastIndexOf(' ') + 1;
    for (const [glued, at] of [[`${s}甲`, last], [`${s}2`, last], [`${s}_x`, last], [`甲${s}`, 0]]) {
      const [gt] = tokenize(grammar, [`乙 ${glued} 丙`]);
      const g = tokenAt(gt, 2 + at);
      if (isKeyword(g)) failures.push(`${JSON.stringify(glued)} (a name) has a keyword token at ${at}`);
    }
  }
  return failures;
}

async function main() {
  const grammar = await loadGrammar();
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const dirs = [path.join(repo, 'policies'), path.join(repo, 'tests', 'corpus', 'ok')];
    files = dirs
      .filter((d) => fs.existsSync(d))
      .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.kh')).sort().map((f) => path.join(d, f)));
  }
  const spellings = tableSpellings();
  const words = [...new Set([...COMMON_ZH, ...spellings.filter((s) => s !== '...')])];
  let passed = 0;
  let failed = 0;
  const report = (name, failures, detail) => {
    if (failures.length === 0) {
      passed++;
      console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
    } else {
      failed++;
      console.log(`FAIL ${name}`);
      for (const f of failures.slice(0, 30)) console.log(`     ${f}`);
      if (failures.length > 30) console.log(`     … and ${failures.length - 30} more`);
    }
  };

  const tableFailures = spellings.length < 100 ? [`only ${spellings.length} spellings read from src/i18n/keywords.rs`] : [];
  report('keyword table (src/i18n/keywords.rs)', tableFailures.concat(checkTable(grammar, spellings)), `${spellings.length} spellings`);

  if (!files.some((f) => path.basename(path.dirname(f)) === 'policies') && process.argv.length <= 2) {
    report('policies/*.kh', ['no policy found']);
  }
  for (const file of files) {
    const { failures, checked } = checkFile(grammar, file, words);
    if (checked === 0 && failures.length === 0) failures.push('no keyword found: is this a policy?');
    report(path.relative(repo, file), failures, `${checked} keywords`);
  }
  console.log(`tokenize: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
