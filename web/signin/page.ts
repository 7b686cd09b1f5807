// The sign-in pages, in Vietnamese and English: sign-in (`/signin/`: the local runtime's demo accounts or the hosted
// sign-in, as config.json says), the hosted sign-in's callback (`/signin/callback/`) and "signed out"
// (`/signin/signed-out/`). The first two need their script (signin/main.ts), which shows the parts that apply; the
// last is plain reading.
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { notice } from '../components/notice/notice';
import { type Child, h } from '../lib/html';
import { COMMON, LANGS, type Lang } from '../lib/i18n';
import { localize, PATHS, pages } from '../lib/urls';
import { SIGNIN_PAGE_TEXTS } from './page-texts';

interface SigninPage {
  readonly path: string;
  readonly title: string;
  readonly main: Child;
  /** The page's content needs signin/main.ts. */
  readonly script: boolean;
}

function build(lang: Lang, site: SiteContext, page: SigninPage): BuiltPage {
  return {
    path: localize(page.path, lang),
    html: renderPage({
      lang,
      path: page.path,
      title: page.title,
      assets: page.script ? site.assets('signin') : site.assets(),
      preloadConfig: page.script,
      needsScript: page.script,
      main: page.main,
    }),
  };
}

/** A button to the hosted sign-in through `provider`, its hint under it; the VNeID one stays hidden unless offered. */
function providerButton(provider: 'VNeID' | 'COGNITO', name: string, hint: string) {
  const hintId = `provider-${provider}-hint`;
  return h(
    'li',
    { class: 'account-group__item', hidden: provider === 'VNeID', 'data-provider-item': provider },
    h(
      'button',
      { type: 'button', class: 'account-choice', 'data-provider': provider, 'aria-describedby': hintId },
      name,
    ),
    h('span', { id: hintId, class: 'hint' }, hint),
  );
}

function signInPage(lang: Lang): SigninPage {
  const text = SIGNIN_PAGE_TEXTS[lang];
  const hidden = (id: string, ...children: Child[]) => h('div', { id, hidden: true }, ...children);
  return {
    path: PATHS.signIn(),
    title: text.title,
    script: true,
    main: [
      h('h1', null, text.title),
      h('p', null, text.intro),
      // Why the user was sent here; the script shows the one the address names.
      hidden('signin-reason-expired', notice(text.expired)),
      hidden('signin-reason-role', notice(text.wrongRole)),
      h('div', { id: 'error' }),
      h('p', { id: 'status', class: 'status-line', role: 'status' }),
      // The local runtime: its demo accounts, drawn by the script from GET /api/local/users.
      h(
        'section',
        { id: 'signin-local', 'aria-labelledby': 'demo-title', hidden: true },
        h('h2', { id: 'demo-title' }, text.demoTitle),
        notice(text.demoNotice),
        h('div', { id: 'demo-accounts' }),
      ),
      // AWS: Cognito's hosted sign-in, VNeID first when the web client has it.
      hidden(
        'signin-hosted',
        h('p', null, text.hostedIntro),
        h(
          'ul',
          { class: 'list-plain' },
          providerButton('VNeID', text.withVneid, text.vneidHint),
          providerButton('COGNITO', text.withEmail, text.emailHint),
        ),
      ),
    ],
  };
}

function callbackPage(lang: Lang): SigninPage {
  return {
    path: PATHS.signInCallback(),
    title: SIGNIN_PAGE_TEXTS[lang].callbackTitle,
    script: true,
    main: [
      h('h1', null, SIGNIN_PAGE_TEXTS[lang].callbackTitle),
      h('div', { id: 'error' }),
      h('p', { id: 'signin-callback', class: 'status-line', role: 'status' }),
      h('p', { id: 'signin-retry' }),
    ],
  };
}

function signedOutPage(lang: Lang): SigninPage {
  const text = SIGNIN_PAGE_TEXTS[lang];
  const link = pages(lang);
  return {
    path: PATHS.signedOut(),
    title: text.signedOutTitle,
    script: false,
    main: [
      h('h1', null, text.signedOutTitle),
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
