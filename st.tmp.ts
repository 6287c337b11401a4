import { launchChromium, measureSearch, serveCompressed, scriptBytesBeforeInteraction } from './scripts/bench/browser.ts';
const served = await serveCompressed(process.argv[2]!);
const browser = await launchChromium();
const url = `${served.url}/intake-1/topic-00001/`;
console.log('js', await scriptBytesBeforeInteraction(browser, url));
try {
  console.log(await measureSearch(browser, url, ['update while on hold', 'friendly greeting counter', 'named contact follow-up']));
} catch (e) { console.log('ERR', (e as Error).message.slice(0, 200)); }
await browser.close(); await served.close();
