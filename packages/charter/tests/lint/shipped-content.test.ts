/** The handbook as shipped checks clean: no errors, and none of the wording the glossary avoids. */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lint/index.ts';
import { root, handbookContent } from './support.ts';

describe('the shipped content (every edition under src/content)', () => {
  it('has no errors and no terminology or phrase warnings', async () => {
    const messages = await checkFiles([], { contentDir: handbookContent, root });
    const problems = messages.filter((m) => m.severity === 'error' || m.ruleId === 'terminology' || m.ruleId === 'phrases-to-avoid');
    expect(problems.map((m) => `${m.file}:${m.line}:${m.column} ${m.message} (${m.ruleId})`)).toEqual([]);
  });
});
