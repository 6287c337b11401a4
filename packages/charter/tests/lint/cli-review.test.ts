/**
 * `--format review`: the body of GitHub's "create a review" request
 * (POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews), with a suggested change for every
 * message that has a fix. Compared with a recorded request (fixtures/review-request.json, the body
 * the starter's workflow sends for these two chapters), never with the network.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/lint/types.ts';
import { REWRITING_RULES, reviewRequest, suggestedLine } from '../../src/lint/format/review.ts';
import { replacementEdits } from '../../src/lint/fixes.ts';
import { checkFiles } from '../../src/lint/index.ts';
import { check, engineRoot, handbookContent, handbookSettings, repoRoot, runCli, TODAY } from './support.ts';

const chapters = ['tests/lint/fixtures/warnings.mdx', 'tests/lint/fixtures/errors.mdx'];
const env = { HANDBOOK_CONTENT_DIR: handbookContent, GITHUB_WORKSPACE: repoRoot };

describe('lint --format review', () => {
  it('writes the recorded request: one comment with a suggestion per line that has fixes, paths from the repository root', () => {
    const result = runCli([...chapters, '--format', 'review', '--no-cache'], { cwd: engineRoot, env });
    const recorded = JSON.parse(readFileSync(path.join(engineRoot, 'tests/lint/fixtures/review-request.json'), 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(recorded);
    expect(recorded.event).toBe('COMMENT');
    for (const comment of recorded.comments)
      expect(comment).toEqual({
        path: expect.stringMatching(/^packages\/charter\/tests\/lint\/fixtures\/\w+\.mdx$/),
        line: expect.any(Number),
        side: 'RIGHT',
        body: expect.stringMatching(/\n```suggestion\n[^\n]*\n```$/),
      });
  });

  it('holds a suggestion for every message with a one-line fix, and each suggestion is the line with the fix made', async () => {
    // The messages as the command has them in process: each with the fix its rule recorded.
    const messages = await checkFiles(
      chapters.map((c) => path.join(engineRoot, c)),
      { root: engineRoot, contentDir: handbookContent, today: TODAY, ...handbookSettings },
    );
    const fixable = messages.filter(
      (m) => m.expected !== undefined && m.endLine === m.line && replacementEdits(m, readFileSync(path.join(engineRoot, m.file), 'utf8')),
    );
    expect(fixable.length).toBeGreaterThan(2);
    expect(fixable.map((m) => m.ruleId)).toContain('terminology');
    expect(messages.filter((m) => m.expected !== undefined && REWRITING_RULES.has(m.ruleId)).length).toBe(fixable.length);
    const review = reviewRequest(messages, { cwd: engineRoot });
    for (const message of fixable) {
      const comment = review.comments.find((c) => c.path === message.file && c.line === message.line);
      expect(comment, `${message.file}:${message.line}`).toBeDefined();
      expect(comment!.body).toContain(message.message);
      const suggestion = /```suggestion\n([^\n]*)\n```/.exec(comment!.body)![1]!;
      expect(suggestion).toContain(message.expected);
      const text = readFileSync(path.join(engineRoot, message.file), 'utf8');
      expect(suggestion).not.toBe(text.split('\n')[message.line - 1]);
    }
    // Messages without a rewrite stay with the annotations: a broken link's expected page is no rewrite of the link.
    expect(messages.some((m) => m.ruleId === 'links' && m.expected)).toBe(true);
    expect(review.comments.every((c) => !c.body.includes('(`links`)'))).toBe(true);
  });

  it('makes several fixes on one line into one suggestion, right to left', () => {
    const line = 'Email the clients and the customer via e-mail.';
    const at = (word: string, expected: string): LintMessage => {
      const column = line.indexOf(word) + 1;
      return {
        file: 'a.mdx',
        line: 1,
        column,
        endLine: 1,
        endColumn: column + word.length,
        // A rewriting rule without recorded edits: its fix is the words replaced by `expected`.
        ruleId: 'heading-style',
        severity: 'warning',
        message: `Unexpected "${word}"`,
        expected,
      };
    };
    const review = reviewRequest([at('clients', 'customers'), at('e-mail', 'email')], { cwd: '/' }, () => `${line}\n`);
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]!.body).toMatch(/```suggestion\nEmail the customers and the customer via email\.\n```$/);
    expect(suggestedLine(line, { ...at('clients', 'customers'), endLine: 2 })).toBeUndefined();
  });

  it('suggests a change for every message with a replacement, over the lines its fix touches', async () => {
    const text = 'Clients can reach us via the *web* site or sign the rental\ncontract, and our favourite\ncolour is green.\n\n## Taking A Call\n';
    const messages = await check(text, { lang: 'en-US' });
    const fixable = messages.filter((m) => replacementEdits(m, text));
    expect(new Set(fixable.map((m) => m.ruleId))).toEqual(new Set(['terminology', 'spelling-variant', 'heading-style']));
    const review = reviewRequest(messages, { cwd: '/' }, () => text);
    for (const message of fixable)
      expect(
        review.comments.some((c) => c.body.includes(message.message)),
        message.message,
      ).toBe(true);
    // "rental\ncontract" is fixed over two lines; the suggestion replaces both, with every fix on them made.
    const twoLines = review.comments.find((c) => c.start_line !== undefined)!;
    expect(twoLines).toMatchObject({ start_line: 1, start_side: 'RIGHT', line: 2 });
    const suggestion = /```suggestion\n([\s\S]*)\n```$/.exec(twoLines.body)![1]!;
    expect(suggestion.replace(/\s+/g, ' ')).toBe('Customers can reach us via the *website* or sign the hire agreement, and our favorite');
    expect(review.comments.find((c) => c.line === 3)!.body).toContain('```suggestion\ncolor is green.\n```');
  });
});
