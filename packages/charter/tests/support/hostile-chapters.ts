/**
 * Hostile and careless chapters, several variants of each class of attack the safety gate must
 * stop, and harmless look-alikes that must pass. Shared by the checker's tests, the gate-versus-
 * compiler test and the build and dev-server tests, so every layer is held to the same cases.
 *
 * Each hostile chapter that could run code carries a canary: if any of its code ran at build time
 * it would write a file named after the case into the folder CHARTER_CANARY names; a test that
 * finds that folder empty proves nothing ran.
 */

export interface HostileChapter {
  /** Unique; also the file name (`<name>.mdx`) and the canary's name. */
  name: string;
  /** The class of the issue (#14) it belongs to. */
  kind: string;
  text: string;
  /** Where it goes below the draft edition's folder; `skills/<name>.mdx` when left out. */
  file?: string;
}

/** The path of a case below the draft edition's folder. */
export function draftFile(chapter: Pick<HostileChapter, 'name'> & { file?: string | undefined }): string {
  return chapter.file ?? `skills/${chapter.name}.mdx`;
}

/** A frontmatter the schema accepts; `shortLink` is left out so chapters never clash. */
export function frontmatter(title: string): string {
  return [
    '---',
    `title: ${title}`,
    'description: A chapter written to test what the handbook accepts.',
    'type: skill',
    'touchpoints: []',
    'audience: [all-staff]',
    'owner: Service Standards Team',
    'reviewed: 2026-01-10',
    'reviewEvery: 12',
    'order: 90',
    'redirectFrom: []',
    '---',
    '',
  ].join('\n');
}

/** Code that, if it ever ran during a build, leaves a file behind. */
export function canary(name: string): string {
  return `(await import('node:fs')).writeFileSync((process.env.CHARTER_CANARY ?? '/tmp') + '/${name}', 'ran')`;
}

const chapter = (name: string, kind: string, body: string, head = frontmatter(`Case ${name}`)): HostileChapter => ({ name, kind, text: `${head}\n${body}\n` });

export const HOSTILE_CHAPTERS: readonly HostileChapter[] = [
  // 1. Lint comments that tried to switch the gate off.
  chapter('comment-ignore-safety', 'lint comments', `{/* lint ignore mdx-safety */}\nexport const a = ${canary('comment-ignore-safety')}\n`),
  chapter('comment-bare-ignore', 'lint comments', `{/* lint ignore */}\n\n{${canary('comment-bare-ignore')}}\n`),
  chapter('comment-disable-enable', 'lint comments', `{/* lint disable */}\n\nexport const b = ${canary('comment-disable-enable')}\n\n{/* lint enable */}\n`),
  chapter(
    'comment-disable-named',
    'lint comments',
    `{/* lint disable mdx-safety mdx-syntax */}\n\nText {process.env.HOME} here.\n\n{/* lint enable mdx-safety mdx-syntax */}\n`,
  ),
  // 2. Astro directives and other attributes outside the allowlist.
  chapter('directive-set-html', 'directives', `<span set:html='<meta http-equiv="refresh" content="0;url=https://evil.example/">' />\n`),
  chapter('directive-set-text', 'directives', `<Callout set:text="replaced">\n\nText.\n\n</Callout>\n`),
  chapter('directive-is-raw', 'directives', `<div is:raw>{'{'}</div>\n`),
  chapter('directive-client', 'directives', `<Term id="hold" client:load />\n`),
  chapter('attribute-ping', 'directives', `<a href="/skills/listening/" ping="https://evil.example/track">Listen</a>\n`),
  chapter('attribute-target-blank', 'directives', `<a href="https://example.com/" target="_blank">Example</a>\n`),
  chapter('attribute-handler', 'directives', `<img src="/favicon.svg" alt="" onerror="alert(1)" />\n`),
  // 3. Frontmatter fences the readers split differently, each hiding code in the body.
  chapter(
    'fence-four-dashes',
    'frontmatter fence',
    `export const c = ${canary('fence-four-dashes')}\n`,
    frontmatter('Four dashes').replace(/\n---\n$/, '\n----\n'),
  ),
  chapter('fence-blank-first-line', 'frontmatter fence', `export const d = ${canary('fence-blank-first-line')}\n`, `\n${frontmatter('Blank first line')}`),
  chapter('fence-toml', 'frontmatter fence', `export const e = ${canary('fence-toml')}\n`, '+++\ntitle = "TOML"\n+++\n'),
  {
    name: 'fence-cr-only',
    kind: 'frontmatter fence',
    text: `${frontmatter('Old Mac line endings')}\nexport const f = ${canary('fence-cr-only')}\n`.replace(/\n/g, '\r'),
  },
  chapter(
    'fence-dashes-text',
    'frontmatter fence',
    `export const g = ${canary('fence-dashes-text')}\n`,
    frontmatter('Dashes with text').replace(/\n---\n$/, '\n--- end\n'),
  ),
  // 4. Chapters the gate cannot parse: refused, never compiled unchecked.
  chapter('unparsable-unclosed', 'unparsable', `<Callout>\n\nNever closed.\n\n{${canary('unparsable-unclosed')}}\n`),
  chapter('unparsable-expression', 'unparsable', `Text {<!-- x\n${canary('unparsable-expression')}}\n`),
  // 5. Build-time code that would write a script for readers; and script elements.
  chapter(
    'script-written-at-build',
    'build-time code',
    `{(await import('node:fs')).writeFileSync('dist/evil.js','alert(1)')}\n\n<span set:html="<script src='/evil.js'></script>" />\n`,
  ),
  chapter('script-element', 'build-time code', `<script>{'alert(1)'}</script>\n`),
  chapter('script-uppercase', 'build-time code', `<SCRIPT>alert(1)</SCRIPT>\n`),
  // 7. Escaped and encoded schemes.
  chapter('scheme-escaped', 'escaped schemes', `[x](javascript\\:alert(1))\n`),
  chapter('scheme-definition', 'escaped schemes', `[x][ref]\n\n[ref]: javascript\\:alert(1)\n`),
  chapter('scheme-data-definition', 'escaped schemes', `[x][ref]\n\n[ref]: data\\:text/html,<script>alert(1)</script>\n`),
  chapter('scheme-entity', 'escaped schemes', `<a href="&#106;avascript&colon;alert(1)">x</a>\n`),
  chapter('scheme-tab', 'escaped schemes', `<a href="java&Tab;script:alert(1)">x</a>\n`),
  chapter('scheme-literal-expression', 'escaped schemes', `<a href={"\\u006aavascript:alert(1)"}>x</a>\n`),
  // 8. Other hosts.
  chapter('image-markdown-remote', 'other hosts', `![Logo](https://evil.example/pixel.png)\n`),
  chapter('image-protocol-relative', 'other hosts', `<img src="//evil.example/pixel.png" alt="" />\n`),
  chapter('image-backslash-host', 'other hosts', `<img src="/\\evil.example/pixel.png" alt="" />\n`),
  chapter('image-srcset-remote', 'other hosts', `<img src="/favicon.svg" srcset="/favicon.svg 1x, https://evil.example/p.png 2x" alt="" />\n`),
  chapter('image-reference-remote', 'other hosts', `![Logo][logo]\n\n[logo]: //evil.example/pixel.png\n`),
  chapter('image-module-import', 'other hosts', `![Not an image](./evil.js)\n`),
  // 9. Depth and size.
  chapter('deep-blockquote', 'depth', `${'>'.repeat(20_000)} x\n`),
  chapter('deep-list', 'depth', `${'- '.repeat(20_000)}x\n`),
  chapter('deep-spans', 'depth', `${'<span>'.repeat(5_000)}x${'</span>'.repeat(5_000)}\n`),
  chapter('deep-expression', 'depth', `{${'('.repeat(2_000)}1${')'.repeat(2_000)}}\n`),
  chapter('huge-paragraph', 'depth', `${'The caller waits *on hold* for [thirty](/x/) seconds. '.repeat(4_000)}\n`),
  // Inputs that crash or stall the compiler's own parser: refused before, or by isolating, the parse.
  chapter('crash-string-hides-expression', 'compiler crash', `{"/*" + ${'!'.repeat(45_000)}x + "*/"}\n`),
  chapter('crash-string-hides-jsx', 'compiler crash', `<Callout title={"/*" + ${'<b c={'.repeat(26)} "*/"}>x</Callout>\n`),
  chapter('crash-backtick-hides-jsx', 'compiler crash', `<Callout title={"\`" + ${'<b c={'.repeat(26)} "\`"}>x</Callout>\n`),
  { name: 'crash-panic-trailing-backslash', kind: 'compiler crash', text: `${frontmatter('Panic')}\nIntro text.\n\nexport const x = 1\n\`\`\`\nC:\\` },
  chapter('crash-many-elements', 'compiler crash', '<b>x</b>\n\n'.repeat(20_000)),
  chapter('crash-unclosed-jsx-in-expression', 'compiler crash', `{${'<b>'.repeat(30)}}\n`),
  // Shapes the checker's parser reads slowly (the square of their size), and bundler markers.
  chapter('slow-setext-headings', 'checker stall', `Press <kbd>Ctrl</kbd> to continue.\n\n${'a\n=\n'.repeat(12_000)}`),
  chapter('slow-emphasis-run', 'checker stall', `${'*a'.repeat(24_000)}\n\n${'*a'.repeat(24_000)}\n`),
  chapter('marker-vite-asset', 'bundler markers', 'Reference `__VITE_ASSET__AAAAAAAAAAAAAAAAAAAAAA__` here.\n'),
  chapter('marker-astro-image', 'bundler markers', 'Text __ASTRO_ASSET_IMAGE__abc__ here.\n'),
  // 10. YAML the readers disagree on, and links that lie.
  chapter(
    'yaml-js-function',
    'yaml',
    'Text.\n',
    frontmatter('YAML tag').replace('owner: Service Standards Team', "owner: !!js/function 'function () { return 1 }'"),
  ),
  chapter(
    'yaml-billion-laughs',
    'yaml',
    'Text.\n',
    frontmatter('Laughs').replace(
      'redirectFrom: []',
      [
        'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
        'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
        'g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
        'redirectFrom: []',
      ].join('\n'),
    ),
  ),
  chapter('link-bidi-override', 'links', `[\u202Egnp.exe](/skills/listening/)\n`),
  chapter('link-bidi-smart-punctuation', 'links', 'Get the form here ...?www.evil.example...--\u202Efdp.exe\\\n'),
  { name: 'frontmatter-scalar', kind: 'yaml', text: '---\nhello\n---\n\nText.\n' },
  // The MDX compiler imports a frontmatter `layout` as a module: a field the schema must refuse.
  chapter(
    'frontmatter-layout',
    'yaml',
    'Text.\n',
    frontmatter('Layout').replace('redirectFrom: []', 'redirectFrom: []\nlayout: ../../../../../scripts/release.ts'),
  ),
  chapter('frontmatter-impossible-date', 'yaml', 'Text.\n', frontmatter('Date').replace('reviewed: 2026-01-10', 'reviewed: 2026-13-45')),
  // Prop values a component refuses when the page is built.
  chapter('prop-callout-type', 'prop values', '<Callout type="warning">\n\nText.\n\n</Callout>\n'),
  chapter('prop-touchpoint', 'prop values', '<TouchpointBadge touchpoint="fax" />\n'),
  // Problems between chapters that stop the build: the checker must say so too.
  { ...chapter('name-with-space', 'chapter files', 'Text.\n'), file: 'skills/Phone Notes.mdx' },
  { ...chapter('name-with-capitals', 'chapter files', 'Text.\n'), file: 'skills/stateFMLA.mdx' },
  { ...chapter('name-outside-section', 'chapter files', 'Text.\n'), file: 'loose.mdx' },
  chapter('redirect-onto-live-chapter', 'chapter files', 'Text.\n', frontmatter('Redirect').replace('redirectFrom: []', 'redirectFrom: [skills/listening]')),
  chapter('short-link-clash', 'chapter files', 'Text.\n', frontmatter('Short link').replace('redirectFrom: []', 'redirectFrom: []\nshortLink: listening')),
];

/** Harmless chapters that look like the hostile ones: every layer must let them through. */
export const HARMLESS_LOOK_ALIKES: readonly HostileChapter[] = [
  chapter('ok-callout-data-title', 'look-alike', `<Callout title="Data: what we keep">\n\nWe keep the order number and nothing else.\n\n</Callout>\n`),
  chapter('ok-comment', 'look-alike', `{/* a note for editors: keep this short */}\n\nAnswer by the third ring.\n`),
  chapter(
    'ok-links',
    'look-alike',
    `Read [the policy](https://example.com/policy), write to [us](mailto:service@example.com) or call [the desk](tel:+15550100).\n\n<a href="https://example.com/">Example</a>\n`,
  ),
  chapter(
    'ok-code-with-html',
    'look-alike',
    'Write `<script>` in a code span, or in a block:\n\n```html\n<script src="https://evil.example/x.js"></script>\n<img src="https://evil.example/p.png">\n```\n',
  ),
  chapter('ok-javascript-word', 'look-alike', 'The word javascript: and data: in prose is only text, and so is the word export at the start of a\nsentence.\n'),
  chapter('ok-local-image', 'look-alike', '![The handbook logo](/favicon.svg)\n\n<img src="/favicon.svg" alt="Logo" width={32} />\n'),
  chapter('ok-nested', 'look-alike', '> Quoted\n>\n> > quoted again\n\n- One\n  - Two\n    - Three\n      - Four\n        - Five\n'),
  chapter('ok-literals', 'look-alike', '<CreedStatement closing={true}>\n\nI am your customer.\n\n</CreedStatement>\n\n<ol start={3}><li>Three.</li></ol>\n'),
  chapter('ok-table', 'look-alike', '| Touchpoint | Answer within |\n| --- | --- |\n| Telephone | three rings |\n| Email | one working day |\n'),
  chapter('ok-dashes-in-body', 'look-alike', 'Text above a rule.\n\n---\n\nText below it.\n'),
  chapter('ok-code-block-json', 'look-alike', `An example record:\n\n\`\`\`json\n${'{"a": '.repeat(17)}1${'}'.repeat(17)}\n\`\`\`\n`),
  chapter(
    'ok-code-block-unclosed-brace',
    'look-alike',
    `A fragment:\n\n\`\`\`js\nif (ready) {\n\`\`\`\n\n${'The caller waits for an answer, and we give one. '.repeat(60)}\n`,
  ),
  chapter('ok-code-block-void-tags', 'look-alike', `Markup that breaks lines:\n\n\`\`\`html\n${'<br>\n<img src="x.png">\n'.repeat(40)}\`\`\`\n`),
  chapter(
    'ok-code-in-nested-list',
    'look-alike',
    `1. Open the console.\n   - Paste this:\n\n     \`\`\`js\n     if (order.late) {\n       notify(order);\n     \`\`\`\n\n${'The caller waits for an answer, and we give one, clearly and kindly. '.repeat(40)}\n`,
  ),
  chapter('ok-code-in-blockquote', 'look-alike', `> An example:\n>\n> \`\`\`json\n> ${'{"a": '.repeat(20)}1${'}'.repeat(20)}\n> \`\`\`\n`),
  chapter(
    'ok-frontmatter-brace',
    'look-alike',
    'Text.\n',
    frontmatter('Braces').replace(
      'description: A chapter written to test what the handbook accepts.',
      'description: "What to say when a caller asks about {order} numbers."',
    ),
  ),
  chapter('ok-quoted-literal', 'look-alike', `<Callout title={'Don\\'t promise a time'}>\n\nSay when you will call back.\n\n</Callout>\n`),
];

/** Raw HTML in Markdown chapters that a browser reads differently from a naive check. */
export const HOSTILE_MARKDOWN: readonly HostileChapter[] = [
  chapter('md-empty-comment', 'raw HTML', 'Before the call.\n\n<!--><script>alert(1)</script>-->\n'),
  chapter('md-dash-comment', 'raw HTML', 'Before the call.\n\n<!---><script>alert(1)</script>-->\n'),
  chapter('md-bang-close-comment', 'raw HTML', 'Before the call.\n\n<!-- note --!><script>alert(1)</script><img src="https://evil.example/p.png"> -->\n'),
  chapter('md-two-comments', 'raw HTML', 'Before the call.\n\n<!-- a --><script>alert(1)</script><!-- b -->\n'),
  chapter('md-script', 'raw HTML', '<script>alert(1)</script>\n'),
];
