/**
 * Checks that links inside the handbook lead somewhere: site paths (`/skills/listening/`), relative
 * MDX links (`../skills/listening.mdx`), `#anchors` and `<Term id>` glossary ids.
 *
 * Why: a broken link is a dead end for a colleague looking for help in the middle of a call.
 * Editions are published side by side, so a link must work in the edition it is written in.
 *
 * How: a path must name a chapter of the same edition (or an old path it lists in `redirectFrom`),
 * a section page (`/procedures/`), or one of the site's own pages (search, touchpoints, editions, review, reading paths, `/go/`
 * short links); it is written without the edition and with the trailing slash. An `#anchor` must be
 * the id of a heading in the target chapter: GitHub-style slugs (lowercase, punctuation removed,
 * spaces to hyphens, repeats numbered `-1`, `-2`). A `<Term id>` must be a glossary id. Every
 * message suggests the closest target that exists. External links (https:, mailto:, tel:) are not
 * followed.
 *
 * Options: none. Chapters are read from the edition folder.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   ## Our standard
 *
 *   See [Listening](/skills/listening/), [our standard](#our-standard),
 *   [the glossary](../reference/glossary.mdx) and <Term id="customer">customers</Term>.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   See [Listening](/skills/listning/), [the steps](#step) and
 *   <Term id="custmer">customers</Term>.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:5-1:35: Unexpected link to "/skills/listning/" (no such chapter in edition 2026.1), expected "/skills/listening/"
 *   1:37-1:55: Unexpected link to "#step" (no such heading in this chapter), expected a heading's id
 *   2:1-2:36: Unexpected glossary id "custmer" in <Term>, expected "customer"
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { headingAnchors } from '../edition-index.ts';
import { contextOf, type FileContext } from '../file-context.ts';
import { closest } from '../text/closest.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';

/** Site pages that are not chapters, by their path without slashes. */
const SITE_PAGES = new Set(['', 'search', 'touchpoints', 'editions', 'review', 'paths']);

interface Problem {
  reason: string;
  /** The closest target that exists. */
  expected?: string | undefined;
  /** What is expected when there is no target to suggest. */
  otherwise?: string;
}

interface Target {
  /** Where the link points, e.g. `/skills/listening/`. */
  path: string;
  anchor: string | undefined;
}

const links = lintRule<Root>({ origin: 'handbook:links' }, (tree, file) => {
  const context = contextOf(file);
  const ownAnchors = headingAnchors(tree);
  const check = (url: string, place: Position | undefined) => report(file, place, problemWith(url, context, ownAnchors));
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') check(node.url, node.position);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const href = node.name === 'a' ? stringAttribute(node, 'href') : undefined;
      if (href !== undefined) check(href, node.position);
      if (node.name === 'Term') report(file, node.position, problemWithTerm(node, context));
    }
  });
});

export default links;

function report(file: VFile, place: Position | undefined, problem: Problem | undefined): void {
  if (!problem) return;
  const expectation = problem.expected ? `"${problem.expected}"` : (problem.otherwise ?? 'a page of the handbook');
  const message = file.message(`${problem.reason}, expected ${expectation}`, { place });
  if (problem.expected) message.expected = [problem.expected];
}

function stringAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return attribute && typeof attribute.value === 'string' ? attribute.value : undefined;
}

function problemWithTerm(node: MdxJsxFlowElement | MdxJsxTextElement, context: FileContext): Problem | undefined {
  const id = stringAttribute(node, 'id');
  const ids = context.handbook.glossary.map((entry) => entry.id);
  if (id !== undefined && ids.includes(id)) return undefined;
  const reason = id === undefined ? 'Unexpected <Term> without an id' : `Unexpected glossary id "${id}" in <Term>`;
  return { reason, expected: closest(id ?? '', ids) };
}

/** What is wrong with a link, or undefined when it resolves (or leaves the handbook). */
function problemWith(url: string, context: FileContext, ownAnchors: ReadonlySet<string>): Problem | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  if (url.trim() === '') return { reason: 'Unexpected empty link', otherwise: 'a site path such as "/skills/listening/"' };
  if (url.startsWith('#')) return problemWithAnchor(url, decodeAnchor(url.slice(1)), ownAnchors, 'in this chapter', '');
  const target = resolveTarget(url, context);
  if (!target) return undefined;
  return problemWithPath(url, target, context);
}

function decodeAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}

/** The site path a link means: relative links are resolved from the chapter's own address. */
function resolveTarget(url: string, context: FileContext): Target | undefined {
  const [address = '', anchor] = url.split('#', 2) as [string, string | undefined];
  const withoutQuery = address.split('?')[0]!;
  const chapterSlug = context.chapterFile?.replace(/\.mdx$/, '') ?? '';
  let path: string;
  try {
    if (withoutQuery.startsWith('/')) {
      path = withoutQuery;
    } else if (withoutQuery.endsWith('.mdx')) {
      // A relative file link, from the folder of this chapter's file.
      const resolved = new URL(withoutQuery, `https://handbook.invalid/${chapterSlug}.mdx`).pathname;
      path = `${resolved.replace(/\.mdx$/, '')}/`;
    } else {
      // A relative page link, from this chapter's address.
      path = new URL(withoutQuery, `https://handbook.invalid/${chapterSlug}/`).pathname;
    }
  } catch {
    // An address no browser can resolve leads nowhere on the site; it must not stop the other links' checks.
    return undefined;
  }
  // Files such as /favicon.svg are served from public/; the link checker of the build covers them.
  if (/\.[a-z0-9]+$/i.test(path)) return undefined;
  return { path: decodeAnchor(path), anchor: anchor === undefined ? undefined : decodeAnchor(anchor) };
}

function problemWithPath(url: string, target: Target, context: FileContext): Problem | undefined {
  const { index } = context;
  const segments = target.path.split('/').filter(Boolean);
  const slug = segments.join('/');
  const suggestion = () => `/${closest(slug, index.slugs()) ?? ''}/${target.anchor ? `#${target.anchor}` : ''}`;
  if (segments[0] && context.handbook.editions.some((edition) => edition.id === segments[0]) && segments.length > 1) {
    const rest = segments.slice(1).join('/');
    return {
      reason: `Unexpected edition "${segments[0]}" in link "${url}" (links stay in their own edition)`,
      expected: `/${rest}/${target.anchor ? `#${target.anchor}` : ''}`,
    };
  }
  const chapter = index.hasChapter(slug) ? slug : index.redirectTarget(slug);
  if (chapter === undefined && !isSitePage(segments, context)) {
    return { reason: `Unexpected link to "${url}" (no such chapter in edition ${context.edition})`, expected: suggestion() };
  }
  if (!target.path.endsWith('/')) {
    return { reason: `Unexpected link "${url}" without a trailing slash`, expected: `${target.path}/${target.anchor ? `#${target.anchor}` : ''}` };
  }
  if (chapter === undefined || target.anchor === undefined) return undefined;
  const anchors = chapter === ownSlug(context) ? undefined : index.anchorsOf(chapter);
  if (!anchors) return undefined;
  return problemWithAnchor(url, target.anchor, anchors, `in "/${chapter}/"`, `/${chapter}/`);
}

function ownSlug(context: FileContext): string | undefined {
  return context.chapterFile?.replace(/\.mdx$/, '');
}

function problemWithAnchor(url: string, anchor: string, anchors: ReadonlySet<string>, where: string, prefix: string): Problem | undefined {
  if (anchors.has(anchor)) return undefined;
  const nearest = closest(anchor, anchors);
  return {
    reason: `Unexpected link to "${url}" (no such heading ${where})`,
    expected: nearest === undefined ? prefix || undefined : `${prefix}#${nearest}`,
    otherwise: "a heading's id",
  };
}

/** Pages of the site that are not chapters: search, reading paths, short links, change lists… */
function isSitePage(segments: readonly string[], context: FileContext): boolean {
  const [first = '', second, third] = segments;
  if (segments.length <= 1 && SITE_PAGES.has(first)) return true;
  // A section's own page, e.g. /procedures/: it exists when the edition has a chapter in that folder.
  if (segments.length === 1 && context.index.slugs().some((slug) => slug.startsWith(`${first}/`))) return true;
  if (first === 'paths' && second !== undefined && segments.length <= 3) {
    return context.handbook.paths.some((path) => path.id === second) && (third === undefined || third === 'print');
  }
  if (first === 'go' && second !== undefined && segments.length === 2) {
    return context.index.shortLinks().has(second) || context.handbook.paths.some((path) => path.shortLink === second);
  }
  if (first === 'changes' && second !== undefined && segments.length === 2) return context.handbook.editions.some((e) => e.id === second);
  return false;
}
