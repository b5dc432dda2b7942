// The kaohe extension: starts `kaohe lsp` (stdio) for files of the language `kaohe` (*.kh).
// Plain CommonJS, no build step.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

function settings() {
  const config = vscode.workspace.getConfiguration('kaohe');
  const path = config.get('path') || 'kaohe';
  const lang = config.get('lang') === 'en' ? 'en' : 'zh';
  return { path, lang };
}

function createClient() {
  const { path, lang } = settings();
  // No `transport` here: with TransportKind.stdio the client would append `--stdio`
  // to the arguments, and the server is started exactly as `kaohe lsp`.
  const run = { command: path, args: ['lsp'] };
  const serverOptions = { run, debug: run };
  const clientOptions = {
    documentSelector: [{ language: 'kaohe' }],
    initializationOptions: { lang },
    outputChannel: output,
  };
  return new LanguageClient('kaohe', 'kaohe lsp', serverOptions, clientOptions);
}

async function start() {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const { path, lang } = settings();
    const message =
      lang === 'en'
        ? `kaohe: could not start "${path} lsp" (${err && err.message ? err.message : err}). ` +
          'Put kaohe on PATH or set "kaohe.path".'
        : `kaohe：无法启动“${path} lsp”（${err && err.message ? err.message : err}）。` +
          '请把 kaohe 放到 PATH 中，或在设置中填写“kaohe.path”。';
    vscode.window.showErrorMessage(message);
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (_) {
      // a server that never started cannot be stopped; nothing to do
    }
  }
}

// Restarts run one after another, so that quick changes of the settings never leave two servers.
let restarting = Promise.resolve();

function restart() {
  restarting = restarting.then(async () => {
    await stop();
    await start();
  });
  return restarting;
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel('kaohe');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('kaohe.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('kaohe.path') || event.affectsConfiguration('kaohe.lang')) {
        return restart();
      }
      return undefined;
    }),
  );
  await restart();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
