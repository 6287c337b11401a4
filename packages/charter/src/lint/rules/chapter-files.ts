/**
 * Refuses what lies wrong between chapters: file names that cannot be addresses, a chapter in a
 * folder sections.yaml does not list, two files with one address, redirects onto a live chapter or
 * claimed by two chapters, and a short link declared twice.
 *
 * Why: the file name becomes the page's address, and redirects and short links are promises to
 * readers; each of these stops the build, which reports them in exactly these words.
 *
 * How: src/lib/structure.ts, run over every chapter of the edition (the build runs it over every
 * edition before anything is compiled). A chapter is a `.md` (Markdown) or `.mdx` (MDX) file in a
 * section folder, or in folders below one, each named in lowercase letters, digits and hyphens; a
 * folder's `index.md` or `index.mdx` is the folder's own page. Every other file in an edition folder
 * is reported too, except the images and documents chapters use. Reading paths' short links (paths.yaml) count in the current edition. Part of
 * what the build refuses: it cannot be turned off.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx", "config": {"path": "editions/2026.1/procedures/phone-notes.mdx"}}
 *
 *   ---
 *   title: Phone notes
 *   description: What to write down during a call.
 *   type: guide
 *   audience: [frontline]
 *   owner: Customer Contact Team
 *   reviewed: 2026-01-12
 *   redirectFrom: [procedures/call-notes]
 *   ---
 *
 *   Text.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input", "config": {"path": "editions/2026.1/procedures/Phone Notes.mdx"}}
 *
 *   ---
 *   title: Phone notes
 *   description: What to write down during a call.
 *   type: guide
 *   audience: [frontline]
 *   owner: Customer Contact Team
 *   reviewed: 2026-01-12
 *   redirectFrom: [procedures/telephone]
 *   ---
 *
 *   Text.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1: Unexpected chapter file "editions/2026.1/procedures/Phone Notes.mdx", expected folders and a name in lowercase letters, digits and hyphens, such as "editions/2026.1/procedures/phone-notes.mdx": the path becomes the page's address (charter import renames files and keeps their old addresses working)
 *   8:16-8:36: Unexpected redirectFrom "procedures/telephone": a chapter still lives at that path, expected only old paths no chapter uses: remove the entry or move that chapter
 */
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';
