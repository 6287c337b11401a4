/**
 * The safety gate wired into the build and the dev server, on every path to the compiler:
 * - a Vite plugin that runs before any other transform of a `.md`/`.mdx` module (Astro's MDX
 *   plugin included) and refuses the module, so a chapter edited while `astro dev` runs is
 *   checked before it compiles, exactly as in the build;
 * - a check inside the compiler (a Sätteri plugin factory, which receives the very text being
 *   compiled before it is parsed), for any path that reaches the compiler some other way;
 * - a Sätteri hast plugin giving every link to another host that a chapter writes as `<a>` the
 *   rel="noopener noreferrer" that Markdown links get from the Link component.
 * The content loader gates every chapter up front (see content.config.ts), so the build lists all
 * problems of all files at once; these layers make sure nothing reaches the compiler unchecked.
 */
import type { AstroIntegration } from 'astro';
import { defineHastPlugin, type HastPluginEntry, type MdastPluginEntry, type PluginFactoryContext } from 'satteri';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { checkBody, ContentRefused, displayPath, formatProblem, gateProblems, passedGate, refusalMessage, type GateProblem } from '../gate/index.ts';
import { COMPILER_FEATURES, formatOf } from '../gate/compiler.ts';
import { classifyUrl } from '../gate/urls.ts';
import { attributeText } from '../gate/check-tree.ts';
import { componentPropValues } from '../lint/allowed-components.ts';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../lib/vocabulary.ts';
import { chapterLinksFor, markdownHeadingLinks } from './chapter-links.ts';
import { chapterStandardsFor } from './chapter-standards.ts';

/** A chapter the gate refused: a located message for Astro's error output and overlay. */
export class ChapterRefused extends ContentRefused {
  loc: { file: string; line: number; column: number };
  id: string;
  constructor(file: string, problems: readonly GateProblem[]) {
    super(refusalMessage(problems.map((p) => formatProblem(displayPath(process.cwd(), file), p))));
    this.name = 'ChapterRefused';
    this.stack = '';
    this.id = file;
    this.loc = { file, line: problems[0]?.line ?? 1, column: problems[0]?.column ?? 1 };
  }
}

/** Module ids of Markdown and MDX files, with or without a query. */
const CHAPTER_MODULE = /\.mdx?(?:$|\?)/;

/** The gate as a Vite plugin, for a handbook with this vocabulary. */
export function chapterGateVitePlugin(vocabulary: Vocabulary = DEFAULT_VOCABULARY): Plugin {
  return {
    name: 'charter:chapter-gate',
    enforce: 'pre',
    transform: {
      order: 'pre',
      filter: { id: CHAPTER_MODULE },
      async handler(code, id) {
        const file = id.split('?')[0]!;
        const problems = await gateProblems(code, formatOf(file), vocabulary);
        if (problems.length > 0) throw new ChapterRefused(file, problems);
        return null;
      },
    },
  };
}

/** Runs inside the compiler on the text it is about to parse; the Vite plugin has usually passed it already. */
export function gateInsideCompilerFor(vocabulary: Vocabulary): MdastPluginEntry {
  const propValues = componentPropValues(vocabulary);
  return (context: PluginFactoryContext) => {
    const format = context.sourceFormat === 'mdx' ? 'mdx' : 'md';
    if (passedGate(context.source, format, vocabulary)) return null;
    const problems = checkBody(context.source, format, propValues).problems;
    if (problems.length > 0) throw new ChapterRefused(context.fileURL ? fileURLToPath(context.fileURL) : '(chapter)', problems);
    return null;
  };
}

/** The check inside the compiler for a handbook without a vocabulary.yaml. */
export const gateInsideCompiler: MdastPluginEntry = gateInsideCompilerFor(DEFAULT_VOCABULARY);

type JsxElement = { attributes: { type: string; name?: string; value?: unknown }[] };

function withSafeRel<T extends JsxElement>(node: T): T | undefined {
  const hrefs = node.attributes.filter((a) => a.type === 'mdxJsxAttribute' && a.name === 'href').map((a) => attributeText(a.value));
  // Any href that is not plainly a path on this site counts as leaving it.
  if (!hrefs.some((href) => href === undefined || classifyUrl(href).kind !== 'site')) return undefined;
  return { ...node, attributes: [...node.attributes.filter((a) => a.name !== 'rel'), { type: 'mdxJsxAttribute', name: 'rel', value: 'noopener noreferrer' }] };
}

/**
 * Markdown links of `.md` chapters are rendered by the compiler itself, without the Link component
 * that gives MDX chapters' links their rel; MDX chapters leave this out.
 */
export const markdownExternalLinkRel: HastPluginEntry = (context: PluginFactoryContext) =>
  context.sourceFormat !== 'markdown'
    ? null
    : defineHastPlugin({
        name: 'charter-markdown-external-link-rel',
        element: {
          filter: ['a'],
          visit: (node, ctx) => {
            const href = node.properties?.['href'];
            if (typeof href === 'string' && classifyUrl(href).kind !== 'site') ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
          },
        },
      });

export const externalLinkRel = defineHastPlugin({
  name: 'charter-external-link-rel',
  mdxJsxTextElement: { filter: ['a'], visit: (node) => withSafeRel(node as unknown as JsxElement) as never },
  mdxJsxFlowElement: { filter: ['a'], visit: (node) => withSafeRel(node as unknown as JsxElement) as never },
});

/**
 * The site's Markdown and MDX processor: Astro's default compiler with the gate inside it and,
 * for a content folder, every link given its published address (chapter-links.ts) and every
 * `<Standard>` its chapter's edition (chapter-standards.ts).
 */
export function charterMarkdownProcessor(
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  links?: { contentDir: string; base: string; copyLinkLabel: (heading: string) => string },
) {
  return satteri({
    features: COMPILER_FEATURES,
    mdastPlugins: [gateInsideCompilerFor(vocabulary), ...(links ? [chapterLinksFor(links.contentDir, links.base), chapterStandardsFor(links.contentDir)] : [])],
    hastPlugins: [externalLinkRel, markdownExternalLinkRel, ...(links ? [markdownHeadingLinks(links.copyLinkLabel)] : [])],
  });
}

export function chapterGateIntegration(): AstroIntegration {
  return {
    name: 'charter:chapter-gate',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [chapterGateVitePlugin()] } });
      },
    },
  };
}
