/**
 * The quick-reference cards, the charter pages and the touchpoint matrix's standards in a real
 * browser (issue #17, items 4 and 6): axe finds nothing, and the keyboard reaches their links.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGES = ['/cards/2026.1/', '/cards/2026.1/telephone/', '/cards/draft/mail/', '/charter/2026.1/', '/charter/2026.1/customer/', '/touchpoints/'];

for (const path of PAGES) {
  test(`${path} has no accessibility violations, on screen and in print`, async ({ page }) => {
    await page.goto(path);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test('a card is reached from the matrix and leads back to its chapter by keyboard', async ({ page }) => {
  await page.goto('/touchpoints/');
  await expect(page.locator('.standards-row')).toContainText('time to answer: the third ring');
  const cards = page.getByRole('link', { name: 'A quick-reference card for each touchpoint, to print' });
  await cards.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cards\/2026\.1\/$/);
  await page.getByRole('link', { name: 'Telephone' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telephone: quick reference');
  await expect(page.getByRole('region', { name: 'Our standards' })).toContainText('We answer every call by the third ring.');
  const back = page.getByRole('link', { name: '/go/phone/' });
  await back.focus();
  await expect(back).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telephone');
});

test('the charter page links each standard to its chapter; the customer version has no staff notes', async ({ page }) => {
  await page.goto('/charter/2026.1/');
  const entry = page.locator('#standard-email-reply');
  await expect(entry).toContainText('We send a full reply within one working day of receiving the email.');
  await entry.getByRole('link', { name: 'Email' }).click();
  await expect(page).toHaveURL(/\/procedures\/email\/$/);
  await page.goto('/charter/2026.1/customer/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our service charter');
  await expect(page.locator('main')).toContainText('We answer every call by the third ring.');
  await expect(page.locator('main')).not.toContainText('switchboard');
});
