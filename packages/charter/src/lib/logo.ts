/**
 * The adopter's logo: an image they ship in their project's public/ folder. Checked when the build
 * starts, so a typo in the path or a file that is not an image stops the build with the field's
 * name instead of showing a broken image in every page's header.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** The image kinds a browser shows in an <img>, told apart by their first bytes. */
const SIGNATURES: { kind: string; matches: (head: Buffer) => boolean }[] = [
  { kind: 'PNG', matches: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { kind: 'JPEG', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { kind: 'GIF', matches: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')) },
  { kind: 'WebP', matches: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
  { kind: 'AVIF', matches: (h) => h.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]/.test(h.subarray(8, 12).toString('latin1')) },
  // SVG is text: an XML declaration, comments or a doctype may come before the <svg> element.
  { kind: 'SVG', matches: (h) => /<svg[\s>]/i.test(h.toString('utf8')) },
];

/** Where a logo path points inside public/ (a leading "/" is the site's root, which is public/). */
export function logoFile(logo: string, publicDir: string): string {
  return path.join(publicDir, ...logo.replace(/^\//, '').split('/'));
}

/** Why the logo cannot be used, or undefined when it is an image in public/. */
export function logoProblem(logo: string, publicDir: string): string | undefined {
  const file = logoFile(logo, publicDir);
  const shown = path.join(path.basename(publicDir), path.relative(publicDir, file));
  if (!existsSync(file) || !statSync(file).isFile()) {
    return `${shown} not found. Put the image in the project's public/ folder and give its path there (e.g. "/logo.svg"), or leave logo out for the built-in icon.`;
  }
  const head = readHead(file, 1024);
  if (!SIGNATURES.some((s) => s.matches(head))) {
    return `${shown} is not an image: its content is none of ${SIGNATURES.map((s) => s.kind).join(', ')}. Export the logo in one of these formats.`;
  }
  return undefined;
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
