import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { defaultChapterType, isChapterType, scaffoldChapter } from '../../src/lib/scaffold.ts';
import { chapterFrontmatterFor, readingPathFor } from '../../src/lib/schemas.ts';
import { DEFAULT_VOCABULARY, labelOf, sectionsOf, touchpointWords } from '../../src/lib/vocabulary.ts';
import { loadVocabulary, parseVocabulary, readVocabulary, VocabularyRefused, vocabularyReading } from '../../src/lib/vocabulary-file.ts';

/** The problems of a vocabulary.yaml text, as `line:column message`. */
const problems = (text: string) => parseVocabulary(text).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

const GOOD = `
touchpoints:
  - { id: sms, label: Text message, words: [Text, sms, mobile] }
audiences:
  - { id: support-team, label: Support team }
types:
  - { id: procedure, label: Procedures, sections: [When this applies, Steps] }
  - { id: note, label: Notes }
`;

describe('vocabulary.yaml', () => {
  it('gives its lists, with the search words in lowercase', () => {
    const { vocabulary, problems: found } = parseVocabulary(GOOD);
    expect(found).toEqual([]);
    expect(vocabulary!.touchpoints).toEqual([{ id: 'sms', label: 'Text message', words: ['text', 'sms', 'mobile'] }]);
    expect(vocabulary!.audiences).toEqual([{ id: 'support-team', label: 'Support team' }]);
    expect(sectionsOf(vocabulary!, 'procedure')).toEqual(['When this applies', 'Steps']);
    expect(sectionsOf(vocabulary!, 'note')).toBeUndefined();
    expect(vocabulary!.fromFile).toEqual(['touchpoints', 'audiences', 'types']);
  });

  it('keeps the default list for each key it leaves out', () => {
    const vocabulary = parseVocabulary('audiences: [{ id: crew, label: Crew }]\n').vocabulary!;
    expect(vocabulary.audiences.map((a) => a.id)).toEqual(['crew']);
    expect(vocabulary.touchpoints).toBe(DEFAULT_VOCABULARY.touchpoints);
    expect(vocabulary.types).toBe(DEFAULT_VOCABULARY.types);
    expect(vocabulary.fromFile).toEqual(['audiences']);
  });

  it('is the default vocabulary when empty or only comments', () => {
    expect(parseVocabulary('').vocabulary).toMatchObject({ touchpoints: DEFAULT_VOCABULARY.touchpoints, fromFile: [] });
    expect(parseVocabulary('# nothing yet\n').vocabulary).toMatchObject({ types: DEFAULT_VOCABULARY.types, fromFile: [] });
  });

  it('refuses text that is not YAML, at the place the parser stops', () => {
    expect(problems('audiences: [{ id: crew\n')[0]).toMatch(/^2:1 vocabulary.yaml is not valid YAML: /);
  });

  it('refuses a list or a single value instead of keys', () => {
    expect(problems('- sms\n- email\n')).toEqual([
      '1:1 vocabulary.yaml must hold the keys touchpoints, audiences, types and names (each optional), not a list',
    ]);
    expect(problems('telephone\n')).toEqual([
      '1:1 vocabulary.yaml must hold the keys touchpoints, audiences, types and names (each optional), not a single value',
    ]);
  });

  it('refuses unknown keys, at the key, saying which are allowed', () => {
    expect(problems('channels: []\n')).toEqual(['1:1 unknown key "channels"; allowed keys are touchpoints, audiences, types, names']);
    expect(problems('audiences:\n  - id: crew\n    label: Crew\n    colour: red\n')).toEqual([
      '4:5 audiences.0: unknown key "colour"; allowed keys are id, label',
    ]);
  });

  it('refuses ids that are not lowercase slugs, and ids used twice', () => {
    expect(problems('touchpoints:\n  - { id: Live Chat, label: Live chat }\n  - { id: sms, label: A }\n  - { id: sms, label: B }\n')).toEqual([
      '2:11 touchpoints.0.id: "Live Chat" is not a lowercase id; write letters, digits and single hyphens, such as "live-chat"',
      '4:11 touchpoints.2.id: "sms" is used by an earlier entry; each id must be unique',
    ]);
  });

  it('refuses missing and empty labels, and a missing id', () => {
    expect(problems('audiences:\n  - { id: crew, label: "  " }\n  - { label: Crew }\n  - { id: cast }\n')).toEqual([
      '2:24 audiences.0.label must not be empty: write the name readers see, such as "Live chat"',
      '3:5 audiences.1.id is required: a lowercase id such as "live-chat" (letters, digits and hyphens)',
      '4:5 audiences.2.label is required: the name readers see, such as "Live chat"',
    ]);
  });

  it('refuses empty lists, empty sections, sections listed twice, and words that are not text', () => {
    expect(problems('types: []\n')).toEqual(['1:8 types needs at least one entry; leave the key out to use the default chapter types']);
    expect(problems('types:\n  - { id: routine, label: Routines, sections: [] }\n')).toEqual([
      '2:47 types.0.sections needs at least one section heading; leave "sections" out for a type without required sections',
    ]);
    expect(problems('types:\n  - { id: routine, label: Routines, sections: [Steps, steps] }\n')).toEqual([
      '2:55 types.0.sections.1: "steps" is listed twice; list each section once',
    ]);
    expect(problems('types:\n  - { id: routine, label: Routines, sections: [Steps, ""] }\n')).toEqual([
      '2:55 types.0.sections.1 must not be empty: the heading of one section',
    ]);
    expect(problems('touchpoints:\n  - { id: sms, label: SMS, words: [1] }\n')).toEqual([
      '2:36 touchpoints.0.words.0 must be text: one word a reader might type',
    ]);
  });

  it('reports every problem of the file in one reading', () => {
    expect(problems('touchpoints: []\naudiences: [{ id: A }]\ntypes: 3\n')).toEqual([
      '1:14 touchpoints needs at least one entry; leave the key out to use the default touchpoints',
      '2:13 audiences.0.label is required: the name readers see, such as "Live chat"',
      '2:19 audiences.0.id: "A" is not a lowercase id; write letters, digits and single hyphens, such as "live-chat"',
      '3:8 types must be a list of chapter types, each written as { id: …, label: … }',
    ]);
  });
});

describe('readVocabulary', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const folder = () => (dir = mkdtempSync(path.join(tmpdir(), 'charter-vocabulary-')));

  it('gives the defaults for a content folder without vocabulary.yaml', () => {
    expect(readVocabulary(folder())).toBe(DEFAULT_VOCABULARY);
  });

  it('reads the file once, and again when it changes', () => {
    const content = folder();
    const file = path.join(content, 'vocabulary.yaml');
    writeFileSync(file, 'audiences: [{ id: crew, label: Crew }]\n');
    const first = readVocabulary(content);
    expect(readVocabulary(content)).toBe(first);
    writeFileSync(file, 'audiences: [{ id: crew, label: Crew }, { id: cast, label: Cast members }]\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(labelOf(readVocabulary(content), 'audiences', 'cast')).toBe('Cast members');
  });

  it('refuses a bad file with one message listing every problem as file:line:column', () => {
    const content = folder();
    writeFileSync(path.join(content, 'vocabulary.yaml'), 'audiences:\n  - { id: Crew, label: Crew }\ntypes: []\n');
    expect(loadVocabulary(content).problems).toHaveLength(2);
    expect(vocabularyReading(content).vocabulary).toBeUndefined();
    let error: unknown;
    try {
      readVocabulary(content);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VocabularyRefused);
    const message = (error as Error).message;
    expect(message).toContain(`${path.join(content, 'vocabulary.yaml')}:2:11: audiences.0.id: "Crew" is not a lowercase id`);
    expect(message).toContain(`${path.join(content, 'vocabulary.yaml')}:3:8: types needs at least one entry`);
    expect(message).toContain('or delete it to use the default touchpoints, audiences and chapter types');
  });
});

describe('schemas built from a vocabulary', () => {
  const vocabulary = parseVocabulary(GOOD).vocabulary!;
  const chapter = { title: 'Texting back', description: 'How we answer a customer who sends us a text message.', owner: 'Support', reviewed: '2026-01-15' };

  it('accept the vocabulary’s values and refuse the defaults it replaced, naming vocabulary.yaml', () => {
    expect(chapterFrontmatterFor(vocabulary).safeParse({ ...chapter, type: 'note', touchpoints: ['sms'], audience: ['support-team'] }).success).toBe(true);
    const result = chapterFrontmatterFor(vocabulary).safeParse({ ...chapter, type: 'guide', touchpoints: ['email'], audience: [] });
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'type: "guide" is not a known chapter type; use one of "procedure", "note" (the chapter types listed in vocabulary.yaml, where you can add one)',
      'touchpoints.0: "email" is not a known touchpoint; use one of "sms" (the touchpoints listed in vocabulary.yaml, where you can add one)',
      'audience: needs at least one audience; use any of "support-team" (the audiences listed in vocabulary.yaml, where you can add one)',
    ]);
  });

  it('keep today’s messages for the default vocabulary', () => {
    const result = chapterFrontmatterFor(DEFAULT_VOCABULARY).safeParse({ ...chapter, type: 'note', audience: ['support-team'] });
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      '"note" is not a known chapter type; use one of "creed", "principle", "skill", "procedure", "guide", "reference"',
      '"support-team" is not a known audience; use one of "all-staff", "frontline", "phone-team", "email-desk", "mail-room", "site-staff", "managers", "editors"',
    ]);
  });

  it('hold reading paths to the vocabulary’s audiences', () => {
    const path = { id: 'first-week', title: 'First week', intro: 'Start here.', steps: [{ chapter: 'help/texting' }] };
    expect(readingPathFor(vocabulary).safeParse({ ...path, audience: ['support-team'] }).success).toBe(true);
    expect(readingPathFor(vocabulary).safeParse({ ...path, audience: ['frontline'] }).success).toBe(false);
  });

  it('give search the vocabulary’s touchpoint words', () => {
    expect(touchpointWords(vocabulary)).toEqual({ sms: ['text', 'sms', 'mobile'] });
  });
});

describe('charter new in a handbook with its own vocabulary', () => {
  const vocabulary = parseVocabulary(
    'audiences: [{ id: crew, label: Crew }]\ntypes:\n  - { id: routine, label: Routines, sections: [Before you start, Steps] }\n  - { id: note, label: Notes }\n',
  ).vocabulary!;

  it('takes its types, and its first type when it has no "guide"', () => {
    expect(isChapterType('routine', vocabulary)).toBe(true);
    expect(isChapterType('procedure', vocabulary)).toBe(false);
    expect(defaultChapterType(vocabulary)).toBe('routine');
    expect(defaultChapterType(DEFAULT_VOCABULARY)).toBe('guide');
  });

  it('writes a chapter that passes its schema, with the type’s sections in order', () => {
    const text = scaffoldChapter({ slug: 'desk/renewals', type: 'routine', today: new Date('2026-03-01'), order: 1, vocabulary });
    expect([...text.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual(['Before you start', 'Steps']);
    const data = parseYaml(text.split('---')[1]!) as Record<string, unknown>;
    expect(data['audience']).toEqual(['crew']);
    expect(chapterFrontmatterFor(vocabulary).safeParse(data).success).toBe(true);
  });
});
