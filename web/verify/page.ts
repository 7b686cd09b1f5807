// The verification page (`/verify/`, `/en/verify/`): what a QR code on a result opens (`?c=<code>&t=<token>`), and a
// form to check a PDF the user picks. Both need the script: the lookup and the check are calls to the API.
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { h } from '../lib/html';
import { COMMON, LANGS, type Lang } from '../lib/i18n';
import { PATHS, pages } from '../lib/urls';
import { VERIFY_TEXTS } from './texts';

function verifyPage(lang: Lang, site: SiteContext): BuiltPage {
  const text = VERIFY_TEXTS[lang];
  const main = [
    h('h1', null, text.title),
    h('p', null, text.intro),
    h('div', { id: 'error' }),
    h('p', { id: 'status', class: 'status-line', role: 'status' }),
    h('section', { id: 'qr-result', 'aria-live': 'polite' }),
    h(
      'form',
      { id: 'check-file', class: 'js-only', novalidate: true },
      h('h2', null, text.fileHeading),
      h(
        'div',
        { class: 'form-group' },
        h('label', { class: 'label', for: 'file' }, text.fileLabel),
        h('div', { id: 'file-hint', class: 'hint' }, text.fileIntro),
        h('p', { id: 'file-error', class: 'error-message' }),
        h('input', {
          type: 'file',
          id: 'file',
          name: 'file',
          class: 'file-input',
          accept: 'application/pdf,.pdf',
          'aria-describedby': 'file-hint file-error',
        }),
      ),
      h('button', { type: 'submit' }, text.submit),
    ),
    h('section', { id: 'file-result', 'aria-live': 'polite' }),
  ];
  return {
    path: pages(lang).verify(),
    html: renderPage({
      lang,
      path: PATHS.verify(),
      title: text.title,
      assets: site.assets('verify'),
      backLink: { href: pages(lang).catalogue(), text: COMMON[lang].backToCatalogue },
      preloadConfig: true,
      needsScript: true,
      main,
    }),
  };
}

export const verifyPages: PageGenerator = (site) => LANGS.map((lang) => verifyPage(lang, site));
