/**
 * The reader's own record (#19) in Chromium: what changed since the last visit, confirming a
 * chapter, reading paths' confirmed steps, "Report a problem", failed searches, and the feeds.
 * The example's config names the feedback endpoint `/charter-api`; the static test server has none,
 * so the endpoint is played by Playwright's request interception, which checks what the browser
 * sends against the protocol (docs: design of #19, `charter ack-server`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';

const content = path.resolve(import.meta.dirname, '../../src/content');
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(content, file)))
    .digest('hex');

/** Answers the feedback endpoint's requests with `status`, and keeps what was posted. */
async function fakeEndpoint(page: Page, status = 201): Promise<{ kind: string; body: unknown; request: Request }[]> {
  const posted: { kind: string; body: unknown; request: Request }[] = [];
  await page.route('**/charter-api/**', async (route) => {
    const request = route.request();
    posted.push({ kind: new URL(request.url()).pathname.replace('/charter-api/', ''), body: request.postDataJSON(), request });
    await route.fulfill({ status, contentType: 'application/json', body: status < 300 ? '{"ok":true}' : '{"error":"unavailable"}' });
  });
  return posted;
}

const storage = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as unknown, key);

test.describe('changed since your last visit', () => {
  test('a reader who read 2025.1 chapters sees exactly the ones that changed materially, each with its redline', async ({ page }) => {
    await fakeEndpoint(page);
    // Telephone, Email and Front counter changed their standard in 2026.1 (Front counter became
    // Face to face); Mail, Speaking and Consistency had corrections only; Listening did not change.
    for (const chapter of [
      'procedures/telephone',
      'procedures/email',
      'procedures/front-counter',
      'procedures/mail',
      'skills/speaking',
      'skills/listening',
      'principles/consistency',
    ]) {
      await page.goto(`/2025.1/${chapter}/`);
      await expect(page.locator('h1')).toBeVisible();
      await expect.poll(() => storage(page, 'charter:read').then((r) => (r as Record<string, string> | null)?.[chapter])).toBe('2025.1');
    }
    await page.goto('/');
    const banner = page.getByRole('region', { name: 'Changed since you last read' });
    await expect(banner).toContainText('3 chapters you read have changed');
    const items = banner.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.getByRole('link', { name: 'what changed' })).toHaveCount(3);
    expect(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.chapter))).toEqual([
      'procedures/email',
      'procedures/face-to-face',
      'procedures/telephone',
    ]);
    await expect(items.first()).toContainText('you read edition 2025.1');
    await expectNoAxeViolations(page);

    // The redline link opens the chapter's change on the changes page, marked material.
    await items.filter({ hasText: 'Telephone' }).getByRole('link', { name: 'what changed' }).click();
    await expect(page).toHaveURL(/\/changes\/2026\.1\/#changed-procedures-telephone$/);
    await expect(page.locator('#changed-procedures-telephone')).toHaveAttribute('data-mark', 'material');

    // Reading the new edition of a chapter takes it off the list; the rest stay.
    await page.goto('/procedures/telephone/');
    await expect(page.getByRole('region', { name: 'Changed since you last read' }).getByRole('listitem')).toHaveCount(3);
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Changed since you last read' }).getByRole('listitem')).toHaveCount(2);

    // Hidden with the keyboard, the list stays hidden after a reload.
    const hide = page.getByRole('button', { name: 'Hide this list' });
    await hide.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Changed since you last read' })).toHaveCount(0);
    await page.reload();
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Changed since you last read' })).toHaveCount(0);
  });

  test('works under a sub-path: the list and its links carry the base', async ({ page }) => {
    const site = 'http://127.0.0.1:4411/handbook/';
    await page.goto(`${site}2025.1/procedures/email/`);
    await expect.poll(() => storage(page, 'charter:read')).toEqual({ 'procedures/email': '2025.1' });
    await page.goto(site);
    const item = page.getByRole('region', { name: 'Changed since you last read' }).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('link', { name: 'Email' })).toHaveAttribute('href', '/handbook/procedures/email/');
    await expect(item.getByRole('link', { name: 'what changed' })).toHaveAttribute('href', '/handbook/changes/2026.1/#changed-procedures-email');
  });

  test('corrections reset nobody: a reader of chapters that only had corrections sees no list', async ({ page }) => {
    for (const chapter of ['procedures/mail', 'skills/speaking', 'principles/consistency', 'principles/customer-centered']) {
      await page.goto(`/2025.1/${chapter}/`);
      await expect.poll(() => storage(page, 'charter:read').then((r) => (r as Record<string, string> | null)?.[chapter])).toBe('2025.1');
    }
    await page.goto('/');
    // The marks files are fetched and read before the list would appear.
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('region', { name: 'Changed since you last read' })).toHaveCount(0);
    // Their 2026.1 pages ask for no confirmation either.
    await page.goto('/procedures/mail/');
    await expect(page.locator('[data-confirm]')).toHaveCount(0);
  });
});

test.describe('confirming a chapter', () => {
  test('a confirmation of a materially changed chapter is posted per the protocol and survives a reload', async ({ page }) => {
    const posted = await fakeEndpoint(page);
    await page.goto('/procedures/telephone/?path=phone-team');
    const confirm = page.getByRole('region', { name: 'Confirm you have read this chapter' });
    await expect(confirm).toContainText('changed materially in Edition 2026.1');
    const hash = await page.locator('main').getAttribute('data-content-hash');
    expect(hash).toBe(sha256('editions/2026.1/procedures/telephone.mdx'));

    // By keyboard: Tab reaches the button, Space presses it.
    await confirm.getByRole('button', { name: 'I have read this edition of the chapter' }).focus();
    await page.keyboard.press('Space');
    await expect(confirm.getByRole('status')).toContainText('that you read edition 2026.1 of this chapter');
    await expect(confirm.getByRole('status')).toBeFocused();
    await expect(confirm.getByRole('status')).toContainText('Your confirmation is recorded.');
    expect(posted.map((p) => p.kind)).toEqual(['ack']);
    expect(posted[0]!.body).toEqual({ chapter: 'procedures/telephone', edition: '2026.1', hash, path: 'phone-team' });
    expect(posted[0]!.request.method()).toBe('POST');
    expect(posted[0]!.request.headers()['content-type']).toBe('application/json');
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(confirm.getByRole('status')).toContainText('that you read edition 2026.1 of this chapter');
    await expect(confirm.getByRole('button')).toBeHidden();
    // Nothing is posted again for a confirmation already given.
    expect(posted).toHaveLength(1);

    // The reading path shows the step as confirmed, and only that one.
    await page.goto('/paths/phone-team/');
    // (The path reads Telephone in two steps: the whole chapter, then a section of it.)
    const telephoneSteps = await page.locator('li[data-chapter="procedures/telephone"]').count();
    expect(telephoneSteps).toBeGreaterThan(0);
    await expect(page.locator('li[data-chapter]').filter({ has: page.locator('[data-confirmed]:visible') })).toHaveCount(telephoneSteps);
    await expect(page.locator('li[data-chapter="procedures/telephone"]').first()).toContainText('confirmed');
    await expect(page.locator('li[data-chapter="skills/listening"] [data-confirmed]')).toBeHidden();
    await expectNoAxeViolations(page);
  });

  test('a reading-path step asks for a confirmation though it did not change, and a draft never does', async ({ page }) => {
    await fakeEndpoint(page);
    // Listening did not change in 2026.1 but is a step of the phone team's path.
    await page.goto('/skills/listening/');
    await expect(page.getByRole('region', { name: 'Confirm you have read this chapter' })).toContainText('a step of a reading path');
    await page.goto('/draft/procedures/telephone/');
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('[data-confirm]')).toHaveCount(0);
  });

  test('a confirmation the endpoint cannot take now is kept and sent from the next page', async ({ page }) => {
    let status = 503;
    const posted: unknown[] = [];
    await page.route('**/charter-api/**', async (route) => {
      posted.push(route.request().postDataJSON());
      await route.fulfill({ status, contentType: 'application/json', body: '{}' });
    });
    await page.goto('/procedures/email/');
    await page.getByRole('button', { name: 'I have read this edition of the chapter' }).click();
    await expect(page.locator('[data-confirm-status]')).toContainText('will be sent when the handbook can be reached');
    expect(((await storage(page, 'charter:pending')) as unknown[]).length).toBe(1);
    status = 201;
    await page.goto('/procedures/website/');
    await expect.poll(() => storage(page, 'charter:pending').then((p) => (p as unknown[]).length)).toBe(0);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual(posted[0]);
    expect(posted[1]).toMatchObject({ chapter: 'procedures/email', edition: '2026.1' });
  });
});

test.describe('report a problem', () => {
  test('opens a prefilled issue with the page, the edition and the selected text', async ({ page }) => {
    await page.goto('/procedures/telephone/');
    // Select a sentence of the chapter, as a reader would.
    await page.evaluate(() => {
      const item = [...document.querySelectorAll('article li')].find((li) => li.textContent?.includes('third ring'))!;
      const range = document.createRange();
      range.selectNodeContents(item);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    let opened = '';
    await page.route('https://github.com/**', async (route) => {
      opened = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>New issue</title>' });
    });
    await page.getByRole('link', { name: 'Report a problem' }).click();
    await expect.poll(() => opened).not.toBe('');
    const url = new URL(opened);
    expect(url.origin + url.pathname).toBe('https://github.com/northwind-supply/charter/issues/new');
    expect(url.searchParams.get('title')).toBe('Problem in “Telephone” (edition 2026.1)');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Page: http://127.0.0.1:4410/procedures/telephone/');
    expect(body).toContain('Edition: edition 2026.1');
    expect(body).toContain('> We answer every call by the third ring.');
  });

  test('is on every chapter, and works without a selection', async ({ page }) => {
    await page.goto('/2025.1/skills/listening/');
    const link = page.getByRole('link', { name: 'Report a problem' });
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.searchParams.get('title')).toBe('Problem in “Listening” (edition 2025.1)');
    expect(href.searchParams.get('body')).toContain('Page: /2025.1/skills/listening/');
  });
});

test.describe('searches that found nothing', () => {
  test('are kept in the browser and posted to the endpoint once the reader gives up on them', async ({ page }) => {
    const posted = await fakeEndpoint(page);
    await page.goto('/procedures/telephone/');
    await page.locator('#search-input').fill('zqxwv wombat');
    await expect(page.locator('.search-empty')).toBeVisible();
    // Partial queries on the way were not kept; leaving the box keeps the last.
    await page.locator('.site-footer').click();
    await expect.poll(() => storage(page, 'charter:search-gaps')).toMatchObject([{ query: 'zqxwv wombat', edition: '2026.1', count: 1 }]);
    await expect.poll(() => posted.map((p) => p.kind)).toEqual(['search-gap']);
    expect(posted[0]!.body).toEqual({ query: 'zqxwv wombat', edition: '2026.1' });

    // The search page keeps one too; a query that finds something is not kept.
    await page.goto('/search/?q=telephone');
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    await page.goto('/search/?q=quokkafish&edition=2025.1');
    await expect(page.locator('[data-search-count]')).toContainText('quokkafish');
    await expect
      .poll(() => storage(page, 'charter:search-gaps').then((g) => (g as { query: string }[]).map((x) => x.query)))
      .toEqual(['zqxwv wombat', 'quokkafish']);
  });
});

test.describe('feeds of the changes', () => {
  const atom = 'http://www.w3.org/2005/Atom';

  /** Parses a feed in the browser and returns what Atom requires of it (RFC 4287, 4.1.1 and 4.1.2). */
  async function readFeed(page: Page, url: string) {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    // The static test server names .xml files text/xml; hosts may say application/atom+xml.
    expect(response.headers()['content-type']).toMatch(/^(text|application)\/(atom\+)?xml/);
    const xml = await response.text();
    return page.evaluate(
      ({ xml, atom }) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const feed = doc.documentElement;
        const child = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === atom && c.localName === name);
        const text = (el: Element, name: string) => child(el, name)[0]?.textContent ?? null;
        return {
          parseError: doc.getElementsByTagName('parsererror').length > 0,
          root: `${feed.namespaceURI} ${feed.localName}`,
          id: text(feed, 'id'),
          title: text(feed, 'title'),
          updated: text(feed, 'updated'),
          author: child(feed, 'author')[0] ? text(child(feed, 'author')[0]!, 'name') : null,
          self:
            child(feed, 'link')
              .find((l) => l.getAttribute('rel') === 'self')
              ?.getAttribute('href') ?? null,
          entries: child(feed, 'entry').map((e) => ({
            id: text(e, 'id'),
            title: text(e, 'title'),
            updated: text(e, 'updated'),
            href: child(e, 'link')[0]?.getAttribute('href') ?? null,
            term: child(e, 'category')[0]?.getAttribute('term') ?? null,
          })),
        };
      },
      { xml, atom },
    );
  }

  test('each edition’s changes page links its Atom feed, which is valid and marks each change', async ({ page }) => {
    await page.goto('/changes/2026.1/');
    const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute('href', '/changes/2026.1/feed.xml');
    await expect(page.getByRole('link', { name: 'Follow these changes (Atom feed)' })).toHaveAttribute('href', '/changes/2026.1/feed.xml');
    await expect(page.locator('#changed-procedures-telephone .mark')).toHaveText('Material change');
    await expect(page.locator('#changed-procedures-mail .mark')).toHaveText('Correction');
    await expectNoAxeViolations(page);

    const feed = await readFeed(page, '/changes/2026.1/feed.xml');
    expect(feed.parseError).toBe(false);
    expect(feed.root).toBe(`${atom} feed`);
    expect(feed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(feed.title).toContain('2026.1');
    expect(feed.updated).toBe('2026-02-01T00:00:00Z');
    expect(feed.author).toBe('Northwind Supply');
    expect(feed.self).toBe('/changes/2026.1/feed.xml');
    for (const entry of feed.entries) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.title).toBeTruthy();
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(entry.href).toBeTruthy();
    }
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
    const telephone = feed.entries.find((e) => e.href === '/changes/2026.1/#changed-procedures-telephone');
    expect(telephone?.term).toBe('material');
    expect(feed.entries.find((e) => e.href === '/changes/2026.1/#changed-procedures-mail')?.term).toBe('correction');
    // The same handbook built at /handbook/ gives the same ids.
    const sub = await readFeed(page, 'http://127.0.0.1:4411/handbook/changes/2026.1/feed.xml');
    expect(sub.id).toBe(feed.id);
    expect(sub.entries.map((e) => e.id).sort()).toEqual(feed.entries.map((e) => e.id).sort());
  });

  test('each touchpoint has a feed of its chapters’ changes, linked from the changes page', async ({ page }) => {
    await page.goto('/changes/2026.1/');
    await expect(page.locator('.feeds').getByRole('link', { name: 'Telephone', exact: true })).toHaveAttribute('href', '/changes/touchpoints/telephone.xml');
    const feed = await readFeed(page, '/changes/touchpoints/telephone.xml');
    expect(feed.parseError).toBe(false);
    expect(feed.title).toContain('Telephone');
    const hrefs = feed.entries.map((e) => e.href);
    expect(hrefs).toContain('/changes/2026.1/#changed-procedures-telephone');
    // A chapter without the telephone touchpoint is not in it.
    expect(hrefs).not.toContain('/changes/2026.1/#changed-procedures-mail');
  });
});
