// usage: node perf.mjs <name>  -- times limitProblems, parseChapter (remark) for generated inputs
import { limitProblems } from '../src/gate/limits.ts';
import { parseChapter } from '../src/lib/mdx-parser.ts';
import { FM } from './h.mjs';
const blocks = (unit, n, sep = '\n\n') => Array.from({ length: n }, () => unit).join(sep);
const G = {
  brackets: () => '['.repeat(99000),
  bracketsSp: () => '[ '.repeat(49000),
  bangBrackets: () => '!['.repeat(49000),
  closeParen: () => '[a]('.repeat(24000),
  emph: () => '*a'.repeat(49000),
  emphU: () => '_a'.repeat(49000),
  emphMix: () => '*_'.repeat(49000) + 'x',
  backticks: () => Array.from({ length: 440 }, (_, i) => '`'.repeat(i + 1) + 'a').join(''),
  emailDots: () => 'a.'.repeat(49000),
  emailDots2: () => '.a'.repeat(49000),
  www: () => 'www.'.repeat(24000),
  http: () => 'http://a'.repeat(12000),
  wwwParen: () => 'www.a' + '('.repeat(99000),
  entity: () => '&amp;'.repeat(19000),
  entityBad: () => '&a'.repeat(49000),
  lt: () => '<'.repeat(99000),
  ltA: () => '<a'.repeat(49000),
  tableCols: () => '|a'.repeat(30000) + '\n' + '|-'.repeat(30000) + '\n' + '|b'.repeat(30000),
  tildeStrike: () => '~a'.repeat(49000),
  tilde2: () => '~~a'.repeat(33000),
  footnoteRefs: () => '[^a]'.repeat(24000),
  linkRefs: () => '[a]'.repeat(33000) + '\n\n' + blocks('[a]: /x', 1),
  defs: () => blocks(Array.from({ length: 2000 }, (_, i) => `[d${i}]: /x${i}`).join('\n'), 9) + '\n\n' + Array.from({ length: 2000 }, (_, i) => `[d${i}]`).join(' '),
  quoteList: () => Array.from({ length: 2000 }, () => '> - > - > - > - > x').join('\n'),
  listIndent: () => Array.from({ length: 10 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n'),
  escapes: () => '\\*'.repeat(49000),
  hardBreaks: () => 'a  \n'.repeat(24000),
  setext: () => 'a\n=\n'.repeat(24000),
  linkDestParens: () => '[a](' + '('.repeat(32) + ')'.repeat(32) + ')',
  manyLinks: () => '[a](b) '.repeat(14000),
  imgInLink: () => '[![a](/x.png)'.repeat(7000),
  autolinkMd: () => '<http://a'.repeat(11000),
  dollar: () => '$a'.repeat(49000),
  colon: () => ':a'.repeat(49000),
  mixedBr: () => '[*a]('.repeat(19000),
  emphLinks: () => '*[a*](b)'.repeat(12000),
  delimRun: () => '*'.repeat(99000),
  underscoreWords: () => 'a_'.repeat(49000),
  starSpace: () => '* '.repeat(49000).replace(/^/, 'x'),
  emailAt: () => 'a@'.repeat(49000),
  emailAtDot: () => 'a@a.'.repeat(24000),
  wwwDot: () => 'www.a.'.repeat(16000),
  httpParen: () => 'http://a' + '(a'.repeat(49000),
  gfmTrail: () => 'www.a' + '.)'.repeat(49000),
  htmlComment: () => '<!--'.repeat(24000),
  cdata: () => '<![CDATA['.repeat(11000),
  pipes: () => Array.from({ length: 100 }, () => '|'.repeat(990)).join('\n'),
};
const name = process.argv[2];
const body = G[name]();
const text = FM + body + '\n';
let t0 = Date.now();
const lim = limitProblems(text, process.argv[3] || 'mdx');
const tl = Date.now() - t0;
if (lim.length) { console.log(name, 'limits refuse', lim[0].message.slice(0, 80), tl + 'ms'); process.exit(0); }
t0 = Date.now();
try { parseChapter(text); console.log(name, 'len', text.length, 'remark ms', Date.now() - t0); }
catch (e) { console.log(name, 'len', text.length, 'remark threw', Date.now() - t0, String(e.message).slice(0, 100)); }
