/**
 * Every rule's doc comment carries examples that must pass and examples with their exact messages.
 * This harness runs them all, so the documentation and the rules cannot drift apart.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/lint/index.ts';
import { readRuleDoc, type RuleExample } from '../../src/lint/rule-docs.ts';
import { checkerConfigSchema } from '../../src/lint/rule-settings.ts';
import { ALL_RULES } from '../../src/lint/rules/index.ts';
import type { LintMessage } from '../../src/lint/types.ts';
import { handbookContent, handbookSettings, root, TODAY } from './support.ts';

const docFiles = [...new Set(ALL_RULES.map((rule) => rule.docFile))];

async function runExample(example: RuleExample, ruleIds: readonly string[]): Promise<LintMessage[]> {
  const file = path.join(handbookContent, example.config.path ?? 'editions/2026.1/reference/rule-example.mdx');
  const base = example.config.base;
  const messages = await checkSource(example.text, file, {
    contentDir: handbookContent,
    root,
    today: example.config.today ?? TODAY,
    lang: example.config.lang ?? handbookSettings.lang,
    organization: example.config.organization ?? handbookSettings.organization,
    ruleSettings: example.config.checker === undefined ? undefined : checkerConfigSchema.parse(example.config.checker),
    ...(base === undefined ? {} : { readBase: () => base, baseLabel: 'the base' }),
  });
  return messages.filter((message) => ruleIds.includes(message.ruleId));
}

function asOutputLine(m: LintMessage): string {
  const end = m.endLine === m.line && m.endColumn === m.column ? '' : `-${m.endLine}:${m.endColumn}`;
  return `${m.line}:${m.column}${end}: ${m.message}`;
}

describe.each(docFiles)('the documented examples of rules/%s', (docFile) => {
  const doc = readRuleDoc(docFile);
  const ruleIds = ALL_RULES.filter((rule) => rule.docFile === docFile).map((rule) => rule.reportId);
  const passing = doc.examples.filter((example) => example.label === 'ok');
  const failing = doc.examples.filter((example) => example.label === 'input');

  it('has a summary, a passing example and a failing example with its output', () => {
    expect(doc.summary.length).toBeGreaterThan(20);
    expect(passing.length).toBeGreaterThan(0);
    expect(failing.length).toBeGreaterThan(0);
    for (const input of failing) expect(doc.examples.some((e) => e.label === 'output' && e.name === input.name)).toBe(true);
  });

  it.each(passing.map((example) => [example.name, example] as const))('reports nothing for %s', async (_name, example) => {
    expect((await runExample(example, ruleIds)).map(asOutputLine)).toEqual([]);
  });

  it.each(failing.map((example) => [example.name, example] as const))('reports exactly the documented output for %s', async (_name, example) => {
    const output = doc.examples.find((e) => e.label === 'output' && e.name === example.name)!;
    const expected = output.text.trim().split('\n');
    expect((await runExample(example, ruleIds)).map(asOutputLine)).toEqual(expected);
  });
});
