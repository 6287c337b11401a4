/**
 * Fuzzing the tools that read chapters: real chapters are mutated in the ways editors and tools
 * break files (cut short, unbalanced JSX, broken frontmatter, odd Unicode, huge lines, deep
 * nesting, binary bytes), and every case must end in success or a located message: never an
 * exception, a hang, or a file that does not parse yet passes with no message.
 */
import { checkSource } from '../../packages/charter/src/lint/index.ts';
import { parseMdx } from '../../packages/charter/src/lint/parser.ts';
import { frontmatterProblems, frontmatterShapeProblems, splitFrontmatter, yamlHazards } from '../../packages/charter/src/lib/frontmatter.ts';
import { random } from './random.ts';

export { random };

type Mutator = (text: string, rnd: () => number) => string;
const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));
const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;

export const MUTATORS: Record<string, Mutator> = {
  truncate: (t, r) => t.slice(0, at(t, r)),
  'unbalanced jsx': (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(['<Callout type="note">', '</Steps>', '<SayThis', '<Term id="hold">', '<Checklist>\n\n- x'], r) + t.slice(i);
  },
  'broken frontmatter': (t, r) =>
    pick(
      [
        t.replace(/^---\n/, ''),
        t.replace(/\n---\n/, '\n'),
        t.replace(/^title: .*$/m, 'title: [unclosed'),
        t.replace(/^type: .*$/m, 'type: {a: 1'),
        t.replace(/^reviewed: .*$/m, 'reviewed: 31/02/2026'),
        t.replace(/^touchpoints: .*$/m, 'touchpoints: telephone'),
        t.replace(/^audience: .*$/m, '  audience:\n- [x'),
      ],
      r,
    ),
  'odd unicode': (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(['\u200b\u200d', '\u202e', '\ud83d\ude00', '\ud800', 'e\u0301', '\ufeff', '\u0000', 'ﬁ', 'ｅ－ｍａｉｌ'], r) + t.slice(i);
  },
  'huge line': (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + 'customer '.repeat(20_000 + Math.floor(r() * 20_000)) + t.slice(i);
  },
  'deep nesting': (t, r) => {
    const depth = 50 + Math.floor(r() * 400);
    const kind = pick(['> ', '- ', '<Callout>\n\n'], r);
    const nested = kind === '<Callout>\n\n' ? `${kind.repeat(depth)}deep${'\n\n</Callout>'.repeat(depth)}` : `${kind.repeat(depth)}deep`;
    return `${t}\n\n${nested}\n`;
  },
  'hostile insert': (t, r) => {
    const i = at(t, r);
    const snippet = pick(
      [
        '\n\nexport const x = 1\n\n',
        '{/* lint ignore mdx-safety */}\n\n{process.env.HOME}\n\n',
        '<span set:html="<b>x</b>" />',
        '[x](javascript\\:alert(1))',
        '![p](https://evil.example/p.png)',
        '<a href="//evil.example/">x</a>',
        '<img src="/favicon.svg" srcset="//evil.example/p.png 2x" alt="" />',
        '<a href="/x/" ping="https://evil.example/">x</a>',
        '\n----\n',
        '{"a" + "b"}',
      ],
      r,
    );
    return t.slice(0, i) + snippet + t.slice(i);
  },
  'binary bytes': (t, r) => {
    const i = at(t, r);
    const bytes = Array.from({ length: 16 + Math.floor(r() * 64) }, () => String.fromCharCode(Math.floor(r() * 256))).join('');
    return t.slice(0, i) + bytes + t.slice(i);
  },
};

export type Outcome = 'clean' | 'located messages' | 'crash' | 'hang' | 'silent drop';

export interface CaseResult {
  mutator: string;
  source: string;
  outcome: Outcome;
  detail?: string;
}

/** What the content loader does with a chapter's frontmatter: the shape, the YAML, then the schema. */
export function loaderVerdict(source: string): { ok: true } | { ok: false; line: number; message: string } {
  const split = splitFrontmatter(source);
  const [problem] = [...frontmatterShapeProblems(source), ...yamlHazards(source, split), ...frontmatterProblems(source)];
  return problem ? { ok: false, line: problem.line, message: problem.message } : { ok: true };
}

function parses(source: string): boolean {
  try {
    parseMdx(source);
    return true;
  } catch {
    return false;
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one mutated chapter through the checker and the loader's validation. */
export async function runCase(
  mutator: string,
  source: string,
  file: string,
  options: { contentDir: string; root: string },
  timeoutMs = 20_000,
): Promise<CaseResult> {
  try {
    const loader = loaderVerdict(source);
    if (!loader.ok && (!Number.isInteger(loader.line) || loader.line < 1 || !loader.message)) {
      return { mutator, source, outcome: 'crash', detail: 'loader error without a line or reason' };
    }
    const messages = await withTimeout(checkSource(source, file, { ...options, today: '2026-06-01' }), timeoutMs);
    if (messages === 'timeout') return { mutator, source, outcome: 'hang', detail: `no answer within ${timeoutMs} ms` };
    const unlocated = messages.find((m) => !(m.line >= 1 && m.column >= 1 && m.message && m.ruleId));
    if (unlocated) return { mutator, source, outcome: 'crash', detail: `message without a location: ${JSON.stringify(unlocated)}` };
    if (messages.length === 0 && (!parses(source) || !loader.ok)) {
      return { mutator, source, outcome: 'silent drop', detail: 'broken chapter passed with no message' };
    }
    return { mutator, source, outcome: messages.length === 0 ? 'clean' : 'located messages' };
  } catch (error) {
    return { mutator, source, outcome: 'crash', detail: (error as Error).stack ?? String(error) };
  }
}

/** Makes `count` cases from the given chapters, cycling through the mutators. */
export function makeCases(chapters: readonly string[], count: number, seed: number): { mutator: string; source: string }[] {
  const rnd = random(seed);
  const names = Object.keys(MUTATORS);
  return Array.from({ length: count }, (_, i) => {
    const mutator = names[i % names.length]!;
    // Some cases stack a second mutation on the first, as real accidents do.
    let source = MUTATORS[mutator]!(pick(chapters, rnd), rnd);
    if (rnd() < 0.25) source = MUTATORS[pick(names, rnd)]!(source, rnd);
    return { mutator, source };
  });
}
