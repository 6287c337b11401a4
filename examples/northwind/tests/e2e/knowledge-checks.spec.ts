/**
 * Knowledge checks (`<Check>`) in Chromium: scored by keyboard, the result said politely, a right
 * answer remembered and counted by the reading path; without JavaScript the answer is still there;
 * the welcome packet ends with the trainer's answer sheet.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';

const LISTENING = /A customer is halfway through explaining a problem/;

/** Picks an option of a check by keyboard and asks for the result. */
async function answerByKeyboard(page: Page, question: RegExp, option: RegExp) {
  const check = page.locator('[data-check]').filter({ has: page.getByRole('group', { name: question }) });
  const radios = check.getByRole('radio');
  await radios.first().focus();
  const target = check.getByRole('radio', { name: option });
  for (let i = 0; i < 5 && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(check.getByRole('button', { name: 'Check my answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  return check;
}

test.describe('knowledge checks', () => {
  test('are answered by keyboard, say the result politely and remember a right answer', async ({ page }) => {
    await page.goto('/skills/listening/');
    const check = page.locator('[data-check]').filter({ has: page.getByRole('group', { name: LISTENING }) });
    const result = check.getByRole('status');
    await expect(result).toHaveAttribute('aria-live', 'polite');

    await check.getByRole('button', { name: 'Check my answer' }).click();
    await expect(result).toHaveText('Choose an answer first.');

    await answerByKeyboard(page, LISTENING, /Start typing the usual fix/);
    await expect(result).toHaveText('Not quite. Read the question again and try another answer.');
    await expect(check.locator('details')).not.toHaveAttribute('open', '');

    await answerByKeyboard(page, LISTENING, /Let them finish/);
    await expect(result).toHaveText('Right. The explanation is below.');
    await expect(check.getByText('Hearing the whole story and then paraphrasing it')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(result).toHaveText('You have answered this one right before.');
    await expect(check.getByRole('radio', { name: /Let them finish/ })).toBeChecked();
  });

  test('complete a reading-path step when every check of its chapter is answered right', async ({ page }) => {
    await page.goto('/paths/frontline-first-week/');
    const telephone = page.locator('li', { has: page.getByRole('link', { name: 'Telephone', exact: true }) });
    const box = telephone.getByRole('checkbox');
    await expect(box).toBeDisabled();
    await expect(box).not.toBeChecked();
    await expect(telephone).toContainText('Done when you answer its knowledge check right.');
    await expect(page.locator('[data-path-progress]')).toHaveText('0 of 10 steps read.');

    await page.goto('/procedures/telephone/');
    await answerByKeyboard(page, /before you put them on hold/, /Say why you need a moment/);
    await page.goto('/paths/frontline-first-week/');
    // One of the chapter's two checks is not a done step.
    await expect(box).not.toBeChecked();

    await page.goto('/procedures/telephone/');
    const second = await answerByKeyboard(page, /How often do they hear from you/, /At least every 30 seconds/);
    await expect(second.getByRole('status')).toHaveText('Right. The explanation is below.');
    await page.goto('/paths/frontline-first-week/');
    await expect(box).toBeChecked();
    await expect(page.locator('[data-path-progress]')).toHaveText('1 of 10 steps read.');
    await expectNoAxeViolations(page);
  });

  test('print with the trainer’s answer sheet at the end of the welcome packet', async ({ page }) => {
    await page.goto('/paths/frontline-first-week/print/');
    const sheet = page.locator('[data-answer-sheet]');
    await expect(sheet.getByRole('heading', { level: 2, name: 'Answer sheet for the trainer' })).toBeVisible();
    await expect(sheet.getByRole('listitem')).toHaveCount(4);
    await expect(sheet).toContainText('b) Let them finish, then say back in your own words what you heard');
    await expect(sheet).toContainText('c) One named colleague, who owns it until it is closed');
    // The sheet comes after every chapter of the packet.
    const [sheetTop, lastChapterTop] = await page.evaluate(() => [
      document.querySelector('[data-answer-sheet]')!.getBoundingClientRect().top,
      [...document.querySelectorAll('.packet-chapter')].at(-1)!.getBoundingClientRect().top,
    ]);
    expect(sheetTop).toBeGreaterThan(lastChapterTop!);
  });
});

test.describe('knowledge checks without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('read as a question with options, and the answer is a click away', async ({ page }) => {
    await page.goto('/skills/listening/');
    const check = page.locator('[data-check]').filter({ has: page.getByRole('group', { name: LISTENING }) });
    await expect(check.getByRole('radio')).toHaveCount(3);
    await expect(check.getByRole('button', { name: 'Check my answer' })).toBeHidden();
    await expect(check.getByText('Hearing the whole story')).toBeHidden();
    await check.getByText('Show the answer').click();
    await expect(check.locator('details')).toContainText('The answer: Let them finish, then say back in your own words what you heard');
    await expect(check.getByText('Hearing the whole story')).toBeVisible();
  });
});
