// kaohe workbench: the page over `kaohe serve`'s JSON API. Plain JavaScript,
// no build step, nothing fetched from elsewhere. Offsets from the server are
// UTF-16 offsets into the text, as JavaScript strings count.
'use strict';

const T = {
  zh: {
    title: '起草台', 'tab.policy': '办法', 'tab.data': '数据与结果', 'tab.diff': '版本比较',
    'policy.file': '办法', save: '保存', fmt: '格式化', 'kw.zh': '中文关键字', 'kw.en': 'English keywords',
    examples: '运行示例', template: '下载数据模板', findings: '检查结果', 'data.file': '数据',
    'data.or': '或把文件拖到此处（xlsx、csv、zip、json、toml）', evaluate: '评估', download: '下载',
    code: '代码', problem: '问题', help: '改法', 'diff.old': '旧版', 'diff.new': '新版',
    'diff.data': '数据（可不选）', compare: '比较', none: '（不选）', editorText: '（编辑器中的文字）',
    checking: '检查中…', clean: '没有发现问题', line: (n) => `第 ${n} 行`, saved: '已保存',
    unsaved: '有未保存的修改', restored: '已恢复上次未保存的修改', noFile: '（工作目录中没有 .kh 文件）',
    example: '例子单位', count: (e, w) => `${e} 个错误，${w} 个提示`,
    exRun: (p, f) => `示例：${p} 个通过，${f} 个失败`, exNone: '办法中没有示例',
    evaluating: '评估中…', evaluated: '评估完成', dropped: (n) => `已拖入：${n}`,
    comparing: '比较中…', noDiff: '两版办法没有差异', downloaded: (f) => `已下载 ${f}`,
    formatted: '已排版', chooseData: '请先选择或拖入数据文件', print: '打印',
  },
  en: {
    title: 'workbench', 'tab.policy': 'Policy', 'tab.data': 'Data and results', 'tab.diff': 'Compare versions',
    'policy.file': 'Policy', save: 'Save', fmt: 'Format', 'kw.zh': '中文关键字', 'kw.en': 'English keywords',
    examples: 'Run examples', template: 'Data template', findings: 'Findings', 'data.file': 'Data',
    'data.or': 'or drop files here (xlsx, csv, zip, json, toml)', evaluate: 'Evaluate', download: 'Download',
    code: 'Code', problem: 'Problem', help: 'Fix', 'diff.old': 'Old', 'diff.new': 'New',
    'diff.data': 'Data (optional)', compare: 'Compare', none: '(none)', editorText: '(the text in the editor)',
    checking: 'checking…', clean: 'no problems found', line: (n) => `line ${n}`, saved: 'saved',
    unsaved: 'unsaved changes', restored: 'unsaved changes restored', noFile: '(no .kh file in the workspace)',
    example: 'example unit', count: (e, w) => `${e} errors, ${w} notes`,
    exRun: (p, f) => `examples: ${p} passed, ${f} failed`, exNone: 'the policy has no examples',
    evaluating: 'evaluating…', evaluated: 'evaluated', dropped: (n) => `dropped: ${n}`,
    comparing: 'comparing…', noDiff: 'the two policies do not differ', downloaded: (f) => `downloaded ${f}`,
    formatted: 'formatted', chooseData: 'choose or drop a data file first', print: 'Print',
  },
};

let lang = localStorage.getItem('kaohe.lang') === 'en' ? 'en' : 'zh';
const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const v = (T[lang] && T[lang][key]) ?? T.zh[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
};
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const state = {
  files: { policies: [], data: [] },
  path: null, version: null, disk: null,
  checked: null, tokens: [], diags: [], seq: 0, timer: null,
  upload: null,
};

const text = $('text');
const hl = $('highlight');
const gutter = $('gutter');

function status(el, message, kind) {
  const s = $(el);
  s.textContent = message || '';
  s.className = 'status' + (kind ? ' ' + kind : '');
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  };
  const r = await fetch(path, init);
  const type = r.headers.get('content-type') || '';
  if (type.includes('application/json') && !r.headers.get('content-disposition')) {
    return { ok: r.ok, status: r.status, json: await r.json() };
  }
  return { ok: r.ok, status: r.status, blob: await r.blob(), name: fileName(r) };
}

function fileName(r) {
  const m = /filename="([^"]+)"/.exec(r.headers.get('content-disposition') || '');
  return m ? m[1] : 'download';
}

function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh' : 'en';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
  fillSelects();
}

// ---------- files ----------

function fill(select, items, extra) {
  const keep = select.value;
  select.innerHTML = '';
  for (const [value, label] of extra) select.add(new Option(label, value));
  for (const item of items) select.add(new Option(item, item));
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
}

function fillSelects() {
  const { policies, data } = state.files;
  fill($('file'), policies, policies.length ? [] : [['', t('noFile')]]);
  if (state.path) $('file').value = state.path;
  fill($('datafile'), data, [['', t('none')]]);
  fill($('old'), policies, [['@editor', t('editorText')]]);
  fill($('new'), policies, [['@editor', t('editorText')]]);
  fill($('diffdata'), data, [['', t('none')]]);
}

async function loadFiles() {
  const r = await api('/api/files');
  state.files = r.json;
  fillSelects();
  const last = localStorage.getItem('kaohe.open');
  const first = state.files.policies.includes(last) ? last : state.files.policies[0];
  if (first) await openPolicy(first);
  if (state.files.policies.length > 1) $('old').value = state.files.policies[0];
}

const draftKey = (path) => 'kaohe.draft.' + path;

function saveDraft() {
  if (!state.path) return;
  if (text.value === state.disk) {
    localStorage.removeItem(draftKey(state.path));
    status('status', '');
    return;
  }
  localStorage.setItem(draftKey(state.path), JSON.stringify({ version: state.version, text: text.value }));
  status('status', t('unsaved'));
}

async function openPolicy(path) {
  const r = await api('/api/file?path=' + encodeURIComponent(path) + '&lang=' + lang);
  if (!r.ok) { status('status', r.json.message, 'bad'); return; }
  state.path = path;
  state.version = r.json.version;
  state.disk = r.json.text;
  localStorage.setItem('kaohe.open', path);
  $('file').value = path;
  let body = r.json.text;
  let note = '';
  const draft = JSON.parse(localStorage.getItem(draftKey(path)) || 'null');
  if (draft && draft.text !== body) {
    body = draft.text;
    note = t('restored');
  }
  text.value = body;
  text.scrollTop = 0;
  render();
  status('status', note);
  check();
}

// ---------- the editor ----------

function commonPrefix(a, b) {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

// The text as coloured spans: the tokens of the last check (up to the first
// change since), findings underlined where the check saw this very text.
function paint(s) {
  const fresh = state.checked === s;
  const valid = fresh ? s.length : commonPrefix(state.checked || '', s);
  const tokens = state.tokens.filter((tk) => tk[1] <= valid);
  const diags = fresh ? state.diags.slice().sort((a, b) => a.from - b.from) : [];
  const cuts = new Set([0, s.length]);
  for (const [a, b] of tokens) { cuts.add(a); cuts.add(b); }
  const ends = diags.map((d) => Math.min(s.length, Math.max(d.to, d.from + 1)));
  diags.forEach((d, i) => { cuts.add(d.from); cuts.add(ends[i]); });
  const points = [...cuts].filter((x) => x >= 0 && x <= s.length).sort((x, y) => x - y);
  let out = '';
  let ti = 0;
  let di = 0;
  let active = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a === b) continue;
    while (ti < tokens.length && tokens[ti][1] <= a) ti++;
    while (di < diags.length && diags[di].from <= a) active.push(di++);
    active = active.filter((k) => ends[k] > a);
    const cls = [];
    if (ti < tokens.length && tokens[ti][0] <= a && b <= tokens[ti][1]) cls.push(tokens[ti][2]);
    for (const k of active) cls.push('d-' + diags[k].severity);
    const piece = esc(s.slice(a, b));
    out += cls.length ? `<span class="${cls.join(' ')}">${piece}</span>` : piece;
  }
  return out;
}

function render() {
  const s = text.value;
  hl.innerHTML = paint(s) + '\n';
  const lines = s.split('\n').length;
  const marks = new Map();
  if (state.checked === s) {
    for (const d of state.diags) {
      if (!marks.has(d.line) || d.severity === 'error') marks.set(d.line, d.severity);
    }
  }
  let g = '';
  for (let n = 1; n <= lines; n++) {
    const m = marks.get(n);
    g += m ? `<span class="mark-${m}">●${n}</span>\n` : n + '\n';
  }
  gutter.innerHTML = g;
  syncScroll();
}

function syncScroll() {
  hl.scrollTop = text.scrollTop;
  hl.scrollLeft = text.scrollLeft;
  gutter.scrollTop = text.scrollTop;
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 300);
}

async function check() {
  const sent = text.value;
  const seq = ++state.seq;
  const r = await api('/api/check', { text: sent, lang, name: state.path || 'policy.kh' });
  if (seq !== state.seq || text.value !== sent) return;
  if (!r.ok) { status('status', r.json.message, 'bad'); return; }
  state.checked = sent;
  state.tokens = r.json.tokens;
  state.diags = r.json.diagnostics;
  render();
  findings();
  showHere();
}

function where(d) {
  return t('line', d.line);
}

function findings() {
  const list = $('findings');
  list.innerHTML = '';
  const errors = state.diags.filter((d) => d.severity === 'error').length;
  $('count').textContent = state.diags.length
    ? t('count', errors, state.diags.length - errors) : t('clean');
  for (const d of state.diags) {
    const li = document.createElement('li');
    li.className = d.severity;
    li.dataset.code = d.code;
    li.innerHTML = `<div><a class="code" href="#" data-code="${d.code}">${d.code}</a>`
      + `<span class="where">${esc(where(d))}</span></div>`
      + `<div class="message">${esc(d.message)}</div>`
      + (d.help ? `<div class="help">${esc(d.help)}</div>` : '');
    for (const f of d.fixes) {
      const b = document.createElement('button');
      b.className = 'fix';
      b.textContent = f.title;
      b.addEventListener('click', (e) => { e.stopPropagation(); applyEdits(f.edits); });
      li.appendChild(b);
    }
    if (d.witness) {
      const det = document.createElement('details');
      det.innerHTML = `<summary>${esc(t('example'))}</summary><pre>${esc(JSON.stringify(d.witness, null, 1))}</pre>`;
      det.addEventListener('click', (e) => e.stopPropagation());
      li.appendChild(det);
    }
    li.addEventListener('click', () => select(d.from, d.to, d.line));
    li.querySelector('a.code').addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      explain(d.code);
    });
    list.appendChild(li);
  }
}

async function explain(code) {
  const r = await api('/api/code?code=' + encodeURIComponent(code) + '&lang=' + lang);
  const box = $('explain');
  box.hidden = false;
  box.textContent = r.ok ? r.json.text : r.json.message;
}

function select(from, to, line) {
  text.focus();
  text.setSelectionRange(from, Math.max(to, from));
  text.scrollTop = Math.max(0, (line - 4) * 20);
  syncScroll();
  showHere();
}

function applyEdits(edits) {
  let s = text.value;
  for (const e of edits.slice().sort((a, b) => b.from - a.from)) {
    s = s.slice(0, e.from) + e.text + s.slice(e.to);
  }
  text.value = s;
  render();
  saveDraft();
  check();
}

// Under the editor: the findings at the caret, then what the name or
// keyword there is (the language server's hover, from the same module).
function showHere() {
  const at = text.selectionStart;
  const here = state.checked === text.value
    ? state.diags.filter((d) => d.from <= at && at <= Math.max(d.to, d.from + 1)) : [];
  $('here').innerHTML = here.map((d) => `<div><b>${d.code}</b> ${esc(d.message)}</div>`).join('');
  clearTimeout(state.hoverTimer);
  state.hoverTimer = setTimeout(() => hover(at), 250);
}

async function hover(at) {
  const sent = text.value;
  const r = await api('/api/at', { text: sent, at, lang });
  if (!r.ok || text.value !== sent || text.selectionStart !== at || !r.json.hover) return;
  const plain = r.json.hover.replace(/```kaohe\n?|```/g, '').replace(/\*\*/g, '').trim();
  const div = document.createElement('div');
  div.className = 'hover';
  div.textContent = plain.split('\n').filter((l) => l.trim()).slice(0, 3).join(' · ');
  $('here').appendChild(div);
}

text.addEventListener('input', () => { render(); saveDraft(); schedule(); });
text.addEventListener('scroll', syncScroll);
text.addEventListener('click', showHere);
text.addEventListener('keyup', showHere);
text.addEventListener('keydown', (e) => {
  if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
    e.preventDefault();
    const a = text.selectionStart;
    text.setRangeText('    ', a, text.selectionEnd, 'end');
    text.dispatchEvent(new Event('input'));
  }
  if ((e.ctrlKey || e.metaKey) && e.key === 's') {
    e.preventDefault();
    save();
  }
});

// ---------- buttons of the policy ----------

async function save() {
  if (!state.path) return;
  const r = await api('/api/save', { path: state.path, text: text.value, version: state.version, lang });
  if (r.ok) {
    state.version = r.json.version;
    state.disk = text.value;
    localStorage.removeItem(draftKey(state.path));
    status('status', t('saved'), 'good');
  } else {
    status('status', r.json.message, 'bad');
  }
}

async function format(keywords) {
  const r = await api('/api/fmt', { text: text.value, lang, keywords });
  if (!r.ok) { status('status', r.json.message, 'bad'); return; }
  if (r.json.text !== text.value) {
    text.value = r.json.text;
    render();
    saveDraft();
    check();
  }
  status('status', t('formatted'), 'good');
}

async function examples() {
  const r = await api('/api/test', { text: text.value, lang, name: state.path });
  const box = $('examples');
  if (r.json.error) { box.innerHTML = `<p class="fail">${esc(r.json.message)}</p>`; return; }
  const runs = r.json.examples;
  if (!runs.length) { box.innerHTML = `<p>${esc(t('exNone'))}</p>`; return; }
  const passed = runs.filter((x) => x.passed).length;
  let html = `<h2>${esc(t('exRun', passed, runs.length - passed))}</h2><ul>`;
  for (const x of runs) {
    html += `<li class="${x.passed ? 'pass' : 'fail'}">${x.passed ? '✓' : '✗'} ${esc(x.title)}`;
    if (!x.passed) {
      html += '<ul>' + x.differences.map((d) => `<li>${esc(d.message)}</li>`).join('') + '</ul>';
    }
    html += '</li>';
  }
  box.innerHTML = html + '</ul>';
}

function download(r, okStatus) {
  if (!r.ok) {
    status(okStatus, r.json ? r.json.message : String(r.status), 'bad');
    return;
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(r.blob);
  a.download = r.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  status(okStatus, t('downloaded', r.name), 'good');
}

$('save').addEventListener('click', save);
$('fmt').addEventListener('click', () => format(null));
$('kw-zh').addEventListener('click', () => format('zh'));
$('kw-en').addEventListener('click', () => format('en'));
$('run-examples').addEventListener('click', examples);
$('template').addEventListener('click', async () => {
  download(await api('/api/template', { text: text.value, lang, name: state.path }), 'status');
});
$('file').addEventListener('change', (e) => { if (e.target.value) openPolicy(e.target.value); });

// ---------- data and results ----------

function dataSpec() {
  if (state.upload) return { files: state.upload };
  const path = $('datafile').value;
  return path ? { path } : null;
}

function problems(list) {
  const table = $('problems');
  const body = table.querySelector('tbody');
  body.innerHTML = '';
  for (const d of list || []) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>${esc(d.code || '')}</td><td>${esc(d.message || '')}</td><td>${esc(d.help || '')}</td>`;
    body.appendChild(tr);
  }
  table.hidden = !(list && list.length);
}

async function evaluate() {
  const data = dataSpec();
  if (!data) { status('datastatus', t('chooseData'), 'bad'); return; }
  status('datastatus', t('evaluating'));
  const r = await api('/api/eval', { text: text.value, lang, name: state.path, data });
  if (!r.ok) {
    problems(r.json.diagnostics);
    $('report').srcdoc = '';
    status('datastatus', r.json.message, 'bad');
    return;
  }
  problems([]);
  $('report').srcdoc = r.json.html;
  status('datastatus', t('evaluated'), 'good');
}

$('evaluate').addEventListener('click', evaluate);
// The report prints itself (A4, each unit's explanation on its own pages).
$('print').addEventListener('click', () => {
  const w = $('report').contentWindow;
  if (w && $('report').srcdoc) w.print();
});
$('datafile').addEventListener('change', () => { state.upload = null; $('dropped').textContent = ''; });
for (const b of document.querySelectorAll('[data-download]')) {
  b.addEventListener('click', async () => {
    const data = dataSpec();
    if (!data) { status('datastatus', t('chooseData'), 'bad'); return; }
    const r = await api('/api/report', { text: text.value, lang, name: state.path, data, format: b.dataset.download });
    download(r, 'datastatus');
  });
}

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function dropped(files) {
  const list = [];
  for (const f of files) list.push({ name: f.name, base64: await readBase64(f) });
  if (!list.length) return;
  state.upload = list;
  $('datafile').value = '';
  $('dropped').textContent = t('dropped', list.map((f) => f.name).join('、'));
  evaluate();
}

const zone = $('data');
zone.addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
zone.addEventListener('dragleave', () => $('drop').classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  $('drop').classList.remove('over');
  dropped([...e.dataTransfer.files]);
});

// ---------- versions ----------

function policySpec(value) {
  return value === '@editor' ? { path: state.path, text: text.value } : { path: value };
}

$('compare').addEventListener('click', async () => {
  status('diffstatus', t('comparing'));
  const data = $('diffdata').value ? { path: $('diffdata').value } : undefined;
  const r = await api('/api/diff', {
    old: policySpec($('old').value), new: policySpec($('new').value), data, lang,
  });
  if (!r.ok) {
    const details = (r.json.diagnostics || []).map((d) => `${d.code || ''} ${d.message}`).join('\n');
    $('diffout').textContent = details;
    status('diffstatus', r.json.message, 'bad');
    return;
  }
  $('diffout').textContent = r.json.empty ? t('noDiff') : r.json.text;
  status('diffstatus', '');
});

// ---------- tabs, language ----------

for (const b of document.querySelectorAll('#tabs button')) {
  b.addEventListener('click', () => {
    for (const x of document.querySelectorAll('#tabs button')) x.classList.toggle('on', x === b);
    for (const s of document.querySelectorAll('.tab')) s.classList.toggle('on', s.id === b.dataset.tab);
  });
}

$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('kaohe.lang', lang);
  applyLang();
  saveDraft();
  check();
  if ($('examples').innerHTML) examples();
  for (const id of ['datastatus', 'diffstatus']) status(id, '');
});

applyLang();
loadFiles();
