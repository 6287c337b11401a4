/**
 * The build's PDF step: when the config's `pdf` names editions, the finished site's pages of those
 * editions are printed into it (lib/pdf/print.ts), before the site is moved into place. The
 * editions page links exactly these PDFs, so a link is on the page only when the build that wrote
 * the page also wrote its PDF, and a PDF that cannot be printed fails the build (the last good site
 * stays where it was).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { editionsToPrint, type PdfSetting } from '../lib/pdf/plan.ts';
import { plannedEditions, readPlan, writeEditionPdfs } from '../lib/pdf/print.ts';

export function pdfIntegration(setting: PdfSetting): AstroIntegration {
  return {
    name: 'charter:pdf',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (setting === 'off') return;
        const dist = fileURLToPath(dir);
        const editions = editionsToPrint(
          setting,
          plannedEditions(dist).map((id) => readPlan(dist, id).edition),
        ).map((e) => e.id);
        if (editions.length === 0) return;
        const started = performance.now();
        const written = await writeEditionPdfs(dist, editions);
        const pages = written.reduce((sum, pdf) => sum + pdf.pages, 0);
        logger.info(`Printed ${written.length} PDFs of ${editions.join(', ')} (${pages} pages) in ${((performance.now() - started) / 1000).toFixed(1)}s.`);
      },
    },
  };
}
