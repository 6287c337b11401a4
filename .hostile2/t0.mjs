import { mdxToJs, markdownToJs, markdownToHtml } from 'satteri';
const OPTS = { features: { gfm: true }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' };
const r = await markdownToJs('Hi <b>x</b>\n\n<div onclick="a">y</div>\n\n[a](/b) ![i](/x.png)\n\n| a |\n|:-:|\n| b |\n', OPTS);
console.log(r.code);
const m = await mdxToJs('Hi <b>x</b> [a](/b)\n', OPTS);
console.log(m.code);
