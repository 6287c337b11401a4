/** Review dates: when a chapter's last review stops being valid. */

/** Adds whole months, clamping to the end of shorter months (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats a date the way the page footer shows it: "15 January 2026" style in US order. */
export function formatDate(date: Date, lang = 'en-US'): string {
  // Making a formatter costs far more than using one, and every chapter page formats a date.
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

/** ISO calendar date (YYYY-MM-DD), for `datetime` attributes. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type ReviewStatus = 'overdue' | 'due-soon' | 'ok';

/** Days ahead in which a coming review counts as "due soon". */
export const DUE_SOON_DAYS = 60;

export interface ReviewState {
  status: ReviewStatus;
  due: Date;
  /** Whole days from today to the due date; negative when overdue. */
  daysLeft: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** When a chapter's review runs out and how urgent that is on a given day. */
export function reviewState(reviewed: Date, reviewEvery: number, today: Date): ReviewState {
  const due = addMonths(reviewed, reviewEvery);
  const daysLeft = Math.floor((due.getTime() - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / DAY);
  const status: ReviewStatus = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
  return { status, due, daysLeft };
}

/**
 * "Today" for review status. CHARTER_TODAY (YYYY-MM-DD) pins it, for tests and for reproducing a
 * build; otherwise the real date.
 */
export function reviewToday(env: Record<string, string | undefined> = process.env, now = new Date()): Date {
  const pinned = env.CHARTER_TODAY;
  if (pinned) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(pinned))) {
      throw new Error(`CHARTER_TODAY must be a date written YYYY-MM-DD, got "${pinned}".`);
    }
    return new Date(pinned);
  }
  return now;
}
