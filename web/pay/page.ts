// The fee payment page (`/pay/?code=`): the case's fee and "Thanh toán" / "Pay", which leads to the gateway; the
// gateway brings the browser back to the case's page (`/my/case/?code=…&payment=…`). The citizen's pages link here.
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { h } from '../lib/html';
import { LANGS, type Lang } from '../lib/i18n';
import { localize, PATHS, pages } from '../lib/urls';
import { PAY_TEXTS } from './texts';

/** The page's own address, without the query that names the case. */
const PAY_PATH = PATHS.pay('').replace(/\?.*$/, '');

function payPage(lang: Lang, site: SiteContext): BuiltPage {
  const text = PAY_TEXTS[lang];
  return {
    path: localize(PAY_PATH, lang),
    html: renderPage({
      lang,
      path: PAY_PATH,
      title: text.title,
      assets: site.assets('pay'),
      backLink: { href: pages(lang).my(), text: text.myApplications },
      preloadConfig: true,
      needsScript: true,
      main: [
        h('h1', null, text.title),
        h('p', null, text.intro),
        h('div', { id: 'error' }),
        h('p', { id: 'status', class: 'status-line', role: 'status' }),
        h('div', { id: 'payment' }),
      ],
    }),
  };
}

export const payPages: PageGenerator = (site) => LANGS.map((lang) => payPage(lang, site));
