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
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { z } from 'astro/zod';
import { CONFIGURABLE_RULE_IDS, BUILD_RULE_IDS } from './rule-names.ts';
import type { LintMessage } from './types.ts';

const LEVELS = ['off', 'warning', 'error'] as const;
export type RuleLevel = (typeof LEVELS)[number];

/** Rule ids (with or without the `prose:` their messages carry) and their levels; every bad entry is reported. */
const ruleLevels = z
  .record(z.string(), z.string())
  .superRefine((rules, ctx) => {
    for (const [id, level] of Object.entries(rules)) {
      const bare = id.replace(/^prose:/, '');
      if ((BUILD_RULE_IDS as readonly string[]).includes(bare)) {
        ctx.addIssue({ code: 'custom', path: [id], message: `cannot be changed: the build refuses what "${id}" reports, so the checker does too` });
      } else if (!CONFIGURABLE_RULE_IDS.includes(bare)) {
        ctx.addIssue({ code: 'custom', path: [id], message: `is not a rule; rules that can be set are ${CONFIGURABLE_RULE_IDS.join(', ')}` });
      } else if (!(LEVELS as readonly string[]).includes(level)) {
        ctx.addIssue({ code: 'custom', path: [id], message: 'must be "off", "warning" or "error"' });
      }
    }
  })
  .transform((rules) => rules as Record<string, RuleLevel>);

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
});
export type CheckerConfig = z.infer<typeof checkerConfigSchema>;

/** The level a rule has for a file, or undefined when the config leaves it as the rule says. */
function levelFor(
  config: CheckerConfig,
  ruleId: string,
  fileInContent: string | undefined,
  matchers: readonly ((file: string) => boolean)[],
): RuleLevel | undefined {
  const bare = ruleId.replace(/^prose:/, '');
  const pick = (rules: Record<string, RuleLevel> | undefined) => rules?.[ruleId] ?? rules?.[bare] ?? rules?.[`prose:${bare}`];
  let level = pick(config.rules);
  if (fileInContent !== undefined) {
    config.overrides.forEach((override, i) => {
      if (matchers[i]!(fileInContent)) level = pick(override.rules) ?? level;
    });
  }
  return level;
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
    const relative = path.relative(contentDir, absoluteFile).split(path.sep).join('/');
    const inContent = relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
    return levelFor(config, ruleId, inContent, matchers);
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
    result.push(level === undefined ? message : { ...message, severity: level });
  }
  return result;
}
