/**
 * The safety gate in real builds and a real dev server, on the shared hostile corpus: every hostile
 * chapter is refused in one run, located, and none of its code ever ran (its canary file is never
 * written); the harmless look-alikes build, and the built site asks nothing of another host.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canary, draftFile, frontmatter, HARMLESS_LOOK_ALIKES, HOSTILE_CHAPTERS } from '../../../../packages/charter/tests/support/hostile-chapters.ts';
import { buildWithContent, copyContent, withoutTestRunner } from './support.ts';
import { astroBin } from '../../../../tools/support/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function canaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-canary-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function placeInDraft(content: ReturnType<typeof copyContent>, chapters: readonly { name: string; text: string; file?: string }[]): void {
  for (const c of chapters) writeFileSync(content.file(`editions/draft/${draftFile(c)}`), c.text);
}

describe('a build with every hostile chapter in the draft', () => {
  it('refuses them all in one run, each located, without running any of their code', () => {
    const content = copyContent();
    cleanups.push(content.cleanup);
    placeInDraft(content, HOSTILE_CHAPTERS);
    const canaries = canaryDir();
    const { status, output } = buildWithContent(content.dir, { CHARTER_CANARY: canaries });
    expect(status).not.toBe(0);
    expect(output).toContain('The build refuses:');
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const c of HOSTILE_CHAPTERS) expect(output, c.name).toMatch(new RegExp(`editions/draft/${escape(draftFile(c))}:\\d+:\\d+: `));
    expect(readdirSync(canaries)).toEqual([]);
    expect(existsSync(path.join(root, 'dist/evil.js'))).toBe(false);
    expect(output).not.toMatch(/Segmentation fault|Maximum call stack/);
  });
});

describe('a build with the harmless look-alikes', () => {
  it('passes, and no page loads anything from another host', () => {
    const content = copyContent();
    cleanups.push(content.cleanup);
    placeInDraft(content, HARMLESS_LOOK_ALIKES);
    const pages: Record<string, string> = {};
    const { status, output } = buildWithContent(content.dir, {}, (dist) => {
      for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }))
        if (file.endsWith('.html')) pages[file] = readFileSync(path.join(dist, file), 'utf8');
    });
    expect(status, output).toBe(0);
    const links = pages['draft/skills/ok-links/index.html']!;
    expect(links).toBeDefined();
    // Every link to another host, Markdown or <a>, opens without a referrer or a way back.
    for (const tag of links.match(/<a [^>]*href="(?:https?:)?\/\/[^"]*"[^>]*>/g) ?? []) expect(tag).toContain('rel="noopener noreferrer"');
    expect(links.match(/<a [^>]*href="https:\/\/example\.com\/"/g)?.length).toBeGreaterThanOrEqual(1);
    for (const [file, html] of Object.entries(pages)) {
      const remote = html.match(/<(?:img|script|link|iframe|source|video|audio)\b[^>]*(?:src|href|srcset)="[^"]*(?:\/\/|https?:)[^"]*"/gi) ?? [];
      expect(remote, file).toEqual([]);
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let lastError: unknown;

async function until<T>(get: () => Promise<T | undefined>, timeoutMs: number, what: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await get().catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what()}\nLast error: ${String(lastError)} ${String((lastError as { cause?: unknown } | undefined)?.cause)}`);
}

describe('the dev server', () => {
  it('refuses a chapter saved with code while it runs, and never runs the code', async () => {
    const content = copyContent();
    cleanups.push(content.cleanup);
    const canaries = canaryDir();
    const file = content.file('editions/draft/skills/listening.mdx');
    const port = await freePort();
    const child = spawn(process.execPath, [astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: root,
      env: { ...withoutTestRunner(process.env), HANDBOOK_CONTENT_DIR: content.dir, CHARTER_CANARY: canaries, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    cleanups.push(() => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    });
    const url = `http://127.0.0.1:${port}/draft/skills/listening/`;
    const page = async () => {
      // A request made while Vite re-optimizes its dependencies can hang: ask again.
      const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      return { status: response.status, text: await response.text() };
    };
    const first = await until(
      async () => ((await page()).status === 200 ? page() : undefined),
      180_000,
      () => `the dev server at ${url}\n${log}`,
    );
    expect(first.text).toContain('Listening');

    const edits = [
      `${frontmatter('Listening')}\nexport const a = ${canary('dev-export')}\n\nText.\n`,
      `${frontmatter('Listening')}\n{/* lint ignore mdx-safety */}\n\n{${canary('dev-expression')}}\n`,
      `${frontmatter('Listening')}\n<span set:html="<script>alert(1)</script>" />\n`,
      `${frontmatter('Listening').replace(/\n---\n$/, '\n----\n')}\nexport const b = ${canary('dev-fence')}\n`,
    ];
    for (const edit of edits) {
      writeFileSync(file, edit);
      const logged = log.length;
      // Astro's dev error page names the error; its overlay shows the message in the browser.
      const refused = await until(
        async () => {
          const answer = await page();
          return answer.status === 500 && answer.text.includes('ChapterRefused') ? answer : undefined;
        },
        60_000,
        () => `the refusal of\n${edit}\n${log}`,
      );
      expect(refused.text).not.toContain('alert(1)');
      expect(log.slice(logged)).toMatch(/The build refuses:\n\s+\S*listening\.mdx:\d+:\d+: /);
    }
    expect(readdirSync(canaries)).toEqual([]);
    expect(log).toContain('The build refuses:');

    // A fixed chapter shows again.
    writeFileSync(file, `${frontmatter('Listening')}\nListening, fixed.\n`);
    await until(
      async () => {
        const answer = await page();
        return answer.status === 200 && answer.text.includes('Listening, fixed.') ? answer : undefined;
      },
      60_000,
      () => `the fixed chapter\n${log}`,
    );
  }, 300_000);
});
