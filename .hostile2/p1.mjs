import { check, lint, FM } from './h.mjs';
const cases = [
  FM + 'Hello [a](/b) world.\n',
  '---\nhello\n---\n\nBody text.\n',
  '---\n- a\n- b\n---\n\nBody text.\n',
  '---\n"title: x"\n---\n\nBody text.\n',
];
for (const c of cases) { console.log(JSON.stringify(c).slice(0, 80), JSON.stringify(await check(c))); const l = await lint(c); console.log('  lint', l.ms, l.errors.map((e) => `${e.line}:${e.column} ${e.ruleId} ${e.message.slice(0, 100)}`)); }
process.exit(0);
