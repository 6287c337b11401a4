/** The engine's own test handbook checks clean with its own settings, so every message a test sees comes from the test's text. */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lint/index.ts';
import { handbookContent, handbookSettings, root, TODAY } from './support.ts';

describe('the test handbook (Kestrel Tool Hire, en-GB)', () => {
  it('has no messages at all, in every edition', async () => {
    const messages = await checkFiles([], { contentDir: handbookContent, root, today: TODAY, ...handbookSettings });
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.message} (${m.ruleId})`)).toEqual([]);
  });

  it('would get US spelling warnings if it were checked as en-US, so the clean result depends on its lang', async () => {
    const messages = await checkFiles([], { contentDir: handbookContent, root, today: TODAY, ...handbookSettings, lang: 'en-US' });
    expect(messages.filter((m) => m.ruleId === 'spelling-variant').length).toBeGreaterThan(0);
  });
});
