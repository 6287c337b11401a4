import { describe, expect, it } from 'vitest';
import {
  changedSince,
  confirmedAt,
  dismiss,
  editionsToFetch,
  isDismissed,
  readChapters,
  rememberConfirmation,
  rememberRead,
  rememberSearchGap,
  reportHref,
  searchGaps,
  type MarksFile,
  type StorageLike,
} from '../../src/scripts/reader-state.ts';

/** localStorage's behaviour: strings in, strings out. */
function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, String(v)) };
}

const released = ['2024.1', '2025.1', '2026.1'];
const marks = new Map<string, MarksFile>([
  [
    '2025.1',
    {
      edition: '2025.1',
      previous: '2024.1',
      changes: [
        { slug: 'procedures/phone', title: 'Phone', mark: 'correction', redline: '/changes/2025.1/#changed-procedures-phone' },
        { slug: 'procedures/counter', title: 'Counter', mark: 'material', redline: '/changes/2025.1/#changed-procedures-counter' },
      ],
    },
  ],
  [
    '2026.1',
    {
      edition: '2026.1',
      previous: '2025.1',
      changes: [
        {
          slug: 'procedures/telephone',
          previousSlug: 'procedures/phone',
          title: 'Telephone',
          mark: 'material',
          redline: '/changes/2026.1/#changed-procedures-telephone',
        },
        { slug: 'skills/listening', title: 'Listening', mark: 'correction', redline: '/changes/2026.1/#changed-skills-listening' },
      ],
    },
  ],
]);

describe('what changed since the reader last read', () => {
  it('lists the read chapters with a material change in a later edition, across renames, with the latest redline', () => {
    const read = { 'procedures/phone': '2024.1', 'procedures/counter': '2025.1', 'skills/listening': '2025.1' };
    expect(changedSince(read, released, marks)).toEqual([
      { slug: 'procedures/telephone', title: 'Telephone', readIn: '2024.1', redline: '/changes/2026.1/#changed-procedures-telephone' },
    ]);
    // Read before the counter's material change in 2025.1: listed, with that redline.
    expect(changedSince({ 'procedures/counter': '2024.1' }, released, marks)).toEqual([
      { slug: 'procedures/counter', title: 'Counter', readIn: '2024.1', redline: '/changes/2025.1/#changed-procedures-counter' },
    ]);
  });

  it('lists nothing for corrections only, for chapters read in the current edition, or for editions it does not know', () => {
    expect(changedSince({ 'skills/listening': '2025.1' }, released, marks)).toEqual([]);
    expect(changedSince({ 'procedures/telephone': '2026.1' }, released, marks)).toEqual([]);
    expect(changedSince({ 'procedures/phone': 'draft' }, released, marks)).toEqual([]);
  });

  it('fetches the marks of the editions after the oldest one read in', () => {
    expect(editionsToFetch({ a: '2025.1', b: '2024.1' }, released)).toEqual(['2025.1', '2026.1']);
    expect(editionsToFetch({ a: '2026.1' }, released)).toEqual([]);
    expect(editionsToFetch({}, released)).toEqual([]);
  });

  it('remembers the newest released edition a chapter was read in, and never a draft', () => {
    const storage = memoryStorage();
    rememberRead(storage, 'procedures/phone', '2025.1', released);
    rememberRead(storage, 'procedures/phone', '2024.1', released);
    rememberRead(storage, 'procedures/counter', 'draft', released);
    expect(readChapters(storage)).toEqual({ 'procedures/phone': '2025.1' });
    rememberRead(storage, 'procedures/phone', '2026.1', released);
    expect(readChapters(storage)).toEqual({ 'procedures/phone': '2026.1' });
  });

  it('reads broken storage as empty instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('charter:read', '{not json');
    expect(readChapters(storage)).toEqual({});
    storage.setItem('charter:read', '[1,2]');
    expect(readChapters(storage)).toEqual({});
  });

  it('keeps a dismissed list hidden until another chapter joins it', () => {
    const storage = memoryStorage();
    const one = changedSince({ 'procedures/phone': '2024.1' }, released, marks);
    dismiss(storage, '2026.1', one);
    expect(isDismissed(storage, '2026.1', one)).toBe(true);
    const two = changedSince({ 'procedures/phone': '2024.1', 'procedures/counter': '2024.1' }, released, marks);
    expect(isDismissed(storage, '2026.1', two)).toBe(false);
  });
});

describe('confirmations and failed searches', () => {
  it('keeps the first confirmation of a chapter in an edition', () => {
    const storage = memoryStorage();
    const first = rememberConfirmation(storage, { chapter: 'procedures/telephone', edition: '2026.1', hash: 'a'.repeat(64) }, new Date('2026-03-01T10:00:00Z'));
    rememberConfirmation(storage, { chapter: 'procedures/telephone', edition: '2026.1', hash: 'b'.repeat(64) }, new Date('2026-03-02T10:00:00Z'));
    expect(confirmedAt(storage, 'procedures/telephone', '2026.1')).toEqual(first);
    expect(first).toEqual({ hash: 'a'.repeat(64), at: '2026-03-01T10:00:00.000Z' });
    expect(confirmedAt(storage, 'procedures/telephone', '2025.1')).toBeUndefined();
  });

  it('counts a failed search per query and edition, and says whether it is new', () => {
    const storage = memoryStorage();
    const now = new Date('2026-03-01T10:00:00Z');
    expect(rememberSearchGap(storage, { query: ' money  back ', edition: '2026.1' }, now)).toBe(true);
    expect(rememberSearchGap(storage, { query: 'Money back', edition: '2026.1' }, now)).toBe(false);
    expect(rememberSearchGap(storage, { query: 'money back', edition: '2025.1' }, now)).toBe(true);
    expect(rememberSearchGap(storage, { query: '   ', edition: '2026.1' }, now)).toBe(false);
    expect(searchGaps(storage)).toEqual([
      { query: 'money back', edition: '2026.1', count: 2, at: now.toISOString() },
      { query: 'money back', edition: '2025.1', count: 1, at: now.toISOString() },
    ]);
  });
});

describe('the report link', () => {
  const report = {
    subject: 'Problem in “Telephone” (edition 2026.1)',
    lines: ['What is wrong?', '', 'Page: https://h.example/procedures/telephone/'],
    selection: 'We answer\nby the third ring.',
  };

  it('fills a new issue’s title and body, quoting the selection', () => {
    const url = new URL(reportHref({ issues: 'https://git.example/handbook/issues/new?labels=content' }, report));
    expect(url.searchParams.get('labels')).toBe('content');
    expect(url.searchParams.get('title')).toBe(report.subject);
    expect(url.searchParams.get('body')).toBe('What is wrong?\n\nPage: https://h.example/procedures/telephone/\n\n> We answer\n> by the third ring.\n\n');
  });

  it('writes an email with subject and body, without a quote when nothing is selected', () => {
    const href = reportHref({ email: 'handbook@example.com' }, { ...report, selection: '  ' });
    expect(href.startsWith('mailto:handbook@example.com?subject=')).toBe(true);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(params.get('subject')).toBe(report.subject);
    expect(params.get('body')).toBe('What is wrong?\n\nPage: https://h.example/procedures/telephone/\n\n');
  });
});
