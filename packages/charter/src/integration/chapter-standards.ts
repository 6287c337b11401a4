/**
 * Tells every `<Standard id="…" />` of a chapter which edition it belongs to, inside the compiler:
 * the element gets an `edition` attribute from the chapter's folder (`editions/<id>/…`), which the
 * component (components/Standard.astro) reads to state the standard as that edition declares it.
 *
 * Why at compile time: a chapter is rendered on its own page, in the welcome packet and in the
 * PDF, and an edition's page may show chapters of another; the chapter's own folder is the one
 * answer that holds everywhere. An `edition` written by hand is replaced, so a chapter cannot state
 * another edition's standard.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';

/** The edition folder a chapter file sits in, or undefined outside `<content>/editions/<id>/`. */
export function editionOfChapterFile(file: string, contentDir: string): string | undefined {
  const relative = path.relative(path.join(contentDir, 'editions'), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}

type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxNode = { type: string; name?: string | null; attributes?: JsxAttribute[]; children?: unknown[] };
type Context = { replaceNode: (node: never, replacement: never) => void };

export function chapterStandardsFor(contentDir: string): MdastPluginEntry {
  return (context: PluginFactoryContext) => {
    if (!context.source.includes('<Standard')) return null;
    const file = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
    const edition = file === undefined ? undefined : editionOfChapterFile(file, contentDir);
    if (edition === undefined) return null;
    const visit = (node: JsxNode, ctx: Context) => {
      if (node.name !== 'Standard') return;
      const own = (node.attributes ?? []).filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === 'edition'));
      // The compiler sets a list property only by replacing the node; <Standard> has no children to keep.
      const attributes = [...own.map(({ type, name, value }) => ({ type, name, value })), { type: 'mdxJsxAttribute', name: 'edition', value: edition }];
      ctx.replaceNode(node as never, { type: node.type, name: node.name, attributes, children: [] } as never);
    };
    const plugin: MdastPluginDefinition = {
      name: 'charter-chapter-standards',
      mdxJsxFlowElement: (node, ctx) => visit(node as never, ctx as never),
      mdxJsxTextElement: (node, ctx) => visit(node as never, ctx as never),
    };
    return plugin;
  };
}
