/** The review-due rule: a warning once reviewed + reviewEvery months has passed. */
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/lint/index.ts';
import { checkRule, runCli, handbookContent } from './support.ts';

const chapter = (reviewed: string, every?: number) => `---\nreviewed: ${reviewed}\n${every ? `reviewEvery: ${every}\n` : ''}---\n\nText.\n`;

describe('review-due', () => {
  it('is quiet until the review runs out, and warns on the reviewed line the day after', async () => {
    expect(await checkRule('review-due', chapter('2025-06-01'), { today: '2026-06-01' })).toEqual([]);
    const [message] = await checkRule('review-due', chapter('2025-06-01'), { today: '2026-06-02' });
    expect(message).toMatchObject({ line: 2, column: 11, severity: 'warning' });
    expect(message!.message).toContain('expected a review by 2026-06-01');
  });

  it('uses reviewEvery, 12 months by default', async () => {
    expect(await checkRule('review-due', chapter('2026-01-15', 3), { today: '2026-05-01' })).toHaveLength(1);
    expect(await checkRule('review-due', chapter('2026-01-15'), { today: '2026-05-01' })).toEqual([]);
  });

  it('takes today from CHARTER_TODAY when no option is given', async () => {
    const file = `${handbookContent}/editions/2026.1/reference/x.mdx`;
    const previous = process.env['CHARTER_TODAY'];
    try {
      process.env['CHARTER_TODAY'] = '2030-01-01';
      const late = await checkSource(chapter('2026-01-15'), file, { contentDir: handbookContent });
      process.env['CHARTER_TODAY'] = '2026-02-01';
      const early = await checkSource(chapter('2026-01-15'), file, { contentDir: handbookContent });
      expect(late.filter((m) => m.ruleId === 'review-due')).toHaveLength(1);
      expect(early.filter((m) => m.ruleId === 'review-due')).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env['CHARTER_TODAY'];
      else process.env['CHARTER_TODAY'] = previous;
    }
  });

  it('skips archived editions, which are frozen', async () => {
    expect(await checkRule('review-due', chapter('2020-01-01'), { today: '2026-06-01', path: 'editions/2025.1/procedures/x.mdx' })).toEqual([]);
  });

  it('refuses a malformed CHARTER_TODAY with a usage error', () => {
    const result = runCli(['src/content/editions/2026.1/start-here/welcome.mdx'], { env: { CHARTER_TODAY: 'tomorrow' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('CHARTER_TODAY');
  });
});
