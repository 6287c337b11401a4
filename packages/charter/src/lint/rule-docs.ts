/**
 * Reads a rule's documentation from its module's top doc comment: the summary (first paragraph)
 * and the examples, in remark-lint's format:
 *
 *     @example
 *       {"name": "ok.mdx"}
 *
 *       Text that must not be flagged.
 *
 *     @example
 *       {"name": "bad.mdx", "label": "input"}
 *
 *       Text that must be flagged.
 *
 *     @example
 *       {"name": "bad.mdx", "label": "output"}
 *
 *       1:10-1:16: The message it gets
 *
 * `config` in the JSON line sets up the check: `today`, `path` (below the content folder), `base`
 * (the file's text at the git base), `lang` and `organization` (as in the site config; the test
 * handbook's own when left out) and `checker` (the config's `checker` settings, such as the
 * readability rule's thresholds). Inside a doc comment `*\/` stands for `*` `/`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { engineDir } from '../lib/engine-files.ts';
import { readLintFile } from './source-files.ts';
import { ALL_RULES } from './rules/index.ts';
import type { RuleSeverity } from './types.ts';

export interface ExampleConfig {
  today?: string;
  path?: string;
  base?: string;
  lang?: string;
  organization?: string;
  /** As the config's `checker`, validated by its schema. */
  checker?: unknown;
}

export interface RuleExample {
  name: string;
  label: 'ok' | 'input' | 'output';
  config: ExampleConfig;
  text: string;
}

export interface RuleDoc {
  summary: string;
  examples: RuleExample[];
}

/** Parses the first doc comment of a rule module's source. */
export function parseRuleDoc(source: string): RuleDoc {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const lines = comment.split('\n').map((line) => line.replace(/^\s*\* ?/, '').replace(/\*\\\//g, '*/'));
  const [intro = '', ...blocks] = lines.join('\n').split(/^@example\b.*$/m);
  const summary = (intro.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  return { summary, examples: blocks.map(parseExample) };
}

function parseExample(block: string): RuleExample {
  const lines = block.replace(/^\n+/, '').split('\n');
  const header = JSON.parse(lines[0]!.trim()) as { name: string; label?: 'input' | 'output'; config?: ExampleConfig };
  const body = lines
    .slice(1)
    .map((line) => line.replace(/^ {2}/, ''))
    .join('\n')
    .replace(/^\n/, '')
    .replace(/\s+$/, '');
  return { name: header.name, label: header.label ?? 'ok', config: header.config ?? {}, text: `${body}\n` };
}

/** The documentation of a rule module, by its file below src/lint/rules. */
export function readRuleDoc(docFile: string): RuleDoc {
  return parseRuleDoc(readLintFile(`rules/${docFile}`));
}

export interface RuleCatalogEntry {
  /** The id in reports, e.g. `terminology` or `prose:equality`. */
  id: string;
  severity: RuleSeverity;
  /** One or two sentences: what the rule asks for. */
  summary: string;
  /** Examples that pass. */
  good: string[];
  /** Examples that the rule reports. */
  bad: string[];
}

/** The catalog of every rule, from the rule modules' doc comments (for the House style page). */
export function buildRuleCatalog(): RuleCatalogEntry[] {
  return ALL_RULES.map((rule) => {
    const doc = readRuleDoc(rule.docFile);
    return {
      id: rule.reportId,
      severity: rule.severity,
      summary: doc.summary,
      good: doc.examples.filter((example) => example.label === 'ok').map((example) => example.text),
      bad: doc.examples.filter((example) => example.label === 'input').map((example) => example.text),
    };
  });
}

/**
 * Where a rule is documented: its module in the installed engine, whose doc comment says what the
 * rule asks for, why, and shows examples. A file address works on an intranet and opens in the
 * editor that shows the message; undefined for an id that is not a rule.
 */
export function ruleDocUrl(ruleId: string): string | undefined {
  const rule = ALL_RULES.find((candidate) => candidate.reportId === ruleId || candidate.id === ruleId);
  return rule && pathToFileURL(path.join(engineDir(), 'src', 'lint', 'rules', rule.docFile)).href;
}
