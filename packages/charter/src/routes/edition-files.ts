/**
 * The images and documents kept next to chapters in the edition folders (`./forms/refund.pdf`,
 * `![](./hold.png)`), published beside the edition's permanent addresses:
 * `/<edition>/<path below the edition folder>`. The compiler has pointed every link to them there
 * (integration/chapter-links.ts), and the build refused links to files that do not exist.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readEditionFolder } from '../lib/chapter-files.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { readManifest } from '../lib/content-files.ts';

/** Content types by extension, so a browser shows an image and offers a document for download. */
const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
};

export const getStaticPaths = (() => {
  const contentDir = resolveContentDir();
  return readManifest(contentDir).flatMap((edition) =>
    readEditionFolder(contentDir, edition.id).attachments.map((file) => ({
      params: { edition: edition.id, file },
      props: { path: path.join(contentDir, 'editions', edition.id, file) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const file = (props as { path: string }).path;
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return new Response(readFileSync(file), { headers: { 'content-type': TYPES[extension] ?? 'application/octet-stream' } });
};
