// What every page's script does first: learn the page's language and keep the language switch on the same
// state (the query string and fragment that scripts read).
import type { Lang } from './i18n';
import { parseLocation } from './urls';

/** The page's language, as the build wrote it in `<html lang>` (and in the path: `/en/...`). */
export function pageLang(): Lang {
  return parseLocation(location.pathname).lang;
}

/** Points the language switch at the same state of the page in the other language; call after `replaceState`. */
export function syncLanguageSwitch(): void {
  const other = document.querySelector<HTMLAnchorElement>('a[data-language-switch]');
  if (!other) return;
  const target = new URL(other.href);
  other.href = `${target.pathname}${location.search}${location.hash}`;
}

/** Starts a page's script; returns its language. */
export function startPage(): Lang {
  for (const notice of document.querySelectorAll<HTMLElement>('[data-no-js]')) notice.hidden = true;
  syncLanguageSwitch();
  return pageLang();
}
