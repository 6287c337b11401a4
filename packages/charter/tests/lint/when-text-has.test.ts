/**
 * Three of remark-lint's rules run only on texts that can hold what they look for
 * (src/lint/rules/when-text-has.ts): on every other text the rule itself must find nothing, so
 * leaving it out changes no result. Checked on every shipped chapter and rule example, and on each
 * with the characters the test looks for taken out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import noDuplicateDefinitions from 'remark-lint-no-duplicate-definitions';
import noEmphasisAsHeading from 'remark-lint-no-emphasis-as-heading';
import noUnusedDefinitions from 'remark-lint-no-unused-definitions';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseChapter } from '../../src/lib/mdx-parser.ts';
import { readRuleDoc } from '../../src/lint/rule-docs.ts';
import { ALL_RULES } from '../../src/lint/rules/index.ts';
import { engineRoot, repoRoot } from './support.ts';

const RULES = [
  { rule: noEmphasisAsHeading, test: /[*_]/ },
  { rule: noDuplicateDefinitions, test: /\]:/ },
  { rule: noUnusedDefinitions, test: /\]:/ },
];

function texts(): { text: string; format: 'md' | 'mdx' }[] {
  const folders = [path.join(repoRoot, 'examples/northwind/src/content'), path.join(engineRoot, 'tests/fixtures')];
  const chapters = folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.mdx?$/.test(file))
      .map((file) => ({ text: readFileSync(path.join(folder, file), 'utf8'), format: file.endsWith('.md') ? ('md' as const) : ('mdx' as const) })),
  );
  const examples = ALL_RULES.flatMap((rule) => readRuleDoc(rule.docFile).examples).map((example) => ({
    text: example.text,
    format: example.name.endsWith('.md') ? ('md' as const) : ('mdx' as const),
  }));
  const all = [...chapters, ...examples];
  return [...all, ...all.map(({ text, format }) => ({ text: text.replace(/[*_]|\]:/g, ' '), format }))].filter((t) => t.text.length < 20_000);
}

async function messagesOf(rule: (typeof RULES)[number]['rule'], tree: Root, text: string, format: 'md' | 'mdx'): Promise<string[]> {
  const file = new VFile({ path: `x.${format}`, value: text });
  await unified().use(rule).run(structuredClone(tree), file);
  return file.messages.map((message) => message.reason);
}

function parsed(text: string, format: 'md' | 'mdx'): Root | undefined {
  try {
    return parseChapter(text, format);
  } catch {
    return undefined;
  }
}

describe('rules that run only where their nodes can be', () => {
  it('find nothing in a text their test leaves out', async () => {
    let left = 0;
    let found = 0;
    for (const { text, format } of texts()) {
      const tree = parsed(text, format);
      if (!tree) continue;
      for (const { rule, test } of RULES) {
        const messages = await messagesOf(rule, tree, text, format);
        if (test.test(text)) found += messages.length;
        else {
          expect(messages, text.slice(0, 200)).toEqual([]);
          left++;
        }
      }
    }
    // Both kinds of text are there: ones the rules have something to say about, and ones they skip.
    expect(found).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(100);
  });
});
