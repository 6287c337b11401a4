/**
 * Times the language server the way an editor meets it: `charter lsp --stdio` as a child process,
 * started in the example handbook's folder, with a 1,500-word procedure open; each edit changes one
 * word and the clock runs from the change to the diagnostics of that version. The chapter lives
 * only in the editor's buffer (it is never written to disk), built from the example's own
 * telephone procedure and paragraphs of its other chapters.
 *
 *   const result = await measureLanguageServer({ edits: 25 });
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { median } from './site-stats.ts';
import { charterCli, exampleContent, exampleRoot, repoRoot } from '../support/paths.ts';

export interface LanguageServerBenchResult {
  words: number;
  edits: number;
  /** From starting the server to the first diagnostics of the opened chapter. */
  firstSeconds: number;
  medianMs: number;
  p95Ms: number;
  diagnostics: number;
}

const countWords = (text: string) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

/** A procedure of about `words` words: the telephone chapter, then paragraphs of the example's other chapters. */
export function benchChapter(edition: string, words = 1500): string {
  const folder = path.join(exampleContent, 'editions', edition);
  let text = readFileSync(path.join(folder, 'procedures/telephone.mdx'), 'utf8');
  const paragraphs = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .flatMap((file) => readFileSync(path.join(folder, file), 'utf8').split(/\n\s*\n/))
    .filter((block) => /^[A-Z][^<{#|>-]*[.!?]$/.test(block.trim()) && countWords(block) > 8);
  for (let i = 0; countWords(text) < words && paragraphs.length > 0; i++) text += `\n${paragraphs[i % paragraphs.length]}\n`;
  return text.replace(/^title: .*$/m, 'title: Telephone, in full');
}

export async function measureLanguageServer(options: { edits?: number; edition?: string } = {}): Promise<LanguageServerBenchResult> {
  const edits = options.edits ?? 25;
  const edition = options.edition ?? '2026.1';
  const node = path.join(repoRoot, 'node_modules/.bin/node');
  const started = performance.now();
  const server = spawn(node, [charterCli, 'lsp', '--stdio'], { cwd: exampleRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const arrived = new Map<number, { at: number; count: number }>();
  let notify: (() => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.version !== undefined) arrived.set(params.version, { at: performance.now(), count: params.diagnostics.length });
    notify?.();
  });
  connection.listen();
  const waitFor = async (version: number) => {
    while (!arrived.has(version)) await new Promise<void>((resolve) => (notify = resolve));
    return arrived.get(version)!;
  };
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(exampleRoot).href, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(exampleContent, 'editions', edition, 'procedures/telephone-in-full.mdx')).href;
    const text = benchChapter(edition);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mdx', version: 1, text } });
    const first = await waitFor(1);
    const times: number[] = [];
    for (let version = 2; version <= edits + 1; version++) {
      // One word changes, as a keystroke's worth of typing does; alternate so each text is new.
      const edited = text.replace('the customer', version % 2 === 0 ? `the customer ${version}` : 'the caller');
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
      times.push((await waitFor(version)).at - sent);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      words: countWords(text),
      edits,
      firstSeconds: (first.at - started) / 1000,
      medianMs: median(times),
      p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
      diagnostics: first.count,
    };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    server.kill();
  }
}
