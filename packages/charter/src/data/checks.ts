/** The knowledge checks of a chapter, for the reading-path pages and the welcome packet's answer sheet. */
import { compilerTree } from '../gate/compiler.ts';
import type { TreeNode } from '../gate/check-tree.ts';
import { knowledgeChecksIn, type KnowledgeCheck } from '../gate/knowledge-checks.ts';
import { chapterFormatOf } from '../lib/chapter-files.ts';
import type { Chapter } from './handbook.ts';

const read = new Map<string, KnowledgeCheck[]>();

/**
 * Read from the compiler's tree of the chapter's body, as the gate reads it (a Markdown chapter
 * has no components, so no checks). The gate has refused the build before any page asks for a
 * chapter whose checks have problems.
 */
export function checksOf(chapter: Chapter): KnowledgeCheck[] {
  const key = `${chapter.edition}/${chapter.slug}`;
  let checks = read.get(key);
  if (!checks) {
    const format = chapterFormatOf(chapter.file);
    checks = format === 'mdx' ? knowledgeChecksIn(compilerTree(chapter.entry.body ?? '', format) as TreeNode) : [];
    read.set(key, checks);
  }
  return checks;
}
