/**
 * A cheap, conservative test for whether a chapter could hold anything the MDX safety rule reports.
 *
 * Why: the build gate parses every chapter with the checker before rendering, and a parse costs
 * milliseconds per chapter; at thousands of chapters that is most of the gate's time. Everything
 * the rule reports needs one of a few characters or words in the source: elements, components and
 * autolinks start with `<`; expressions, spreads and attribute code with `{`; ESM with `import` or
 * `export` at the start of a line; dangerous URLs name their scheme (`javascript:`, `vbscript:`,
 * `data:`), or hide it behind a character reference (`&#106;avascript:`), which starts with `&`.
 * A chapter with none of these is plain Markdown and cannot run code, so it needs no parse; any
 * doubt (a `<` in prose, the word "data:") sends it through the full check.
 */
const CODE_SIGNS = /[<{&]|^[ \t]*(?:import|export)\b|(?:javascript|vbscript|data)\s*:/im;

export function mayHoldCode(source: string): boolean {
  return CODE_SIGNS.test(source);
}
