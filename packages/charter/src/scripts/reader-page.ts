/**
 * The reader's own record on a chapter page or an edition's home page (#19): the list of chapters
 * that changed materially since the reader read them, remembering what they read, the "I have read
 * this" confirmation, and "Report a problem" with the selected text. Data comes from the page's
 * `data-` attributes and the build's marks files; storage is scripts/reader-state.ts.
 */
import { translatorFor, type Message, type Translator } from '../i18n/catalog.ts';
import {
  changedSince,
  confirmedAt,
  dismiss,
  editionsToFetch,
  isDismissed,
  pending,
  readChapters,
  rememberConfirmation,
  rememberRead,
  reportHref,
  type Confirmation,
  type MarksFile,
} from './reader-state.ts';
import { post } from './endpoint.ts';

interface PageData {
  base: string;
  /** The edition this page belongs to, and the current one. */
  edition: string;
  current: string;
  /** Released editions, oldest first. */
  released: string[];
  endpoint: string | undefined;
  i18n: Translator;
  /** Editions by id, as readers name them ("edition 2025.1"). */
  editionNames: Record<string, string>;
}

function pageData(root: HTMLElement): PageData {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, Message>;
  return {
    base: root.dataset.base ?? '/',
    edition: root.dataset.edition ?? '',
    current: root.dataset.current ?? '',
    released: JSON.parse(root.dataset.released ?? '[]') as string[],
    endpoint: root.dataset.endpoint || undefined,
    i18n: translatorFor(strings, root.dataset.lang ?? 'en'),
    editionNames: JSON.parse(root.dataset.editionNames ?? '{}') as Record<string, string>,
  };
}

async function fetchMarks(base: string, editions: readonly string[]): Promise<Map<string, MarksFile>> {
  const files = await Promise.all(
    editions.map(async (id) => {
      try {
        const response = await fetch(`${base}changes/${encodeURIComponent(id)}/marks.json`);
        return response.ok ? ((await response.json()) as MarksFile) : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return new Map(files.filter((f): f is MarksFile => !!f).map((f) => [f.edition, f]));
}

async function showChangedSince(slot: HTMLElement, data: PageData): Promise<void> {
  if (data.edition !== data.current) return;
  const read = readChapters(localStorage);
  const marks = await fetchMarks(data.base, editionsToFetch(read, data.released));
  const changes = changedSince(read, data.released, marks);
  if (changes.length === 0 || isDismissed(localStorage, data.current, changes)) return;
  const { i18n } = data;
  const box = document.createElement('section');
  box.className = 'changes-since';
  box.setAttribute('aria-label', i18n.t('since.label'));
  const title = document.createElement('p');
  title.className = 'changes-since-title';
  title.textContent = i18n.t('since.title', { count: changes.length });
  const intro = document.createElement('p');
  intro.textContent = i18n.t('since.intro');
  const list = document.createElement('ul');
  for (const change of changes) {
    const item = document.createElement('li');
    item.dataset.chapter = change.slug;
    const chapter = document.createElement('a');
    chapter.href = `${data.base}${change.slug}/`;
    chapter.textContent = change.title;
    const redline = document.createElement('a');
    redline.href = change.redline;
    redline.textContent = i18n.t('since.redline');
    item.append(chapter, ` (${i18n.t('since.readIn', { edition: data.editionNames[change.readIn] ?? change.readIn })}) · `, redline);
    list.append(item);
  }
  const hide = document.createElement('button');
  hide.type = 'button';
  hide.textContent = i18n.t('since.dismiss');
  hide.addEventListener('click', () => {
    dismiss(localStorage, data.current, changes);
    box.remove();
  });
  box.append(title, intro, list, hide);
  slot.append(box);
}

function startConfirm(section: HTMLElement, main: HTMLElement, data: PageData): void {
  const chapter = main.dataset.chapter!;
  const hash = main.dataset.contentHash!;
  const button = section.querySelector<HTMLButtonElement>('[data-confirm-button]')!;
  const status = section.querySelector<HTMLElement>('[data-confirm-status]')!;
  const date = new Intl.DateTimeFormat(document.documentElement.lang || 'en', { dateStyle: 'long' });
  const editionName = data.editionNames[data.edition] ?? data.edition;
  const showDone = (at: string) => {
    button.hidden = true;
    section.dataset.confirmed = '';
    status.textContent = data.i18n.t('confirm.done', { date: date.format(new Date(at)), edition: editionName });
  };
  const known = confirmedAt(localStorage, chapter, data.edition);
  if (known) showDone(known.at);
  section.hidden = false;
  button.addEventListener('click', async () => {
    const path = new URLSearchParams(location.search).get('path');
    const steps = (section.dataset.paths ?? '').split(' ').filter(Boolean);
    const confirmation: Confirmation = { chapter, edition: data.edition, hash, ...(path && steps.includes(path) ? { path } : {}) };
    const stored = rememberConfirmation(localStorage, confirmation, new Date());
    showDone(stored.at);
    // The button is gone: keep a keyboard reader's place on the words that replace it.
    status.tabIndex = -1;
    status.focus();
    if (!data.endpoint) return;
    const outcome = await post(data.endpoint, { kind: 'ack', body: confirmation });
    const note = document.createElement('span');
    note.textContent = ` ${data.i18n.t(outcome === 'accepted' ? 'confirm.recorded' : outcome === 'refused' ? 'confirm.refused' : 'confirm.waiting')}`;
    status.append(note);
  });
}

function startReport(link: HTMLAnchorElement, main: HTMLElement, data: PageData): void {
  const target = JSON.parse(link.dataset.target ?? '{}') as { issues: string } | { email: string };
  let selected = '';
  // Clicking the link can clear the selection first, so the last one made in the page is kept.
  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (text && selection?.anchorNode && main.contains(selection.anchorNode)) selected = text.slice(0, 1500);
  });
  link.addEventListener('click', () => {
    // The address in the bar, not the canonical one: it is the edition the reader was looking at.
    const url = location.href.split('#')[0]!;
    const lines = [
      data.i18n.t('report.ask'),
      '',
      data.i18n.t('report.page', { url }),
      data.i18n.t('report.edition', { edition: data.editionNames[data.edition] ?? data.edition }),
    ];
    link.href = reportHref(target, { subject: link.dataset.subject ?? '', lines, selection: selected });
  });
}

/** Starts everything the page has room for. */
export function startReaderPage(): void {
  const root = document.querySelector<HTMLElement>('[data-reader]');
  if (!root) return;
  const data = pageData(root);
  const main = document.querySelector<HTMLElement>('main[data-chapter]');
  void showChangedSince(root, data).finally(() => {
    // Remembered after the list is made, so the chapter on screen is listed once more if it changed.
    if (main?.dataset.chapter) rememberRead(localStorage, main.dataset.chapter, data.edition, data.released);
  });
  const confirm = document.querySelector<HTMLElement>('[data-confirm]');
  if (confirm && main) startConfirm(confirm, main, data);
  const report = document.querySelector<HTMLAnchorElement>('a[data-report]');
  if (report && main) startReport(report, main, data);
  // Requests a page could not send wait for the next one that can.
  if (data.endpoint && pending(localStorage).length > 0) void post(data.endpoint);
}
