/**
 * The language server, driven over stdio as an editor drives it: diagnostics while a chapter is
 * typed (the messages `charter lint` gives the same text, at the same places), quick fixes that
 * leave a chapter without a fixable message, glossary definitions on hover and completion from the
 * handbook's vocabulary. The chapters are the parity set (written to break the house style and
 * the Markdown rules) and other people's Markdown from the imported Fenlow handbook.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { CodeAction, CompletionItem, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintMessage } from '../../src/lint/types.ts';
import { loadHandbookData } from '../../src/lint/handbook-data.ts';
import { idsOf } from '../../src/lib/vocabulary.ts';
import { engineRoot, repoRoot, root as kestrelRoot, runCli, tempDir, TODAY } from '../lint/support.ts';

const node = path.join(repoRoot, 'node_modules/.bin/node');
const edition = 'src/content/editions/2026.1';

let project: { dir: string; cleanup: () => void };
let server: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
const published = new Map<string, PublishDiagnosticsParams[]>();
const listeners: (() => void)[] = [];

beforeAll(async () => {
  project = tempDir();
  cpSync(kestrelRoot, project.dir, { recursive: true });
  cpSync(path.join(engineRoot, 'tests/fixtures/parity-chapters'), path.join(project.dir, edition, 'procedures'), { recursive: true });
  const imported = path.join(engineRoot, 'tests/fixtures/imports/fenlow-handbook');
  for (const page of ['IT_Security/Passwords.md', 'Legal/privacy.md', 'Engineering/runbooks/On-Call.md'])
    cpSync(path.join(imported, page), path.join(project.dir, edition, 'reference', path.basename(page)));
  server = spawn(node, [path.join(engineRoot, 'src/cli/main.ts'), 'lsp', '--stdio'], { cwd: project.dir, env: { ...process.env, CHARTER_TODAY: TODAY } });
  connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    for (const listener of listeners.splice(0)) listener();
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(project.dir).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
});

afterAll(async () => {
  await connection?.sendRequest('shutdown').catch(() => undefined);
  await connection?.sendNotification('exit').catch(() => undefined);
  server?.kill();
  project?.cleanup();
});

const uriOf = (file: string) => pathToFileURL(path.join(project.dir, file)).href;

/** The diagnostics the server publishes for a version of a document. */
async function diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
  for (;;) {
    const found = published.get(uri)?.find((p) => p.version === version);
    if (found) return found.diagnostics;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version}`)), 60_000);
      listeners.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

async function open(file: string, text = readFileSync(path.join(project.dir, file), 'utf8')): Promise<Diagnostic[]> {
  const uri = uriOf(file);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: file.endsWith('.mdx') ? 'mdx' : 'markdown', version: 1, text },
  });
  return diagnosticsFor(uri, 1);
}

async function change(file: string, version: number, text: string): Promise<Diagnostic[]> {
  const uri = uriOf(file);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  return diagnosticsFor(uri, version);
}

const asLine = (d: Diagnostic) =>
  `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity === 1 ? 'error' : 'warning'} ${String(d.code)} ${d.message}`;
const lintLine = (m: LintMessage) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`;

function lint(file: string): LintMessage[] {
  const result = runCli(['--format', 'json', '--no-cache', file], { cwd: project.dir });
  return JSON.parse(result.stdout) as LintMessage[];
}

const chapters = () => [
  ...['returns-desk.md', 'site-visits.mdx', 'night-line.md', 'email.mdx', 'Ring-Notes.MD'].map((name) => `${edition}/procedures/${name}`),
  ...['Passwords.md', 'privacy.md', 'On-Call.md'].map((name) => `${edition}/reference/${name}`),
];

describe('charter lsp --stdio', () => {
  it('publishes, for every opened chapter, the messages charter lint reports, at the same places', async () => {
    let total = 0;
    for (const file of chapters()) {
      const diagnostics = await open(file);
      expect(diagnostics.map(asLine).sort(), file).toEqual(lint(file).map(lintLine).sort());
      total += diagnostics.length;
      for (const d of diagnostics) expect(d.codeDescription?.href, String(d.code)).toMatch(/^file:.+\/src\/lint\/rules\/[a-z-]+\.ts$/);
    }
    expect(total).toBeGreaterThan(40);
  });

  it('checks the text as it is typed, not as it is on disk', async () => {
    const file = `${edition}/procedures/email.mdx`;
    const text = readFileSync(path.join(project.dir, file), 'utf8');
    const before = await diagnosticsFor(uriOf(file), 1);
    const after = await change(file, 2, text.replace('Read the whole thread', 'Read the whole e-mail thread'));
    const added = after.filter((d) => !before.some((b) => asLine(b) === asLine(d)));
    expect(added.map((d) => [d.code, d.message])).toEqual([['terminology', 'Unexpected "e-mail", expected "email"']]);
  });

  it('offers a quick fix for every message with a replacement, and applying them all leaves none', async () => {
    const file = `${edition}/procedures/returns-desk.md`;
    const uri = uriOf(file);
    let document = TextDocument.create(uri, 'markdown', 1, readFileSync(path.join(project.dir, file), 'utf8'));
    let diagnostics = await diagnosticsFor(uri, 1);
    const fixable = diagnostics.filter((d) => d.data);
    expect(new Set(fixable.map((d) => d.code))).toEqual(new Set(['terminology', 'spelling-variant', 'heading-style']));
    const unfixable = diagnostics.filter((d) => !d.data).map((d) => `${String(d.code)} ${d.message}`);
    let version = 1;
    // One fix at a time, as an editor applies them, until no message has one.
    for (let round = 0; round < 20 && diagnostics.some((d) => d.data); round++) {
      const actions = (await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics.find((d) => d.data)!.range,
        context: { diagnostics, only: ['quickfix'] },
      })) as CodeAction[];
      expect(actions.length).toBe(diagnostics.filter((d) => d.data).length);
      const edits = actions[0]!.edit!.changes![uri] as TextEdit[];
      document = TextDocument.create(uri, 'markdown', ++version, TextDocument.applyEdits(document, edits));
      diagnostics = await change(file, version, document.getText());
    }
    expect(diagnostics.filter((d) => d.data)).toEqual([]);
    // Fixing words changes no other message.
    expect(diagnostics.map((d) => `${String(d.code)} ${d.message}`).sort()).toEqual(unfixable.sort());
    const text = document.getText();
    expect(text).toContain('When a customer brings a machine back');
    expect(text).toContain('in the colour of the depot');
    // Once the editor saves, charter lint reports exactly what the server shows: nothing fixable.
    writeFileSync(path.join(project.dir, file), text);
    expect(lint(file).map(lintLine).sort()).toEqual(diagnostics.map(asLine).sort());
  });

  it('shows a glossary definition on hover, and for a variant the term to write instead', async () => {
    const file = `${edition}/procedures/site-visits.mdx`;
    const lines = readFileSync(path.join(project.dir, file), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('the hire agreement'));
    const hover = (await connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(file) },
      position: { line, character: lines[line]!.indexOf('hire agreement') + 3 },
    })) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('The signed sheet that says what is hired');
    const variant = (await connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(`${edition}/procedures/returns-desk.md`) },
      position: { line: 15, character: 7 },
    })) as Hover | null;
    expect(variant).toBeNull();
    const night = `${edition}/procedures/night-line.md`;
    await open(`${edition}/procedures/night-line.md`).catch(() => undefined);
    const client = readFileSync(path.join(project.dir, night), 'utf8').split('\n');
    const at = client.findIndex((l) => l.includes('client'));
    const onVariant = (await connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(night) },
      position: { line: at, character: client[at]!.indexOf('client') + 2 },
    })) as Hover;
    expect(JSON.stringify(onVariant.contents)).toContain('not “client”');
  });

  it('completes frontmatter values, components and their props from the vocabulary', async () => {
    const file = `${edition}/skills/new-skill.mdx`;
    const text = '---\ntitle: A new skill\ntouchpoints: [\naudience:\n  - \n---\n\n<\n\n<TouchpointBadge touchpoint="\n\n<Term id="\n\n<Callout \n';
    await open(file, text);
    const complete = async (line: number, character: number) =>
      (
        (await connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: { line, character } })) as CompletionItem[]
      ).map((item) => item.label);
    const vocabulary = loadHandbookData(path.join(project.dir, 'src/content')).vocabulary;
    const touchpoints = idsOf(vocabulary, 'touchpoints');
    expect(touchpoints.length).toBeGreaterThan(2);
    expect(await complete(2, 14)).toEqual(touchpoints);
    expect(await complete(4, 4)).toEqual(idsOf(vocabulary, 'audiences'));
    expect(await complete(1, 0)).toEqual(expect.arrayContaining(['description', 'type', 'owner', 'reviewed']));
    expect(await complete(1, 0)).not.toContain('title');
    expect(await complete(7, 1)).toEqual(expect.arrayContaining(['Steps', 'SayThis', 'Checklist', 'Callout', 'Term']));
    expect(await complete(9, 29)).toEqual(touchpoints);
    expect(await complete(11, 10)).toEqual(expect.arrayContaining(['customer', 'hire-agreement', 'depot']));
    expect(await complete(13, 9)).toEqual(['type', 'title']);
  });

  it('says how to start it when --stdio is missing, without a stack trace', () => {
    const result = spawnSync(node, [path.join(engineRoot, 'src/cli/main.ts'), 'lsp'], { cwd: project.dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('run charter lsp --stdio');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('publishes the reason, at the top of the file, for a chapter that belongs to no handbook', async () => {
    const outside = tempDir();
    const lonely = spawn(node, [path.join(engineRoot, 'src/cli/main.ts'), 'lsp', '--stdio'], { cwd: outside.dir });
    const client = createProtocolConnection(new StreamMessageReader(lonely.stdout), new StreamMessageWriter(lonely.stdin));
    try {
      const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => client.onNotification('textDocument/publishDiagnostics', resolve));
      client.listen();
      await client.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(outside.dir).href, capabilities: {} });
      const uri = pathToFileURL(path.join(outside.dir, 'loose.md')).href;
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Loose\n' } });
      const [diagnostic, ...rest] = (await diagnostics).diagnostics;
      expect(rest).toEqual([]);
      expect(diagnostic!.message).toMatch(/^Content folder not found: the default content folder "src\/content"/);
      expect(diagnostic!.range.start).toEqual({ line: 0, character: 0 });
    } finally {
      client.dispose();
      lonely.kill();
      outside.cleanup();
    }
  });
});
