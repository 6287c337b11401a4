/**
 * The handbook's search, on Pagefind's JS API. It rewrites everyday questions (src/lib/search),
 * searches the bundle of the edition being read unless asked otherwise (all editions' bundles
 * merged), and falls back to narrower searches merged by page when the strict search finds too
 * little. Loaded only once a reader starts to search.
 */
import { bundlePath } from '../lib/search/bundles.ts';
import { combineScores, isStandardQuestion, isWordingQuestion, rewriteQuery, touchpointsIn, type SynonymRule } from '../lib/search/query.ts';
import { handbookVocabulary } from '../lib/handbook-vocabulary.ts';
import { touchpointWords } from '../lib/vocabulary.ts';

/** The handbook's touchpoint words (vocabulary.yaml's, or the defaults), by touchpoint. */
const TOUCHPOINT_WORDS = touchpointWords(handbookVocabulary);

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

/** The best pages for a query, in order, before their titles and excerpts are fetched. */
export interface Ranking {
  results: readonly PagefindResult[];
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
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  preload(q: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance(o: { basePath: string; baseUrl: string }): Pagefind;
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
/**
 * How much a standard's own record (the promise with its value) counts against a chapter's. For a
 * question about a service time that names a touchpoint ("how fast do we answer emails") the
 * touchpoint's standards are the answer and come first; for one that names none, they compete as
 * pages do, a little below; otherwise they stay below the chapters, as each repeats one sentence.
 */
const STANDARD_QUESTION_FACTOR = 3;
const STANDARD_UNPLACED_FACTOR = 0.6;
const STANDARD_FACTOR = 0.3;
/**
 * The headline standard of a touchpoint (the first its chapter declares) is preferred a little
 * over the touchpoint's other standards: "how fast do we answer emails" asks for the reply, not for
 * the acknowledgement of a longer case, though both sentences hold its words.
 */
const HEADLINE_STANDARD_BONUS = 2;
/** Extra weight, as a share of their score, for pages of the touchpoint a question names. */
const TOUCHPOINT_BONUS = 1;
/** How much matching every word counts, against the sum of the single-word scores. */
const STRICT_BONUS = 2;

/** Pagefind's options, the same for every edition's bundle. */
const PAGEFIND_OPTIONS = { highlightParam: 'highlight', excerptLength: 24, ranking: RANKING };
/** The key of the merged bundles, for a search across all editions. */
const ALL_EDITIONS = '*';

export class SearchEngine {
  private readonly bundles = new Map<string, Promise<Pagefind>>();
  private readonly filterCache = new Map<string, Promise<Set<string>>>();
  private readonly searchCache = new Map<string, Promise<{ results: PagefindResult[] }>>();

  private constructor(
    private readonly pagefind: PagefindModule,
    private readonly config: SearchConfig,
    private readonly root: string,
    private readonly home: string,
  ) {}

  /**
   * Loads the search for a reader of edition `home`, whose bundle also serves Pagefind's code:
   * every bundle carries the same copy, and this one is fetched anyway.
   */
  static async load(base: string, home: string): Promise<SearchEngine> {
    const root = base.endsWith('/') ? base : `${base}/`;
    const [pagefind, config] = await Promise.all([
      import(/* @vite-ignore */ `${root}${bundlePath(home)}pagefind.js`) as Promise<PagefindModule>,
      fetch(`${root}search-config.json`).then((r) => r.json() as Promise<SearchConfig>),
    ]);
    const engine = new SearchEngine(pagefind, config, root, home);
    await engine.bundle(home);
    return engine;
  }

  get editions(): SearchConfig['editions'] {
    return this.config.editions;
  }

  preload(input: string, options: SearchOptions = {}): void {
    const { strict } = rewriteQuery(input, this.config.synonyms);
    if (strict && this.hasBundle(options.edition))
      void this.bundle(options.edition).then((pagefind) => pagefind.preload(strict, { filters: this.filters(options) }));
  }

  private hasBundle(edition: string | undefined): boolean {
    return edition === undefined || this.config.editions.some((e) => e.id === edition);
  }

  /**
   * The bundle of one edition, or of all editions merged (`undefined`): a search across editions
   * shares one Pagefind instance, so its WebAssembly loads once, while a search in one edition
   * never downloads another edition's index.
   */
  private bundle(edition: string | undefined): Promise<Pagefind> {
    const key = edition ?? ALL_EDITIONS;
    let bundle = this.bundles.get(key);
    if (!bundle) {
      bundle = this.openBundle(edition);
      bundle.catch(() => this.bundles.delete(key));
      this.bundles.set(key, bundle);
    }
    return bundle;
  }

  private async openBundle(edition: string | undefined): Promise<Pagefind> {
    const primary = edition ?? this.home;
    const instance = this.pagefind.createInstance({ basePath: `${this.root}${bundlePath(primary)}`, baseUrl: this.root });
    await instance.options(PAGEFIND_OPTIONS);
    await instance.init();
    if (edition === undefined) {
      const others = this.config.editions.filter((e) => e.id !== primary);
      await Promise.all(others.map((e) => instance.mergeIndex(`${this.root}${bundlePath(e.id)}`, { baseUrl: this.root, ...PAGEFIND_OPTIONS })));
    }
    return instance;
  }

  async search(input: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    return { hits: await this.hitsFor(await this.rank(input, options)) };
  }

  /**
   * Titles, sections and excerpts for ranked pages. Each page's details are a download of their
   * own (Pagefind's fragment, about 2 KB), so the box asks for them only for results it will show.
   */
  hitsFor(ranking: Ranking): Promise<SearchHit[]> {
    return Promise.all(ranking.results.map((r) => this.toHit(r)));
  }

  /**
   * The pages that answer a query best, in order: the index's part of a search, without the pages'
   * details. `stale` tells it the answer is no longer wanted; it then returns early with no results.
   */
  async rank(input: string, options: SearchOptions = {}, stale: () => boolean = () => false): Promise<Ranking> {
    const { terms, strict, alternative } = rewriteQuery(input, this.config.synonyms);
    // An edition the handbook does not have (an old link, a typo in ?edition=) has nothing to find.
    if (!strict || !this.hasBundle(options.edition)) return { results: [] };
    const filters = this.filters(options);
    const pagefind = await this.bundle(options.edition);
    const scope = options.edition ?? ALL_EDITIONS;
    const singles = [...new Set([...terms, ...(alternative ? alternative.split(' ') : [])])];
    // Every word on its own (an OR query), plus the whole query and its alternative as a bonus.
    const plan: { query: string; weight: number }[] = [
      { query: strict, weight: STRICT_BONUS },
      ...(alternative ? [{ query: alternative, weight: STRICT_BONUS }] : []),
      ...(singles.length > 1 ? singles.map((w) => ({ query: w, weight: 1 })) : []),
    ];
    // One search at a time, so that a ranking a newer key has made stale stops early instead of
    // keeping Pagefind busy (on a large index each search takes tens of milliseconds).
    const lists: { results: PagefindResult[]; weight: number }[] = [];
    for (const step of plan) {
      if (stale()) return { results: [] };
      lists.push({ results: (await this.searchOnce(pagefind, scope, step.query, filters)).results, weight: step.weight });
    }
    // A question about a touchpoint ("pick up the phone") prefers that touchpoint's chapters: the
    // words' own scores are counted once more for pages tagged with it.
    const touchpoints = touchpointsIn(singles.length ? singles : terms, TOUCHPOINT_WORDS);
    const taggedIds = touchpoints.length > 0 ? await this.pagesWith(pagefind, scope, { ...filters, touchpoint: { any: touchpoints } }) : new Set<string>();
    if (touchpoints.length > 0) {
      for (const list of [...lists]) {
        lists.push({ results: list.results.filter((r) => taggedIds.has(r.id)), weight: list.weight * TOUCHPOINT_BONUS });
      }
    }
    // Glossary definitions are short and dense, so they would outrank the chapter that explains a
    // topic in full; they still show, below the chapters that match as well.
    const [glossary, editorial, standards, headlines] = await Promise.all([
      this.pagesWith(pagefind, scope, { ...filters, kind: 'glossary' }),
      this.pagesWith(pagefind, scope, { ...filters, kind: 'editorial' }),
      this.pagesWith(pagefind, scope, { ...filters, kind: 'standard' }),
      this.pagesWith(pagefind, scope, { ...filters, kind: 'standard', standard: 'headline' }),
    ]);
    const aboutStandard = isStandardQuestion(input);
    const placedFactor = (id: string) => (touchpoints.length === 0 ? STANDARD_UNPLACED_FACTOR : taggedIds.has(id) ? STANDARD_QUESTION_FACTOR : STANDARD_FACTOR);
    const standardFactor = (id: string) => (!aboutStandard ? STANDARD_FACTOR : placedFactor(id) * (headlines.has(id) ? HEADLINE_STANDARD_BONUS : 1));
    const wording = isWordingQuestion(input, this.config.synonyms);
    const glossaryFactor = wording ? GLOSSARY_WORDING_FACTOR : GLOSSARY_FACTOR;
    // Pages written for editors (how to write chapters) answer staff questions only by accident.
    const factorOf = (id: string) =>
      standards.has(id) ? standardFactor(id) : glossary.has(id) ? glossaryFactor : editorial.has(id) && !wording ? EDITORIAL_FACTOR : 1;
    const byId = new Map<string, PagefindResult>();
    for (const list of lists) for (const r of list.results) if (!byId.has(r.id)) byId.set(r.id, r);
    const order = combineScores(lists.map((l) => ({ hits: l.results.map((r) => ({ id: r.id, score: r.score * factorOf(r.id) })), weight: l.weight })));
    return { results: order.slice(0, options.limit ?? 8).map((id) => byId.get(id)!) };
  }

  /**
   * One Pagefind search, kept for the next ones: as a reader types "caller on hold too long", each
   * finished word is searched again at every key, and on a large index each search costs tens of
   * milliseconds. The oldest answers are dropped past a few hundred.
   */
  private searchOnce(pagefind: Pagefind, scope: string, query: string, filters: Record<string, unknown>): Promise<{ results: PagefindResult[] }> {
    const key = `${scope}\u0000${query}\u0000${JSON.stringify(filters)}`;
    let answer = this.searchCache.get(key);
    if (!answer) {
      answer = pagefind.search(query, { filters });
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
  private pagesWith(pagefind: Pagefind, scope: string, filters: Record<string, unknown>): Promise<Set<string>> {
    const key = `${scope}\u0000${JSON.stringify(filters)}`;
    let ids = this.filterCache.get(key);
    if (!ids) {
      ids = pagefind.search(null, { filters }).then((r) => new Set(r.results.map((x) => x.id)));
      this.filterCache.set(key, ids);
    }
    return ids;
  }

  /** Pagefind filters for the options; the edition is not one of them, as each edition has its own bundle. */
  private filters(options: SearchOptions): Record<string, unknown> {
    const filters: Record<string, unknown> = {};
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
