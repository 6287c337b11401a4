/** The checker's public types: what a message looks like and what a check can be told. */
import type { CheckerConfig } from './rule-settings.ts';

/** How a message is reported: errors block a merge, warnings do not. */
export type Severity = 'error' | 'warning';

/**
 * A rule's own level. Prose suggestions from the retext plugins rank below warnings; outside the
 * checker (JSON, GitHub, the exit code) they are reported as warnings with a `prose:` rule id.
 */
export type RuleSeverity = Severity | 'suggestion';

export interface LintMessage {
  /** Path relative to the repository root (absolute only when the file lies outside it). */
  file: string;
  /** 1-based line and column of the first character. */
  line: number;
  column: number;
  /** 1-based line and column just after the last character. */
  endLine: number;
  endColumn: number;
  /** The rule id, e.g. `terminology`, or `prose:repeated-words` for prose suggestions. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** The replacement the rule suggests, when there is one (what `--fix` writes). */
  expected?: string;
}

export interface CheckOptions {
  /** The content folder; defaults to HANDBOOK_CONTENT_DIR or `src/content` (see resolveContentDir). */
  contentDir?: string | undefined;
  /** Message paths are relative to this folder; defaults to the working directory. */
  root?: string | undefined;
  /** "Today" for review-due, a Date or `YYYY-MM-DD`; defaults to CHARTER_TODAY, then the real date. */
  today?: Date | string | undefined;
  /**
   * The edition a file belongs to when it does not live below `<content>/editions/<id>/` (an editor
   * buffer, a fixture); defaults to the current edition.
   */
  edition?: string | undefined;
  /**
   * A git ref (commit, branch, merge base) to compare archived editions against. The
   * archived-frozen rule runs only when this (or `readBase`) is given.
   */
  baseRef?: string | undefined;
  /** How messages name the base, e.g. "the merge base with main"; defaults to `baseRef`. */
  baseLabel?: string | undefined;
  /** Reads a file as it was at the base; `null` when it did not exist there. For tests and tools. */
  readBase?: ((absolutePath: string) => string | null) | undefined;
  /** Only report these rule ids (e.g. `['terminology']`); all rules when left out. */
  rules?: readonly string[] | undefined;
  /**
   * checkFiles: reuse results of unchanged chapters from a cache file (see src/lint/cache.ts); `true`
   * for the default file below `node_modules/.cache/charter-lint/`. Off when left out, and in runs
   * with `baseRef` or `readBase`.
   */
  cache?: boolean | string | undefined;
  /**
   * The language the content is written in, as in the site config (`lang`): `en-GB` holds it to
   * British spelling, `en-US` to American; the spelling rule is off for other languages. Defaults
   * to the config schema's default (`en-US`). The CLI reads it from the project's config.
   */
  lang?: string | undefined;
  /** The organization's name, as in the site config: a proper noun headings may capitalize. */
  organization?: string | undefined;
  /** Rule levels from the config's `checker`, applied to every message (see rule-settings.ts). */
  ruleSettings?: CheckerConfig | undefined;
  /** checkFiles: threads to check on; defaults to one per core, fewer for few files (see parallel.ts). */
  threads?: number | undefined;
}

/** One text replacement in a source file, in UTF-16 offsets. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}
