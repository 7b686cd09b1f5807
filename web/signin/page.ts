// The sign-in pages, in Vietnamese and English: sign-in (`/signin/`: the local runtime's demo accounts or the hosted
// sign-in, as config.json says), the hosted sign-in's callback (`/signin/callback/`) and "signed out"
// (`/signin/signed-out/`). The first two need their script (signin/main.ts); the last is plain reading.
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { type Child, h } from '../lib/html';
import { COMMON, LANGS, type Lang } from '../lib/i18n';
import { localize, PATHS, pages } from '../lib/urls';
import { SIGNIN_TEXTS } from './texts';

interface SigninPage {
  readonly path: string;
  readonly title: string;
  readonly main: Child;
  readonly needsScript: boolean;
}

function build(lang: Lang, site: SiteContext, page: SigninPage): BuiltPage {
  return {
    path: localize(page.path, lang),
    html: renderPage({
      lang,
      path: page.path,
      title: page.title,
      assets: site.assets('signin'),
      preloadConfig: page.needsScript,
      needsScript: page.needsScript,
      main: page.main,
    }),
  };
}

function signInPage(lang: Lang): SigninPage {
  const text = SIGNIN_TEXTS[lang];
  return {
    path: PATHS.signIn(),
    title: text.title,
    needsScript: true,
    main: [
      h('h1', null, text.title),
      h('p', null, text.intro),
      // Why the user was sent here (an expired session, another role), filled by the script.
      h('div', { id: 'signin-reason', class: 'notice', hidden: true }),
      h('div', { id: 'error' }),
      h('p', { id: 'status', class: 'status-line', role: 'status' }),
      h('div', { id: 'signin-options', class: 'js-only' }),
    ],
  };
}

function callbackPage(lang: Lang): SigninPage {
  const text = SIGNIN_TEXTS[lang];
  return {
    path: PATHS.signInCallback(),
    title: text.callbackTitle,
    needsScript: true,
    main: [
      h('h1', null, text.callbackTitle),
      h('div', { id: 'error' }),
      h('p', { id: 'signin-callback', class: 'status-line', role: 'status' }),
      h('p', { id: 'signin-retry' }),
    ],
  };
}

function signedOutPage(lang: Lang): SigninPage {
  const text = SIGNIN_TEXTS[lang];
  const link = pages(lang);
  return {
    path: PATHS.signedOut(),
    title: text.signedOutTitle,
    needsScript: false,
    main: [
      h('h1', { id: 'signed-out' }, text.signedOutTitle),
      h('p', null, text.signedOutBody),
      h(
        'ul',
        { class: 'list-plain signed-out__links' },
        h('li', null, h('a', { href: link.signIn() }, text.signInAgain)),
        h('li', null, h('a', { href: link.catalogue() }, COMMON[lang].backToCatalogue)),
      ),
    ],
  };
}

export const signinPages: PageGenerator = (site) =>
  LANGS.flatMap((lang) =>
    [signInPage(lang), callbackPage(lang), signedOutPage(lang)].map((page) => build(lang, site, page)),
  );
