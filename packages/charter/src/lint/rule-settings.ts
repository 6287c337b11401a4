/**
 * Rule levels from the adopter's config (`checker` in charter.config.mjs): a rule turned off or
 * made a warning or an error for the whole handbook, or only for the files of some folders or
 * globs (relative to the content folder), so the first check of a freshly imported folder is a
 * to-do list rather than thousands of warnings.
 *
 *   checker: {
 *     rules: { 'heading-style': 'warning' },
 *     overrides: [{ files: 'editions/* /benefits/**', rules: { 'heading-style': 'off', 'spelling-variant': 'off' } }],
 *   }
 *
 * The rules the build refuses under (GATE_RULE_IDS) keep their level: turning them down would let
 * the checker pass what the build refuses.
 *
 * `readability` holds the readability rule's thresholds (see rules/readability.ts):
 *
 *   checker: { readability: { minimum: 50, audiences: { frontline: 60, managers: 45 } } }
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { z } from 'astro/zod';
import { idsOf, vocabularyNote, type Vocabulary } from '../lib/vocabulary.ts';
import { CONFIGURABLE_RULE_IDS, BUILD_RULE_IDS } from './rule-names.ts';
import { messageEdits, recordMessageEdits } from './fixes.ts';
import type { LintMessage } from './types.ts';

const LEVELS = ['off', 'warning', 'error'] as const;
export type RuleLevel = (typeof LEVELS)[number];

/** What a section is held to when the config sets no threshold for the chapter: see rules/readability.ts. */
export const DEFAULT_READABILITY_MINIMUM = 50;

const READING_EASE_ERROR = 'must be a Flesch reading ease: a number from 0 to 100, higher being plainer (60 and up is plain English)';

/** A Flesch reading ease a section must reach. The score itself can fall below 0, a threshold cannot usefully. */
const readingEase = z.number({ error: READING_EASE_ERROR }).min(0, { error: READING_EASE_ERROR }).max(100, { error: READING_EASE_ERROR });

const readabilitySchema = z.strictObject({
  /** The threshold for chapters none of whose audiences has one of its own. */
  minimum: readingEase.optional(),
  /** Thresholds by audience id; a chapter for several audiences takes the highest of theirs. */
  audiences: z.record(z.string(), readingEase).optional(),
});
export type ReadabilitySettings = z.infer<typeof readabilitySchema>;

/**
 * The options a rule takes, by rule id; a rule not listed takes none. Readability's are its
 * thresholds (as in `checker.readability`, which they refine for the files of an override);
 * remark-lint's undefined-references rule takes the labels that are no references (`[x]`).
 */
const RULE_OPTIONS: Readonly<Record<string, z.ZodType>> = {
  readability: readabilitySchema,
  'no-undefined-references': z.strictObject({ allow: z.array(z.string().min(1)) }),
};

/** A rule's setting: its level, or its level and its options (`['warning', { minimum: 60 }]`). */
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

const levelOfSetting = (setting: RuleSetting): RuleLevel => (Array.isArray(setting) ? setting[0] : setting);

/** Rule ids (with or without the `prose:` their messages carry) and their settings; every bad entry is reported. */
const ruleLevels = z
  .record(z.string(), z.unknown())
  .superRefine((rules, ctx) => {
    for (const [id, setting] of Object.entries(rules)) {
      const bare = id.replace(/^prose:/, '');
      const [level, options, ...extra] = Array.isArray(setting) ? setting : [setting];
      if ((BUILD_RULE_IDS as readonly string[]).includes(bare)) {
        ctx.addIssue({ code: 'custom', path: [id], message: `cannot be changed: the build refuses what "${id}" reports, so the checker does too` });
      } else if (!CONFIGURABLE_RULE_IDS.includes(bare)) {
        ctx.addIssue({ code: 'custom', path: [id], message: `is not a rule; rules that can be set are ${CONFIGURABLE_RULE_IDS.join(', ')}` });
      } else if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level) || extra.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: 'must be "off", "warning" or "error", or a list of the level and the rule\'s options, such as ["warning", { … }]',
        });
      } else if (options !== undefined) {
        const schema = RULE_OPTIONS[bare];
        if (!schema) {
          const takers = Object.keys(RULE_OPTIONS).join(', ');
          ctx.addIssue({ code: 'custom', path: [id, 1], message: `"${bare}" takes no options; rules with options are ${takers}` });
        } else {
          for (const issue of schema.safeParse(options).error?.issues ?? [])
            ctx.addIssue({ code: 'custom', path: [id, 1, ...issue.path.map(String)], message: issue.message });
        }
      }
    }
  })
  .transform((rules) => rules as Record<string, RuleSetting>);

export const checkerConfigSchema = z.strictObject({
  /** Levels for the whole handbook. */
  rules: ruleLevels.optional(),
  /** Levels for some files: globs relative to the content folder; later overrides win. */
  overrides: z
    .array(
      z.strictObject({
        files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
        rules: ruleLevels,
      }),
    )
    .default([]),
  /** The readability rule's thresholds: a minimum, and one per audience. */
  readability: readabilitySchema.optional(),
});
export type CheckerConfig = z.infer<typeof checkerConfigSchema>;

/** The level a rule has for a file, or undefined when the config leaves it as the rule says. */
function levelFor(
  config: CheckerConfig,
  ruleId: string,
  fileInContent: string | undefined,
  matchers: readonly ((file: string) => boolean)[],
): RuleLevel | undefined {
  const setting = settingFor(config, ruleId, fileInContent, matchers, () => true);
  return setting === undefined ? undefined : levelOfSetting(setting);
}

/** The last setting of a rule that applies to a file (the handbook's, then each matching override's) and passes `wanted`. */
function settingFor(
  config: CheckerConfig,
  ruleId: string,
  fileInContent: string | undefined,
  matchers: readonly ((file: string) => boolean)[],
  wanted: (setting: RuleSetting) => boolean,
): RuleSetting | undefined {
  const bare = ruleId.replace(/^prose:/, '');
  const pick = (rules: Record<string, RuleSetting> | undefined) => {
    const setting = rules?.[ruleId] ?? rules?.[bare] ?? rules?.[`prose:${bare}`];
    return setting !== undefined && wanted(setting) ? setting : undefined;
  };
  let setting = pick(config.rules);
  if (fileInContent !== undefined) {
    config.overrides.forEach((override, i) => {
      if (matchers[i]!(fileInContent)) setting = pick(override.rules) ?? setting;
    });
  }
  return setting;
}

/** A file's path below the content folder, or undefined outside it. */
function inContentFolder(contentDir: string, absoluteFile: string): string | undefined {
  const relative = path.relative(contentDir, absoluteFile).split(path.sep).join('/');
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
}

/**
 * The options the config gives each rule for a file (absolute path): the last applicable
 * setting that has options, so an override that only changes a level keeps the options.
 */
export function configuredOptions(config: CheckerConfig | undefined, contentDir: string, absoluteFile: string): Record<string, Record<string, unknown>> {
  if (!config) return {};
  const matchers = config.overrides.map((override) => picomatch(override.files, { dot: true }));
  const inContent = inContentFolder(contentDir, absoluteFile);
  const result: Record<string, Record<string, unknown>> = {};
  for (const ruleId of Object.keys(RULE_OPTIONS)) {
    const setting = settingFor(config, ruleId, inContent, matchers, (s) => Array.isArray(s) && s[1] !== undefined);
    if (Array.isArray(setting) && setting[1]) result[ruleId] = setting[1];
  }
  return result;
}

/** A message at another level, with the fix it had. */
function withLevel(message: LintMessage, level: Exclude<RuleLevel, 'off'>): LintMessage {
  const copy = { ...message, severity: level };
  const edits = messageEdits(message);
  if (edits) recordMessageEdits(copy, edits);
  return copy;
}

/**
 * The level the config gives a rule's messages in a file (absolute path), or undefined when it
 * leaves them as the rule says. Build rules always keep theirs.
 */
export function configuredLevels(config: CheckerConfig | undefined, contentDir: string): (ruleId: string, absoluteFile: string) => RuleLevel | undefined {
  if (!config || (!config.rules && config.overrides.length === 0)) return () => undefined;
  const matchers = config.overrides.map((override) => picomatch(override.files, { dot: true }));
  return (ruleId, absoluteFile) => {
    if ((BUILD_RULE_IDS as readonly string[]).includes(ruleId)) return undefined;
    return levelFor(config, ruleId, inContentFolder(contentDir, absoluteFile), matchers);
  };
}

/**
 * Messages with the config's levels applied: a rule turned off drops its messages, one set to a
 * level gets it. `root` is what message paths are relative to.
 */
export function applyRuleSettings(messages: readonly LintMessage[], config: CheckerConfig | undefined, root: string, contentDir: string): LintMessage[] {
  const levelOf = configuredLevels(config, contentDir);
  const result: LintMessage[] = [];
  for (const message of messages) {
    const level = levelOf(message.ruleId, path.resolve(root, message.file));
    if (level === 'off') continue;
    result.push(level === undefined ? message : withLevel(message, level));
  }
  return result;
}

/**
 * The config's readability audiences that the handbook's vocabulary does not list, each as a
 * sentence naming the field: such a threshold would never apply, most likely from a typo. The
 * schema cannot say this, as the vocabulary lives in the content folder.
 */
export function readabilityAudienceProblems(settings: ReadabilitySettings | undefined, vocabulary: Vocabulary): string[] {
  const known = idsOf(vocabulary, 'audiences');
  return Object.keys(settings?.audiences ?? {})
    .filter((id) => !known.includes(id))
    .map(
      (id) =>
        `checker.readability.audiences.${id}: "${id}" is not an audience; use one of ${known.map((k) => `"${k}"`).join(', ')}${vocabularyNote(vocabulary, 'audiences')}`,
    );
}
