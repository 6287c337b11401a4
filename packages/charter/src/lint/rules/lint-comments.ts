/**
 * Checks the comments that turn rules off: `{/* lint disable <rule> *\/}`, `{/* lint enable <rule> *\/}`
 * and `{/* lint ignore <rule> *\/}` (the next block or element only); in a Markdown (`.md`) chapter
 * the same words go in an HTML comment, `<!-- lint disable <rule> -->`, as remark-lint reads them. Reported: a keyword other than
 * disable, enable or ignore; a rule id the checker does not know (the closest one is suggested);
 * a comment that starts with "lint" but cannot be read; a `disable` that is never enabled again
 * before the end of the file; and, as an error, a comment that tries to turn off a rule of the
 * build's gate (`mdx-safety`, `mdx-syntax`, `content-limits`, `frontmatter`) or names no rule at
 * all (which would mean every rule).
 *
 * Why: a misspelled rule in a lint comment silently turns nothing off, and a forgotten `enable`
 * silently turns a rule off for the rest of the chapter. The gate's rules keep code out of the
 * site and are never turned off; a comment that tries says so instead of appearing to work.
 *
 * How: comments are read with mdast-comment-marker, as the checker's message control reads them.
 * Rule ids are the checker's own (`terminology`, `links`…) and `repeated-words` and `equality`
 * for the prose suggestions. A comment may stand on its own line between blocks, or inside a
 * paragraph; `ignore` applies to the block or element that follows it.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   {/* lint disable terminology *\/}
 *
 *   The e-mail spelling stays in this quotation from 2019.
 *
 *   {/* lint enable terminology *\/}
 *
 *   {/* lint ignore phrases-to-avoid *\/}
 *
 *   No problem is the phrase this paragraph is about.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   {/* lint disable terminolgy *\/}
 *
 *   {/* lint skip links *\/}
 *
 *   {/* lint disable spelling-variant *\/}
 *
 *   Our favourite colour.
 *
 *   {/* lint ignore mdx-safety *\/}
 *
 *   {/* lint ignore *\/}
 *
 *   Text.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-1:32: Unexpected rule "terminolgy" in a lint comment, expected "terminology"
 *   3:1-3:24: Unexpected keyword "skip" in a lint comment, expected "disable", "enable" or "ignore"
 *   5:1-5:38: Unexpected "lint disable spelling-variant" without a later "lint enable spelling-variant", expected the rule enabled again before the end of the file
 *   9:1-9:31: Unexpected "lint ignore mdx-safety": the build's safety, syntax, limits and frontmatter checks cannot be turned off, expected the names of house-style rules only
 *   11:1-11:20: Unexpected "lint ignore" without rule ids, which would mean every rule, expected the names of the house-style rules to turn off (the build's safety checks stay on)
 *
 * @example
 *   {"name": "ok.md", "config": {"path": "editions/2026.1/reference/rule-example.md"}}
 *
 *   <!-- lint ignore terminology -->
 *
 *   The old spelling e-mail stays in this quotation.
 *
 * @example
 *   {"name": "markdown.md", "label": "input", "config": {"path": "editions/2026.1/reference/rule-example.md"}}
 *
 *   <!-- lint disable terminolgy -->
 *
 *   Text.
 *
 * @example
 *   {"name": "markdown.md", "label": "output"}
 *
 *   1:1-1:33: Unexpected rule "terminolgy" in a lint comment, expected "terminology"
 */
import type { Root } from 'mdast';
import { commentMarker, type Marker } from 'mdast-comment-marker';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { contextOf } from '../file-context.ts';
import { GATE_RULE_IDS } from '../../gate/index.ts';
import { closest } from '../text/closest.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

/** The marker name the checker's comments use: `{/* lint … *\/}`. */
export const MARKER_NAME = 'lint';
export const MARKER_VERBS = ['disable', 'enable', 'ignore'];

const lintComments = lintRule<Root>({ origin: 'handbook:lint-comments' }, (tree, file) => {
  // Comments are MDX expressions (`{…}`) or HTML (`<!-- … -->`): a text with neither holds none.
  if (!/[{<]/.test(String(file.value))) return;
  const known = contextOf(file).knownRuleIds;
  const open = new Map<string, Marker>();
  visit(tree, ['mdxFlowExpression', 'mdxTextExpression', 'html'], (node) => {
    const marker = commentMarker(node);
    if (!marker) {
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') checkUnreadable(node.value, node.position, file);
      return;
    }
    if (marker.name !== MARKER_NAME) return;
    const [verb = '', ...ruleIds] = marker.attributes.split(/\s+/).filter(Boolean);
    if (!MARKER_VERBS.includes(verb)) {
      file.message(`Unexpected keyword "${verb}" in a lint comment, expected "disable", "enable" or "ignore"`, { place: node.position });
      return;
    }
    const gateIds = ruleIds.filter((id) => (GATE_RULE_IDS as readonly string[]).includes(id));
    if (gateIds.length > 0) {
      const comment = `lint ${verb} ${gateIds.join(' ')}`;
      fatal(
        file.message(
          `Unexpected "${comment}": the build's safety, syntax, limits and frontmatter checks cannot be turned off, expected the names of house-style rules only`,
          { place: node.position },
        ),
      );
    } else if (ruleIds.length === 0 && verb !== 'enable') {
      fatal(
        file.message(
          `Unexpected "lint ${verb}" without rule ids, which would mean every rule, expected the names of the house-style rules to turn off (the build's safety checks stay on)`,
          { place: node.position },
        ),
      );
    }
    for (const ruleId of ruleIds.filter((id) => !known.includes(id) && !(GATE_RULE_IDS as readonly string[]).includes(id))) {
      const message = file.message(`Unexpected rule "${ruleId}" in a lint comment, expected "${closest(ruleId, known)}"`, { place: node.position });
      message.actual = ruleId;
    }
    const knownIds = ruleIds.filter((id) => known.includes(id));
    // A comment naming only unknown rules turns nothing off, so it leaves nothing to re-enable.
    if (ruleIds.length === 0 || knownIds.length > 0) trackDisabled(open, verb, knownIds, marker);
  });
  for (const [ruleId, marker] of open) {
    const what = ruleId === '*' ? '' : ` ${ruleId}`;
    file.message(`Unexpected "lint disable${what}" without a later "lint enable${what}", expected the rule enabled again before the end of the file`, {
      place: marker.node.position,
    });
  }
});

export default lintComments;

/**
 * An error whatever the rule's level: these comments try to switch off what cannot be.
 * (unified-lint-rule sets `fatal` from the rule's level after the rule ran, so the checker reads
 * this mark instead.)
 */
function fatal(message: object): void {
  (message as ForcedError).forcedError = true;
}

export interface ForcedError {
  forcedError?: boolean;
}

function checkUnreadable(value: string, place: Position | undefined, file: VFile): void {
  const text = value.trim();
  if (!/^\/\*\s*lint\b/.test(text)) return;
  file.message(
    `Unexpected lint comment "{${text}}", expected {/* lint disable|enable|ignore rule-id … */} with ids such as terminology, or repeated-words and equality for prose`,
    { place },
  );
}

/** Remembers `disable`s until the matching `enable`; `*` stands for "all rules". */
function trackDisabled(open: Map<string, Marker>, verb: string, ruleIds: readonly string[], marker: Marker): void {
  if (verb === 'disable') {
    for (const id of ruleIds.length > 0 ? ruleIds : ['*']) if (!open.has(id)) open.set(id, marker);
  } else if (verb === 'enable') {
    if (ruleIds.length === 0) open.clear();
    for (const id of ruleIds) open.delete(id);
  }
}
