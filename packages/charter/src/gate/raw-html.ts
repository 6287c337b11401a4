/**
 * Raw HTML in Markdown chapters, read as a browser reads it, so the same allowlist as MDX's JSX
 * can judge it.
 *
 * Why parse5: a Markdown compiler copies raw HTML into the page as written, and a browser then
 * reads it with the HTML standard's tokenizer, not with Markdown's rules. parse5 is that
 * tokenizer, so the elements and attributes judged here are the ones a reader's browser builds.
 *
 * Each HTML node of the compiler's tree is read on its own and must end where it started, outside
 * any tag or comment: a block such as `<img src="` followed by a blank line would otherwise take
 * the next paragraph into its attribute, and the browser would read attributes the check never saw.
 */
import { parseFragment, type DefaultTreeAdapterMap, type ParserError } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface RawElement {
  /** The element's name as the browser reads it (lowercase) and as written. */
  name: string;
  written: string;
  /** Each attribute with the offsets of its whole text (`name="value"`) in the node's text. */
  attributes: { name: string; value: string; start: number; end: number }[];
  /** Offsets of the start tag in the HTML node's text. */
  start: number;
  end: number;
}

export interface RawHtmlReading {
  elements: RawElement[];
  /** What is wrong with the text as HTML, with the offset where it starts. */
  problems: { offset: number; message: string }[];
}

/**
 * Parse errors that mean the HTML does not end where the node ends, or is not plain markup: the
 * browser would read what follows differently, or read a part the check cannot see.
 */
const REFUSED_ERRORS: Readonly<Record<string, string>> = {
  'eof-in-tag': 'an unfinished tag (it would take in the text that follows it)',
  'eof-in-comment': 'an unfinished comment (it would hide the text that follows it)',
  'eof-in-doctype': 'a document type declaration',
  'eof-in-cdata': 'a CDATA section',
  'cdata-in-html-content': 'a CDATA section',
  'unexpected-question-mark-instead-of-tag-name': 'a processing instruction ("<?")',
  'incorrectly-opened-comment': 'a "<!" declaration that is not a comment',
  'abrupt-closing-of-empty-comment': 'a comment that closes at once ("<!-->")',
  'nested-comment': 'a comment inside a comment',
  'incorrectly-closed-comment': 'a comment closed with "--!>"',
};

/** The elements of one raw HTML node and the problems that stop it from being judged. */
export function readRawHtml(html: string): RawHtmlReading {
  const problems: RawHtmlReading['problems'] = [];
  const fragment = parseFragment(html, {
    sourceCodeLocationInfo: true,
    onParseError: (error: ParserError) => {
      const what = REFUSED_ERRORS[error.code];
      // A tag or comment left open is reported where it opens, not at the end where the parser noticed.
      const offset = error.code.startsWith('eof-in-') ? Math.max(0, html.lastIndexOf('<', error.startOffset)) : error.startOffset;
      if (what) problems.push({ offset, message: what });
    },
  });
  const elements: RawElement[] = [];
  const stack: Node[] = [...fragment.childNodes];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (node.nodeName === '#documentType') problems.push({ offset: node.sourceCodeLocation?.startOffset ?? 0, message: 'a document type declaration' });
    if (!('tagName' in node)) continue;
    const element = node as Element;
    const tag = element.sourceCodeLocation?.startTag ?? element.sourceCodeLocation;
    // Elements the parser made up (a <tbody> around rows) have no tag of their own to judge.
    if (tag) {
      const start = tag.startOffset;
      elements.push({
        name: element.tagName,
        written: html.slice(start + 1, start + 1 + element.tagName.length),
        attributes: element.attrs.map((a) => {
          const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
          const place = element.sourceCodeLocation?.attrs?.[name];
          return { name, value: a.value, start: place?.startOffset ?? start, end: place?.endOffset ?? start };
        }),
        start,
        end: tag.endOffset,
      });
    }
    const children = 'content' in element ? (element as DefaultTreeAdapterMap['template']).content.childNodes : element.childNodes;
    stack.unshift(...children);
  }
  return { elements, problems };
}

/**
 * The HTML with some attribute values replaced: `rewrite` gets each element's name, an attribute's
 * name and its value, and returns the new value or undefined to keep it. `extra` may add
 * attributes to an element's start tag (written just after its name). Values are written in double
 * quotes with `&` and `"` escaped, so the result reads back as exactly the values given.
 */
export function rewriteRawHtml(
  html: string,
  rewrite: (element: string, attribute: string, value: string) => string | undefined,
  extra: (element: RawElement) => string = () => '',
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const element of readRawHtml(html).elements) {
    const added = extra(element);
    if (added) edits.push({ start: element.start + 1 + element.name.length, end: element.start + 1 + element.name.length, text: ` ${added}` });
    for (const attribute of element.attributes) {
      const value = rewrite(element.name, attribute.name, attribute.value);
      if (value === undefined || value === attribute.value || attribute.end <= attribute.start) continue;
      edits.push({ start: attribute.start, end: attribute.end, text: `${attribute.name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` });
    }
  }
  let result = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
