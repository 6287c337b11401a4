/**
 * The safety gate against hostile chapters, at every layer that does not need a build: the checker,
 * the Vite plugin that runs before the MDX compiler, the check inside the compiler, and the
 * compiler itself. The build and the dev server are tested on the same chapters in tests/build.
 */
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { gateChapter, GATE_RULE_IDS, gateProblems } from '../../src/gate/index.ts';
import { checkBodyIsolated } from '../../src/gate/isolated.ts';
import { COMPILER_FEATURES } from '../../src/gate/compiler.ts';
import { frontmatterShapeProblems, splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { listChapterFiles } from '../../src/lib/content-files.ts';
import { readChapterSources } from '../../src/lib/structure.ts';
import { buildProblems } from '../../src/lib/content-check.ts';
import { readVocabulary } from '../../src/lib/vocabulary-file.ts';
import { ChapterRefused, chapterGateVitePlugin, externalLinkRel, gateInsideCompiler } from '../../src/integration/chapter-gate.ts';
import { makeCases } from '../../../../tools/support/fuzz.ts';
import { draftFile, HARMLESS_LOOK_ALIKES, HOSTILE_CHAPTERS, HOSTILE_MARKDOWN } from '../support/hostile-chapters.ts';
import { check, root, handbookContent } from './support.ts';

const isGateRule = (ruleId: string) => (GATE_RULE_IDS as readonly string[]).includes(ruleId);
const draftPath = (chapter: { name: string; file?: string }) => `editions/draft/${draftFile(chapter)}`;

/** Compiles a body the way Astro's MDX integration does (same compiler, features and plugins). */
function compile(body: string): string {
  const result = mdxToJs(body, { features: COMPILER_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html', hastPlugins: [externalLinkRel] }) as {
    code: string;
  };
  return result.code;
}

/** Compiled code that can do nothing but render literal text and the handbook's components. */
function inertProblems(code: string): string[] {
  const problems: string[] = [];
  for (const match of code.matchAll(/^\s*import\b[^;]*?from\s*"([^"]+)"/gm)) if (match[1] !== 'astro/jsx-runtime') problems.push(`imports ${match[1]}`);
  for (const match of code.matchAll(/^\s*export\b(?!\s+default\s+MDXContent\b)[^\n]*/gm)) problems.push(`exports: ${match[0].trim()}`);
  if (/(?:href|src|srcset|cite): "\s*(?:javascript|vbscript|data):/i.test(code)) problems.push('links to a script or data URL');
  for (const word of ['import(', 'require(', 'process.', 'globalThis', 'eval(', 'Function(', '"set:', '"is:', 'dangerouslySetInnerHTML']) {
    if (code.includes(word)) problems.push(`contains ${word}`);
  }
  if (/_jsxs?\("(?:script|style|iframe|meta|link|base|object|embed|form)"/i.test(code)) problems.push('renders a forbidden element');
  return problems;
}

async function vitePluginTransform(code: string, id: string): Promise<unknown> {
  const plugin = chapterGateVitePlugin();
  const hook = plugin.transform as { handler: (code: string, id: string) => Promise<unknown> };
  return hook.handler.call({}, code, id);
}

describe('hostile chapters', () => {
  it.each(HOSTILE_CHAPTERS.map((c) => [c.name, c] as const))('%s: the checker refuses it with located errors, no stack trace', async (_name, chapter) => {
    const messages = await check(chapter.text, { path: draftPath(chapter) });
    const errors = messages.filter((m) => m.severity === 'error' && isGateRule(m.ruleId));
    expect(errors.length, JSON.stringify(messages, null, 1)).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.line).toBeGreaterThanOrEqual(1);
      expect(m.column).toBeGreaterThanOrEqual(1);
      expect(m.message).not.toMatch(/\n\s+at /);
    }
  });

  // Problems between chapters are the content loader's to refuse: one module cannot see the others.
  const modules = HOSTILE_CHAPTERS.filter((c) => c.kind !== 'chapter files');
  it.each(modules.map((c) => [c.name, c] as const))('%s: the Vite plugin refuses the module before the compiler sees it', async (_name, chapter) => {
    const id = path.join(handbookContent, draftPath(chapter));
    await expect(vitePluginTransform(chapter.text, id)).rejects.toThrow(ChapterRefused);
    await expect(vitePluginTransform(chapter.text, `${id}?astroPropagatedAssets`)).rejects.toThrow(ChapterRefused);
  });

  // The check inside the compiler runs in the compiler's process: it cannot outlive a crash of the
  // compiler (the Vite plugin, tested above, refuses those first), so the crash cases are left out.
  const inProcess = modules.filter((c) => c.kind !== 'compiler crash');
  it.each(inProcess.map((c) => [c.name, c] as const))(
    '%s: the compiler refuses the body Astro would hand it, whenever the body itself is unsafe',
    async (_name, chapter) => {
      let body: string;
      try {
        body = parseFrontmatter(chapter.text, { frontmatter: 'empty-with-spaces' }).content;
      } catch {
        return; // Astro's own YAML reader refuses the file before compiling anything.
      }
      if ((await checkBodyIsolated(body, 'mdx')).problems.length === 0) return; // Only the frontmatter is at fault.
      expect(() => mdxToJs(body, { features: COMPILER_FEATURES, mdastPlugins: [gateInsideCompiler] })).toThrow(ChapterRefused);
    },
  );

  it('cover every class of the issue with several variants', () => {
    const kinds = new Map<string, number>();
    for (const c of HOSTILE_CHAPTERS) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    for (const [kind, count] of kinds) if (kind !== 'links') expect(count, kind).toBeGreaterThanOrEqual(2);
    expect(kinds.size).toBeGreaterThanOrEqual(9);
  });

  it('refuse 20,000 nested quotes or list markers quickly, before any parser runs', async () => {
    for (const text of [`${'>'.repeat(20_000)} x\n`, `${'- '.repeat(20_000)}x\n`]) {
      const started = Date.now();
      const { problems } = await gateChapter(text);
      expect(problems.map((p) => p.ruleId)).toEqual(['content-limits']);
      // Not a speed target: a parser reaching this input would have crashed or run for minutes.
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it.each(HOSTILE_MARKDOWN.map((c) => [c.name, c] as const))(
    '%s: raw HTML in a Markdown chapter is refused however its comments are written',
    async (_name, chapter) => {
      const { problems } = await gateChapter(chapter.text, 'md');
      expect(problems.map((p) => p.ruleId)).toContain('mdx-safety');
    },
  );

  it('survive the compiler crashing or stalling: the chapter is refused, the next one is checked as usual', async () => {
    const panic = HOSTILE_CHAPTERS.find((c) => c.name === 'crash-panic-trailing-backslash')!;
    const [refused, after] = await Promise.all([gateChapter(panic.text), gateChapter(HARMLESS_LOOK_ALIKES[0]!.text)]);
    expect(refused.problems.map((p) => p.message).join('\n')).toMatch(/cannot read safely \(the compiler's parser crashed/);
    expect(after.problems).toEqual([]);
  });

  it('report a billion-laughs frontmatter once, under one rule only', async () => {
    const chapter = HOSTILE_CHAPTERS.find((c) => c.name === 'yaml-billion-laughs')!;
    const messages = await check(chapter.text, { path: draftPath(chapter) });
    expect(messages.map((m) => `${m.ruleId} ${m.message}`)).toEqual([
      'frontmatter Unexpected YAML anchor "&a" (and 59 more anchors and aliases), expected each value written out: frontmatter may not repeat values by reference',
    ]);
  });
});

describe('harmless look-alikes', () => {
  it.each(HARMLESS_LOOK_ALIKES.map((c) => [c.name, c] as const))('%s: pass the checker without errors and compile to inert code', async (_name, chapter) => {
    const messages = await check(chapter.text, { path: draftPath(chapter) });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(await vitePluginTransform(chapter.text, path.join(handbookContent, draftPath(chapter)))).toBeNull();
    expect(inertProblems(compile(splitFrontmatter(chapter.text).body))).toEqual([]);
  });

  it('give a link to another host written as <a> the same rel as a Markdown link', () => {
    const code = compile(
      '<a href="https://example.com/">x</a> <a href="//example.com/" rel="opener">y</a> <a href="/skills/">z</a> <a href={"https://example.com/"}>w</a> <a href={`//example.com`}>v</a>\n',
    );
    expect(code.match(/rel: "noopener noreferrer"/g)).toHaveLength(4);
    expect(code).not.toContain('"opener"');
  });
});

describe('the gate and the compiler agree on mutated chapters', () => {
  const chapters = listChapterFiles(handbookContent, '2026.1').map((f) => f.source);
  const cases = [...makeCases(chapters, 160, 23), ...HOSTILE_CHAPTERS.map((c) => ({ mutator: c.kind, source: c.text }))];

  it('a chapter the gate passes compiles, to inert code; one the compiler refuses, the gate refused', async () => {
    const disagreements: string[] = [];
    let passed = 0;
    for (const { mutator, source } of cases) {
      const refused = (await gateProblems(source)).length > 0;
      let astroBody: string | undefined;
      try {
        astroBody = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content;
      } catch {
        astroBody = undefined; // Astro stops at the YAML before compiling.
      }
      if (refused) continue;
      passed++;
      if (astroBody === undefined) {
        disagreements.push(`${mutator}: the gate passed a chapter whose frontmatter Astro cannot read`);
        continue;
      }
      if (astroBody !== splitFrontmatter(source).body) disagreements.push(`${mutator}: the gate checked another body than Astro compiles`);
      let code: string;
      try {
        code = compile(astroBody);
      } catch (error) {
        disagreements.push(`${mutator}: the gate passed, the compiler refused: ${(error as Error).message.slice(0, 120)}`);
        continue;
      }
      for (const problem of inertProblems(code)) disagreements.push(`${mutator}: compiled code ${problem}`);
    }
    expect(disagreements).toEqual([]);
    expect(passed).toBeGreaterThan(20);
  });

  it('the checker reports a gate error exactly when the build would refuse', async () => {
    const file = path.join(root, 'src/content/editions/draft/skills/fuzzed.mdx');
    const mismatches: string[] = [];
    const draft = readChapterSources(handbookContent, ['draft']);
    const vocabulary = readVocabulary(handbookContent);
    for (const { mutator, source } of cases.slice(0, 90)) {
      // What the build's content loader refuses, from the function it calls: the gate's problems, those between chapters, and links.
      const build = (
        (await buildProblems(handbookContent, { vocabulary, chapters: [...draft, { edition: 'draft', file: 'skills/fuzzed.mdx', source }] })).find(
          (f) => f.file === path.join(handbookContent, 'editions/draft/skills/fuzzed.mdx'),
        )?.problems ?? []
      ).sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
      const checker = (await check(source, { path: path.relative(handbookContent, file) })).filter((m) => isGateRule(m.ruleId) && m.severity === 'error');
      const same =
        build.length === checker.length &&
        build.every((p, i) => p.line === checker[i]!.line && p.column === checker[i]!.column && p.message === checker[i]!.message);
      if (!same) mismatches.push(`${mutator}: build ${build.length}, checker ${checker.length}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});

describe('the frontmatter splitter', () => {
  const shapes = [
    '---\ntitle: A\n---\nBody\n',
    '---\r\ntitle: A\r\n---\r\nBody\r\n',
    '\uFEFF---\ntitle: A\n---\nBody\n',
    '---\n---\nBody\n',
    '---\ntitle: A\n---',
    'No frontmatter at all.\n',
    '---\ntitle: A\n----\nexport const a = 1\n',
    '\n---\ntitle: A\n---\nBody\n',
    '+++\ntitle = "A"\n+++\nBody\n',
    '---\ntitle: A\n+++\nBody\n',
    '---\ntitle: A\n--- x\nBody\n',
    '----\ntitle: A\n---\nBody\n',
    '---\ntitle: A\n',
  ];

  it.each(shapes.map((s) => [JSON.stringify(s), s] as const))('splits %s as Astro does, or refuses the shape', (_label, source) => {
    const accepted = frontmatterShapeProblems(source).length === 0;
    let astro: string | undefined;
    try {
      astro = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content;
    } catch {
      astro = undefined;
    }
    if (accepted && astro !== undefined) expect(splitFrontmatter(source).body).toBe(astro);
    if (!accepted) expect(frontmatterShapeProblems(source)[0]!.message).toMatch(/expected/);
  });

  it('accepts the canonical shapes and refuses every other one', () => {
    const verdicts = shapes.map((s) => frontmatterShapeProblems(s).length === 0);
    expect(verdicts).toEqual([true, true, true, true, true, true, false, false, false, false, false, false, false]);
  });
});
