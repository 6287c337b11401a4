/**
 * Which Chromium the browser tests drive: the engine's choice (packages/charter/src/lib/chromium.ts),
 * which `charter pdf` uses too, so the tests and the PDFs print with the same browser.
 */
export { CHROMIUM_ARGS, DEBIAN_CHROMIUM, findChromium } from '../../packages/charter/src/lib/chromium.ts';
