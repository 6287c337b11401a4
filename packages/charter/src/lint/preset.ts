/**
 * The checker as a remark preset, for `remark` (remark-cli), a `.remarkrc.mjs` and editor
 * integrations built on unified. It is the pipeline `charter lint` runs (processor.ts: the build's
 * gate, every rule, lint comments), plus what `charter lint` does once per run rather than per
 * file: the checks between chapters that concern the file (names, addresses, redirects) and the
 * config's rule levels. Each file is checked in the project it belongs to (project.ts), with that
 * project's config and content folder, so the messages and their positions are the ones
 * `charter lint` reports for the same file.
 *
 *   // .remarkrc.mjs
 *   import charter from 'charter-handbook/remark-preset';
 *   export default charter;
 *
 *   npx remark --ext md,mdx --quiet --frail src/content
 *
 * The preset checks and never rewrites: its compiler hands back the file's text unchanged, so
 * `remark -o` writes nothing new (use `charter lint --fix` for fixes).
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Preset, Processor } from 'unified';
import type { VFile } from 'vfile';
import { isError, reportIdOf, structureMessages } from './check.ts';
import { contextOf } from './file-context.ts';
import { reportGateProblem } from './gate-step.ts';
import { charterChecks } from './processor.ts';
import { projectFor } from './project.ts';
import { ruleDocUrl } from './rule-docs.ts';
import { configuredLevels } from './rule-settings.ts';

/** What `charter lint` adds per run, done per file for a file checked on its own. */
export function projectSteps(this: Processor) {
  // A checker, not a formatter: the file's text comes back as it was.
  this.compiler = (_tree: unknown, file: VFile) => String(file.value);
  return (_tree: Root, file: VFile) => {
    if (!file.path || (file.data.charterRefused === true && !file.data.charter)) return;
    const charter = contextOf(file);
    const absolute = path.resolve(file.cwd, file.path);
    if (charter.standalone) {
      const { run, options } = projectFor(absolute);
      for (const message of structureMessages(run, [absolute], new Map([[absolute, String(file.value)]]))) reportGateProblem(file, message);
      applyLevels(file, configuredLevels(options.ruleSettings, run.contentDir), absolute);
    }
    for (const message of file.messages) {
      // remark's reporters know only `fatal`; the checker's own severity decides it.
      if (isError(message)) message.fatal = true;
      // The checker's own page for every rule, the remark-lint ones included: it says how Charter uses them.
      message.url = ruleDocUrl(reportIdOf(message)) ?? message.url;
    }
  };
}

/** The config's levels on the file's messages: a rule turned off loses them, others get their level. */
function applyLevels(file: VFile, levelOf: ReturnType<typeof configuredLevels>, absolute: string): void {
  file.messages = file.messages.filter((message) => {
    const level = levelOf(reportIdOf(message), absolute);
    if (level === 'off') return false;
    if (level !== undefined) message.fatal = level === 'error';
    return true;
  });
}

// One plugin: steps a plugin adds with `use` run after every plugin listed beside it.
const charterPreset: Preset = { plugins: [[charterChecks, { projectSteps: true }]] };

export default charterPreset;
