/**
 * The unified pipeline that checks one chapter's tree (parsed by `parseChapter`, see check.ts): run
 * the rules, drop messages that lint comments turn off, then check the lint comments themselves.
 */
import type { Nodes, Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import { unified, type Processor } from 'unified';
import { messageControl } from 'unified-message-control';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { MARKER_NAME, MARKER_VERBS } from './rules/lint-comments.ts';
import { LINT_COMMENTS_RULE, RULES } from './rules/index.ts';
import type { RuleSeverity } from './types.ts';

export type Linter = Processor<Root, Root, Root>;

/** Where lint comments can be: MDX comments in braces, between blocks or inside a paragraph. */
const COMMENT_NODES = ['mdxFlowExpression', 'mdxTextExpression'];

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
  const selected = (id: string) => !ruleIds || ruleIds.includes(id);
  const processor = unified();
  for (const rule of RULES) {
    if (rule.plugin && (selected(rule.id) || selected(rule.reportId))) processor.use(rule.plugin, [levelOf(rule.severity)]);
  }
  processor.use(controlMessages);
  if (LINT_COMMENTS_RULE.plugin && selected(LINT_COMMENTS_RULE.id)) processor.use(LINT_COMMENTS_RULE.plugin, [levelOf(LINT_COMMENTS_RULE.severity)]);
  return processor.freeze() as unknown as Linter;
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
    messageControl(withoutEmptyChildren(tree), { file, name: MARKER_NAME, source: ['handbook', 'prose'], marker: readableMarker, test: COMMENT_NODES });
  };
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
