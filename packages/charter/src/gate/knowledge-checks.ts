/**
 * Knowledge checks (`<Check>`), read from the compiler's own tree of a chapter: what the gate
 * refuses about one, and what the reading-path pages and the welcome packet's answer sheet need
 * (its id, question, options, right answer and explanation). One reading for the build, the
 * checker and the pages, so none of them can see a different check.
 *
 * A check is written as
 *
 *   <Check question="A caller has been on hold for 30 seconds. What do you do?">
 *
 *   - [ ] Stay off the line until you have the answer
 *   - [x] Go back on the line and say what you are doing
 *   - [ ] Transfer the call
 *
 *   Checking in tells the caller they are not forgotten.
 *
 *   </Check>
 *
 * The list is the options, the one marked `[x]` the right answer; what follows the list says why.
 */
import { createHash } from 'node:crypto';
import { attributeText, type TreeNode } from './check-tree.ts';

export const CHECK_COMPONENT = 'Check';

export interface KnowledgeCheck {
  /** Stable while the question's wording stays: the key of a reader's answer in their browser. */
  id: string;
  question: string;
  options: string[];
  /** The right option's place in `options`, from 0. */
  answer: number;
  /** The explanation as plain text (the page renders it from the chapter with its markup). */
  why: string;
}

/** A problem with a check: the node it is at, and the attribute when it is about one. */
export interface CheckProblem {
  node: TreeNode;
  message: string;
  attribute?: string;
}

/** The id of a check with this question: whitespace does not count, wording does. */
export function checkId(question: string): string {
  return createHash('sha256').update(question.trim().replace(/\s+/g, ' ')).digest('hex').slice(0, 12);
}

const OPTIONS_HINT = 'a list of at least two options, the right one written "- [x] …" and the others "- [ ] …"';

/** What is wrong with one `<Check>` element, and the check it holds when nothing is. */
export function readCheck(node: TreeNode): { check?: KnowledgeCheck; problems: CheckProblem[] } {
  const problems: CheckProblem[] = [];
  const report = (at: TreeNode, message: string, attribute?: string) => problems.push({ node: at, message, ...(attribute ? { attribute } : {}) });
  if (node.type === 'mdxJsxTextElement') {
    report(node, `Unexpected <${CHECK_COMPONENT}> inside a paragraph, expected it on lines of its own, with blank lines around its options`);
    return { problems };
  }
  const questionAttribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'question');
  const question = attributeText(questionAttribute?.value)?.trim() ?? '';
  if (!questionAttribute) report(node, `Unexpected <${CHECK_COMPONENT}> without a question, expected question="…" with the question readers answer`);
  else if (question === '') report(node, `Unexpected empty question on <${CHECK_COMPONENT}>, expected the question readers answer`, 'question');
  const blocks = (node.children ?? []).filter((child) => !isComment(child));
  const listAt = blocks.findIndex((child) => child.type === 'list');
  if (listAt === -1) {
    report(node, `Unexpected <${CHECK_COMPONENT}> without options, expected ${OPTIONS_HINT}`);
  } else if (listAt > 0) {
    report(blocks[0]!, `Unexpected text before the options of <${CHECK_COMPONENT}>, expected the options list first (the question goes in question="…")`);
  }
  const list = listAt === -1 ? undefined : blocks[listAt]!;
  const items = list?.children ?? [];
  const options: string[] = [];
  let answer = -1;
  for (const item of items) {
    const checked = (item as { checked?: boolean | null }).checked;
    const text = plainText(item).trim();
    options.push(text);
    if (checked !== true && checked !== false) {
      report(item, `Unexpected option without a box in <${CHECK_COMPONENT}>, expected "- [ ] …" for a wrong answer or "- [x] …" for the right one`);
    } else if (text === '') {
      report(item, `Unexpected empty option in <${CHECK_COMPONENT}>, expected the answer's text after the box`);
    } else if (checked && answer !== -1) {
      report(item, `Unexpected second right answer in <${CHECK_COMPONENT}>, expected exactly one option marked "[x]": mark the others "[ ]"`);
    } else if (checked) {
      answer = options.length - 1;
    }
  }
  if (list && items.length < 2)
    report(list, `Unexpected <${CHECK_COMPONENT}> with ${items.length === 1 ? 'one option' : 'no options'}, expected ${OPTIONS_HINT}`);
  else if (list && answer === -1 && !items.some((item) => (item as { checked?: boolean | null }).checked === true))
    report(list, `Unexpected <${CHECK_COMPONENT}> without a right answer, expected exactly one option marked "- [x] …"`);
  const why = list
    ? blocks
        .slice(listAt + 1)
        .map(plainText)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
  if (list && why === '')
    report(node, `Unexpected <${CHECK_COMPONENT}> without an explanation, expected a paragraph after the options that says why the right answer is right`);
  if (problems.length > 0) return { problems };
  return { check: { id: checkId(question), question, options, answer, why }, problems };
}

/** Every check of a chapter's tree, in reading order; checks with problems are left out (the gate refuses them). */
export function knowledgeChecksIn(tree: TreeNode): KnowledgeCheck[] {
  const checks: KnowledgeCheck[] = [];
  const stack: TreeNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === CHECK_COMPONENT) {
      const { check } = readCheck(node);
      if (check) checks.push(check);
      continue;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return checks;
}

function isComment(node: TreeNode): boolean {
  return node.type === 'mdxFlowExpression' || (node.type === 'html' && (node.value ?? '').trim().startsWith('<!--'));
}

const BLOCKS = new Set(['root', 'list', 'listItem', 'blockquote', 'mdxJsxFlowElement', 'table', 'tableRow']);

/** A node's text as a reader sees it, without its markup. */
function plainText(node: TreeNode): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if (node.type === 'break') return ' ';
  const parts = (node.children ?? []).map(plainText);
  // Blocks are read with a space between them, the words inside a paragraph as written.
  return BLOCKS.has(node.type) ? parts.join(' ') : parts.join('');
}
