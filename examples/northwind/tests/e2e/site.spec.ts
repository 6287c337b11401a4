import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { SITES, subPathUrl } from './support/sites.ts';

test.describe('home page', () => {
  test('shows every section as a card linking to its chapters', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service Handbook');
    const cards = page.locator('.cards > li');
    await expect(cards).toHaveCount(8);
    await expect(cards.first().getByRole('heading')).toHaveText('Start here');
    await cards.filter({ hasText: 'Procedures' }).getByRole('link', { name: 'Telephone' }).click();
    await expect(page).toHaveURL(/\/procedures\/telephone\/$/);
  });
});

test.describe('chapter page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/procedures/telephone/');
  });

  test('has a title, breadcrumbs, review details and an edit link to the file', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telephone');
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('listitem')).toHaveText(['Handbook', 'Procedures', 'Telephone']);
    await expect(page.locator('.chapter-meta')).toContainText(/Last reviewed \w+ \d{1,2}, \d{4} · Owner \S/);
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute(
      'href',
      /\/edit\/main\/examples\/northwind\/src\/content\/editions\/2026\.1\/procedures\/telephone\.mdx$/,
    );
  });

  test('sidebar marks the current page and expands only the current section', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Chapters' });
    await expect(nav.locator('[aria-current="page"]')).toHaveText('Telephone');
    await expect(nav.locator('.section.expanded')).toHaveCount(1);
    await expect(nav.locator('.section.expanded .section-title')).toHaveText('Procedures');
    await expect(nav.getByRole('link', { name: /^Skills/ })).toHaveAttribute('href', '/skills/');
    await expect(nav.getByRole('link', { name: 'Listening' })).toHaveCount(0);
  });

  test('the breadcrumb and the sidebar lead to the section page, which lists every chapter of the section', async ({ page }) => {
    await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: 'Procedures', exact: true })).toHaveAttribute(
      'href',
      '/procedures/',
    );
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Procedures' }).click();
    await expect(page).toHaveURL(/\/procedures\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Procedures');
    const chapters = page.locator('.section-chapters > li');
    await expect(chapters.first().getByRole('link')).toHaveText('Telephone');
    expect(await chapters.count()).toBeGreaterThanOrEqual(6);
    await chapters.filter({ hasText: 'Email' }).getByRole('link', { name: 'Email' }).click();
    await expect(page).toHaveURL(/\/procedures\/email\/$/);
  });

  test('table of contents lists the h2 and h3 headings and jumps to them', async ({ page }) => {
    const toc = page.getByRole('complementary', { name: 'On this page' });
    const h2s = await page.locator('article h2').allTextContents();
    const tocTop = await toc.locator(':scope > ol > li > a').allTextContents();
    expect(tocTop).toEqual(h2s.map((t) => t.trim()));
    expect(tocTop).toEqual(['When this applies', 'Our standard', 'Steps', 'What to say', 'If something goes wrong', 'Checklist']);
    const h3Count = await page.locator('article h3').count();
    await expect(toc.locator('ol ol a')).toHaveCount(h3Count);
    await toc.getByRole('link', { name: 'Checklist' }).click();
    await expect(page).toHaveURL(/#checklist$/);
    await expect(page.locator('#checklist')).toBeInViewport();
  });

  test('previous and next follow reading order', async ({ page }) => {
    const pn = page.getByRole('navigation', { name: 'Previous and next chapter' });
    await expect(pn.locator('a[rel="prev"]')).toContainText('Asking questions');
    await pn.locator('a[rel="next"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Face to face');
  });

  test('every heading has a stable id and a keyboard-reachable copy-link control', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const headings = page.locator('article h2, article h3');
    const count = await headings.count();
    expect(count).toBeGreaterThan(5);
    for (const id of await headings.evaluateAll((els) => els.map((e) => e.id))) expect(id).toMatch(/^[a-z0-9-]+$/);
    const control = page.getByRole('link', { name: 'Copy link to section: Our standard' });
    await control.focus();
    await expect(control).toBeFocused();
    await expect(control).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/procedures\/telephone\/#our-standard$/);
  });
});

test.describe('keyboard use', () => {
  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/skills/listening/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe('themes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`follows the system ${scheme} setting`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/procedures/telephone/');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      const luminance = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
      if (scheme === 'dark') expect(luminance).toBeLessThan(0.2);
      else expect(luminance).toBeGreaterThan(0.9);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('navigation folds away and opens on demand; nothing scrolls sideways', async ({ page }) => {
    await page.goto('/procedures/telephone/');
    const nav = page.getByRole('navigation', { name: 'Chapters' });
    const toggle = nav.getByText('Chapters', { exact: true });
    await expect(toggle).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Email' })).toBeHidden();
    await toggle.click();
    await expect(nav.getByRole('link', { name: 'Email' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('print', () => {
  test('hides navigation and shows where links go', async ({ page }) => {
    await page.goto('/procedures/telephone/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.site-header')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeHidden();
    const link = page.locator('article .prose a[href^="/"]').first();
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(await link.getAttribute('href'));
  });
});

test.describe('not found', () => {
  test('answers 404 with a helpful page', async ({ page }) => {
    const response = await page.goto('/procedures/fax/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
    await expect(page.getByRole('link', { name: "handbook's home page" })).toHaveAttribute('href', '/');
  });
});

test.describe('touchpoint matrix', () => {
  test('marks which chapters apply at which touchpoint', async ({ page }) => {
    await page.goto('/touchpoints/');
    const row = page.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Telephone', exact: true }) });
    await expect(row.getByRole('cell')).toHaveText(['●Applies', 'Does not apply', 'Does not apply', 'Does not apply', 'Does not apply', 'Does not apply']);
    const listening = page.getByRole('rowheader', { name: 'Listening', exact: true });
    await expect(listening).toHaveCount(0);
  });
});

test.describe('redirects', () => {
  test('an old chapter path forwards to where the chapter lives now', async ({ page }) => {
    await page.goto('/procedures/front-counter/');
    await expect(page).toHaveURL(/\/procedures\/face-to-face\/$/);
  });
});

test.describe('under a sub-path', () => {
  test('links, assets and navigation all stay under the base path', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(subPathUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service Handbook');
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href).toMatch(/^\/handbook\//);
    await page.getByRole('link', { name: 'Telephone' }).first().click();
    await expect(page).toHaveURL(/\/handbook\/procedures\/telephone\/$/);
    await expect(page.locator('link[rel="stylesheet"]').first()).toHaveAttribute('href', /^\/handbook\//);
    await page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: 'Email' }).click();
    await expect(page).toHaveURL(/\/handbook\/procedures\/email\/$/);
    expect(failed).toEqual([]);
  });
});

test.describe('accessibility', () => {
  for (const path of ['/', '/procedures/', '/procedures/telephone/', '/creed/i-am-your-customer/', '/reference/glossary/', '/touchpoints/', '/no-such-page/']) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('privacy', () => {
  test('pages request nothing from any other host', async ({ page }) => {
    const hosts = new Set<string>();
    page.on('request', (r) => hosts.add(new URL(r.url()).host));
    for (const path of ['/', '/procedures/telephone/', '/reference/glossary/', '/touchpoints/']) {
      await page.goto(path, { waitUntil: 'networkidle' });
    }
    expect([...hosts]).toEqual([`127.0.0.1:${SITES.root.port}`]);
  });
});
