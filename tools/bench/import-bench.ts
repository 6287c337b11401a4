/**
 * Times `charter import` the way an adopter runs it: the real command line as a child process,
 * process start included, over a generated Markdown handbook of N files that has every construct
 * the importer handles: folders three deep with README, index and _index pages, names with
 * capitals and spaces, YAML and TOML frontmatter, Hugo shortcodes (a `ref` among them), Docusaurus
 * and MkDocs admonitions, MDX with imports and components, raw HTML that is allowed, unsafe or
 * unfinished, links to pages by file, folder and name without extension, anchors, images,
 * documents and links to pages that do not exist.
 *
 *   const result = await measureImport({ files: 1000 });
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { charterCli } from '../support/paths.ts';

export interface ImportBenchResult {
  files: number;
  pages: number;
  seconds: number;
  exitCode: number;
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
);

const TOPICS = ['Time Off', 'Benefits', 'Security', 'On Call', 'Expenses', 'Travel', 'Hiring', 'Equipment'];

/** The folder of page `i`: three levels, names with capitals and spaces. */
function folderOf(i: number): string {
  return `${TOPICS[i % TOPICS.length]}/Area ${Math.floor(i / 40) % 5}/Group_${Math.floor(i / 8) % 5}`;
}

function pageName(i: number): string {
  return i % 8 === 0 ? 'README' : i % 8 === 1 ? '_index' : `Page ${i}`;
}

/** The text of page `i`, with one of each construct somewhere among every eight pages. */
function pageText(i: number, total: number): string {
  const other = (i * 7 + 3) % total;
  const otherLink = `../../../${folderOf(other)}/${encodeURI(pageName(other))}.md`;
  const frontmatter =
    i % 3 === 0
      ? `+++\ntitle = "Page ${i}"\nweight = ${i % 10}\n+++\n\n`
      : i % 3 === 1
        ? `---\ntitle: Page ${i}\nsidebar_position: ${i % 10}\ntags: [one, two]\n---\n\n`
        : '';
  const heading = frontmatter === '' ? `# Topic ${i} for staff\n\n` : '';
  const blocks = [
    `This page explains rule ${i} to everyone who works here. It says what to do and whom to ask.`,
    `## Who it applies to\n\nEveryone in ${TOPICS[i % TOPICS.length]} follows it from their first day. See [page ${other}](${otherLink}#who-it-applies-to) and [the folder](../).`,
    `## Steps\n\n1. Read the policy.\n2. Ask your manager.\n3. File the [form](../../../assets/Form%20${i % 4}.pdf).\n\n![Diagram](../../../assets/diagram-${i % 4}.png)`,
    i % 8 === 2 ? '{{< note >}}\nKeep a copy of what you send.\n{{< /note >}}\n\nSee also [the related rule]({{< ref "README.md" >}}).' : '',
    i % 8 === 3 ? ':::tip Good to know\nMost requests are answered within a day.\n:::' : '',
    i % 8 === 4 ? '!!! warning "Mind the deadline"\n    Requests after the 20th wait for the next month.\n\nThe rest applies as usual.' : '',
    i % 8 === 5
      ? '<div style="color: red"><center>Read this first.</center></div>\n\n<iframe src="https://video.example.com/embed/1"></iframe>\n\n<img src="https://cdn.example.com/x.png" alt="Remote">'
      : '',
    i % 8 === 6
      ? `A link to [a page that is gone](./missing-${i}.md) and a [page by name](./Page%20${i - 1}).\n\n<details><summary>More</summary>\n\nHidden detail ${i}.\n\n</details>`
      : '',
    i % 8 === 7 ? 'Text with a < b and {braces} and a <br> break.\n\n    An indented code line.\n\n```js\nconst x = "{{< not a shortcode >}}";\n```' : '',
  ];
  return `${frontmatter}${heading}${blocks.filter(Boolean).join('\n\n')}\n`;
}

const MDX_PAGE = `---
title: Expenses in MDX
---

import Tabs from '@theme/Tabs';

Claim within a month.

<Tabs>
<TabItem value="a" label="Card">

Card spending shows up on its own.

</TabItem>
</Tabs>

{/* editors: check the limits in April */}
The limit is {props.limit}.
`;

/** Writes a generated handbook of about `files` files (pages, plus a few images and documents) into `dir`. */
export function writeMarkdownHandbook(dir: string, files: number): number {
  const pages = Math.max(16, files - 8);
  for (let i = 0; i < pages; i++) {
    const file = path.join(dir, folderOf(i), `${pageName(i)}${i % 97 === 50 ? '.mdx' : '.md'}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, i % 97 === 50 ? MDX_PAGE : pageText(i, pages));
  }
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  for (let i = 0; i < 4; i++) {
    writeFileSync(path.join(dir, 'assets', `diagram-${i}.png`), PNG);
    writeFileSync(path.join(dir, 'assets', `Form ${i}.pdf`), '%PDF-1.4\n%%EOF\n');
  }
  writeFileSync(path.join(dir, 'README.md'), '# Company handbook\n\nWelcome. Start with [time off](Time%20Off/Area%200/Group_0/README.md).\n');
  return pages + 9;
}

/** Generates the handbook, runs `charter import` on it into a new content folder, and times it. */
export async function measureImport(options: { files: number }): Promise<ImportBenchResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'charter-import-bench-'));
  try {
    const source = path.join(work, 'handbook');
    const files = writeMarkdownHandbook(source, options.files);
    const started = performance.now();
    const exitCode = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [charterCli, 'import', source, path.join(work, 'content'), '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('close', (code) => resolve(code ?? 1));
    });
    const seconds = (performance.now() - started) / 1000;
    return { files, pages: files - 8, seconds, exitCode };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
