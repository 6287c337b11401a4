/**
 * Scores the page's knowledge checks (the `<Check>` component) in the browser. A right answer is
 * kept in localStorage under `charter:check:<id>`, which the reading-path page reads to count the
 * step as done; nothing is sent anywhere. Without this script the check still reads as a question
 * with options and a "Show the answer" disclosure.
 */

/** The localStorage key of a check's answer. */
export function checkKey(id: string): string {
  return `charter:check:${id}`;
}

/** Whether the reader has answered this check right, in this browser. */
export function answeredRight(id: string): boolean {
  try {
    return localStorage.getItem(checkKey(id)) === 'right';
  } catch {
    return false;
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(checkKey(id), 'right');
  } catch {
    // Storage full or blocked: the answer is still scored, only not remembered.
  }
}

interface Strings {
  pick: string;
  right: string;
  wrong: string;
  before: string;
}

function start(check: HTMLElement): void {
  const id = check.dataset.check!;
  const right = Number(check.dataset.right);
  const strings = JSON.parse(check.dataset.strings ?? '{}') as Strings;
  const result = check.querySelector<HTMLElement>('[data-check-result]')!;
  const answer = check.querySelector<HTMLDetailsElement>('[data-check-answer]')!;
  const radios = [...check.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const actions = check.querySelector<HTMLElement>('[data-check-actions]')!;
  actions.hidden = false;
  // Emptied first, so that the same message said twice (two wrong answers) is announced twice.
  const say = (message: string, outcome?: 'right' | 'wrong') => {
    result.textContent = '';
    if (outcome) result.dataset.outcome = outcome;
    else delete result.dataset.outcome;
    requestAnimationFrame(() => {
      result.textContent = message;
    });
  };
  const showRight = (message: string) => {
    say(message, 'right');
    answer.open = true;
  };
  if (answeredRight(id)) {
    radios[right]!.checked = true;
    showRight(strings.before);
  }
  check.querySelector('[data-check-submit]')!.addEventListener('click', () => {
    const chosen = radios.findIndex((r) => r.checked);
    if (chosen === -1) {
      say(strings.pick);
      radios[0]?.focus();
    } else if (chosen === right) {
      remember(id);
      showRight(strings.right);
    } else {
      say(strings.wrong, 'wrong');
    }
  });
}

export function startChecks(): void {
  for (const check of document.querySelectorAll<HTMLElement>('[data-check]')) start(check);
}
