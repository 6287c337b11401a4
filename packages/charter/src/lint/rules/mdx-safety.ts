/**
 * Keeps chapters to content: only the handbook's components and harmless HTML, no code.
 *
 * Why: MDX is code. Anything an editor writes in a chapter runs when the site is built and, for
 * scripts and event handlers, in every reader's browser. This rule is the gate that keeps a pull
 * request from running arbitrary code in the site.
 *
 * How: this rule is the build's own safety gate (src/gate/), run on exactly the text the MDX
 * compiler receives and on the compiler's own reading of it, so the checker and the build cannot
 * disagree. It is an allowlist (src/gate/allowlist.ts): components with the props their `Props`
 * declare, and plain HTML elements with their own attributes; anything else is reported, Astro
 * directives (`set:html`, `is:raw`), event handlers, `style`, `ping` and spreads included.
 * Reported too: `import` and `export`; `{…}` expressions other than one comment such as
 * `{/* a note *\/}`; attribute values in braces other than literals (`{3}`, `{"text"}`, `{true}`);
 * link URLs with schemes other than http, https, mailto, tel and sms, read through character
 * references and escapes as a browser reads them; images, `src` and `srcset` from anywhere but the
 * site itself; and bidirectional-control characters in links. It cannot be turned off: a lint
 * comment that names it is itself an error.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   <Callout type="note" title="Before you call">
 *
 *   Check the order <abbr title="number">no.</abbr> first. {/* a comment *\/}
 *
 *   </Callout>
 *
 *   <CreedStatement closing={true}>
 *
 *   I am your customer.
 *
 *   </CreedStatement>
 *
 *   <Callout title="Data: what we keep">
 *
 *   Read [the notice](https://example.com/privacy) and write to [us](mailto:service@example.com).
 *
 *   </Callout>
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   import Widget from './widget.js'
 *
 *   <Widget />
 *
 *   <div onClick="steal()">Hello {user.name}</div>
 *
 *   <iframe src="https://example.com" />
 *
 *   [Click](javascript:alert(1))
 *
 *   <span set:html="<b>hi</b>" />
 *
 *   ![Logo](https://example.com/logo.png)
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-1:33: Unexpected import or export statement, expected none (components need no import)
 *   3:1-3:11: Unexpected component <Widget>, expected one of Callout, Checklist, Creed, CreedStatement, GlossaryList, HouseStyle, PhrasesToAvoid, SayThis, Standard, Steps, Term, TouchpointBadge
 *   5:6-5:23: Unexpected event handler "onClick" on <div>, expected no scripts in chapters
 *   5:30-5:41: Unexpected expression "{user.name}", expected text or a comment
 *   7:1-7:37: Unexpected <iframe>, expected no embedded pages, scripts or styles in chapters
 *   9:1-9:29: Unexpected "javascript:" URL, expected a link to a page (a path on this site, or an http, https, mailto, tel or sms address)
 *   11:7-11:27: Unexpected directive "set:html" on <span>, expected plain attributes ("title", "lang", "dir")
 *   13:1-13:38: Unexpected image from another host "https://example.com/logo.png", expected an image file kept with the handbook: the site requests nothing from other hosts, so download it into the content folder and link it by its path
 */
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';
