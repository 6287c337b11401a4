/**
 * The checker's errors in a folder, one line each, for tools that must refuse bad content. Loads
 * the checker lazily so the tools still start when it is being changed.
 */
import path from 'node:path';

export async function lintProblemsIn(dir: string): Promise<string[]> {
  const checker = (await import('../lint/index.ts')) as {
    checkFiles: (
      paths: string[],
      options?: object,
    ) => Promise<{ file: string; line: number; column: number; ruleId: string; severity: string; message: string }[]>;
  };
  const messages = await checker.checkFiles([dir]);
  return messages.filter((m) => m.severity === 'error').map((m) => `${path.normalize(m.file)}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
}
