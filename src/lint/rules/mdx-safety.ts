/**
 * Keeps chapters to content: only the handbook's components and harmless HTML, no code.
 *
 * Why: MDX is code. Anything an editor writes in a chapter runs when the site is built and, for
 * scripts and event handlers, in every reader's browser. This rule is the gate that keeps a pull
 * request from running arbitrary code in the site.
 *
 * How: reported are `import` and `export` statements; components other than those in
 * src/lint/allowed-components.ts (kept equal to src/components/index.ts); HTML elements outside a
 * small safe list, and always `<script>`, `<iframe>`, `<style>`, `<object>` and `<embed>`; event
 * handler attributes (`onclick`…), `style` attributes and spread attributes (`{...props}`); URLs with
 * the `javascript:`, `vbscript:` or `data:` scheme in links and attributes; and `{…}` expressions,
 * except comments such as `{/* lint ignore terminology *\/}`. An attribute value in braces may be a
 * literal (`{3}`, `{"text"}`, `{true}`) and nothing else.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   <Callout type="note" title="Before you call">
 *
 *   Check the order <abbr title="number">no.</abbr> first. {/* a comment *\/}
 *
 *   </Callout>
 *
 *   <Steps count={3}>
 *
 *   1. Answer.
 *
 *   </Steps>
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   import Widget from './widget.js'
 *
 *   <Widget />
 *
 *   <div onClick="steal()">Hello {user.name}</div>
 *
 *   <iframe src="https://example.com" />
 *
 *   [Click](javascript:alert(1))
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-1:33: Unexpected import or export statement, expected none (components need no import)
 *   3:1-3:11: Unexpected component <Widget>, expected one of Callout, Checklist, Creed, CreedStatement, GlossaryList, HouseStyle, PhrasesToAvoid, SayThis, Steps, Term, TouchpointBadge
 *   5:6-5:23: Unexpected event handler "onClick" on <div>, expected no scripts in chapters
 *   5:30-5:41: Unexpected expression "{user.name}", expected text or a comment
 *   7:1-7:37: Unexpected <iframe>, expected no embedded pages, scripts or styles in chapters
 *   9:1-9:29: Unexpected "javascript:" URL, expected a link to a page
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Program } from 'estree';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ALLOWED_COMPONENTS } from '../allowed-components.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';

/** Elements that run code, embed other pages or restyle the page: never allowed. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'style', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'link', 'meta', 'form', 'svg', 'math', 'template']);

/** Plain HTML elements an editor may need in a chapter. */
const SAFE_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
]);

const DANGEROUS_URL = /^(?:javascript|vbscript|data):/i;

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const mdxSafety = lintRule<Root>({ origin: 'handbook:mdx-safety' }, (tree, file) => {
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        file.message('Unexpected import or export statement, expected none (components need no import)', { place: node.position });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.data?.estree)) file.message(`Unexpected expression "{${shorten(node.value)}}", expected text or a comment`, { place: node.position });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, file);
        break;
      case 'link':
      case 'definition':
      case 'image':
        if (isDangerousUrl(node.url)) file.message(`Unexpected "${scheme(node.url)}:" URL, expected a link to a page`, { place: node.position });
        break;
      default:
        break;
    }
  });
});

export default mdxSafety;

function checkElement(node: JsxElement, file: VFile): void {
  const name = node.name;
  const place = node.position;
  if (name === null) return;
  if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
    file.message(`Unexpected <${name}>, expected no embedded pages, scripts or styles in chapters`, { place });
    return;
  }
  if (/^[a-z]/.test(name) && !name.includes('.') && !name.includes(':')) {
    if (!SAFE_ELEMENTS.has(name)) file.message(`Unexpected HTML element <${name}>, expected plain text elements such as <abbr>, <kbd> or <br>`, { place });
  } else if (!(ALLOWED_COMPONENTS as readonly string[]).includes(name)) {
    file.message(`Unexpected component <${name}>, expected one of ${ALLOWED_COMPONENTS.join(', ')}`, { place });
  }
  for (const attribute of node.attributes) checkAttribute(attribute, name, file, place);
}

function checkAttribute(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute, element: string, file: VFile, fallback: JsxElement['position']): void {
  const place = attribute.position ?? fallback;
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    file.message(`Unexpected spread attribute "{${shorten(attribute.value)}}" on <${element}>, expected name="value" attributes`, { place });
    return;
  }
  if (/^on/i.test(attribute.name)) {
    file.message(`Unexpected event handler "${attribute.name}" on <${element}>, expected no scripts in chapters`, { place });
    return;
  }
  if (attribute.name.toLowerCase() === 'style') {
    file.message(`Unexpected style attribute on <${element}>, expected the page's own styles`, { place });
    return;
  }
  const value = attribute.value;
  if (value && typeof value === 'object') {
    if (!isLiteral(value.data?.estree)) {
      file.message(`Unexpected expression "{${shorten(value.value)}}" in "${attribute.name}" on <${element}>, expected a literal such as {3} or "text"`, { place });
      return;
    }
  }
  const text = typeof value === 'string' ? value : literalString(value?.data?.estree);
  if (text !== undefined && isDangerousUrl(text)) {
    file.message(`Unexpected "${scheme(text)}:" URL in "${attribute.name}" on <${element}>, expected a link to a page`, { place });
  }
}

/** Browsers ignore leading spaces and control characters in a URL's scheme. */
function isDangerousUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return DANGEROUS_URL.test(url.replace(/[\u0000-\u0020]/g, ''));
}

function scheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020]/g, '').split(':')[0]!.toLowerCase();
}

/** An expression that holds only comments: `{/* … *\/}`. */
function isCommentOnly(program: Program | null | undefined): boolean {
  return program !== undefined && program !== null && program.body.length === 0;
}

/** A literal value: a string, number, boolean or null, a negative number or a template without `${}`. */
function isLiteral(program: Program | null | undefined): boolean {
  return literalValueOf(program) !== undefined;
}

function literalValueOf(program: Program | null | undefined): { value: unknown } | undefined {
  const [statement, ...rest] = program?.body ?? [];
  if (!statement || rest.length > 0 || statement.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression;
  if (expression.type === 'Literal' && !('regex' in expression && expression.regex)) return { value: expression.value };
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return { value: expression.quasis[0]?.value.cooked ?? '' };
  if (expression.type === 'UnaryExpression' && (expression.operator === '-' || expression.operator === '+') && expression.argument.type === 'Literal' && typeof expression.argument.value === 'number') {
    return { value: expression.argument.value };
  }
  return undefined;
}

function literalString(program: Program | null | undefined): string | undefined {
  const literal = literalValueOf(program);
  return typeof literal?.value === 'string' ? literal.value : undefined;
}

function shorten(code: string): string {
  const line = code.trim().replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
