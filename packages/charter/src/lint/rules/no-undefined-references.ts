/**
 * Warns about a reference-style link or image whose definition is missing: `[the policy][policy]` without a `[policy]: …` line.
 *
 * Why: Markdown shows such a link as its brackets and words ("[the policy][policy]"), not as a link; a reader sees the markup and cannot follow it.
 *
 * How: remark-lint's own rule (remark-lint-no-undefined-references), run by the checker like every other rule, with its
 * messages in the house's "Unexpected …, expected …" form. It can be turned off or set to error in
 * the config's `checker` settings, for the whole handbook or for some folders.
 *
 * Options: `allow`, the bracketed words that are text rather than a reference, in the rule's
 * setting in charter.config.mjs: `checker: { rules: { 'no-undefined-references': ['warning', { allow: ['Ctrl'] }] } }`,
 * for the handbook or in an override for some folders.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   See [the policy][policy].
 *
 *   [policy]: /reference/house-style/
 *
 * @example
 *   {"name": "bad.md", "label": "input"}
 *
 *   See [the policy][policy] and [the form][form].
 *
 *   [policy]: /reference/house-style/
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   1:30-1:46: Unexpected reference to undefined definition, expected corresponding definition (`form`) for a link or escaped opening bracket (`\[`) for regular text
 *
 * @example
 *   {"name": "allowed.md", "config": {"path": "editions/2026.1/reference/rule-example.md", "checker": {"rules": {"no-undefined-references": ["warning", {"allow": ["Ctrl"]}]}}}}
 *
 *   Press [Ctrl] and C to copy the reference.
 *
 * @example
 *   {"name": "keys.md", "label": "input", "config": {"path": "editions/2026.1/reference/rule-example.md"}}
 *
 *   Press [Ctrl] and C to copy the reference.
 *
 * @example
 *   {"name": "keys.md", "label": "output"}
 *
 *   1:7-1:13: Unexpected reference to undefined definition, expected corresponding definition (`ctrl`) for a link or escaped opening bracket (`\[`) for regular text
 */
import type { Root } from 'mdast';
import type { Processor, Transformer } from 'unified';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import { contextOf } from '../file-context.ts';
import type { RuleSeverity } from '../types.ts';

type Upstream = (this: Processor, config: unknown) => Transformer<Root, Root>;

/**
 * remark-lint's rule with the options the config gives the file being checked: they can differ
 * from folder to folder, so the rule is set up for each file with its own.
 */
export default function noUndefinedReferences(this: Processor, config: unknown): Transformer<Root, Root> {
  const level = Array.isArray(config) ? config[0] : config;
  return (tree, file, next) => {
    const options = contextOf(file).ruleOptions['no-undefined-references'];
    const transform = (remarkLintNoUndefinedReferences as unknown as Upstream).call(this, options ? [level, options] : [level]);
    return (transform as unknown as (tree: Root, file: unknown, next: unknown) => unknown)(tree, file, next) as undefined;
  };
}

export const severity: RuleSeverity = 'warning';
