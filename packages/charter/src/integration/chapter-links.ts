/**
 * Gives every link and image of a chapter the address its published page needs, inside the
 * compiler, for Markdown and MDX alike: a link to a chapter's file becomes a link to that
 * chapter's page, a site path and a file next to the chapter get the chapter's edition and the
 * site's base path (lib/link-targets.ts says how). Raw HTML in Markdown chapters is rewritten
 * attribute by attribute, and its links to other hosts get rel="noopener noreferrer" as Markdown
 * links do; its HTML comments, notes between editors, are left out of the page.
 *
 * Why inside the compiler: the page then holds final addresses, whichever way it was written
 * (Markdown, `<a>` in MDX, HTML in Markdown), and the build's link check (lib/link-check.ts) has
 * already refused every link that would lead nowhere.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginEntry, type MdastPluginDefinition, type MdastPluginEntry, type PluginFactoryContext } from 'satteri';
import { readManifest } from '../lib/content-files.ts';
import type { EditionRef } from '../lib/edition-urls.ts';
import { publishedHref } from '../lib/link-targets.ts';
import { isExternalHref } from '../lib/links.ts';
import { attributeText, isPlainComment } from '../gate/check-tree.ts';
import { rewriteRawHtml } from '../gate/raw-html.ts';

interface Place {
  edition: EditionRef;
  /** Below the edition folder. */
  chapterFile: string;
}

/** The chapter's edition and file, for a file inside `<content>/editions/`; undefined elsewhere. */
function placeOf(file: string, contentDir: string, editions: () => readonly EditionRef[]): Place | undefined {
  const relative = path.relative(path.join(contentDir, 'editions'), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [id, ...rest] = relative.split(path.sep);
  const edition = editions().find((e) => e.id === id);
  return edition && rest.length > 0 ? { edition, chapterFile: rest.join('/') } : undefined;
}

/** The manifest's editions, read again when the file changes (the dev server runs for hours). */
function manifestReader(contentDir: string): () => readonly EditionRef[] {
  let stamp = '';
  let editions: readonly EditionRef[] = [];
  return () => {
    const file = path.join(contentDir, 'editions.yaml');
    const now = existsSync(file) ? String(statSync(file).mtimeMs) : '-';
    if (now !== stamp) {
      stamp = now;
      try {
        editions = readManifest(contentDir);
      } catch {
        // The manifest's own loader refuses it with its problems; no chapter is built meanwhile.
        editions = [];
      }
    }
    return editions;
  };
}

type JsxAttribute = { type: string; name?: string; value?: unknown };

/**
 * Whether a chapter has anything this plugin would change. Most chapters of the current edition
 * under the root path only link by site path, which stays as written; leaving the plugin out for
 * them saves a call into JavaScript for every link of thousands of chapters.
 */
function needsRewriting(source: string, edition: EditionRef, base: string, format: string): boolean {
  if (edition.status !== 'current' || base !== '/') return true;
  // A Markdown chapter's comments leave the page; its HTML links get their rel.
  if (format === 'markdown' && /<!--|<a\b|<img\b/i.test(source)) return true;
  // Links to files (chapters, images, documents) and relative ones: `](./…`, `](../…`, `](name.md`, `href="…"`.
  return /\]\(\s*<?(?![a-z][a-z0-9+.-]*:|\/|#)|^\s*\[[^\]]+\]:\s*<?(?![a-z][a-z0-9+.-]*:|\/|#)|\.mdx?[#)?"'\s>]|\b(?:href|src)=/im.test(source);
}

/** The plugin for a content folder and the site's base path. */
export function chapterLinksFor(contentDir: string, base: string): MdastPluginEntry {
  const editions = manifestReader(contentDir);
  return (context: PluginFactoryContext) => {
    const file = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
    const place = file === undefined ? undefined : placeOf(file, contentDir, editions);
    if (!place || !needsRewriting(context.source, place.edition, base, context.sourceFormat)) return null;
    const href = (url: string) => publishedHref(url, place.chapterFile, place.edition, base);
    const jsx = (node: { name?: string | null; attributes?: JsxAttribute[] }, ctx: { setProperty: (node: never, key: 'attributes', value: never) => void }) => {
      const attribute = node.name === 'a' ? 'href' : node.name === 'img' ? 'src' : undefined;
      if (!attribute || !node.attributes) return;
      let changed = false;
      const attributes = node.attributes.map((a) => {
        const written = a.type === 'mdxJsxAttribute' && a.name === attribute ? attributeText(a.value) : undefined;
        if (written === undefined) return a;
        const rewritten = href(written);
        if (rewritten === written) return a;
        changed = true;
        return { type: 'mdxJsxAttribute', name: attribute, value: rewritten };
      });
      if (changed) ctx.setProperty(node as never, 'attributes', attributes as never);
    };
    const plugin: MdastPluginDefinition = {
      name: 'charter-chapter-links',
      link: (node, ctx) => {
        const rewritten = href(node.url);
        if (rewritten !== node.url) ctx.setProperty(node, 'url', rewritten);
      },
      image: (node, ctx) => {
        const rewritten = href(node.url);
        if (rewritten !== node.url) ctx.setProperty(node, 'url', rewritten);
      },
      definition: (node, ctx) => {
        const rewritten = href(node.url);
        if (rewritten !== node.url) ctx.setProperty(node, 'url', rewritten);
      },
      html: (node, ctx) => {
        // An HTML comment is a note between editors, as `{/* … */}` is in MDX: it stays out of the page.
        if (isPlainComment(node.value.trim())) return ctx.removeNode(node);
        if (!/<(?:a|img)\b/i.test(node.value)) return;
        const rewritten = rewriteRawHtml(
          node.value,
          (element, attribute, value) => ((element === 'a' && attribute === 'href') || (element === 'img' && attribute === 'src') ? href(value) : undefined),
          (element) => {
            const target = element.name === 'a' ? element.attributes.find((a) => a.name === 'href')?.value : undefined;
            return target !== undefined && isExternalHref(target) ? 'rel="noopener noreferrer"' : '';
          },
        );
        if (rewritten !== node.value) ctx.setProperty(node, 'value', rewritten);
      },
      mdxJsxFlowElement: (node, ctx) => jsx(node as never, ctx as never),
      mdxJsxTextElement: (node, ctx) => jsx(node as never, ctx as never),
    };
    // Only the kinds of node the chapter can have: each visitor is a call into JavaScript per node.
    const source = context.source;
    if (!source.includes('<')) {
      delete plugin.html;
      delete plugin.mdxJsxFlowElement;
      delete plugin.mdxJsxTextElement;
    }
    if (!source.includes('![')) delete plugin.image;
    if (!source.includes(']:')) delete plugin.definition;
    return plugin;
  };
}

/**
 * Headings of Markdown chapters get the copy-link control MDX chapters get from the Heading
 * component (layouts/parts/Heading.astro): the same markup, so the same styles and script serve
 * both. The ids are made here as the site's processor makes them (GitHub-style slugs of the text,
 * repeats numbered), and the processor keeps an id it finds.
 */
export function markdownHeadingLinks(label: (heading: string) => string): HastPluginEntry {
  return (context: PluginFactoryContext) => {
    if (context.sourceFormat !== 'markdown') return null;
    const slugger = new GithubSlugger();
    return defineHastPlugin({
      name: 'charter-markdown-heading-links',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit: (node, ctx) => {
          const text = ctx.textContent(node);
          const existing = node.properties?.['id'];
          const id = typeof existing === 'string' ? existing : slugger.slug(text);
          const level = Number(node.tagName.slice(1));
          if (level < 2 || level > 4) return;
          ctx.replaceNode(node, {
            type: 'element',
            tagName: 'div',
            properties: { className: ['heading-wrap', `level-${level}`] },
            children: [
              { ...node, properties: { ...node.properties, id } },
              {
                type: 'element',
                tagName: 'a',
                properties: { className: ['heading-anchor'], href: `#${id}`, dataCopyLink: '', dataPagefindIgnore: '' },
                children: [
                  { type: 'element', tagName: 'span', properties: { className: ['heading-anchor-icon'], ariaHidden: 'true' }, children: [] },
                  { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: label(text.trim()) }] },
                ],
              },
            ],
          } as never);
        },
      },
    });
  };
}
