/**
 * A quick-reference card per touchpoint and edition, from the touchpoint's procedure chapter: its
 * standards, the key steps, what to say, the checklist and where to escalate. Pure: the chapter's
 * text in, plain text out, so the card is the same wherever it is shown.
 *
 * A card must print on one A4 page, so it is a digest, not the chapter: a step is its heading only
 * (the bold words it opens with, else its first sentence); what to say is the first few
 * `<SayThis>` of the chapter; the checklist keeps its first items; where to escalate is the
 * sentences of the chapter that say to escalate. What is cut is counted, and the card says so and
 * points to the chapter.
 */
import type { Root, RootContent } from 'mdast';
import { parseChapter } from './mdx-parser.ts';
import type { ChapterFormat } from './chapter-files.ts';
import { formatTarget, statementOf, type EditionStandard } from './standards.ts';

/** How much of each part a card keeps; chosen so that the longest of them still fits one A4 page. */
export const CARD_LIMITS = { steps: 10, sayThis: 3, sayThisCharacters: 220, checklist: 10, escalation: 2, escalationCharacters: 300 } as const;

export interface CardSaying {
  context?: string | undefined;
  words: string;
}

export interface TouchpointCard {
  steps: string[];
  sayThis: CardSaying[];
  checklist: string[];
  escalation: string[];
  /** How many steps, sayings and checklist items the card left out. */
  cut: { steps: number; sayThis: number; checklist: number };
}

type Node = Root | RootContent;

const isJsx = (node: Node, name: string): boolean => (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name;

function attribute(node: Node, name: string): string | undefined {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
  const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return found && typeof found.value === 'string' ? found.value : found && found.value === null ? '' : undefined;
}

/** A node's text as a reader sees it: a `<Standard>` as its sentence or value, other components as their content. */
export function plainText(node: Node, standards: readonly EditionStandard[]): string {
  if (isJsx(node, 'Standard')) {
    const standard = standards.find((s) => s.id === attribute(node, 'id'));
    if (!standard) return '';
    return attribute(node, 'value') !== undefined ? formatTarget(standard.target) : statementOf(standard);
  }
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) {
    const separator = node.type === 'list' || node.type === 'root' || node.type === 'mdxJsxFlowElement' ? ' ' : '';
    return (node.children as Node[]).map((child) => plainText(child, standards)).join(separator);
  }
  return '';
}

const tidy = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > limit / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[,;:]$/, '')}…`;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  if ('children' in node) for (const child of node.children as Node[]) yield* walk(child);
}

/** The first sentence of a text. */
function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text);
  return match ? match[0] : text;
}

/** A step's heading: the bold words it opens with ("Be ready."), else its first sentence. */
function stepHeading(item: Node, standards: readonly EditionStandard[]): string {
  const paragraph = 'children' in item ? (item.children as Node[]).find((c) => c.type === 'paragraph') : undefined;
  const opening = paragraph && 'children' in paragraph ? (paragraph.children as Node[])[0] : undefined;
  if (opening?.type === 'strong') return tidy(plainText(opening, standards));
  return tidy(firstSentence(tidy(plainText(paragraph ?? item, standards))));
}

function listItems(node: Node): Node[] {
  const list = [...walk(node)].find((n) => n.type === 'list');
  return list && 'children' in list ? (list.children as Node[]) : [];
}

/** The sentences of a text that say to escalate (any form of the word), as a reader would read them. */
function escalationSentences(root: Root, standards: readonly EditionStandard[]): string[] {
  const paragraphs = [...walk(root)].filter((n) => n.type === 'paragraph');
  const sentences = paragraphs.flatMap((p) => tidy(plainText(p, standards)).split(/(?<=[.!?])\s+/));
  return sentences.filter((s) => /\bescalat/i.test(s));
}

/** The card of a procedure chapter (its body, without frontmatter, or with it: the parser sets it apart). */
export function cardOf(body: string, format: ChapterFormat, standards: readonly EditionStandard[]): TouchpointCard {
  const root = parseChapter(body, format);
  const nodes = [...walk(root)];
  const stepsBlock = nodes.find((n) => isJsx(n, 'Steps'));
  const steps = stepsBlock ? listItems(stepsBlock).map((item) => stepHeading(item, standards)) : [];
  const sayings = nodes
    .filter((n) => isJsx(n, 'SayThis'))
    .map((n) => ({ context: attribute(n, 'context'), words: shorten(tidy(plainText(n, standards)), CARD_LIMITS.sayThisCharacters) }));
  const checklistBlock = nodes.find((n) => isJsx(n, 'Checklist'));
  const checklist = checklistBlock ? listItems(checklistBlock).map((item) => tidy(plainText(item, standards))) : [];
  const escalation = escalationSentences(root, standards)
    .slice(0, CARD_LIMITS.escalation)
    .map((s) => shorten(s, CARD_LIMITS.escalationCharacters));
  return {
    steps: steps.slice(0, CARD_LIMITS.steps),
    sayThis: sayings.slice(0, CARD_LIMITS.sayThis),
    checklist: checklist.slice(0, CARD_LIMITS.checklist),
    escalation,
    cut: {
      steps: Math.max(0, steps.length - CARD_LIMITS.steps),
      sayThis: Math.max(0, sayings.length - CARD_LIMITS.sayThis),
      checklist: Math.max(0, checklist.length - CARD_LIMITS.checklist),
    },
  };
}

/** Where a touchpoint's card comes from: its procedure chapter, the one that declares its standards first. */
export function cardChapter<C extends { slug: string; data: { type: string; touchpoints: readonly string[] } }>(
  chapters: readonly C[],
  touchpoint: string,
  standards: readonly Pick<EditionStandard, 'touchpoint' | 'chapter'>[],
): C | undefined {
  const procedures = chapters.filter((c) => c.data.type === 'procedure' && c.data.touchpoints.includes(touchpoint));
  const declaring = standards.find((s) => s.touchpoint === touchpoint && procedures.some((c) => c.slug === s.chapter.slug));
  return (declaring && procedures.find((c) => c.slug === declaring.chapter.slug)) ?? procedures[0];
}

/** The addresses of an edition's cards. */
export const cardsUrl = (edition: string): string => `/cards/${edition}/`;
export const cardUrl = (edition: string, touchpoint: string): string => `/cards/${edition}/${touchpoint}/`;
