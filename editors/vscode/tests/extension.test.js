#!/usr/bin/env node
// src/extension.js against stand-ins for `vscode` and `vscode-languageclient/node`: the client
// starts `<kaohe.path> lsp` (no `--stdio`, no transport), for the language `kaohe`, with the
// initialization option `lang`; it restarts when kaohe.path or kaohe.lang changes, and on the
// command kaohe.restartServer; a server that cannot start gives an error message, not a throw.
'use strict';

const assert = require('assert');
const Module = require('module');
const path = require('path');

const settings = { path: 'kaohe', lang: 'zh' };
const created = [];
const errors = [];
const commands = new Map();
let configListener;
let failStart = false;

class FakeClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
    created.push(this);
  }
  async start() {
    if (failStart) throw new Error('spawn kaohe ENOENT');
    this.started = true;
  }
  async stop() {
    if (!this.started) throw new Error('Client is not running');
    this.stopped = true;
  }
}

const vscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.strictEqual(section, 'kaohe');
      return { get: (key) => settings[key] };
    },
    onDidChangeConfiguration: (listener) => {
      configListener = listener;
      return { dispose() {} };
    },
  },
  window: {
    createOutputChannel: (name) => ({ name, dispose() {} }),
    showErrorMessage: (message) => {
      errors.push(message);
      return Promise.resolve(undefined);
    },
  },
  commands: {
    registerCommand: (name, fn) => {
      commands.set(name, fn);
      return { dispose() {} };
    },
  },
};

const realLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient: FakeClient };
  return realLoad.call(this, request, parent, isMain);
};

const extension = require(path.join(__dirname, '..', 'src', 'extension.js'));
const change = (...keys) => ({ affectsConfiguration: (k) => keys.includes(k) });

const cases = [
  ['starts `kaohe lsp` for the language kaohe, lang zh', async () => {
    const context = { subscriptions: [] };
    await extension.activate(context);
    assert.strictEqual(created.length, 1);
    const c = created[0];
    assert.ok(c.started);
    assert.deepStrictEqual(c.serverOptions.run, { command: 'kaohe', args: ['lsp'] });
    assert.deepStrictEqual(c.serverOptions.debug, c.serverOptions.run);
    assert.strictEqual(c.serverOptions.run.transport, undefined, 'a transport would add --stdio');
    assert.deepStrictEqual(c.clientOptions.documentSelector, [{ language: 'kaohe' }]);
    assert.deepStrictEqual(c.clientOptions.initializationOptions, { lang: 'zh' });
    assert.ok(commands.has('kaohe.restartServer'));
    assert.ok(context.subscriptions.length >= 3);
  }],
  ['restarts with the new path and lang when the settings change', async () => {
    settings.path = '/opt/kaohe/bin/kaohe';
    settings.lang = 'en';
    await configListener(change('kaohe.path'));
    assert.strictEqual(created.length, 2);
    assert.ok(created[0].stopped);
    assert.deepStrictEqual(created[1].serverOptions.run, { command: '/opt/kaohe/bin/kaohe', args: ['lsp'] });
    assert.deepStrictEqual(created[1].clientOptions.initializationOptions, { lang: 'en' });
    settings.lang = 'zh';
    await configListener(change('kaohe.lang'));
    assert.strictEqual(created.length, 3);
    assert.deepStrictEqual(created[2].clientOptions.initializationOptions, { lang: 'zh' });
  }],
  ['ignores other settings', async () => {
    await configListener(change('editor.fontSize'));
    assert.strictEqual(created.length, 3);
  }],
  ['restarts on the command kaohe.restartServer', async () => {
    await commands.get('kaohe.restartServer')();
    assert.strictEqual(created.length, 4);
    assert.ok(created[2].stopped);
    assert.ok(created[3].started);
  }],
  ['an unknown lang falls back to zh; an empty path to kaohe', async () => {
    settings.lang = 'fr';
    settings.path = '';
    await commands.get('kaohe.restartServer')();
    const c = created[created.length - 1];
    assert.deepStrictEqual(c.clientOptions.initializationOptions, { lang: 'zh' });
    assert.strictEqual(c.serverOptions.run.command, 'kaohe');
  }],
  ['a server that cannot start gives an error message naming kaohe.path', async () => {
    failStart = true;
    settings.path = 'nowhere/kaohe';
    await commands.get('kaohe.restartServer')();
    assert.strictEqual(errors.length, 1);
    assert.ok(errors[0].includes('nowhere/kaohe lsp') && errors[0].includes('kaohe.path'), errors[0]);
    settings.lang = 'en';
    await commands.get('kaohe.restartServer')(); // stopping the failed client must not throw
    assert.ok(errors[1].startsWith('kaohe: could not start'), errors[1]);
    failStart = false;
  }],
  ['deactivate stops the client', async () => {
    await commands.get('kaohe.restartServer')();
    const c = created[created.length - 1];
    await extension.deactivate();
    assert.ok(c.stopped);
  }],
];

(async () => {
  let passed = 0;
  let failed = 0;
  for (const [name, run] of cases) {
    try {
      await run();
      passed++;
      console.log(`ok   ${name}`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name}\n     ${err && err.stack ? err.stack : err}`);
    }
  }
  console.log(`extension: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
