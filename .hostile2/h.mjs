import { gateChapter } from '../src/gate/index.ts';
import { checkSource } from '../src/lint/index.ts';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToJs, markdownToJs, markdownToHtml } from 'satteri';
import { charterMarkdownProcessor } from '../src/integrations/chapter-gate.ts';
import { analyse } from './oracle.mjs';
import { writeFileSync } from 'node:fs';
export const FM = '---\ntitle: Probe chapter\ndescription: A chapter that probes the gate for the security review.\ntype: skill\naudience: [all-staff]\nowner: Service Standards Team\nreviewed: 2026-01-20\n---\n\n';
export const OPTS = { features: { gfm: true }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' };
const proc = charterMarkdownProcessor();
export function body(text) { return parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content; }
export async function compile(text, fmt = 'mdx', smart = false, plugins = true) {
  const content = body(text);
  const o = { ...OPTS, features: { gfm: true, smartPunctuation: smart }, ...(plugins ? { hastPlugins: proc.options.hastPlugins } : {}) };
  return (fmt === 'mdx' ? await mdxToJs(content, o) : await markdownToJs(content, o)).code;
}
export async function gate(text, fmt = 'mdx') {
  const t0 = Date.now();
  const g = await gateChapter(text, fmt);
  return { ms: Date.now() - t0, problems: g.problems, tree: !!g.tree };
}
export async function check(text, fmt = 'mdx') {
  let g;
  try { g = await gate(text, fmt); } catch (e) { return { verdict: 'GATE-THREW', detail: String(e.stack).slice(0, 300) }; }
  if (g.problems.length) return { verdict: 'refused', ms: g.ms, problems: g.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}: ${p.message.slice(0, 110)}`) };
  const issues = [];
  for (const smart of [false, true]) {
    let code; try { code = await compile(text, fmt, smart); } catch (e) { issues.push('compile error ' + String(e.message).slice(0, 150)); continue; }
    issues.push(...analyse(code));
  }
  return { verdict: issues.length ? 'BYPASS' : 'ok', ms: g.ms, issues: [...new Set(issues)] };
}
export async function lint(text, file = 'x.mdx') {
  const t0 = Date.now();
  const m = await checkSource(text, '/work/main/src/content/editions/draft/skills/' + file, { contentDir: '/work/main/src/content', root: '/work/main', today: '2026-06-01' });
  return { ms: Date.now() - t0, errors: m.filter((x) => x.severity === 'error'), all: m };
}
export function save(name, text) { writeFileSync(new URL('./cases/' + name + '.mdx', import.meta.url), text); }
