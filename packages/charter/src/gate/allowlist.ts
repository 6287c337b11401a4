/**
 * What a chapter may write as JSX: each HTML element the handbook allows with its attributes, and
 * each component with its props. Everything else is refused: this is an allowlist, so a new
 * attribute (`ping`, `set:html`, `is:raw`, `client:load`, `on…`, `style`) is refused until
 * someone decides it is safe and adds it here.
 */
import { COMPONENT_PROPS } from '../lint/allowed-components.ts';

/** Attributes any allowed element may carry. */
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'] as const;

/** Plain HTML elements and their own attributes. */
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang'],
  abbr: [],
  b: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes whose value is a URL, and what the URL is used for. */
export const URL_ATTRIBUTES: Readonly<Record<string, 'link' | 'image' | 'image-set' | 'citation'>> = {
  href: 'link',
  src: 'image',
  srcset: 'image-set',
  cite: 'citation',
};

/** Elements that run code, embed other pages or restyle the page, named in their own message. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'style',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'link',
  'meta',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
  'fencedframe',
]);

export function isAllowedElement(name: string): boolean {
  return Object.hasOwn(ELEMENTS, name);
}

export function isComponent(name: string): boolean {
  return Object.hasOwn(COMPONENT_PROPS, name);
}

/** The attributes an element or component accepts, or undefined when it is not allowed at all. */
export function allowedAttributes(name: string): readonly string[] | undefined {
  if (isComponent(name)) return COMPONENT_PROPS[name as keyof typeof COMPONENT_PROPS];
  if (isAllowedElement(name)) return [...GLOBAL_ATTRIBUTES, ...ELEMENTS[name]!];
  return undefined;
}

export const ALLOWED_ELEMENT_NAMES: readonly string[] = Object.keys(ELEMENTS);
