/**
 * Rules that read only the tree, the text and the run's settings give the same messages for every
 * file with that text: such a rule runs once per shared tree (see readings.ts), and the other files
 * get copies of its messages, with their own file name.
 *
 * Which rules may be shared is said in rules/index.ts (`perFile` marks the others). While a shared
 * rule runs, the file's context hides what differs between files of the same text (the edition, its
 * status, the chapter's place, the git base): a rule that reads it fails, so its chapter is refused
 * rather than given another file's answer.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { FileContext } from './file-context.ts';
import { editsOf, recordEdits } from './fixes.ts';

const sharedTrees = new WeakSet<Root>();

/** Marks a (frozen) tree as read by several files of one run. */
export function markShared(tree: Root): void {
  sharedTrees.add(tree);
}

export function isShared(tree: Root): boolean {
  return sharedTrees.has(tree);
}

/** What a file's context holds that differs between files with the same text. */
const PER_FILE_FIELDS = ['edition', 'editionEntry', 'chapterFile', 'index', 'baseSource', 'draftSource', 'baseLabel', 'standalone', 'ruleOptions'] as const;

/** The context as a shared rule may read it: the run's settings only. */
export function runWideContext(context: FileContext, ruleId: string): FileContext {
  const view = { ...context };
  for (const field of PER_FILE_FIELDS) {
    Object.defineProperty(view, field, {
      enumerable: false,
      get() {
        throw new Error(`the rule ${ruleId} read "${field}", which differs between files with the same text; mark the rule perFile in rules/index.ts`);
      },
    });
  }
  return view;
}

/** The run-wide settings a remembered result was made with: reused only where they are the same objects. */
function runSettingsOf(context: FileContext): unknown[] {
  return [context.handbook, context.today, context.lang, context.organization, context.readability, context.knownRuleIds];
}

export interface RuleRun {
  settings: unknown[];
  messages: VFileMessage[];
}

/** The messages a rule added to a file since `from`, to hand to the other files of the same text. */
export function remember(context: FileContext, messages: readonly VFileMessage[], from: number): RuleRun {
  return { settings: runSettingsOf(context), messages: messages.slice(from) };
}

/** Whether a remembered run was made under the same settings as this file's. */
export function appliesTo(run: RuleRun, context: FileContext): boolean {
  const settings = runSettingsOf(context);
  return run.settings.every((value, index) => value === settings[index]);
}

/** Adds copies of remembered messages to a file, as if its own rule had reported them. */
export function replay(run: RuleRun, file: VFile): void {
  for (const message of run.messages) file.messages.push(copyFor(message, file));
}

/** A message as `file.message` would have made it for this file: every field the same but the file's name. */
export function copyFor(message: VFileMessage, file: VFile): VFileMessage {
  const copy = Object.assign(new VFileMessage(message.reason), message);
  copy.file = file.path || '';
  copy.name = `${file.path ? `${file.path}:` : ''}${message.file ? message.name.slice(message.file.length + 1) : message.name}`;
  if (message.expected) copy.expected = [...message.expected];
  if (message.ancestors) copy.ancestors = [...message.ancestors];
  const edits = editsOf(message);
  if (edits) recordEdits(copy, edits);
  return copy;
}
