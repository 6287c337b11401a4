/**
 * Hover on a glossary term: its definition, and for a variant the term to use instead and why,
 * from the handbook's own glossary (the one the checker, the glossary page and search read). A
 * `<Term id="…">` shows the entry it names.
 */
import type { GlossaryEntry } from '../lib/schemas.ts';

export interface GlossaryHit {
  entry: GlossaryEntry;
  /** The words under the cursor, as written. */
  text: string;
  /** The variant they are, when they are not the term itself. */
  variant?: { text: string; reason: string };
  /** 0-based characters on the line. */
  start: number;
  end: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a pattern: whole words, any case, any space or hyphen between words, plural and possessive endings. */
function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?:e?s)?(?:'s|s'|’s)?(?![\\p{L}\\p{N}])`, 'giu');
}

/** The glossary term or variant under a character of a line; the longest one when several cover it. */
export function glossaryHitAt(line: string, character: number, glossary: readonly GlossaryEntry[]): GlossaryHit | undefined {
  const termTag = termTagAt(line, character, glossary);
  if (termTag) return termTag;
  let best: GlossaryHit | undefined;
  for (const entry of glossary) {
    const candidates = [{ text: entry.term, variant: undefined }, ...entry.variants.map((variant) => ({ text: variant.text, variant }))];
    for (const candidate of candidates) {
      for (const match of line.matchAll(phrasePattern(candidate.text))) {
        const start = match.index;
        const end = start + match[0].length;
        if (character < start || character > end) continue;
        if (!best || end - start > best.end - best.start)
          best = { entry, text: match[0], start, end, ...(candidate.variant ? { variant: candidate.variant } : {}) };
      }
    }
  }
  return best;
}

function termTagAt(line: string, character: number, glossary: readonly GlossaryEntry[]): GlossaryHit | undefined {
  for (const match of line.matchAll(/<Term\b[^>]*?\bid=["']([^"']+)["'][^>]*>/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const entry = glossary.find((candidate) => candidate.id === match[1]);
    if (entry && character >= start && character <= end) return { entry, text: match[0], start, end };
  }
  return undefined;
}

/** The hover's text, in Markdown. */
export function hoverMarkdown(hit: GlossaryHit): string {
  const lines = [`**${hit.entry.term}**: ${hit.entry.definition}`];
  if (hit.variant) lines.push('', `Write “${hit.entry.term}”, not “${hit.variant.text}”: ${hit.variant.reason}`);
  if (hit.entry.chapter) lines.push('', `Explained in ${hit.entry.chapter}`);
  return lines.join('\n');
}
