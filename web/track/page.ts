// The tracking page (`/track/`, `/en/track/`, and `/track.html` that e-mails link to): the form of case code and
// PIN. Looking up needs the script (track/main.ts): the PIN must never travel in an address, as a GET form would.
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { textField } from '../components/field/field';
import { renderPage } from '../components/layout/layout';
import { h } from '../lib/html';
import { COMMON, LANGS, type Lang } from '../lib/i18n';
import { localize, PATHS, pages } from '../lib/urls';
import { TRACK_TEXTS } from './texts';

function trackPage(lang: Lang, site: SiteContext, path: string, canonicalPath?: string): BuiltPage {
  const text = TRACK_TEXTS[lang];
  const common = COMMON[lang];
  const main = [
    h('h1', null, common.track),
    h('p', null, text.intro),
    h('div', { id: 'error' }),
    h(
      'form',
      { id: 'track', class: 'js-only', novalidate: true },
      textField({
        id: 'code',
        label: text.codeLabel,
        hint: text.codeHint,
        input: {
          name: 'code',
          required: true,
          autocomplete: 'off',
          autocapitalize: 'characters',
          spellcheck: 'false',
          maxlength: 64,
        },
      }),
      // No `name`: the PIN is never sent in a URL, whatever happens to the script.
      textField({
        id: 'pin',
        label: text.pinLabel,
        hint: text.pinHint,
        input: {
          required: true,
          autocomplete: 'off',
          autocapitalize: 'characters',
          spellcheck: 'false',
          inputmode: 'text',
          minlength: 8,
          maxlength: 8,
        },
      }),
      h('button', { type: 'submit' }, text.submit),
    ),
    h('p', { id: 'status', class: 'status-line', role: 'status' }),
    h('div', { id: 'result' }),
  ];
  return {
    path,
    html: renderPage({
      lang,
      path: PATHS.track(),
      title: common.track,
      assets: site.assets('track'),
      backLink: { href: pages(lang).catalogue(), text: common.backToCatalogue },
      preloadConfig: true,
      needsScript: true,
      ...(canonicalPath ? { canonicalPath } : {}),
      main,
    }),
  };
}

export const trackPages: PageGenerator = (site) => [
  ...LANGS.map((lang) => trackPage(lang, site, pages(lang).track())),
  trackPage('vi', site, PATHS.legacyTrack(), localize(PATHS.track(), 'vi')),
];
