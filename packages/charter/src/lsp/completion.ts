/**
 * Completion from what the checker accepts, so an editor offers only values the build takes:
 * frontmatter fields (from the chapter schema) and their values (types, touchpoints and
 * audiences from the handbook's vocabulary), component names in MDX chapters, each component's
 * props, and the values of props that take a list (a Callout's type, a TouchpointBadge's
 * touchpoint, a Term's glossary id, a Standard's id from the chapter's edition).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver/node';
import { ALLOWED_COMPONENTS, COMPONENT_PROPS, componentPropValues, type AllowedComponent } from '../lint/allowed-components.ts';
import { chapterFrontmatterFor, type GlossaryEntry } from '../lib/schemas.ts';
import { statementOf, type EditionStandard } from '../lib/standards.ts';
import type { Vocabulary, VocabularyList } from '../lib/vocabulary.ts';

export interface CompletionSource {
  vocabulary: Vocabulary;
  glossary: readonly GlossaryEntry[];
  /** `md` chapters take no components. */
  format: 'md' | 'mdx';
  /** The standards the chapter's edition declares, for `<Standard id>`. */
  standards?: readonly Pick<EditionStandard, 'id' | 'statement' | 'target'>[] | undefined;
}

/** The frontmatter fields whose values come from a vocabulary list. */
const FIELD_LISTS: Readonly<Record<string, VocabularyList>> = { type: 'types', touchpoints: 'touchpoints', audience: 'audiences' };

/** Whether a 0-based line lies inside the frontmatter block that opens the file. */
export function inFrontmatter(lines: readonly string[], line: number): boolean {
  if (lines[0]?.trim() !== '---' || line === 0) return false;
  for (let i = 1; i < lines.length; i++) if (lines[i]!.trim() === '---') return line < i;
  return true;
}

/** The frontmatter field a line belongs to: its own key, or the key above a list item. */
function fieldOf(lines: readonly string[], line: number): { key: string; sameLine: boolean } | undefined {
  const own = /^([A-Za-z]+):/.exec(lines[line] ?? '');
  if (own) return { key: own[1]!, sameLine: true };
  for (let i = line - 1; i > 0; i--) {
    const key = /^([A-Za-z]+):/.exec(lines[i]!);
    if (key) return { key: key[1]!, sameLine: false };
    if (!/^\s+-|^\s*$/.test(lines[i]!)) return undefined;
  }
  return undefined;
}

function vocabularyItems(vocabulary: Vocabulary, list: VocabularyList): CompletionItem[] {
  return vocabulary[list].map((entry) => ({ label: entry.id, detail: entry.label, kind: CompletionItemKind.EnumMember }));
}

export function frontmatterCompletions(lines: readonly string[], line: number, character: number, source: CompletionSource): CompletionItem[] {
  const before = (lines[line] ?? '').slice(0, character);
  const field = fieldOf(lines, line);
  if (/^[A-Za-z]*$/.test(before)) {
    const present = new Set(lines.flatMap((text) => /^([A-Za-z]+):/.exec(text)?.slice(1, 2) ?? []));
    return Object.keys(chapterFrontmatterFor(source.vocabulary).shape)
      .filter((name) => !present.has(name))
      .map((name) => ({ label: name, kind: CompletionItemKind.Field, insertText: `${name}: ` }));
  }
  const list = field && FIELD_LISTS[field.key];
  if (!list) return [];
  // After the colon, in a [flow, list], or on a `- item` line below the key.
  if (field.sameLine && !/^[A-Za-z]+:\s*(\[[^\]]*)?$|^[A-Za-z]+:\s*[\w-]*$/.test(before)) return [];
  return vocabularyItems(source.vocabulary, list);
}

export function bodyCompletions(lineText: string, character: number, source: CompletionSource): CompletionItem[] {
  if (source.format === 'md') return [];
  const before = lineText.slice(0, character);
  const value = /<([A-Z][A-Za-z]*)\b[^<>]*\s([a-z][A-Za-z]*)=["']([^"']*)$/.exec(before);
  if (value) return propValueItems(value[1]!, value[2]!, source);
  const prop = /<([A-Z][A-Za-z]*)\b[^<>]*\s([a-z][A-Za-z]*)?$/.exec(before);
  if (prop) return propItems(prop[1]!, before);
  if (/<([A-Z][A-Za-z]*)?$/.test(before)) return componentItems();
  return [];
}

function isComponent(name: string): name is AllowedComponent {
  return (ALLOWED_COMPONENTS as readonly string[]).includes(name);
}

function componentItems(): CompletionItem[] {
  return ALLOWED_COMPONENTS.map((name) => {
    const props = COMPONENT_PROPS[name];
    const attributes = props.map((prop, i) => ` ${prop}="$${i + 1}"`).join('');
    return {
      label: name,
      kind: CompletionItemKind.Class,
      detail: props.length > 0 ? `<${name}${props.map((p) => ` ${p}`).join('')}>` : `<${name}>`,
      insertText: `${name}${attributes}>$0</${name}>`,
      insertTextFormat: InsertTextFormat.Snippet,
    };
  });
}

function propItems(component: string, before: string): CompletionItem[] {
  if (!isComponent(component)) return [];
  const written = new Set([...before.matchAll(/\s([a-z][A-Za-z]*)=/g)].map((m) => m[1]));
  return COMPONENT_PROPS[component]
    .filter((prop) => !written.has(prop))
    .map((prop) => ({ label: prop, kind: CompletionItemKind.Property, insertText: `${prop}="$1"`, insertTextFormat: InsertTextFormat.Snippet }));
}

function propValueItems(component: string, prop: string, source: CompletionSource): CompletionItem[] {
  if (!isComponent(component)) return [];
  if (component === 'Term' && prop === 'id')
    return source.glossary.map((entry) => ({ label: entry.id, detail: entry.term, documentation: entry.definition, kind: CompletionItemKind.Value }));
  if (component === 'Standard' && prop === 'id')
    return (source.standards ?? []).map((standard) => ({ label: standard.id, detail: statementOf(standard), kind: CompletionItemKind.Value }));
  const choices = componentPropValues(source.vocabulary)[component]?.[prop];
  return (choices?.values ?? []).map((value) => ({ label: value, kind: CompletionItemKind.EnumMember }));
}
