/**
 * The handbook's search, on Pagefind's JS API. It rewrites everyday questions (src/lib/search),
 * scopes results to the edition being read unless asked otherwise, and falls back to narrower
 * searches merged by page when the strict search finds too little. Loaded only once a reader
 * starts to search.
 */
import { combineScores, isWordingQuestion, rewriteQuery, touchpointsIn, type SynonymRule } from '../lib/search/query.ts';
import { TOUCHPOINT_WORDS } from '../lib/vocabulary.ts';

export interface SearchConfig {
  synonyms: SynonymRule[];
  editions: { id: string; title: string; status: 'current' | 'archived' | 'draft' }[];
}

export interface SearchOptions {
  /** Limit to one edition; all editions when undefined. */
  edition?: string | undefined;
  touchpoints?: string[];
  types?: string[];
  limit?: number;
}

export interface SearchHit {
  id: string;
  url: string;
  title: string;
  edition: string;
  section: string;
  /** The heading inside the page that matched best, when there is one. */
  subTitle?: string;
  excerpt: string;
}

export interface SearchOutcome {
  hits: SearchHit[];
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(q: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}

/**
 * Pagefind's ranking, tuned with `npm run search:eval` on both query sets. A lower pageLength stops
 * very short records (glossary entries) outranking the chapter that explains a topic in full; a
 * title weight above Pagefind's default 5 puts the chapter named after a word ahead of pages that
 * only mention it.
 */
const RANKING = { pageLength: 0.5, termSaturation: 1.0, termFrequency: 0.8, metaWeights: { title: 10 } };
/** How many Pagefind answers a page keeps for reuse while a reader types. */
const SEARCH_CACHE_SIZE = 300;
/** How much a glossary definition's score counts against a chapter's. */
const GLOSSARY_FACTOR = 0.4;
/** How much a page written only for editors counts against one written for staff. */
const EDITORIAL_FACTOR = 0.4;
/** …and for a question about wording itself, where a definition is the best answer. */
const GLOSSARY_WORDING_FACTOR = 2;
/** Extra weight, as a share of their score, for pages of the touchpoint a question names. */
const TOUCHPOINT_BONUS = 1;
/** How much matching every word counts, against the sum of the single-word scores. */
const STRICT_BONUS = 2;

export class SearchEngine {
  private readonly filterCache = new Map<string, Promise<Set<string>>>();
  private readonly searchCache = new Map<string, Promise<{ results: PagefindResult[] }>>();

  private constructor(
    private readonly pagefind: Pagefind,
    private readonly config: SearchConfig,
  ) {}

  static async load(base: string): Promise<SearchEngine> {
    const root = base.endsWith('/') ? base : `${base}/`;
    const [pagefind, config] = await Promise.all([
      import(/* @vite-ignore */ `${root}pagefind/pagefind.js`) as Promise<Pagefind>,
      fetch(`${root}search-config.json`).then((r) => r.json() as Promise<SearchConfig>),
    ]);
    await pagefind.options({ baseUrl: root, highlightParam: 'highlight', excerptLength: 24, ranking: RANKING });
    await pagefind.init();
    return new SearchEngine(pagefind, config);
  }

  get editions(): SearchConfig['editions'] {
    return this.config.editions;
  }

  preload(input: string, options: SearchOptions = {}): void {
    const { strict } = rewriteQuery(input, this.config.synonyms);
    if (strict) void this.pagefind.preload(strict, { filters: this.filters(options) });
  }

  async search(input: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const { terms, strict, alternative } = rewriteQuery(input, this.config.synonyms);
    if (!strict) return { hits: [] };
    const filters = this.filters(options);
    const singles = [...new Set([...terms, ...(alternative ? alternative.split(' ') : [])])];
    // Every word on its own (an OR query), plus the whole query and its alternative as a bonus.
    const plan: { query: string; weight: number }[] = [
      { query: strict, weight: STRICT_BONUS },
      ...(alternative ? [{ query: alternative, weight: STRICT_BONUS }] : []),
      ...(singles.length > 1 ? singles.map((w) => ({ query: w, weight: 1 })) : []),
    ];
    const searches = await Promise.all(plan.map((p) => this.searchOnce(p.query, filters)));
    const lists = searches.map((s, i) => ({ results: s.results, weight: plan[i]!.weight }));
    // A question about a touchpoint ("pick up the phone") prefers that touchpoint's chapters: the
    // words' own scores are counted once more for pages tagged with it.
    const touchpoints = touchpointsIn(singles.length ? singles : terms, TOUCHPOINT_WORDS);
    if (touchpoints.length > 0) {
      const taggedIds = await this.pagesWith({ ...filters, touchpoint: { any: touchpoints } });
      for (const list of [...lists]) {
        lists.push({ results: list.results.filter((r) => taggedIds.has(r.id)), weight: list.weight * TOUCHPOINT_BONUS });
      }
    }
    // Glossary definitions are short and dense, so they would outrank the chapter that explains a
    // topic in full; they still show, below the chapters that match as well.
    const [glossary, editorial] = await Promise.all([
      this.pagesWith({ ...filters, kind: 'glossary' }),
      this.pagesWith({ ...filters, kind: 'editorial' }),
    ]);
    const wording = isWordingQuestion(input, this.config.synonyms);
    const glossaryFactor = wording ? GLOSSARY_WORDING_FACTOR : GLOSSARY_FACTOR;
    // Pages written for editors (how to write chapters) answer staff questions only by accident.
    const factorOf = (id: string) => (glossary.has(id) ? glossaryFactor : editorial.has(id) && !wording ? EDITORIAL_FACTOR : 1);
    const byId = new Map<string, PagefindResult>();
    for (const list of lists) for (const r of list.results) if (!byId.has(r.id)) byId.set(r.id, r);
    const order = combineScores(
      lists.map((l) => ({ hits: l.results.map((r) => ({ id: r.id, score: r.score * factorOf(r.id) })), weight: l.weight })),
    );
    const top = order.slice(0, options.limit ?? 8).map((id) => byId.get(id)!);
    const hits = await Promise.all(top.map((r) => this.toHit(r)));
    return { hits };
  }

  /**
   * One Pagefind search, kept for the next ones: as a reader types "caller on hold too long", each
   * finished word is searched again at every key, and on a large index each search costs tens of
   * milliseconds. The oldest answers are dropped past a few hundred.
   */
  private searchOnce(query: string, filters: Record<string, unknown>): Promise<{ results: PagefindResult[] }> {
    const key = `${query}\u0000${JSON.stringify(filters)}`;
    let answer = this.searchCache.get(key);
    if (!answer) {
      answer = this.pagefind.search(query, { filters });
      // A failed search is not kept, so the next key tries again.
      answer.catch(() => this.searchCache.delete(key));
      this.searchCache.set(key, answer);
      if (this.searchCache.size > SEARCH_CACHE_SIZE) this.searchCache.delete(this.searchCache.keys().next().value!);
    }
    return answer;
  }

  /**
   * Every page matching a set of filters. The answer depends only on the filters, so it is kept
   * rather than asked again on every keystroke.
   */
  private pagesWith(filters: Record<string, unknown>): Promise<Set<string>> {
    const key = JSON.stringify(filters);
    let ids = this.filterCache.get(key);
    if (!ids) {
      ids = this.pagefind.search(null, { filters }).then((r) => new Set(r.results.map((x) => x.id)));
      this.filterCache.set(key, ids);
    }
    return ids;
  }

  private filters(options: SearchOptions): Record<string, unknown> {
    const filters: Record<string, unknown> = {};
    if (options.edition) filters.edition = options.edition;
    if (options.touchpoints?.length) filters.touchpoint = { any: options.touchpoints };
    if (options.types?.length) filters.type = { any: options.types };
    return filters;
  }

  private async toHit(result: PagefindResult): Promise<SearchHit> {
    const data = await result.data();
    const sub = bestSubResult(data);
    const hit: SearchHit = {
      id: result.id,
      url: sub?.url ?? data.url,
      title: data.meta.title ?? data.url,
      edition: data.meta.edition ?? '',
      section: data.meta.section ?? '',
      excerpt: sub?.excerpt ?? data.excerpt,
    };
    if (sub) hit.subTitle = sub.title;
    return hit;
  }
}

/** The section of the page with the most matches, skipping the page-level entry when a heading matched. */
function bestSubResult(data: PagefindData): PagefindSubResult | undefined {
  const subs = (data.sub_results ?? []).filter((s) => s.url.includes('#'));
  if (subs.length === 0) return undefined;
  return [...subs].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
}
