/**
 * What a URL written in a chapter leads to, read the way a browser reads it.
 *
 * Why: a browser decodes character references in attributes, drops tabs and newlines anywhere in
 * a URL and spaces and control characters around it, and treats `\` like `/`; `&#106;avascript:`,
 * `java\tscript:` and `/\evil.example` are therefore a script and another host. The check reads
 * through all of that, so what it classifies is what the reader's browser would follow.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export type UrlTarget =
  /** A path, query or fragment on this site. */
  | { kind: 'site' }
  /** A web page on another host (`https://…`, or `//host/…` without a scheme). */
  | { kind: 'other-host' }
  /** A scheme that opens another program: mail, phone, text message. */
  | { kind: 'app'; scheme: string }
  /** Any other scheme: `javascript:`, `data:`, `file:`… */
  | { kind: 'forbidden'; scheme: string };

/** Schemes a link may use besides the web's. */
const APP_SCHEMES = new Set(['mailto', 'tel', 'sms']);

/** Reads a URL as a browser would and says where it leads. */
export function classifyUrl(written: string): UrlTarget {
  const url = browserView(written);
  if (/^[/\\]{2}/.test(url)) return { kind: 'other-host' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'site' };
  if (scheme === 'http' || scheme === 'https') return { kind: 'other-host' };
  if (APP_SCHEMES.has(scheme)) return { kind: 'app', scheme };
  return { kind: 'forbidden', scheme };
}

/** The URL after the decoding and trimming a browser applies before it looks at the scheme. */
export function browserView(written: string): string {
  return (
    decodeCharacterReferences(written)
      // eslint-disable-next-line no-control-regex
      .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
      .replace(/[\t\n\r]/g, '')
  );
}

/** `&#106;`, `&#x6A;` and `&colon;`-style references, decoded once (as the HTML parser does). */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g, (reference, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    const decoded = decodeNamedCharacterReference(body);
    return decoded === false ? reference : decoded;
  });
}

/** Image files a chapter may show; anything else would be imported as a module by the bundler. */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * Why an image source is refused, or undefined when it is an image file on this site. Images must
 * come from the site itself: the handbook works on an intranet without the internet and tells no
 * other host who reads it.
 */
export function imageSourceProblem(written: string): string | undefined {
  const target = classifyUrl(written);
  if (target.kind === 'other-host') {
    return `Unexpected image from another host "${shorten(written)}", expected an image file kept with the handbook: the site requests nothing from other hosts, so download it into the content folder and link it by its path`;
  }
  if (target.kind !== 'site') return `Unexpected "${target.scheme}:" image source, expected the path of an image file kept with the handbook`;
  const url = browserView(written);
  if (/[?#]/.test(url) || !IMAGE_FILE.test(url)) {
    return `Unexpected image source "${shorten(written)}", expected the path of a .png, .jpg, .gif, .webp, .avif or .svg file without "?" or "#"`;
  }
  return undefined;
}

/**
 * The URLs of a `srcset` list ("a.png 1x, b.png 2x"). Browsers split candidates in ways that
 * depend on commas inside URLs; a list with a colon, a backslash or `//` anywhere is refused by the
 * caller instead, so the split cannot hide another host.
 */
export function srcsetUrls(value: string): string[] {
  return browserView(value)
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Characters that reorder the text around them (Trojan-source style), refused in links. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
