/**
 * A rule run only on texts that hold what it looks for: remark-lint's rules walk the whole tree
 * for one kind of node, and most chapters have none. The test must hold for every text in which
 * that kind of node can occur, so that leaving the rule out never changes a result.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';

type Next = (error?: Error | null) => void;
type Transform = (tree: Root, file: VFile, next: Next) => unknown;

export function whenTextHas(pattern: RegExp, plugin: Plugin<never[], Root>): Plugin<never[], Root> {
  return function (this: unknown, ...options: never[]) {
    const transform = (plugin as unknown as (...args: never[]) => Transform | undefined).apply(this, options);
    if (typeof transform !== 'function') return transform;
    // Three parameters, like unified-lint-rule's transformers: the checker's steps look for them.
    return function (tree: Root, file: VFile, next: Next) {
      if (!pattern.test(String(file.value))) return next();
      return transform(tree, file, next);
    };
  } as unknown as Plugin<never[], Root>;
}
