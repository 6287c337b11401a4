import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { chaptersOf, readYaml } from './support/content.ts';

const CURRENT = '2026.1';
const PROCEDURE_SECTIONS = ['When this applies', 'Our standard', 'Steps', 'What to say', 'If something goes wrong', 'Checklist'];

test.describe('every chapter of the current edition', () => {
  test('is built with its title', async ({ page }) => {
    const chapters = chaptersOf(CURRENT);
    expect(chapters.length).toBeGreaterThanOrEqual(20);
    for (const chapter of chapters) {
      const response = await page.goto(`/${chapter.slug}/`);
      expect(response?.status(), chapter.slug).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(String(chapter.frontmatter.title));
    }
  });

  test('procedure pages have the six sections in order', async ({ page }) => {
    const procedures = chaptersOf(CURRENT).filter((c) => c.frontmatter.type === 'procedure');
    expect(procedures.map((p) => p.slug)).toEqual(
      expect.arrayContaining(['procedures/telephone', 'procedures/email', 'procedures/live-chat', 'problems/conflicts-and-complaints']),
    );
    for (const procedure of procedures) {
      await page.goto(`/${procedure.slug}/`);
      const h2s = (await page.locator('article .prose h2').allTextContents()).map((t) => t.trim());
      expect(h2s, procedure.slug).toEqual(PROCEDURE_SECTIONS);
    }
  });
});

test.describe('Creed and CreedStatement', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/creed/i-am-your-customer/');
  });

  test('renders the creed as numbered statements, not a bullet list, with a closing question', async ({ page }) => {
    const creed = page.getByRole('region', { name: 'The creed' });
    const statements = creed.locator('.creed-statement');
    expect(await statements.count()).toBeGreaterThanOrEqual(10);
    await expect(creed.locator('ul, ol')).toHaveCount(0);
    await expect(creed.locator('.creed-statement.closing')).toHaveCount(1);
    await expect(creed.locator('.creed-statement.closing')).toContainText('?');
    const marker = await statements.first().evaluate((el) => getComputedStyle(el, '::before').content);
    expect(marker).not.toBe('none');
  });

  test('the creed fits on one printed page', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    const height = await page.getByRole('region', { name: 'The creed' }).evaluate((el) => el.getBoundingClientRect().height);
    // US Letter at 96 dpi is 1056 px tall; Chromium's default print margins take about 96 px.
    expect(height).toBeLessThan(960);
  });
});

test.describe('procedure components', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/procedures/telephone/');
  });

  test('Steps numbers each step', async ({ page }) => {
    const steps = page.locator('.steps > ol > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(4);
    const second = await steps.nth(1).evaluate((li) => getComputedStyle(li, '::before').content);
    expect(second).toBe('counter(step)');
  });

  test('SayThis shows example words as a quotation with its context', async ({ page }) => {
    const say = page.locator('figure.say-this').first();
    await expect(say.locator('figcaption')).toContainText('Say this');
    await expect(say.locator('blockquote')).not.toBeEmpty();
  });

  test('Checklist is a named group of items', async ({ page }) => {
    const list = page.getByRole('group', { name: /checklist/i }).last();
    expect(await list.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
  });

  test('Callout is a labelled aside', async ({ page }) => {
    await expect(page.getByRole('complementary', { name: /^(Note|Do|Don’t)/ }).first()).toBeVisible();
  });

  test('TouchpointBadge names the touchpoint', async ({ page }) => {
    await expect(page.locator('.chapter-header .badge')).toHaveText('Telephone');
  });

  test('Standard states the standard as the edition declares it, and its value inside a sentence', async ({ page }) => {
    const standard = page.getByRole('heading', { name: 'Our standard' }).locator('xpath=following::ul[1]');
    await expect(standard.locator('[data-standard="phone-answer"]')).toHaveText('We answer every call by the third ring.');
    await expect(standard.locator('[data-standard="phone-hold"]')).toHaveText('No caller waits on hold more than 30 seconds without an update.');
    await expect(page.locator('.steps li').filter({ hasText: 'Answer by' }).first()).toContainText('Answer by the third ring.');
  });

  test('Standard follows the edition of the page', async ({ page }) => {
    await page.goto('/2025.1/procedures/telephone/');
    // 2025.1 states its standards in its own words; its declaration says the fourth ring.
    await expect(page.getByRole('main')).toContainText('within four rings');
    await page.goto('/draft/procedures/live-chat/');
    await expect(page.locator('[data-standard="chat-first-reply"]').first()).toHaveText(
      "We send a first reply within 30 seconds of the customer's first message.",
    );
    await page.goto('/procedures/live-chat/');
    await expect(page.locator('[data-standard="chat-first-reply"]').first()).toHaveText(
      "We send a first reply within 60 seconds of the customer's first message.",
    );
  });
});

test.describe('Term', () => {
  test('shows the definition on hover and on focus, hides it on Escape, and links to the glossary', async ({ page }) => {
    await page.goto('/skills/listening/');
    const term = page.locator('.term').first();
    const link = term.getByRole('link');
    const tip = term.getByRole('tooltip', { includeHidden: true });
    await expect(tip).toBeHidden();
    await link.hover();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('customer');
    await page.mouse.move(0, 0);
    await link.focus();
    await expect(tip).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect(link).toBeFocused();
    const description = await link.evaluate((a) => document.getElementById(a.getAttribute('aria-describedby')!)?.textContent);
    expect(description).toMatch(/customer:/i);
    await link.click();
    await expect(page).toHaveURL(/\/reference\/glossary\/#customer$/);
    await expect(page.locator('#customer')).toBeInViewport();
  });
});

test.describe('glossary page', () => {
  test('lists every term of the glossary data with its variants', async ({ page }) => {
    const glossary = readYaml<{ id: string; term: string; variants?: { text: string }[] }[]>('glossary.yaml');
    await page.goto('/reference/glossary/');
    for (const entry of glossary) {
      const item = page.locator('.glossary .entry').filter({ has: page.locator(`dt#${entry.id}`) });
      await expect(item.locator('dt')).toHaveText(entry.term);
      const variants = await item.locator('.variant').allTextContents();
      expect(variants).toEqual((entry.variants ?? []).map((v) => v.text));
    }
    await expect(page.locator('.glossary dt')).toHaveCount(glossary.length);
  });

  test('lists every phrase to avoid with what to say instead', async ({ page }) => {
    const phrases = readYaml<{ phrase: string; instead: string }[]>('phrases.yaml').sort((a, b) => a.phrase.localeCompare(b.phrase, 'en'));
    await page.goto('/reference/glossary/');
    const rows = page.locator('table.phrases tbody tr');
    await expect(rows).toHaveCount(phrases.length);
    for (const [i, p] of phrases.entries()) {
      await expect(rows.nth(i).locator('td').nth(0)).toHaveText(`“${p.phrase}”`);
      await expect(rows.nth(i).locator('td').nth(1)).toHaveText(`“${p.instead}”`);
    }
  });
});

test.describe('components pass axe', () => {
  for (const path of ['/skills/speaking/', '/procedures/live-chat/', '/problems/authority-to-act/']) {
    test(`on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
