import * as acorn from 'acorn';
const SITE = 'https://site.example/editions/x/';
const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'meta', 'link', 'base', 'form', 'object', 'embed', 'frame', 'frameset', 'svg', 'math', 'template', 'noscript', 'portal', 'input', 'button', 'textarea', 'select', 'video', 'audio', 'source', 'track', 'picture', 'applet', 'image', 'use', 'fencedframe']);
const URL_PROPS = new Set(['href', 'src', 'srcset', 'poster', 'ping', 'background', 'action', 'formaction', 'cite', 'xlink:href', 'data', 'codebase', 'longdesc', 'usemap', 'manifest', 'icon', 'lowsrc', 'dynsrc', 'imagesrcset']);
const COMPONENTS = new Set(['Callout', 'Checklist', 'Creed', 'CreedStatement', 'GlossaryList', 'HouseStyle', 'PhrasesToAvoid', 'SayThis', 'Steps', 'Term', 'TouchpointBadge']);
export function judgeUrl(v) {
  let u; try { u = new URL(v, SITE); } catch { return 'unparseable'; }
  if (u.protocol === 'https:' && u.host === 'site.example') return 'site';
  if (u.protocol === 'http:' || u.protocol === 'https:') return 'other-host';
  if (['mailto:', 'tel:', 'sms:'].includes(u.protocol)) return 'app';
  return 'scheme:' + u.protocol;
}
export function analyse(code) {
  const issues = [];
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  for (const st of ast.body) {
    if (st.type === 'ImportDeclaration') { if (st.source.value !== 'astro/jsx-runtime') issues.push('import ' + st.source.value); continue; }
    if (st.type === 'ExportDefaultDeclaration') { if (st.declaration.name !== 'MDXContent') issues.push('export default other'); continue; }
    if (st.type.startsWith('Export')) { issues.push('export ' + code.slice(st.start, st.end).slice(0, 80)); continue; }
    if (st.type === 'FunctionDeclaration') {
      if (st.id.name === 'MDXContent' || st.id.name === '_missingMdxReference') continue;
      if (st.id.name !== '_createMdxContent') { issues.push('function ' + st.id.name); continue; }
      checkBody(st.body.body);
      continue;
    }
    issues.push('top-level ' + st.type + ': ' + code.slice(st.start, st.end).slice(0, 80));
  }
  function src(n) { return code.slice(n.start, n.end).slice(0, 100); }
  function checkBody(stmts) {
    for (const s of stmts) {
      if (s.type === 'VariableDeclaration') {
        for (const d of s.declarations) {
          const init = code.slice(d.init.start, d.init.end);
          if (d.id.type === 'Identifier' && d.id.name === '_components' && /^Object\.assign\(\{[^()]*\}, props\.components\)$/s.test(init)) {
            for (const p of d.init.arguments[0].properties) if (p.value.type !== 'Literal') issues.push('components map ' + src(p));
            continue;
          }
          if (d.id.type === 'ObjectPattern' && (init === '_components' || init === 'props.components || {}')) continue;
          issues.push('var ' + src(s));
        }
      } else if (s.type === 'IfStatement' && /^if \(!\w+\) _missingMdxReference\("[\w.]+", (true|false)\);$/.test(src(s))) {
      } else if (s.type === 'ReturnStatement') { node(s.argument, 'return'); }
      else issues.push('stmt ' + src(s));
    }
  }
  function node(n, where) {
    if (!n) return;
    if (n.type === 'Literal' && typeof n.value === 'string') return;
    if (n.type === 'ArrayExpression') return n.elements.forEach((e) => node(e, where));
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && (n.callee.name === '_jsx' || n.callee.name === '_jsxs')) {
      const [tag, props, ...rest] = n.arguments;
      if (rest.length) issues.push('extra jsx args ' + src(n));
      let tagName;
      if (tag.type === 'Literal') { tagName = tag.value; if (FORBIDDEN_TAGS.has(String(tagName).toLowerCase())) issues.push('forbidden element <' + tagName + '>'); if (!/^[a-z][a-z0-9]*$/.test(tagName)) issues.push('odd tag ' + tagName); }
      else if (tag.type === 'Identifier') { tagName = tag.name; if (tagName !== '_Fragment' && !COMPONENTS.has(tagName)) issues.push('component ' + tagName); }
      else if (tag.type === 'MemberExpression' && src(tag.object) === '_components' && !tag.computed) { tagName = '_components.' + tag.property.name; if (FORBIDDEN_TAGS.has(tag.property.name) && tag.property.name !== 'input') issues.push('md forbidden element ' + tagName); }
      else issues.push('tag expr ' + src(tag));
      if (props.type !== 'ObjectExpression') { issues.push('props expr ' + src(props)); return; }
      const values = new Map();
      for (const p of props.properties) {
        if (p.type !== 'Property' || p.computed) { issues.push('spread/computed ' + src(p)); continue; }
        const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
        if (values.has(key)) issues.push(`duplicate prop ${key} on ${tagName}`);
        if (key === 'children') { node(p.value, tagName); continue; }
        const v = p.value;
        let val;
        if (v.type === 'Literal') val = v.value;
        else if (v.type === 'TemplateLiteral' && v.expressions.length === 0) val = v.quasis[0].value.cooked;
        else if (v.type === 'UnaryExpression' && v.argument.type === 'Literal' && typeof v.argument.value === 'number') val = -v.argument.value;
        else if (key === 'style' && /^\{ textAlign: "(left|right|center)" \}$/.test(src(v)) && /_components\.t[hd]$/.test(tagName)) continue;
        else { issues.push(`expression prop ${key}=${src(v)} on ${tagName}`); continue; }
        values.set(key, val);
        if (/^on/i.test(key) || key.includes(':') || ['style', 'dangerouslySetInnerHTML', 'srcdoc', 'innerHTML', 'class:list', 'is', 'slot'].includes(key)) issues.push(`bad prop ${key} on ${tagName}`);
      }
      for (const [key, val] of values) {
        if (typeof val !== 'string') continue;
        if (URL_PROPS.has(key.toLowerCase())) {
          const parts = key === 'srcset' ? val.split(',').map((c) => c.trim().split(/\s+/)[0]) : [val];
          for (const part of parts) {
            const j = judgeUrl(part);
            const isImage = key !== 'href' && key !== 'cite';
            if (j.startsWith('scheme:') && !(isImage === false && j === 'app')) issues.push(`${j} in ${key} on ${tagName}: ${val.slice(0, 60)}`);
            else if (isImage && j !== 'site') issues.push(`image ${j} ${key} on ${tagName}: ${val.slice(0, 60)}`);
            else if (key === 'href' && j === 'other-host' && !(tagName.startsWith('_components.'))) {
              if (values.get('rel') !== 'noopener noreferrer' && !/noopener/.test(values.get('rel') ?? '') ) issues.push(`other-host link without rel on ${tagName}: ${val.slice(0, 60)}`);
            }
          }
        }
      }
      return;
    }
    if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return;
    issues.push(`code in ${where}: ${src(n)}`);
  }
  return issues;
}
