/**
 * Times `charter pdf` the way an adopter runs it: the real command as a child process, Chromium's
 * start included, printing the example handbook's current edition (the whole edition and one PDF
 * per section) from a build of it made for the purpose. Target: at most 60 s on two cores.
 *
 *   const result = await measurePdf(workFolder);
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { measureCommand } from './process-tree.ts';
import { astroBin, charterCli, exampleRoot } from '../support/paths.ts';

export const PDF_TARGET_SECONDS = 60;

export interface PdfBenchResult {
  seconds: number;
  files: number;
  pages: number;
  exitCode: number;
}

export const pdfVerdict = (seconds: number) => `≤ ${PDF_TARGET_SECONDS} s: ${seconds <= PDF_TARGET_SECONDS ? 'met' : 'MISSED'}`;

export async function measurePdf(work: string): Promise<PdfBenchResult> {
  const dist = path.join(work, 'pdf-dist');
  mkdirSync(work, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDBOOK_PDF: 'off' };
  delete env.HANDBOOK_CONTENT_DIR;
  const built = await measureCommand(process.execPath, [astroBin, 'build', '--outDir', dist], { cwd: exampleRoot, env });
  if (built.exitCode !== 0) throw new Error(`The example handbook's build for charter pdf failed (exit ${built.exitCode}):\n${built.output.slice(-4000)}`);
  const printed = await measureCommand(process.execPath, [charterCli, 'pdf', '--dist', dist], { cwd: exampleRoot, env });
  const lines = printed.output.split('\n').filter((line) => /\.pdf\s+\d+ pages?/.test(line));
  const pages = lines.reduce((sum, line) => sum + Number(/(\d+) pages?/.exec(line)![1]), 0);
  return { seconds: printed.seconds, files: lines.length, pages, exitCode: printed.exitCode };
}
