// The account bar's behaviour: drawn from the tab's session under the page header, sign-out on its button.
import { currentSession, signInAddress, signOut } from '../../lib/auth';
import { toNode } from '../../lib/dom';
import type { Lang } from '../../lib/i18n';
import { accountBar } from './account';

/**
 * Draws the account bar after the page's header (once; a second call redraws it, e.g. after the page changed its
 * address with replaceState, so that "Sign in" returns to the new one). Returns the bar.
 */
export function mountAccountBar(lang: Lang): HTMLElement {
  const here = `${location.pathname}${location.search}${location.hash}`;
  const user = currentSession()?.user;
  const bar = toNode(
    accountBar({ lang, signInHref: signInAddress(lang, here), ...(user ? { name: user.name } : {}) }),
  ) as HTMLElement;
  bar.querySelector('[data-sign-out]')?.addEventListener('click', (event) => {
    (event.currentTarget as HTMLButtonElement).disabled = true;
    void signOut();
  });
  const existing = document.querySelector('[data-account-bar]');
  if (existing) existing.replaceWith(bar);
  else {
    const header = document.querySelector('body > header');
    if (header) header.after(bar);
    else document.body.prepend(bar);
  }
  return bar;
}
