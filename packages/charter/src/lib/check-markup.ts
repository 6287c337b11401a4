/**
 * The rendered content of a `<Check>` taken apart for the component: each option's HTML and
 * whether it is the right one (from the task-list box the compiler rendered), and the explanation
 * after the list. The gate has already refused a check whose content is not one list of boxed
 * options followed by an explanation (src/gate/knowledge-checks.ts); this reads what it let through.
 */
import { parseFragment, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

export interface CheckMarkup {
  options: { html: string; right: boolean }[];
  whyHtml: string;
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const isBlank = (node: Node) => node.nodeName === '#text' && !('value' in node && node.value.trim() !== '');

function html(nodes: readonly Node[]): string {
  return nodes
    .map((node) => serializeOuter(node))
    .join('')
    .trim();
}

/** An option's content without its box, and without the paragraph a loose list wraps it in. */
function optionOf(item: Element): { html: string; right: boolean } {
  const box = item.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'input');
  const right = box?.attrs.some((a) => a.name === 'checked') ?? false;
  const rest = item.childNodes.filter((n) => n !== box);
  const content = rest.filter((n) => !isBlank(n));
  const only = content.length === 1 ? content[0]! : undefined;
  if (only && isElement(only) && only.tagName === 'p') {
    const inner = only.childNodes.filter((n) => !(isElement(n) && n.tagName === 'input'));
    return {
      html: html(inner),
      right: right || only.childNodes.some((n) => isElement(n) && n.tagName === 'input' && n.attrs.some((a) => a.name === 'checked')),
    };
  }
  return { html: html(rest), right };
}

export function readCheckMarkup(rendered: string): CheckMarkup {
  const nodes = parseFragment(rendered).childNodes;
  const listAt = nodes.findIndex((n) => isElement(n) && (n.tagName === 'ul' || n.tagName === 'ol'));
  if (listAt === -1) throw new Error('<Check>: no list of options found; write the options as "- [ ] …" and "- [x] …" lines.');
  const list = nodes[listAt] as Element;
  const options = list.childNodes.filter((n): n is Element => isElement(n) && n.tagName === 'li').map(optionOf);
  return { options, whyHtml: html(nodes.slice(listAt + 1)) };
}
