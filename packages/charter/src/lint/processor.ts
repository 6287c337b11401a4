/**
 * The unified pipeline that checks one chapter: the build's gate on its text (which hands the
 * rules the checker's own tree of the file), the rules, then message control (lint comments turn
 * messages off), then the check of the lint comments themselves. `charter lint` runs it, and the
 * remark preset (preset.ts) is the same pipeline for remark and editors.
 */
import type { Nodes, Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import { unified, type Processor } from 'unified';
import { messageControl } from 'unified-message-control';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { contextOf } from './file-context.ts';
import { MARKER_NAME, MARKER_VERBS } from './rules/lint-comments.ts';
import { LINT_COMMENTS_RULE, RULES } from './rules/index.ts';
import charterGate, { unlessRefused } from './gate-step.ts';
import { projectSteps } from './preset.ts';
import type { RuleModule } from './rules/index.ts';
import { appliesTo, isShared, remember, replay, runWideContext, type RuleRun } from './shared-rules.ts';
import type { RuleSeverity } from './types.ts';

export type Linter = Processor<Root, Root, Root>;

/**
 * The message sources lint comments control: the house rules, the prose suggestions and the
 * remark-lint rules the checker runs. The gate's source is not among them.
 */
const CONTROLLED_SOURCES = ['handbook', 'prose', 'remark-lint'];

/**
 * Where lint comments can be: MDX comments in braces, between blocks or inside a paragraph, and
 * HTML comments in Markdown chapters.
 */
const COMMENT_NODES = ['mdxFlowExpression', 'mdxTextExpression', 'html'];

const linters = new Map<string, Linter>();

/** The pipeline running the given rules (all when `ruleIds` is undefined), built once and reused. */
export function linterFor(ruleIds: readonly string[] | undefined): Linter {
  const key = ruleIds ? [...ruleIds].sort().join(',') : '*';
  let linter = linters.get(key);
  if (!linter) {
    linter = createLinter(ruleIds);
    linters.set(key, linter);
  }
  return linter;
}

function createLinter(ruleIds: readonly string[] | undefined): Linter {
  return unified().use(charterChecks, { rules: ruleIds }).freeze() as unknown as Linter;
}

export interface CharterChecksOptions {
  /** Only these rules (ids or report ids); every rule when left out. The gate always runs. */
  rules?: readonly string[] | undefined;
  /** Add, last, what `charter lint` does once per run (preset.ts): for remark and editors. */
  projectSteps?: boolean;
}

/** The checker's steps, added to a processor: the plugin behind both `charter lint` and the remark preset. */
export function charterChecks(this: Processor, options: CharterChecksOptions = {}): void {
  const selected = (id: string) => !options.rules || options.rules.includes(id);
  this.use(charterGate);
  for (const rule of RULES) {
    if (rule.plugin && (selected(rule.id) || selected(rule.reportId))) this.use(unlessRefused(ruleStep(rule)), [levelOf(rule.severity)]);
  }
  this.use(unlessRefused(controlMessages));
  if (LINT_COMMENTS_RULE.plugin && selected(LINT_COMMENTS_RULE.id)) this.use(unlessRefused(LINT_COMMENTS_RULE.plugin), [levelOf(LINT_COMMENTS_RULE.severity)]);
  if (options.projectSteps) this.use(projectSteps);
}

type Next = (error?: Error | null, tree?: Root) => void;
type Transform = (tree: Root, file: VFile, next: Next) => unknown;
type AnyPlugin = NonNullable<RuleModule['plugin']>;

/**
 * A rule's step: the rule itself, or, for a rule that reads only the tree, the text and the run's
 * settings, the rule once per shared tree and copies of its messages for the other files with that
 * text (shared-rules.ts).
 */
function ruleStep(rule: RuleModule): AnyPlugin {
  const plugin = rule.plugin!;
  if (rule.perFile) return plugin;
  return function (this: Processor, ...options: unknown[]) {
    const transform = (plugin as unknown as (...args: unknown[]) => Transform | undefined).apply(this, options);
    // unified-lint-rule's transformers take a callback; any other kind of step is left as it is.
    if (typeof transform !== 'function' || transform.length < 3) return transform;
    // Per tree and per this processor's rule (its level and options), so no other rule's run is reused.
    const runs = new WeakMap<Root, RuleRun>();
    const step: Transform = (tree, file, next) => {
      if (!isShared(tree)) return transform(tree, file, next);
      const context = contextOf(file);
      const known = runs.get(tree);
      if (known && appliesTo(known, context)) {
        replay(known, file);
        return next();
      }
      const from = file.messages.length;
      file.data.charter = runWideContext(context, rule.id);
      return transform(tree, file, (error, result) => {
        file.data.charter = context;
        if (!error) runs.set(tree, remember(context, file.messages, from));
        next(error, result);
      });
    };
    return step;
  } as unknown as AnyPlugin;
}

/** unified-lint-rule levels: 2 marks messages fatal (errors), 1 leaves them warnings. */
function levelOf(severity: RuleSeverity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

/**
 * Lint comments for every rule, the prose ones included. This is what remark-message-control does,
 * with unified-message-control called directly so that a comment with an unknown keyword is
 * skipped here (the lint-comments rule reports it) instead of failing the whole file.
 */
function controlMessages() {
  return (tree: Root, file: VFile) => {
    // Message control only ever drops (or completes the place of) messages of the sources it
    // controls: without one, walking the tree twice for comments and gaps would change nothing.
    if (!file.messages.some((message) => CONTROLLED_SOURCES.includes(message.source ?? ''))) return;
    messageControl(controlTreeOf(tree), { file, name: MARKER_NAME, source: CONTROLLED_SOURCES, marker: readableMarker, test: COMMENT_NODES });
  };
}

/** The copy message control reads, made once per tree: files with the same text share a tree. */
const controlTrees = new WeakMap<Root, Node>();

function controlTreeOf(tree: Root): Node {
  let copy = controlTrees.get(tree);
  if (!copy) controlTrees.set(tree, (copy = withoutEmptyChildren(tree)));
  return copy;
}

/**
 * unified-message-control drops messages that fall between nodes, and it takes the span of a node
 * with an empty `children` list (a self-closing `<script />` or `<GlossaryList />`) for such a gap
 * when it ends the file, which would hide an unsafe element on the last line. It reads a copy of
 * the tree in which those nodes are leaves.
 */
function withoutEmptyChildren(node: Node): Node {
  if (!('children' in node) || !Array.isArray(node.children)) return node;
  if (node.children.length === 0) {
    const { children: _children, ...leaf } = node;
    return leaf;
  }
  return { ...node, children: (node.children as Node[]).map(withoutEmptyChildren) } as Node;
}

function readableMarker(node: unknown) {
  const marker = commentMarker(node as Nodes);
  if (!marker || marker.name !== MARKER_NAME) return marker;
  const verb = marker.attributes.split(/\s+/)[0] ?? '';
  return MARKER_VERBS.includes(verb) ? marker : undefined;
}
