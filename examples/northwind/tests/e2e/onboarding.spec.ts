import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { chaptersOf, readYaml } from './support/content.ts';

interface PathSpec {
  id: string;
  title: string;
  shortLink?: string;
  steps: { chapter: string }[];
}
const paths = readYaml<PathSpec[]>('paths.yaml');

test.describe('reading paths', () => {
  test('ticking steps persists across reloads', async ({ page }) => {
    await page.goto('/paths/phone-team/');
    const progress = page.locator('[data-path-progress]');
    await expect(progress).toHaveText(`0 of ${paths.find((p) => p.id === 'phone-team')!.steps.length} steps read.`);
    // Listening, Telephone and the complaints chapter have knowledge checks: those steps are done by answering them.
    await page.getByLabel('Mark “Asking questions” as read').check();
    await page.locator('#step-0').check();
    await expect(progress).toContainText('2 of');
    await page.reload();
    await expect(page.locator('#step-0')).toBeChecked();
    await expect(page.getByLabel('Mark “Asking questions” as read')).toBeChecked();
    await expect(page.locator('#step-5')).not.toBeChecked();
    await page.locator('#step-0').uncheck();
    await page.reload();
    await expect(progress).toContainText('1 of');
    await expectNoAxeViolations(page);
  });

  test('a chapter reached from a path shows the step and the next one', async ({ page }) => {
    await page.goto('/paths/new-managers/');
    await page.getByRole('link', { name: 'Authority to act' }).click();
    const step = page.getByRole('navigation', { name: 'Reading path' });
    await expect(step).toContainText('New managers: step 4 of 6');
    await step.getByRole('link', { name: 'Managing conflicts and complaints' }).click();
    await expect(page.getByRole('navigation', { name: 'Reading path' })).toContainText('step 5 of 6');
  });

  test('every path lists its steps in order', async ({ page }) => {
    for (const path of paths) {
      await page.goto(`/paths/${path.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(path.title);
      await expect(page.locator('ol.steps > li')).toHaveCount(path.steps.length);
    }
  });

  test('the welcome packet prints the whole path on one page with contents', async ({ page }) => {
    const path = paths.find((p) => p.id === 'frontline-first-week')!;
    await page.goto(`/paths/${path.id}/print/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.packet-toc li')).toHaveCount(path.steps.length);
    const chapters = new Set(path.steps.map((s) => s.chapter.split('#')[0]));
    await expect(page.locator('article.packet-chapter')).toHaveCount(chapters.size);
    await expect(page.locator('header.site-header')).toBeHidden();
    await expect(page.locator('.packet-chapter').first()).toBeVisible();
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a path page is a plain ordered list of links', async ({ page }) => {
    await page.goto('/paths/frontline-first-week/');
    await expect(page.locator('ol.steps > li a').first()).toBeVisible();
    await expect(page.locator('input[type="checkbox"]').first()).toBeHidden();
    await expect(page.locator('[data-path-progress]')).toBeHidden();
    await page.locator('ol.steps > li a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});

test.describe('short links', () => {
  test('every chapter of the current edition has a /go/ link that leads to it', async ({ page }) => {
    const chapters = chaptersOf('2026.1');
    for (const chapter of chapters) {
      expect(chapter.frontmatter.shortLink, chapter.slug).toMatch(/^[a-z0-9-]+$/);
      await page.goto(`/go/${String(chapter.frontmatter.shortLink)}/`);
      await expect(page).toHaveURL(new RegExp(`/${chapter.slug}/$`));
    }
  });

  test('every /go/ link of a path resolves to the path', async ({ page }) => {
    for (const path of paths.filter((p) => p.shortLink)) {
      await page.goto(`/go/${path.shortLink}/`);
      await expect(page).toHaveURL(new RegExp(`/paths/${path.id}/$`));
    }
  });
});

test.describe('copy link', () => {
  test('copies the current edition’s short address of a section, even from the permanent link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/2026.1/procedures/telephone/');
    await page.getByRole('link', { name: 'Copy link to section: Steps' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/procedures\/telephone\/#steps$/);
  });
});

test.describe('review status', () => {
  test('lists chapters with owner and last review under their status', async ({ page }) => {
    await page.goto('/review/');
    const total = await page.locator('tbody tr').count();
    expect(total).toBeGreaterThanOrEqual(20);
    for (const status of ['overdue', 'due-soon', 'ok']) await expect(page.locator(`[data-review-status="${status}"] h2`)).toBeVisible();
    await expect(page.locator('tbody tr').first().locator('td').first()).not.toBeEmpty();
    await expectNoAxeViolations(page);
  });
});
