/**
 * Search synonyms, built from the glossary (one source of truth): every variant the glossary says
 * to avoid leads to its preferred term, plus everyday phrases editors list in search-phrases.yaml.
 */
import type { GlossaryEntry } from '../schemas.ts';
import { tokenize, type SynonymRule } from './query.ts';

export interface EverydayPhrase {
  /** What staff type, e.g. "angry". */
  phrase: string;
  /** The handbook's words for it, e.g. "complaint conflict". */
  means: string;
}

export function buildSynonymRules(glossary: readonly GlossaryEntry[], everyday: readonly EverydayPhrase[] = []): SynonymRule[] {
  const rules: SynonymRule[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, kind: SynonymRule['kind']) => {
    const words = tokenize(from);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key) || key === tokenize(to).join(' ')) return;
    seen.add(key);
    rules.push({ from: words, to, kind });
  };
  for (const entry of glossary) {
    for (const variant of entry.variants) add(variant.text, entry.term, 'variant');
  }
  for (const p of everyday) add(p.phrase, p.means, 'everyday');
  return rules;
}
