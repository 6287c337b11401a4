/** The bench's command line: sizes, repetitions and which parts to leave out. */
import { parseArgs } from 'node:util';

export class BenchUsageError extends Error {}

/** The parts a run can leave out; `build` is the two builds of the corpus, which search runs on. */
export const BENCH_PARTS = ['build', 'search', 'checker', 'dev', 'import', 'lsp', 'ack', 'pdf'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  chapters: number;
  editions: number;
  runs: number;
  /** Files of the generated Markdown handbook `charter import` reads. */
  importFiles: number;
  skip: Set<BenchPart>;
  json?: string;
  keep: boolean;
}

const USAGE =
  'Usage: npm run bench -- [--chapters 300] [--editions 3] [--runs 1] [--import-files 1000] [--skip build,search,checker,dev,import,lsp,ack,pdf] [--json <file>] [--keep]';

function positiveInteger(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BenchUsageError(`--${name} must be a whole number from 1 to ${max}, not "${value}".\n${USAGE}`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        chapters: { type: 'string' },
        editions: { type: 'string' },
        runs: { type: 'string' },
        'import-files': { type: 'string' },
        skip: { type: 'string' },
        json: { type: 'string' },
        keep: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const skip = new Set<BenchPart>();
  for (const part of (values.skip ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (!(BENCH_PARTS as readonly string[]).includes(part)) throw new BenchUsageError(`--skip takes ${BENCH_PARTS.join(', ')}, not "${part}".\n${USAGE}`);
    skip.add(part as BenchPart);
  }
  // Search is measured on the built sites (and on the example handbook, built for it).
  if (skip.has('build') && !skip.has('search')) throw new BenchUsageError(`--skip build leaves no site to search: add search to --skip.\n${USAGE}`);
  return {
    chapters: positiveInteger('chapters', values.chapters, 300, 100_000),
    editions: positiveInteger('editions', values.editions, 3, 20),
    runs: positiveInteger('runs', values.runs, 1, 20),
    importFiles: positiveInteger('import-files', values['import-files'], 1000, 100_000),
    skip,
    ...(values.json ? { json: values.json } : {}),
    keep: values.keep ?? false,
  };
}
