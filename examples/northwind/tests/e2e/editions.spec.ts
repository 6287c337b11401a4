import path from 'node:path';
import { expect, test } from '@playwright/test';
import { listChapterFiles, readManifest } from '../../../../packages/charter/src/lib/content-files.ts';
import { planRoutes } from '../../../../packages/charter/src/lib/routes.ts';
import { expectNoAxeViolations } from './support/axe.ts';

const contentDir = path.resolve('src/content');

test.describe('editions', () => {
  test('each edition shows its own standard', async ({ page }) => {
    await page.goto('/2025.1/procedures/telephone/');
    await expect(page.locator('article')).toContainText('four rings');
    await expect(page.locator('article')).not.toContainText('third ring');
    await page.goto('/procedures/telephone/');
    await expect(page.locator('article')).toContainText('third ring');
    await page.goto('/2026.1/procedures/telephone/');
    await expect(page.locator('article')).toContainText('third ring');
  });

  test('archived and draft pages carry a banner linking to the current version', async ({ page }) => {
    await page.goto('/2025.1/procedures/telephone/');
    const archived = page.getByRole('region', { name: 'Archived edition' });
    await expect(archived).toContainText('Archived edition 2025.1');
    await archived.getByRole('link').click();
    await expect(page).toHaveURL(/\/procedures\/telephone\/$/);
    await expect(page.getByRole('region', { name: /edition$/ })).toHaveCount(0);

    await page.goto('/draft/procedures/social-media/');
    await expect(page.getByRole('region', { name: 'Draft edition' })).toContainText('not yet in force');
    await expectNoAxeViolations(page);
  });

  test('the current edition’s two addresses are one page: one canonical, one search entry', async ({ page }) => {
    await page.goto('/2026.1/procedures/email/');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', '/procedures/email/');
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
    await page.goto('/procedures/email/');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', '/procedures/email/');
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(1);
  });

  test('the switcher keeps the chapter and never leads to a 404', async ({ page }) => {
    await page.goto('/procedures/live-chat/');
    const switcher = page.locator('.edition-switcher');
    await switcher.locator('summary').click();
    const response = page.waitForResponse((r) => r.url().includes('/2025.1/procedures/live-chat/'));
    await switcher.getByRole('link', { name: /Edition 2025\.1/ }).click();
    expect((await response).status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('“Live chat” is not in edition 2025.1');
    await expect(page.getByRole('link', { name: 'Live chat' }).first()).toHaveAttribute('href', '/procedures/live-chat/');
    await expect(page.locator('#nearest + ul a, #nearest ~ ul a').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('switching a renamed chapter lands on its old name in the older edition', async ({ page }) => {
    await page.goto('/procedures/face-to-face/');
    await page.locator('.edition-switcher summary').click();
    await page
      .locator('.edition-switcher')
      .getByRole('link', { name: /Edition 2025\.1/ })
      .click();
    await expect(page).toHaveURL(/\/2025\.1\/procedures\/front-counter\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front counter');
  });

  test('the editions page lists every edition with its status, date and notes', async ({ page }) => {
    await page.goto('/editions/');
    const items = page.locator('.list > li');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('Draft: not yet in force');
    await expect(items.nth(1)).toContainText('Current: the standard in force');
    await expect(items.nth(1)).toContainText('Released February 1, 2026');
    await expect(items.nth(2)).toContainText('Archived');
    await expectNoAxeViolations(page);
  });
});

test.describe('what changed', () => {
  test('2026.1 lists live chat and authority to act as added and redlines the ring standard', async ({ page }) => {
    await page.goto('/changes/2026.1/');
    const added = page.locator('section[aria-labelledby="added"]');
    await expect(added.getByRole('link', { name: 'Live chat' })).toBeVisible();
    await expect(added.getByRole('link', { name: 'Authority to act' })).toBeVisible();
    await expect(page.locator('section[aria-labelledby="renamed"]')).toContainText('Face to face');
    const telephone = page.locator('.chapter-change').filter({ has: page.getByRole('link', { name: 'Telephone', exact: true }) });
    await expect(telephone.locator('del').filter({ hasText: /four/ }).first()).toBeVisible();
    await expect(telephone.locator('ins').filter({ hasText: /third/ }).first()).toBeVisible();
    await expect(telephone).not.toContainText('<SayThis');
    await expectNoAxeViolations(page);
  });

  test('the draft’s changes show the pending procedure', async ({ page }) => {
    await page.goto('/changes/draft/');
    await expect(page.locator('section[aria-labelledby="added"]').getByRole('link', { name: 'Social media replies' })).toHaveAttribute(
      'href',
      '/draft/procedures/social-media/',
    );
  });

  test('2026.1 opens with the standards that changed since 2025.1, above the redline', async ({ page }) => {
    await page.goto('/changes/2026.1/');
    const table = page.locator('section[aria-labelledby="standards"] table');
    await expect(table.getByRole('columnheader')).toHaveText(['Touchpoint', 'Standard', 'In Edition 2025.1', 'In Edition 2026.1']);
    const answer = table.locator('tr[data-standard="phone-answer"]');
    await expect(answer.getByRole('rowheader')).toHaveText('Telephone');
    await expect(answer.getByRole('cell')).toHaveText(['time to answer', 'the fourth ring', 'the third ring']);
    await expect(answer.getByRole('link', { name: 'time to answer' })).toHaveAttribute('href', '/procedures/telephone/');
    await expect(table.locator('tr[data-standard="email-reply"]').getByRole('cell')).toHaveText([
      'time to a full reply',
      'two working days',
      'one working day',
    ]);
    await expect(table.locator('tr[data-standard="chat-first-reply"]').getByRole('cell')).toHaveText(['time to the first reply', 'new', '60 seconds']);
    // The table comes before the chapters' redlines.
    const [tableTop, redlineTop] = await Promise.all([
      table.evaluate((el) => el.getBoundingClientRect().top),
      page
        .locator('.chapter-change')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(tableTop).toBeLessThan(redlineTop);
    await expectNoAxeViolations(page);
  });

  test('the draft’s changes show the standard it changes and the ones it adds', async ({ page }) => {
    await page.goto('/changes/draft/');
    const table = page.locator('section[aria-labelledby="standards"] table');
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.locator('tr[data-standard="chat-first-reply"]').getByRole('cell')).toHaveText(['time to the first reply', '60 seconds', '30 seconds']);
    await expect(table.locator('tr[data-standard="social-reply"]').getByRole('cell')).toHaveText([
      'time to reply to a public comment',
      'new',
      'two working hours (during opening times)',
    ]);
    await expect(table.locator('tr[data-standard="chat-first-reply"]').getByRole('link')).toHaveAttribute('href', '/draft/procedures/live-chat/');
  });

  test('prints without navigation', async ({ page }) => {
    await page.goto('/changes/2026.1/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.site-header')).toBeHidden();
    await expect(page.locator('.chapter-change').first()).toBeVisible();
  });
});

test.describe('links never break', () => {
  test('every planned URL of every edition answers without a 404', async ({ request }) => {
    const editions = readManifest(contentDir).map((edition) => ({
      edition,
      chapters: listChapterFiles(contentDir, edition.id).map((f) => ({
        slug: f.slug,
        title: String(f.frontmatter.title),
        section: f.slug.split('/')[0]!,
        redirectFrom: (f.frontmatter.redirectFrom as string[] | undefined) ?? [],
      })),
    }));
    const routes = planRoutes(editions);
    expect(routes.length).toBeGreaterThan(60);
    for (const route of routes) {
      const response = await request.get(route.path);
      expect(response.status(), route.path).toBe(200);
    }
  });
});
