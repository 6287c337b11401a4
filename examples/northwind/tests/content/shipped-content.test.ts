/**
 * The example handbook as shipped checks clean: no errors, none of the wording its glossary avoids,
 * no section harder to read than the checker's default allows, and every service standard stated
 * through <Standard> as declared.
 */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../../packages/charter/src/lint/index.ts';
import { exampleContent, exampleRoot, exampleSettings } from './support.ts';

describe('the shipped content (every edition under src/content)', () => {
  it('has no errors and no terminology, phrase, readability or standard-consistency warnings', async () => {
    const messages = await checkFiles([], { contentDir: exampleContent, root: exampleRoot, ...exampleSettings });
    const problems = messages.filter(
      (m) => m.severity === 'error' || ['terminology', 'phrases-to-avoid', 'readability', 'standard-consistency'].includes(m.ruleId),
    );
    expect(problems.map((m) => `${m.file}:${m.line}:${m.column} ${m.message} (${m.ruleId})`)).toEqual([]);
  });

  it("is checked as the config says: American spelling, the organization's name allowed in headings", () => {
    expect(exampleSettings).toEqual({ lang: 'en-US', organization: 'Northwind Supply' });
  });
});
