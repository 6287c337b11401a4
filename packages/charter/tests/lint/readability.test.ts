/**
 * The readability rule and the scores under it: thresholds per audience from the config, what is
 * read and what is not, and where the message lands. The passages are varied on purpose: public
 * domain texts (Beatrix Potter, the Gettysburg Address, the United States Constitution and the
 * Declaration of Independence) beside counter instructions and policy wording of the test handbook's
 * kind.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKey } from '../../src/lint/cache.ts';
import { createRun } from '../../src/lint/check.ts';
import { checkFiles } from '../../src/lint/index.ts';
import { checkInParallel } from '../../src/lint/parallel.ts';
import { checkerConfigSchema, DEFAULT_READABILITY_MINIMUM } from '../../src/lint/rule-settings.ts';
import { isEnglish, sentenceProblem, thresholdFor } from '../../src/lint/rules/readability.ts';
import { MIN_WORDS, sectionReadability, type SectionReadability } from '../../src/lint/text/readability.ts';
import { resolveSiteConfig } from '../../src/lib/site-config.ts';
import { checkRule, copyContent, handbookContent, root, runCli, tempDir, TODAY, where } from './support.ts';

/** Beatrix Potter, The Tale of Peter Rabbit (1902): plain and easy. */
const PETER_RABBIT =
  'Once upon a time there were four little Rabbits, and their names were Flopsy, Mopsy, Cotton-tail, and Peter. ' +
  'They lived with their Mother in a sand-bank, underneath the root of a very big fir-tree. ' +
  '"Now, my dears," said old Mrs. Rabbit one morning, "you may go into the fields or down the lane, but don\'t go into Mr. McGregor\'s garden."';

/** Abraham Lincoln, the Gettysburg Address (1863): plain words in long, balanced sentences, around 66. */
const GETTYSBURG =
  'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal. ' +
  'Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. ' +
  'We are met on a great battle-field of that war. ' +
  'We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live. ' +
  'It is altogether fitting and proper that we should do this.';

/** The United States Constitution, Article I, Section 2: one sentence of 57 words. */
const CONSTITUTION =
  'Representatives and direct Taxes shall be apportioned among the several States which may be included within this Union, according to their respective Numbers, ' +
  'which shall be determined by adding to the whole Number of free Persons, including those bound to Service for a Term of Years, and excluding Indians not taxed, three fifths of all other Persons.';

/** The Declaration of Independence, its first sentence. */
const DECLARATION =
  'When in the Course of human events, it becomes necessary for one people to dissolve the political bands which have connected them with another, ' +
  "and to assume among the powers of the earth, the separate and equal station to which the Laws of Nature and of Nature's God entitle them, " +
  'a decent respect to the opinions of mankind requires that they should declare the causes which impel them to the separation.';

/** Counter instructions in short sentences of short words. */
const COUNTER =
  'Customers who come to the counter want to be seen. Look up and say hello, even when you are busy with someone else. ' +
  'If the wait will be more than a few minutes, say so and offer a seat. Take the next customer in turn, and use their name once you know it. ' +
  'When you hand over a tool, show how it starts and how it stops.';

/** Policy wording: the same kind of instruction, in an office's words. */
const POLICY =
  'Staff should ensure that any complaint received through an official communication channel is acknowledged within two working days, ' +
  'and that the customer is informed of the expected timescale for a substantive response. ' +
  'Where a complaint concerns a safety matter, the branch manager must be notified immediately. Records must be kept.';

const frontmatter = (audience: string) =>
  `---\ntitle: Counter work\ndescription: How we serve customers at the counter.\ntype: guide\naudience: [${audience}]\nowner: Hire Desk Team\nreviewed: 2026-05-01\n---\n\n`;

const settings = (readability: unknown) => checkerConfigSchema.parse({ readability });

const readability = (source: string, options: Parameters<typeof checkRule>[2] = {}) => checkRule('readability', source, options);

const section = (source: string, heading: string): SectionReadability => {
  const found = sectionReadability(source, 'mdx').sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section ${heading}`);
  return found;
};

/** What a section's reading is, without where it is. */
const measures = ({ score, sentences, words, syllables, hardest }: SectionReadability) => ({ score, sentences, words, syllables, hardest: hardest?.text });

describe('the scores', () => {
  it('rank plain and dense English as readers would', () => {
    const score = (text: string) => sectionReadability(`## Text\n\n${text}\n`, 'mdx').sections[0]!.score!;
    const scores = [COUNTER, PETER_RABBIT, GETTYSBURG, POLICY, CONSTITUTION, DECLARATION].map(score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(score(COUNTER)).toBeGreaterThan(80);
    expect(score(GETTYSBURG)).toBeGreaterThan(60);
    expect(score(GETTYSBURG)).toBeLessThan(70);
    expect(score(POLICY)).toBeLessThan(DEFAULT_READABILITY_MINIMUM);
    expect(score(DECLARATION)).toBeLessThan(20);
  });

  it('count sentences, words and syllables once per section, a section holding its subsections', () => {
    const source = `Intro text here.\n\n## Outer\n\n${COUNTER}\n\n### Inner\n\n${GETTYSBURG}\n\n## Next\n\n${PETER_RABBIT}\n`;
    const reading = sectionReadability(source, 'mdx');
    expect(reading.sections.map((s) => [s.heading, s.depth, s.sentences, s.words])).toEqual([
      [undefined, 0, 1, 3],
      ['Outer', 2, 10, 169],
      ['Inner', 3, 5, 102],
      ['Next', 2, 3, 60],
    ]);
    expect(reading.words).toBe(3 + 169 + 60);
    expect(reading.sentences).toBe(14);
    // Too short to score: the opening's three words.
    expect(reading.sections[0]!.score).toBeUndefined();
    expect(reading.score).toBeGreaterThan(0);
  });

  it('are not moved by markup, links, code, expressions, images or component props', () => {
    const plain = `## Counter\n\nCustomers who come to the counter want to be seen. Look up and say hello, even when you are busy with someone else. If the wait will be more than a few minutes, say so and offer a seat. Press then wait for the ticket. Take the next customer in turn, and use their name once you know it.\n`;
    const marked = [
      '## The *counter*',
      '',
      '<Callout type="note" title="Extraordinarily complicated organisational considerations">',
      '',
      '**Customers** who come to the [counter](https://example.com/an/extraordinarily/long/address/about/organisational/accessibility) want to be _seen_. Look up and say <Term id="hello">hello</Term>, even when you are busy with someone else {/* an editorial comment with considerable verbosity */}.',
      '',
      '</Callout>',
      '',
      'If the wait will be more than a few minutes, say so and offer a seat ![an illustration of an unaccommodating administrative environment](/images/seat.png). Press `Enter` then wait for the ticket https://example.com/unnecessarily/complicated/addresses. Take the next customer in turn, and use their name once you know it.',
      '',
      '```text',
      'Characteristically incomprehensible administrative documentation, unrelentingly.',
      '```',
      '',
    ].join('\n');
    const counts = (source: string) => measures(sectionReadability(source, 'mdx').sections.at(-1)!);
    expect(counts(marked)).toEqual(counts(plain));
    expect(counts(plain).words).toBeGreaterThanOrEqual(MIN_WORDS);
  });

  it('read table cells and list items as text, and a Markdown chapter as Markdown', () => {
    const source = `## Steps\n\n- Look up and say hello.\n- Offer a seat.\n\n| Who | What |\n| --- | --- |\n| Counter staff | Greet every customer |\n\n${COUNTER}\n`;
    const reading = section(source, 'Steps');
    // Two list items, four cells, five sentences.
    expect(reading.sentences).toBe(2 + 4 + 5);
    // In a .md chapter raw HTML is markup, not prose.
    const html = `${source}\n<div>Extraordinarily complicated organisational considerations.</div>\n`;
    expect(measures(sectionReadability(html, 'md').sections[0]!)).toEqual(measures(reading));
  });

  it('pick as hardest the sentence whose removal raises the score most, not simply the longest', () => {
    const long = 'We open at eight and we shut at six and on a Sunday we do not open at all but you can still leave a tool in the box by the gate.';
    const dense = 'Reimbursement necessitates authorisation.';
    const text = `${COUNTER} ${long} ${dense} Thank them for coming in.`;
    const hardest = section(`## Text\n\n${text}\n`, 'Text').hardest!;
    expect(hardest.text).toBe(dense);
    // Checked against the scores without each sentence, measured afresh.
    const sentences = [...COUNTER.split(/(?<=\.) /), long, dense, 'Thank them for coming in.'];
    const without = sentences.map((s) => section(`## Text\n\n${text.replace(s, '')}\n`, 'Text').score!);
    expect(sentences[without.indexOf(Math.max(...without))]).toBe(dense);
  });
});

describe('the threshold', () => {
  const config = { minimum: 40, audiences: { frontline: 60, managers: 70, editors: 30 } };

  it("is the strictest of the chapter's audiences, then the minimum, then the default", () => {
    expect(thresholdFor(['frontline', 'managers'], config)).toEqual({ minimum: 70, source: 'for managers chapters' });
    expect(thresholdFor(['editors', 'frontline'], config)).toEqual({ minimum: 60, source: 'for frontline chapters' });
    // An audience's own threshold may be lower than the minimum: it is the chapter's.
    expect(thresholdFor(['editors'], config)).toEqual({ minimum: 30, source: 'for editors chapters' });
    expect(thresholdFor(['site-staff'], config)).toEqual({ minimum: 40, source: "(the config's minimum)" });
    expect(thresholdFor(['site-staff'], { audiences: { frontline: 60 } })).toEqual({ minimum: 50, source: "(the checker's default)" });
    expect(thresholdFor([], undefined)).toEqual({ minimum: DEFAULT_READABILITY_MINIMUM, source: "(the checker's default)" });
  });

  it('reaches the rule from the config: Lincoln passes frontline chapters and not managers ones', async () => {
    const source = `${frontmatter('frontline, managers')}## Address\n\n${GETTYSBURG}\n`;
    expect(await readability(source)).toEqual([]);
    expect(await readability(source, { ruleSettings: settings({ audiences: { frontline: 60 } }) })).toEqual([]);
    const messages = await readability(source, { ruleSettings: settings(config) });
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected Flesch reading ease 65 in section "Address", expected 70 or more for managers chapters; its hardest sentence has 30 words, 5 of three syllables or more: split it',
    ]);
    expect(messages[0]!.severity).toBe('warning');
  });

  it('is refused in the config when it is not a reading ease from 0 to 100, each field named', () => {
    const result = checkerConfigSchema.safeParse({ readability: { minimum: 120, audiences: { frontline: 'high', managers: -5 }, maximum: 90 } });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    const ease = 'must be a Flesch reading ease: a number from 0 to 100, higher being plainer (60 and up is plain English)';
    expect(messages).toEqual(
      expect.arrayContaining([`readability.minimum: ${ease}`, `readability.audiences.frontline: ${ease}`, `readability.audiences.managers: ${ease}`]),
    );
    expect(messages.some((m) => m.startsWith('readability') && m.includes('maximum'))).toBe(true);
    expect(() => resolveSiteConfig({ title: 'T', organization: 'O', checker: { readability: { minimum: Number.NaN } } })).toThrow(
      `Invalid site configuration in charter.config.mjs:\n  - checker.readability.minimum: ${ease}`,
    );
  });

  it('for an audience the vocabulary does not list is a usage error before any chapter is checked', async () => {
    await expect(readability('Text.\n', { ruleSettings: settings({ audiences: { 'front-line': 60 } }) })).rejects.toThrow(
      /checker\.readability\.audiences\.front-line: "front-line" is not an audience; use one of "all-staff", "frontline"/,
    );
  });

  it('is part of the result cache key', () => {
    const key = (readability: { minimum?: number } | null) =>
      runKey({
        root,
        contentDir: handbookContent,
        today: TODAY,
        lang: 'en-GB',
        organization: null,
        readability,
        ruleSettings: null,
        rules: undefined,
        edition: undefined,
      });
    expect(key({ minimum: 60 })).not.toBe(key({ minimum: 50 }));
    expect(key(null)).not.toBe(key({ minimum: 50 }));
  });
});

describe('the rule', () => {
  it('reports a dense section once, on its hardest sentence, saying what makes it hard', async () => {
    const source = `## Counter\n\n${COUNTER}\n\n## Complaints\n\nRead this first. ${POLICY}\n`;
    const messages = await readability(source);
    expect(where(messages)).toEqual([
      '7:18-7:236 Unexpected Flesch reading ease 46 in section "Complaints", expected 50 or more (the checker\'s default); its hardest sentence has 32 words, 7 of three syllables or more: split it and use shorter words',
    ]);
  });

  it("names the chapter's opening, and the inner section when two point at one sentence", async () => {
    const opening = await readability(`${CONSTITUTION}\n\n## Counter\n\n${COUNTER}\n`);
    expect(opening.map((m) => m.message)).toEqual([expect.stringMatching(/^Unexpected Flesch reading ease 13 in the chapter's opening, expected 50/)]);
    const nested = await readability(`## Law\n\n### Taxes\n\n${CONSTITUTION}\n`);
    expect(nested.map((m) => m.message)).toEqual([expect.stringMatching(/in section "Taxes".*has 57 words, 10 of three syllables or more: split it$/)]);
    // Two dense subsections: each is named, and their section only if its own hardest sentence is another.
    const two = await readability(`## Founding texts\n\n### Taxes\n\n${CONSTITUTION}\n\n### Independence\n\n${DECLARATION}\n`);
    expect(two.map((m) => m.message.replace(/ reads.*| expected.*/, ''))).toEqual([
      'Unexpected Flesch reading ease 13 in section "Taxes",',
      'Unexpected Flesch reading ease 4 in section "Independence",',
    ]);
  });

  it('skips a section too short to score fairly, however dense', async () => {
    const short = 'Reimbursement necessitates authorisation by an appropriately designated representative, notwithstanding extenuating circumstances.';
    expect(section(`## Refunds\n\n${short}\n`, 'Refunds').score).toBeUndefined();
    expect(await readability(`## Refunds\n\n${short}\n\n## Counter\n\n${COUNTER}\n`)).toEqual([]);
  });

  it('is silent for content in another language, where the Flesch formula does not apply', async () => {
    expect(isEnglish('en')).toBe(true);
    expect(isEnglish('en-GB')).toBe(true);
    expect(isEnglish('de-DE')).toBe(false);
    expect(isEnglish('eng')).toBe(false);
    const dense = `## Law\n\n${CONSTITUTION}\n`;
    expect(await readability(dense, { lang: 'en-US' })).toHaveLength(1);
    expect(await readability(dense, { lang: 'de-DE' })).toEqual([]);
    expect(await readability(dense, { lang: 'fr' })).toEqual([]);
  });

  it('leaves archived editions alone, and can be turned off in the config or by a lint comment', async () => {
    const dense = `## Law\n\n${CONSTITUTION}\n`;
    expect(await readability(dense, { path: 'editions/2025.1/reference/test-chapter.mdx' })).toEqual([]);
    expect(await readability(dense, { ruleSettings: checkerConfigSchema.parse({ rules: { readability: 'off' } }) })).toEqual([]);
    expect(await readability(`## Law\n\n{/* lint disable readability */}\n\n${CONSTITUTION}\n\n{/* lint enable readability */}\n`)).toEqual([]);
    const raised = await readability(dense, { ruleSettings: checkerConfigSchema.parse({ rules: { readability: 'error' } }) });
    expect(raised.map((m) => m.severity)).toEqual(['error']);
  });

  it('advises splitting a long sentence and shorter words for a dense one', () => {
    const sentence = { text: '', start: 0, end: 0, syllables: 0 };
    expect(sentenceProblem({ ...sentence, words: 41, longWords: 3 })).toBe('its hardest sentence has 41 words, 3 of three syllables or more: split it');
    expect(sentenceProblem({ ...sentence, words: 30, longWords: 6 })).toBe(
      'its hardest sentence has 30 words, 6 of three syllables or more: split it and use shorter words',
    );
    expect(sentenceProblem({ ...sentence, words: 12, longWords: 5 })).toBe(
      'its hardest sentence has 12 words, 5 of three syllables or more: use shorter words',
    );
    expect(sentenceProblem({ ...sentence, words: 40, longWords: 0 })).toBe('its hardest sentence has 40 words: split it');
  });
});

describe('charter lint with the config', () => {
  it('reports through checkFiles, with the thresholds on worker threads too', async () => {
    const copy = copyContent();
    try {
      const chapter = (name: string) => path.join(copy.dir, 'editions/2026.1/skills', name);
      const source = `${frontmatter('frontline')}## Address\n\n${GETTYSBURG}\n`;
      const files = ['address-one.mdx', 'address-two.mdx', 'address-three.mdx', 'address-four.mdx'].map(chapter);
      for (const file of files) writeFileSync(file, source);
      const ruleSettings = settings({ audiences: { frontline: 70 } });
      const options = { contentDir: copy.dir, root, today: TODAY, lang: 'en-GB', ruleSettings };
      const messages = (await checkFiles(files, options)).filter((m) => m.ruleId === 'readability');
      expect(messages.map((m) => `${path.basename(m.file)} ${m.line}`)).toEqual([
        'address-four.mdx 12',
        'address-one.mdx 12',
        'address-three.mdx 12',
        'address-two.mdx 12',
      ]);
      expect(messages[0]!.message).toMatch(/expected 70 or more for frontline chapters/);
      // Without the config the default holds, and Lincoln passes it.
      expect((await checkFiles(files, { ...options, ruleSettings: undefined })).filter((m) => m.ruleId === 'readability')).toEqual([]);
      // Two threads: the workers are handed the thresholds inside the options.
      const run = createRun(options);
      const jobs = files.map((file) => ({ file, source }));
      const results = await checkInParallel(jobs, 2, options, run.checkBatch);
      expect(results.map((r) => r.messages.filter((m) => m.ruleId === 'readability').length)).toEqual([1, 1, 1, 1]);
    } finally {
      copy.cleanup();
    }
  });

  it('reads the thresholds from charter.config.mjs, and exits 2 naming an audience the vocabulary lacks', () => {
    const project = tempDir();
    try {
      cpSync(handbookContent, path.join(project.dir, 'src/content'), { recursive: true });
      mkdirSync(path.join(project.dir, 'src/content/editions/2026.1/skills'), { recursive: true });
      writeFileSync(path.join(project.dir, 'src/content/editions/2026.1/skills/address.mdx'), `${frontmatter('frontline')}## Address\n\n${GETTYSBURG}\n`);
      const config = (audiences: string) =>
        writeFileSync(
          path.join(project.dir, 'charter.config.mjs'),
          `export default { title: 'Guide', organization: 'Kestrel Tool Hire', lang: 'en-GB', checker: { readability: { audiences: { ${audiences} } } } };\n`,
        );
      const lint = () =>
        runCli(['--format', 'json', '--no-cache', 'src/content/editions/2026.1/skills/address.mdx'], { cwd: project.dir, env: { HANDBOOK_CONTENT_DIR: '' } });
      config('frontline: 70');
      const ok = lint();
      const messages = (JSON.parse(ok.stdout) as { ruleId: string; message: string }[]).filter((m) => m.ruleId === 'readability');
      expect(messages.map((m) => m.message)).toEqual([
        expect.stringMatching(/^Unexpected Flesch reading ease 65 in section "Address", expected 70 or more for frontline chapters/),
      ]);
      config("'front-line': 70");
      const refused = lint();
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(
        'Invalid site configuration:\n  - checker.readability.audiences.front-line: "front-line" is not an audience; use one of',
      );
    } finally {
      project.cleanup();
    }
  });
});
