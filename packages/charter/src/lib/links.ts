/** Classifies link targets. */
import { classifyUrl } from '../gate/urls.ts';

/**
 * True for links that leave the site: another host however written (`https://…`, `//…`, `/\…`,
 * with character references or tabs), read as the browser reads it.
 */
export function isExternalHref(href: string): boolean {
  return classifyUrl(href).kind === 'other-host';
}
