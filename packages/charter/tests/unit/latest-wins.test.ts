import { describe, expect, it } from 'vitest';
import { latestWins } from '../../src/scripts/latest-wins.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('latestWins', () => {
  it('folds calls made during a run into one more run', async () => {
    const seen: string[] = [];
    let value = 'c';
    const run = latestWins(async () => {
      seen.push(value);
      await tick();
    });
    const first = run();
    value = 'ca';
    void run();
    value = 'cal';
    void run();
    value = 'call';
    await run();
    await first;
    expect(seen).toEqual(['c', 'call']);
  });

  it('tells a run whether a call came in since it started', async () => {
    const outdated: boolean[] = [];
    const run = latestWins(async (superseded) => {
      await tick();
      outdated.push(superseded());
    });
    const first = run();
    void run();
    await first;
    expect(outdated).toEqual([true, false]);
  });

  it('runs again for a call after the previous run ended', async () => {
    let runs = 0;
    const run = latestWins(async () => {
      runs++;
      await tick();
    });
    await run();
    await run();
    expect(runs).toBe(2);
  });

  it('recovers after a failed run', async () => {
    let fail = true;
    let runs = 0;
    const run = latestWins(async () => {
      runs++;
      if (fail) throw new Error('boom');
    });
    await expect(run()).rejects.toThrow('boom');
    fail = false;
    await run();
    expect(runs).toBe(2);
  });
});
