/**
 * Where the handbook's content lives. Teams may keep content in a repository of its own and point
 * the build at it with HANDBOOK_CONTENT_DIR; the folder has the same layout as `src/content`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContentRefused } from '../gate/problem.ts';

export const DEFAULT_CONTENT_DIR = 'src/content';

/** Resolves the content folder, failing with a message an editor can act on. */
export function resolveContentDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const configured = env.HANDBOOK_CONTENT_DIR?.trim();
  const dir = path.resolve(cwd, configured || DEFAULT_CONTENT_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const origin = configured ? `HANDBOOK_CONTENT_DIR is set to "${configured}"` : `the default content folder "${DEFAULT_CONTENT_DIR}"`;
    // Refused content, not a fault: the message is the whole story, without a stack.
    throw new ContentRefused(
      `Content folder not found: ${origin}, which resolves to ${dir}. ` +
        'Point HANDBOOK_CONTENT_DIR at a folder with editions/, editions.yaml and sections.yaml, or unset it.',
    );
  }
  return dir;
}
