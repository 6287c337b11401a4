// Starts `charter lsp --stdio` from the handbook's own installation, so the editor checks with the
// engine version, config and content folder that `charter lint` and CI use. The handbook's
// node_modules/.bin/node (the "node" package the starter depends on) runs it when present: the
// engine needs Node 22.12 or later, which the machine's own Node may not be.
const { existsSync } = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The first workspace folder that holds a Charter handbook (the engine installed in it). */
function handbookFolder() {
  return (vscode.workspace.workspaceFolders ?? [])
    .map((folder) => folder.uri.fsPath)
    .find((folder) => existsSync(path.join(folder, 'node_modules', 'charter-handbook', 'bin', 'charter.js')));
}

/** How to start the server: the setting when given, else the handbook's installed engine. */
function serverCommand(folder) {
  const configured = vscode.workspace.getConfiguration('charter').get('serverCommand', []);
  if (configured.length > 0) return { command: configured[0], args: configured.slice(1) };
  const localNode = path.join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  const command = existsSync(localNode) ? localNode : 'node';
  return { command, args: [path.join(folder, 'node_modules', 'charter-handbook', 'bin', 'charter.js'), 'lsp', '--stdio'] };
}

async function activate(context) {
  const folder = handbookFolder();
  const configured = vscode.workspace.getConfiguration('charter').get('serverCommand', []);
  if (!folder && configured.length === 0) return;
  const { command, args } = serverCommand(folder ?? '');
  const server = { command, args, transport: TransportKind.stdio, options: { cwd: folder } };
  client = new LanguageClient(
    'charter',
    'Charter',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'mdx' },
      ],
      synchronize: {
        // Saved chapters and data files change what other chapters are checked against.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,*.mdx,*.yaml,charter.config.*}'),
      },
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
