/**
 * Where a chapter's frontmatter ends and its body begins, exactly as the site builder decides it
 * (see frontmatter.ts, which re-exports it with the checks of the frontmatter's shape and fields).
 * A module of its own, without the YAML readers and the schemas, so that the gate's parser process
 * (gate/compiler-process.ts), which only needs the body, loads quickly.
 */

export interface FrontmatterSplit {
  /** The text between the fences, as Astro hands it to its YAML parser; undefined without frontmatter. */
  yaml: string | undefined;
  /** Offset in the source of the first character of `yaml`. */
  yamlOffset: number;
  /** The body the MDX compiler receives: the frontmatter blanked with spaces, so positions stay. */
  body: string;
}

/** Astro's own pattern (astro 7, internal-helpers 0.11): a fence of `---` or `+++`, anything, a newline, a fence. */
export const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const ASTRO_FENCE_KIND = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/** Splits as Astro does (its "empty-with-spaces" mode, which the MDX integration uses). */
export function splitFrontmatter(source: string): FrontmatterSplit {
  const match = ASTRO_FRONTMATTER.exec(source);
  if (!match) return { yaml: undefined, yamlOffset: 0, body: source };
  const raw = match[1]!;
  const fence = ASTRO_FENCE_KIND.exec(source)?.[1] === '+++' ? '+++' : '---';
  const block = `${fence}${raw}${fence}`;
  const at = source.indexOf(block);
  // Astro replaces the first occurrence of fence + text + fence; when the fences differ there is
  // none, and the compiler receives the whole file.
  if (at === -1) return { yaml: raw, yamlOffset: match.index + match[0].indexOf(raw), body: source };
  const body = source.slice(0, at) + `   ${raw.replace(/[^\r\n]/g, ' ')}   ` + source.slice(at + block.length);
  return { yaml: raw, yamlOffset: at + fence.length, body };
}
