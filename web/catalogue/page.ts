// The catalogue (`/`, `/en/`), generated from schemas/ at build time: every procedure as a card linking to its
// page, readable without JavaScript; the search box is the script's (catalogue/main.ts) and hidden without it.
import { procedureSummary, procedures, SERVICE_LEVEL_NAMES } from '../../schemas/catalogue';
import { foldVietnamese } from '../../schemas/text';
import type { ProcedureDefinition } from '../../schemas/types';
import type { BuiltPage, PageGenerator } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { summaryList } from '../components/summary-list/summary-list';
import { tag } from '../components/tag/tag';
import { formatFee, formatWorkingDays } from '../lib/format';
import { h } from '../lib/html';
import { COMMON, LANGS, type Lang, pick } from '../lib/i18n';
import { PATHS, pages } from '../lib/urls';
import { CATALOGUE_TEXTS } from './texts';

/** What the search matches, folded once here as the API folds it (schemas/text.ts). */
export function searchText(p: ProcedureDefinition): string {
  return foldVietnamese(`${p.name.vi} ${p.name.en} ${p.nationalCode ?? ''}`);
}

function card(p: ProcedureDefinition, lang: Lang) {
  const text = CATALOGUE_TEXTS[lang];
  const summary = procedureSummary(p);
  return h(
    'li',
    { class: 'card procedure-card', 'data-search': searchText(p) },
    h('h2', null, h('a', { href: pages(lang).procedure(p.id) }, pick(summary.name, lang))),
    h('p', { class: 'procedure-card__agency' }, pick(summary.agency.name, lang)),
    h('p', null, tag(pick(SERVICE_LEVEL_NAMES[summary.level], lang), summary.level === 4 ? 'green' : 'blue')),
    summaryList(
      [
        { key: text.fee, value: formatFee(summary.fee, lang) },
        { key: text.time, value: formatWorkingDays(summary.processingDays, lang) },
      ],
      { compact: true },
    ),
  );
}

function cataloguePage(lang: Lang, site: Parameters<PageGenerator>[0]): BuiltPage {
  const text = CATALOGUE_TEXTS[lang];
  const common = COMMON[lang];
  const main = [
    h('h1', null, common.catalogue),
    h(
      'form',
      { id: 'search', class: 'search js-only', role: 'search', action: pages(lang).catalogue() },
      h('label', { class: 'label', for: 'q' }, text.searchLabel),
      h('div', { id: 'q-hint', class: 'hint' }, text.searchHint),
      h(
        'div',
        { class: 'search__row' },
        h('input', {
          class: 'input',
          id: 'q',
          name: 'q',
          type: 'search',
          autocomplete: 'off',
          enterkeyhint: 'search',
          'aria-describedby': 'q-hint',
          maxlength: 200,
        }),
        h('button', { type: 'submit' }, text.searchButton),
      ),
    ),
    h('a', { class: 'link-panel', href: pages(lang).track() }, common.trackLink),
    h('p', { id: 'status', class: 'status-line', role: 'status' }, text.count(procedures.length)),
    h(
      'ul',
      { id: 'results', class: 'list-plain' },
      procedures.map((p) => card(p, lang)),
    ),
  ];
  return {
    path: pages(lang).catalogue(),
    html: renderPage({
      lang,
      path: PATHS.catalogue(),
      title: common.catalogue,
      description: text.description,
      assets: site.assets('catalogue'),
      main,
    }),
  };
}

export const cataloguePages: PageGenerator = (site) => LANGS.map((lang) => cataloguePage(lang, site));
