/** Classifies link targets. */

/** True for links that leave the site: an absolute http(s) URL or a protocol-relative one. */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href.trim());
}
