/** The API other code builds on: checkSource for editor buffers, and the rule catalog. */
import { describe, expect, it } from 'vitest';
import { checkSource, ruleCatalog } from '../../src/lint/index.ts';
import { root, handbookContent, TODAY } from './support.ts';

describe('checkSource', () => {
  it('checks text that is not on disk, as the chapter it will be', async () => {
    const file = `${handbookContent}/editions/2025.1/procedures/new.mdx`;
    const messages = await checkSource('See [Live chat](/procedures/live-chat/) by e-mail.\n', file, { contentDir: handbookContent, root, today: TODAY });
    const byRule = Object.fromEntries(messages.map((m) => [m.ruleId, m]));
    expect(byRule['links']?.message).toContain('edition 2025.1');
    expect(byRule['terminology']).toMatchObject({ file: 'src/content/editions/2025.1/procedures/new.mdx', line: 1, column: 44, expected: 'email' });
  });

  it("can be limited to some rules, but never leaves out the build gate's errors", async () => {
    const messages = await checkSource('The client, no problem.\n', 'x.mdx', { contentDir: handbookContent, root, today: TODAY, rules: ['terminology'] });
    expect(messages.map((m) => m.ruleId)).toEqual(['frontmatter', 'terminology']);
    const unsafe = await checkSource('export const a = 1\n', 'x.mdx', { contentDir: handbookContent, root, today: TODAY, rules: ['terminology'] });
    expect(unsafe.map((m) => m.ruleId)).toContain('mdx-safety');
  });
});

describe('ruleCatalog', () => {
  const severities = Object.fromEntries(ruleCatalog.map((rule) => [rule.id, rule.severity]));

  it('lists every rule with the severity the handbook promises', () => {
    expect(severities).toEqual({
      'mdx-syntax': 'error',
      'content-limits': 'error',
      frontmatter: 'error',
      'mdx-safety': 'error',
      'chapter-files': 'error',
      links: 'error',
      'procedure-structure': 'error',
      'phrases-to-avoid': 'error',
      'archived-frozen': 'error',
      'carry-pending': 'warning',
      'standard-consistency': 'warning',
      terminology: 'warning',
      'spelling-variant': 'warning',
      'heading-style': 'warning',
      'review-due': 'warning',
      'lint-comments': 'warning',
      'no-undefined-references': 'warning',
      'no-unused-definitions': 'warning',
      'no-duplicate-definitions': 'warning',
      'no-emphasis-as-heading': 'warning',
      'no-duplicate-headings-in-section': 'warning',
      'no-empty-url': 'warning',
      'heading-increment': 'warning',
      readability: 'warning',
      'prose:repeated-words': 'suggestion',
      'prose:equality': 'suggestion',
    });
  });

  it('gives each rule a summary and good and bad examples from its doc comment', () => {
    for (const rule of ruleCatalog) {
      expect(rule.summary, rule.id).toMatch(/^[A-Z].{20,}[.)]$/s);
      expect(rule.good.length, rule.id).toBeGreaterThan(0);
      expect(rule.bad.length, rule.id).toBeGreaterThan(0);
    }
    expect(ruleCatalog.find((rule) => rule.id === 'terminology')?.bad[0]).toContain('e-mail');
  });
});
