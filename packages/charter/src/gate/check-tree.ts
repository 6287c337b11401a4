/**
 * The safety walk over the compiler's own tree of a chapter: everything that could run code, load
 * something from another host or write raw HTML into the page is reported.
 *
 * Reported: `import`/`export`; `{…}` expressions other than one `/* comment *\/`; elements and
 * components outside the allowlist, and attributes outside each one's list (directives such as
 * `set:html`, handlers, `style`, `ping`, spreads); attribute values in braces other than plain
 * literals; link URLs with schemes other than http, https, mailto, tel and sms; images, `src`
 * and `srcset` from anywhere but the site itself; and bidirectional-control characters in links.
 */
import { allowedAttributes, FORBIDDEN_ELEMENTS, isComponent, URL_ATTRIBUTES } from './allowlist.ts';
import { pointAt, type GateProblem } from './problem.ts';
import { readRawHtml } from './raw-html.ts';
import { CHECK_COMPONENT, readCheck } from './knowledge-checks.ts';
import { BIDI_CONTROL, browserView, classifyUrl, imageSourceProblem, srcsetUrls } from './urls.ts';
import { ALLOWED_COMPONENTS, COMPONENT_PROP_VALUES, type AllowedComponent, type ComponentPropValues } from '../lint/allowed-components.ts';

export const SAFETY_RULE = 'mdx-safety';

/**
 * Markers Vite and Astro write into compiled code and replace afterwards, wherever they appear
 * (string literals included); the same text in a chapter breaks the build far from the chapter.
 */
const BUNDLER_MARKER = /__(?:VITE|ASTRO)_[A-Z0-9_]*__/g;

/** Bundler markers in a body, located. */
export function bundlerMarkerProblems(body: string): GateProblem[] {
  return [...body.matchAll(BUNDLER_MARKER)].map((match) => {
    const start = pointAt(body, match.index);
    const end = pointAt(body, match.index + match[0].length);
    return {
      ruleId: SAFETY_RULE,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: `Unexpected "${match[0].slice(0, 30)}", expected text without the site bundler's markers (words between "__VITE_" or "__ASTRO_" and "__"): the bundler would replace it and stop the build`,
    };
  });
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface TreeNode {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  identifier?: string;
  attributes?: TreeAttribute[];
  children?: TreeNode[];
  position?: { start: Point; end: Point } | undefined;
}

interface TreeAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Reports a problem at a node, or at one of its attributes when `attribute` names it. */
type Report = (node: TreeNode, message: string, attribute?: string) => void;

/**
 * Safety problems in a tree from the compiler's parser of `body` (positions in the body are
 * positions in the file: the frontmatter is blanked, not removed). `propValues` are the lists some
 * props must take a value from (the touchpoints depend on the handbook's vocabulary).
 */
export function treeSafetyProblems(tree: TreeNode, body: string, propValues: ComponentPropValues = COMPONENT_PROP_VALUES): GateProblem[] {
  const problems: GateProblem[] = [];
  const report: Report = (node, message, attribute) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const end = withoutTrailingNewline(body, node.position?.end ?? start);
    const place = attribute === undefined ? undefined : attributePlace(body, node, attribute);
    const [from, to] = place ?? [start, end];
    problems.push({ ruleId: SAFETY_RULE, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message });
  };
  const imageLabels = new Set<string>();
  const definitions: TreeNode[] = [];
  // Iterative on purpose: the tree's depth is bounded by the limits, but no visitor here recurses.
  const stack: TreeNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    checkNode(node, body, report, propValues);
    if (node.type === 'imageReference' && node.identifier) imageLabels.add(node.identifier.toLowerCase());
    if (node.type === 'definition') definitions.push(node);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  // A definition used by an image reference is an image source.
  for (const definition of definitions) {
    if (definition.identifier && imageLabels.has(definition.identifier.toLowerCase())) {
      const problem = imageSourceProblem(definition.url ?? '');
      if (problem) report(definition, problem);
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function checkNode(node: TreeNode, body: string, report: Report, propValues: ComponentPropValues): void {
  switch (node.type) {
    case 'mdxjsEsm':
      report(node, 'Unexpected import or export statement, expected none (components need no import)');
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isCommentOnly(node.value ?? '')) report(node, `Unexpected expression "{${shorten(node.value ?? '')}}", expected text or a comment`);
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(node, report, propValues);
      // A knowledge check's options, right answer and explanation are its content (knowledge-checks.ts).
      if (node.name === CHECK_COMPONENT) for (const problem of readCheck(node).problems) report(problem.node, problem.message, problem.attribute);
      break;
    case 'link':
    case 'definition':
      checkLinkUrl(node.url ?? '', node, report);
      if (node.type === 'link') checkLinkText(node, report);
      break;
    case 'image': {
      const problem = imageSourceProblem(node.url ?? '');
      if (problem) report(node, problem);
      break;
    }
    case 'html':
      // Markdown chapters: raw HTML goes into the page as written, so it is judged as the browser reads it.
      if (!isPlainComment((node.value ?? '').trim())) checkRawHtml(node, body, report, propValues);
      break;
    default:
      break;
  }
}

/**
 * The elements of a raw HTML node, each judged by the allowlist as if written as JSX; HTML that
 * does not end where the node ends, and components (which only MDX compiles), are refused.
 */
function checkRawHtml(node: TreeNode, body: string, report: Report, propValues: ComponentPropValues): void {
  const value = node.value ?? '';
  const start = node.position?.start.offset;
  // Inside a block quote or list the node's text lacks the markers around it; positions then fall back to the node.
  const mapped = start !== undefined && body.slice(start, start + value.length) === value;
  const placeOf = (from: number, to: number): TreeNode['position'] =>
    mapped ? { start: pointAt(body, start + from), end: pointAt(body, start + to) } : node.position;
  const reading = readRawHtml(value);
  for (const problem of reading.problems) {
    report(
      { type: 'html', position: placeOf(problem.offset, problem.offset + 1) },
      `Unexpected HTML with ${problem.message}, expected complete tags and plain comments: write each tag whole, with its closing ">" on the same block`,
    );
  }
  for (const element of reading.elements) {
    const place = placeOf(element.start, element.end);
    if (isComponent(element.written)) {
      report(
        { type: 'html', position: place },
        `Unexpected component <${element.written}> in a Markdown chapter, expected plain HTML such as <abbr>, <kbd> or <br>: components work in MDX, so rename the file to .mdx to use it`,
      );
      continue;
    }
    checkElement(
      {
        type: 'mdxJsxFlowElement',
        name: element.name,
        attributes: element.attributes.map((a) => ({ type: 'mdxJsxAttribute', name: a.name, value: a.value })),
        position: place,
      },
      report,
      propValues,
    );
  }
}

function checkLinkUrl(url: string, node: TreeNode, report: Report, what = 'URL'): void {
  const target = classifyUrl(url);
  if (target.kind === 'forbidden')
    report(node, `Unexpected "${target.scheme}:" ${what}, expected a link to a page (a path on this site, or an http, https, mailto, tel or sms address)`);
  if (BIDI_CONTROL.test(url))
    report(node, 'Unexpected bidirectional-control character in a link address, expected plain text: it can make a link read as something it is not');
}

function checkLinkText(node: TreeNode, report: Report): void {
  const stack = [...(node.children ?? [])];
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (typeof child.value === 'string' && BIDI_CONTROL.test(child.value)) {
      report(node, 'Unexpected bidirectional-control character in link text, expected plain text: it can make a link read as something it is not');
      return;
    }
    if (child.children) stack.push(...child.children);
  }
}

function checkElement(node: TreeNode, report: Report, propValues: ComponentPropValues): void {
  const name = node.name;
  // `<>…</>`, a fragment, renders only its children.
  if (name === null || name === undefined) return checkAttributes(node, '', [], report, propValues);
  if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
    report(node, `Unexpected <${name}>, expected no embedded pages, scripts or styles in chapters`);
    return;
  }
  const allowed = allowedAttributes(name);
  if (allowed === undefined) {
    if (/^[a-z][a-z0-9-]*$/.test(name)) report(node, `Unexpected HTML element <${name}>, expected plain text elements such as <abbr>, <kbd> or <br>`);
    else report(node, `Unexpected component <${name}>, expected one of ${ALLOWED_COMPONENTS.join(', ')}`);
    return;
  }
  checkAttributes(node, name, allowed, report, propValues);
}

function checkAttributes(node: TreeNode, name: string, allowed: readonly string[], report: Report, propValues: ComponentPropValues): void {
  const seen = new Set<string>();
  for (const attribute of node.attributes ?? []) {
    // The last of two values wins in the page; the check would have to guess which one it read.
    if (attribute.name !== undefined && seen.has(attribute.name)) {
      report(node, `Unexpected second "${attribute.name}" on <${name}>, expected each attribute once`, attribute.name);
      continue;
    }
    if (attribute.name !== undefined) seen.add(attribute.name);
    if (attribute.type === 'mdxJsxExpressionAttribute' || attribute.name === undefined) {
      report(node, `Unexpected spread attribute "{${shorten(String(attribute.value ?? ''))}}" on <${name}>, expected name="value" attributes`, '{');
      continue;
    }
    const attributeName = attribute.name;
    const at = (message: string) => report(node, message, attributeName);
    if (!allowed.includes(attributeName)) {
      at(unexpectedAttribute(attributeName, name, allowed));
      continue;
    }
    const value = attribute.value;
    let text: string | undefined;
    if (value && typeof value === 'object') {
      const literal = literalOf(value.value);
      if (literal === undefined) {
        at(`Unexpected expression "{${shorten(value.value)}}" in "${attributeName}" on <${name}>, expected a literal such as {3} or "text"`);
        continue;
      }
      text = typeof literal === 'string' ? literal : undefined;
    } else if (typeof value === 'string') {
      text = value;
    }
    const choices = propValues[name as AllowedComponent]?.[attributeName];
    if (choices && (text === undefined || !choices.values.includes(text))) {
      at(
        `Unexpected ${attributeName} "${shorten(text ?? String(typeof value === 'object' && value ? value.value : value))}" on <${name}>, expected one of ${choices.values.map((c) => `"${c}"`).join(', ')}${choices.note}`,
      );
      continue;
    }
    if (text !== undefined) checkAttributeValue(attributeName, text, name, node, (_node, message) => at(message));
  }
}

/** The compiler ends some blocks (ESM) at the start of the next line; the checker at the end of the last. */
function withoutTrailingNewline(body: string, end: Point): Point {
  if (end.column !== 1 || end.offset === undefined || end.offset === 0 || body[end.offset - 1] !== '\n') return end;
  return pointAt(body, end.offset - 1);
}

/**
 * Where an attribute is written inside its element's tag; the compiler's tree has no positions for
 * attributes. Falls back to the element when the name cannot be found.
 */
function attributePlace(body: string, node: TreeNode, attribute: string): [Point, Point] | undefined {
  const start = node.position?.start;
  if (start?.offset === undefined) return undefined;
  const tagEnd = Math.min(body.length, node.position?.end.offset ?? body.length);
  const tag = body.slice(start.offset, tagEnd);
  // A spread is found by its opening brace, a named attribute by its name.
  const pattern = attribute === '{' ? /\s\{/ : new RegExp(`[\\s{]${attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s=/>}]|$)`);
  const match = pattern.exec(tag);
  if (!match) return undefined;
  const from = start.offset + match.index + 1;
  const to = attribute === '{' ? braceEnd(body, from) : attributeEnd(body, from + attribute.length);
  return [pointAt(body, from), pointAt(body, to ?? from + 1)];
}

/** Just after the brace that closes the one at `open`. */
function braceEnd(body: string, open: number): number | undefined {
  let depth = 0;
  for (let j = open; j < body.length; j++) {
    if (body[j] === '{') depth++;
    else if (body[j] === '}' && --depth === 0) return j + 1;
  }
  return undefined;
}

/** The end of an attribute's value: after its closing quote or brace, or after the name alone. */
function attributeEnd(body: string, afterName: number): number {
  let i = afterName;
  while (body[i] === ' ' || body[i] === '\t') i++;
  if (body[i] !== '=') return afterName;
  i++;
  while (body[i] === ' ' || body[i] === '\t') i++;
  const open = body[i];
  if (open === '"' || open === "'") {
    const close = body.indexOf(open, i + 1);
    return close === -1 ? afterName : close + 1;
  }
  if (open === '{') return braceEnd(body, i) ?? afterName;
  return afterName;
}

function unexpectedAttribute(attribute: string, element: string, allowed: readonly string[]): string {
  const expected = allowed.length > 0 ? `expected ${allowed.map((a) => `"${a}"`).join(', ')}` : 'expected no attributes';
  if (/^on/i.test(attribute)) return `Unexpected event handler "${attribute}" on <${element}>, expected no scripts in chapters`;
  if (attribute.toLowerCase() === 'style') return `Unexpected style attribute on <${element}>, expected the page's own styles`;
  if (attribute.includes(':')) return `Unexpected directive "${attribute}" on <${element}>, expected plain attributes (${expected.replace(/^expected /, '')})`;
  return `Unexpected attribute "${attribute}" on <${element}>, ${expected}`;
}

function checkAttributeValue(attribute: string, value: string, element: string, node: TreeNode, report: Report): void {
  const use = isComponent(element) ? undefined : URL_ATTRIBUTES[attribute];
  if (use === 'link' || use === 'citation') {
    checkLinkUrl(value, node, report, `URL in "${attribute}" on <${element}>`);
  } else if (use === 'image') {
    const problem = imageSourceProblem(value);
    if (problem) report(node, problem);
  } else if (use === 'image-set') {
    const view = browserView(value);
    const problem = /[:\\]|\/\//.test(view) ? imageSourceProblem('//') : srcsetUrls(value).map(imageSourceProblem).find(Boolean);
    if (problem) report(node, problem);
  }
}

/**
 * An HTML comment that a browser reads as one comment to its end: not `<!-->` or `<!--->` (which
 * close at once) and no `-->` or `--!>` before the last `-->`.
 */
export function isPlainComment(html: string): boolean {
  return /^<!--(?!-?>)(?:(?!--!?>)[\s\S])*-->$/.test(html);
}

/**
 * One block comment and nothing else: `{/* … *\/}`. Any other expression is code. Written as a
 * pattern rather than a JavaScript parse so that no two parsers can disagree on it.
 */
export function isCommentOnly(expression: string): boolean {
  return /^\s*\/\*(?:[^*]|\*(?!\/))*\*\/\s*$/.test(expression);
}

/**
 * The value of a literal written in braces: a number, `true`/`false`/`null`, a string in double or
 * single quotes, or a template without `${`. Anything else (a call, a variable, an object) is code.
 * Strings are read strictly (JSON's escapes for double quotes; no backslash in single quotes or
 * templates), so every JavaScript parser reads the same value.
 */
export function literalOf(expression: string): string | number | boolean | null | undefined {
  const text = expression.trim();
  if (/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^"(?:[^"\\\n\r\u2028\u2029]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/.test(text)) return JSON.parse(text) as string;
  if (/^'(?:[^'"\\\n\r\u2028\u2029]|\\['"\\/bfnrt]|")*'$/.test(text)) return singleQuoted(text.slice(1, -1));
  if (/^`[^`\\$]*`$/.test(text)) return text.slice(1, -1);
  return undefined;
}

/** The text of a JSX attribute's value: a string, or a string literal in braces (`{"https://…"}`). */
export function attributeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') {
    const literal = literalOf(value.value);
    return typeof literal === 'string' ? literal : undefined;
  }
  return undefined;
}

/** A single-quoted string's value: the same escapes as JSON, plus `\'`. */
function singleQuoted(inner: string): string | undefined {
  try {
    return JSON.parse(`"${inner.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return undefined;
  }
}

function shorten(code: string): string {
  const line = code.trim().replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
