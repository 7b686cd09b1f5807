// The account bar (under the page header): "Đăng nhập" / "Sign in" when signed out, the user's name and
// "Đăng xuất" / "Sign out" when signed in. Drawn by a page's script only: pages work without it, JavaScript off.
import { h, type VElement } from '../../lib/html';
import { defineTexts, type Lang } from '../../lib/i18n';

export const ACCOUNT_TEXTS = defineTexts({
  vi: {
    label: 'Tài khoản',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    signedInAs: 'Đã đăng nhập:',
  },
  en: {
    label: 'Account',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
  },
});

export interface AccountBarOptions {
  readonly lang: Lang;
  /** The signed-in user's display name; absent when signed out. */
  readonly name?: string;
  /** The sign-in page, returning to this one. */
  readonly signInHref: string;
}

/** A labelled `<nav>`: a link to sign in, or the name and a sign-out button (`data-sign-out`). */
export function accountBar(options: AccountBarOptions): VElement {
  const text = ACCOUNT_TEXTS[options.lang];
  return h(
    'nav',
    { class: 'account-bar', 'aria-label': text.label, 'data-account-bar': true },
    options.name
      ? [
          h(
            'p',
            { class: 'account-bar__user' },
            `${text.signedInAs} `,
            h('strong', { class: 'account-bar__name' }, options.name),
          ),
          h(
            'button',
            { type: 'button', class: 'account-bar__sign-out', 'data-sign-out': true },
            text.signOut,
          ),
        ]
      : h('a', { class: 'account-bar__sign-in', href: options.signInHref }, text.signIn),
  );
}
