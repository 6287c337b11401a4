/**
 * Raw HTML of an imported page, made into HTML the handbook's gate accepts, with every change
 * named: elements that run code, embed pages or restyle the site are taken out (an embedded page
 * becomes a link to it), unknown elements are unwrapped so their text stays, attributes outside the
 * allowlist are dropped, addresses are rewritten by the caller, and HTML that does not end where it
 * starts has its `<` written as text. The judge is the same allowlist the build uses
 * (gate/allowlist.ts), read with the same HTML parser (gate/raw-html.ts).
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { allowedAttributes, FORBIDDEN_ELEMENTS, URL_ATTRIBUTES } from '../gate/allowlist.ts';
import { isPlainComment } from '../gate/check-tree.ts';
import { readRawHtml } from '../gate/raw-html.ts';
import { imageSourceProblem } from '../gate/urls.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface HtmlRepair {
  html: string;
  /** What was changed, in words for the report. */
  changes: string[];
  /** Things a person should look at (an embedded video turned into a link, an image from another host). */
  needs: string[];
  /** Text that left the page with what was removed, for the check that no words were lost. */
  removedText: string[];
}

/** What to do with an address: the new one, or a reason to drop the link (its text stays). */
export type UrlRewrite = (kind: 'link' | 'image', url: string) => string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Repairs one raw HTML block or inline tag of a Markdown page. */
export function repairHtml(html: string, rewrite: UrlRewrite): HtmlRepair {
  const repair: HtmlRepair = { html, changes: [], needs: [], removedText: [] };
  if (isPlainComment(html.trim())) return repair;
  const reading = readRawHtml(html);
  if (reading.problems.length > 0) {
    // HTML a browser would read past its end: written as text, so every word shows and nothing runs.
    repair.html = html.replace(/</g, '&lt;');
    repair.changes.push(`wrote HTML with ${reading.problems[0]!.message} as text`);
    return repair;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.nodeName === '#comment') {
        const place = node.sourceCodeLocation;
        if (place && !isPlainComment(html.slice(place.startOffset, place.endOffset))) {
          edits.push({ start: place.startOffset, end: place.endOffset, text: '' });
          repair.changes.push('removed a comment a browser would not read as one');
        }
        continue;
      }
      if (!('tagName' in node)) continue;
      const element = node as Element;
      const place = element.sourceCodeLocation;
      // Elements the parser adds itself (a <tbody> around table rows) have no tags to change.
      if (!place?.startTag) {
        visit(element.childNodes);
        continue;
      }
      const name = element.tagName;
      if (FORBIDDEN_ELEMENTS.has(name) || name === 'video' || name === 'audio') {
        const source = element.attrs.find((a) => a.name === 'src' || a.name === 'data')?.value;
        const text = textOf(element);
        const replacement = source && /^https?:\/\//i.test(source) ? `<a href="${escapeAttribute(source)}">${escapeText(source)}</a>` : '';
        edits.push({ start: place.startOffset, end: place.endOffset, text: replacement });
        if (text.trim()) repair.removedText.push(text);
        repair.changes.push(`removed <${name}>${replacement ? ' and linked to what it embedded' : ''}`);
        repair.needs.push(
          replacement
            ? `<${name}> embedded ${source}: the handbook shows nothing from other hosts, so it is now a link; check that the link is enough`
            : `<${name}> removed: the handbook runs no code and embeds nothing`,
        );
        continue;
      }
      const allowed = allowedAttributes(name);
      if (allowed === undefined) {
        // Unknown elements (<font>, <center>, <section>) go; their text stays.
        edits.push({ start: place.startTag.startOffset, end: place.startTag.endOffset, text: '' });
        if (place.endTag) edits.push({ start: place.endTag.startOffset, end: place.endTag.endOffset, text: '' });
        repair.changes.push(`unwrapped <${name}>, keeping its text`);
        visit(element.childNodes);
        continue;
      }
      const kept: string[] = [];
      let changed = false;
      let externalImage: string | undefined;
      for (const attribute of element.attrs) {
        const attributeName = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
        if (!allowed.includes(attributeName)) {
          changed = true;
          repair.changes.push(`removed the ${attributeName} attribute from <${name}>`);
          continue;
        }
        let value = attribute.value;
        const use = URL_ATTRIBUTES[attributeName];
        if (use === 'link' || use === 'image') {
          const rewritten = rewrite(use, value);
          if (rewritten !== value) {
            changed = true;
            value = rewritten;
          }
          if (use === 'image' && imageSourceProblem(value)) externalImage = value;
        }
        if (use === 'image-set') {
          changed = true;
          repair.changes.push(`removed the srcset attribute from <${name}>`);
          continue;
        }
        kept.push(`${attributeName}="${escapeAttribute(value)}"`);
      }
      if (externalImage !== undefined) {
        const alt = element.attrs.find((a) => a.name === 'alt')?.value ?? '';
        // An image from another host, or a file a browser cannot show as one (.tiff): a link to it.
        const link = /^https?:\/\//i.test(externalImage) || !/^[a-z][a-z0-9+.-]*:/i.test(externalImage) ? externalImage : '';
        edits.push({
          start: place.startOffset,
          end: place.endOffset,
          text: link ? `<a href="${escapeAttribute(link)}">${escapeText(alt || link)}</a>` : escapeText(alt),
        });
        if (/^https?:\/\//i.test(externalImage)) {
          repair.changes.push('turned an image from another host into a link to it');
          repair.needs.push(`image ${externalImage}: download it into the content folder next to the chapter and show it from there`);
        } else {
          repair.changes.push('turned an image a browser cannot show into a link to the file');
        }
        continue;
      }
      if (changed) {
        const selfClosing = VOID.has(name) && /\/\s*>$/.test(html.slice(place.startTag.startOffset, place.startTag.endOffset));
        edits.push({
          start: place.startTag.startOffset,
          end: place.startTag.endOffset,
          text: `<${name}${kept.map((a) => ` ${a}`).join('')}${selfClosing ? ' />' : '>'}`,
        });
      }
      visit('content' in element ? [] : element.childNodes);
    }
  };
  visit(fragment.childNodes);
  let result = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  repair.html = result;
  return repair;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join(' ') : '';
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
