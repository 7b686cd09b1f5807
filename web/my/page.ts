// "Hồ sơ của tôi" / "My applications" (`/my/`) and a case's page (`/my/case/?code=…`), in Vietnamese and English:
// shells that their script (my/main.ts) fills for the signed-in applicant, carrying the catalogue's facts they show
// (names, time limits and their legal basis, document rules) and their texts. Each procedure's form, labelled in
// the page's language, is a JSON file beside them (`/my/forms/<id>.json`) that a case's page fetches to show the
// answers and to ask again for the fields of a supplement request.
import { procedureDetail, procedures } from '../../schemas/catalogue';
import { applyPageData } from '../apply/page';
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { h } from '../lib/html';
import { COMMON, LANGS, type Lang, pick } from '../lib/i18n';
import { pageData } from '../lib/page-texts';
import { FORM_TEXTS } from '../lib/schema-form-texts';
import { localize, PATHS, pages } from '../lib/urls';
import type { MyPageData } from './page-data';
import { CASE_FORMS, MY_TEXTS } from './texts';

function data(lang: Lang): MyPageData {
  return {
    procedures: Object.fromEntries(
      procedures.map((definition) => {
        const p = procedureDetail(definition);
        const { documents } = applyPageData(p.id, lang);
        return [
          p.id,
          {
            name: pick(p.name, lang),
            agency: pick(p.agency.name, lang),
            processingDays: p.processingDays,
            timeLimitBasis: pick(p.timeLimitBasis, lang),
            documents,
          },
        ];
      }),
    ),
    texts: MY_TEXTS[lang],
    forms: CASE_FORMS[lang],
    formTexts: FORM_TEXTS[lang],
  };
}

function page(lang: Lang, site: SiteContext, path: string, kind: 'list' | 'case'): BuiltPage {
  const text = MY_TEXTS[lang];
  return {
    path: localize(path, lang),
    html: renderPage({
      lang,
      path,
      title: kind === 'list' ? text.title : text.caseCode,
      assets: site.assets('my'),
      preloadConfig: true,
      needsScript: true,
      ...(kind === 'case' ? { backLink: { href: pages(lang).my(), text: text.backToList } } : {}),
      main: [
        kind === 'list' ? h('h1', null, text.title) : null,
        h('div', { id: 'error' }),
        h('div', { id: `my-${kind}` }, h('p', { class: 'status-line js-only' }, COMMON[lang].loading)),
        h('p', { id: 'status', class: 'status-line', role: 'status' }),
        pageData('my-data', data(lang)),
      ],
    }),
  };
}

export const myPages: PageGenerator = (site) =>
  LANGS.flatMap((lang) => [
    page(lang, site, PATHS.my(), 'list'),
    page(lang, site, PATHS.myCase(), 'case'),
    ...procedures.map((p) => ({
      path: pages(lang).myForm(p.id),
      html: `${JSON.stringify(applyPageData(p.id, lang).form)}\n`,
    })),
  ]);
