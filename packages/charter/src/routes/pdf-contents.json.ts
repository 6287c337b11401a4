/**
 * Each edition's print plan at /pdf/<edition>/contents.json: its sections and chapters in reading
 * order, with the words of the PDF's cover and footer, for `charter pdf` and the build's own PDF
 * step (lib/pdf/plan.ts says why it is written by the build).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHandbook, type EditionView } from '../data/handbook.ts';
import { charterUrl } from '../lib/charter.ts';
import { permalinkUrl } from '../lib/edition-urls.ts';
import { siteConfig } from '../lib/config.ts';
import type { PrintPlan } from '../lib/pdf/plan.ts';
import { isoDate } from '../lib/review.ts';
import { i18n, t } from '../i18n/site.ts';

export const getStaticPaths = (async () => {
  const { editions } = await loadHandbook();
  return editions.map((e) => ({ params: { edition: e.id } }));
}) satisfies GetStaticPaths;

/** The date a PDF of the edition carries: its release, or for the draft its newest chapter review, so that two builds agree. */
export function editionDate(view: EditionView): Date {
  if (view.edition.released) return view.edition.released;
  return new Date(Math.max(...view.ordered.map((c) => c.data.reviewed.getTime())));
}

export function printPlan(view: EditionView, hasCharter: boolean): PrintPlan {
  const { edition } = view;
  const date = editionDate(view);
  const below = (url: string) => url.replace(/^\//, '');
  return {
    format: 1,
    lang: siteConfig.lang,
    organization: siteConfig.organization,
    title: siteConfig.title,
    base: siteConfig.base,
    ...(siteConfig.site ? { site: siteConfig.site } : {}),
    edition: { id: edition.id, title: edition.title, status: edition.status },
    date: isoDate(date),
    strings: {
      cover: t(edition.status === 'draft' ? 'pdf.coverDraft' : 'pdf.cover', { edition: edition.title, date: i18n.date(date) }),
      contents: t('pdf.contents'),
      footer: t('pdf.footer', { edition: edition.title, page: '{page}', pages: '{pages}' }),
    },
    ...(hasCharter ? { charter: { title: t('charter.title'), path: below(charterUrl(edition.id)) } } : {}),
    sections: view.groups.map((group) => ({
      id: group.section.id,
      title: group.section.title,
      chapters: group.chapters.map((c) => ({ slug: c.slug, title: c.title, path: below(permalinkUrl(edition, c.slug)) })),
    })),
  };
}

export const GET: APIRoute = async ({ params }) => {
  const handbook = await loadHandbook();
  const view = handbook.views.get(params.edition!)!;
  return new Response(`${JSON.stringify(printPlan(view, handbook.standardsOf(view.edition.id).length > 0), null, 2)}\n`, {
    headers: { 'content-type': 'application/json' },
  });
};
