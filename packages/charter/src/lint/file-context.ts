/**
 * What a rule knows about the file it checks, beyond its text: the handbook data, the edition the
 * file belongs to and "today". The checker puts it on `file.data.charter` before the rules run.
 */
import type { VFile } from 'vfile';
import type { EditionIndex } from './edition-index.ts';
import type { HandbookData } from './handbook-data.ts';
import type { ReadabilitySettings } from './rule-settings.ts';
import type { Edition } from '../lib/schemas.ts';

export interface FileContext {
  handbook: HandbookData;
  /** The edition the file belongs to (its folder, or the current edition for a file elsewhere). */
  edition: string;
  /** The manifest entry of that edition, when the manifest lists it. */
  editionEntry: Edition | undefined;
  /** Path below the edition folder, e.g. `procedures/telephone.mdx`; undefined outside the tree. */
  chapterFile: string | undefined;
  /** What exists in the edition, for links. */
  index: EditionIndex;
  /** The language of the content (the site config's `lang`), e.g. `en-GB`. */
  lang: string;
  /** The organization's name from the site config, when known. */
  organization: string | undefined;
  /** The day review dates are measured against. */
  today: Date;
  /** The file as it was at the git base; undefined when no base was given, null when it was absent. */
  baseSource: string | null | undefined;
  /**
   * For a chapter of the current edition compared with a base: the draft's copy as it is now, or
   * null when the draft has no such chapter.
   */
  draftSource?: string | null | undefined;
  /** How the base is named in messages, e.g. `origin/main`. */
  baseLabel: string;
  /** The options the config gives each rule for this file (`checker.rules`, `checker.overrides`). */
  ruleOptions: Readonly<Record<string, Record<string, unknown>>>;
  /** The readability rule's thresholds from the config's `checker.readability`; undefined when it sets none. */
  readability: ReadabilitySettings | undefined;
  /** Rule ids a `lint` comment may name. */
  knownRuleIds: readonly string[];
  /**
   * True when the file is checked on its own (by remark or an editor) rather than inside a
   * `charter lint` run, which applies the config's rule levels and the checks between chapters
   * itself, once for all files.
   */
  standalone?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    charter: FileContext;
  }
}

/**
 * The context of a file being checked. `charter lint` sets it before the rules run; a rule run by
 * remark, an editor or another unified pipeline builds it from the project the file belongs to.
 */
export function contextOf(file: VFile): FileContext {
  if (file.data.charter) return file.data.charter;
  if (!discover) throw new Error(`No checker context for ${file.path}: run the rules through charter lint or the charter-handbook/remark-preset plugin.`);
  return (file.data.charter = discover(file));
}

/**
 * How a context is found for a file met on its own (project.ts registers it when the checker
 * loads). A setter rather than an import: project.ts reaches the rules through the checker, and a
 * rule module that imported it would close a cycle that leaves the rule list half-built.
 */
let discover: ((file: VFile) => FileContext) | undefined;

export function registerContextDiscovery(find: (file: VFile) => FileContext): void {
  discover = find;
}
