// The officials' console, in Vietnamese and English: the agency's queue (`/console/`), one case (`/console/case/`)
// and the agency's statistics (`/console/stats/`). Signed-in pages: the HTML is the frame, the script (console/main.ts,
// stats/main.ts for the statistics) fills it for the official's agency.

import { STATUS_LABELS } from '../../functions/domain/status-labels';
import { CASE_STATUSES } from '../../functions/domain/types';
import type { BuiltPage, PageGenerator, SiteContext } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { type Child, h } from '../lib/html';
import { LANGS, type Lang } from '../lib/i18n';
import { localize, PATHS, pages } from '../lib/urls';
import { statisticsMain } from '../stats/page';
import { actionTexts } from './action-texts';
import { caseTexts } from './case-texts';
import { queueTexts } from './texts';

function page(
  lang: Lang,
  site: SiteContext,
  path: string,
  title: string,
  main: Child,
  script = 'console',
): BuiltPage {
  return {
    path: localize(path, lang),
    html: renderPage({
      lang,
      path,
      title,
      assets: site.assets(script),
      preloadConfig: true,
      needsScript: true,
      wide: true,
      main,
    }),
  };
}

const select = (id: string, label: string, name: string) =>
  h(
    'div',
    { class: 'form-group' },
    h('label', { class: 'label', for: id }, label),
    h('select', { id, name, class: 'input' }),
  );

function queuePage(lang: Lang, site: SiteContext): BuiltPage {
  const text = queueTexts(lang);
  const link = pages(lang);
  return page(lang, site, PATHS.console(), text.title, [
    h('span', { id: 'agency-name', class: 'caption' }),
    h('h1', null, text.title),
    h('p', null, text.intro),
    h('div', { id: 'error' }),
    h('p', { id: 'status', class: 'status-line', role: 'status' }),
    h(
      'nav',
      { class: 'tabs js-only', 'aria-label': text.tabsLabel, 'data-console': 'queue' },
      h(
        'ul',
        { class: 'tabs__list' },
        CASE_STATUSES.map((status) =>
          h(
            'li',
            { class: 'tabs__item' },
            h(
              'a',
              { class: 'tabs__tab', href: `${link.console()}?status=${status}`, 'data-status': status },
              STATUS_LABELS[status][lang],
              ' ',
              h('span', { class: 'tabs__count', 'data-count': status }),
            ),
          ),
        ),
      ),
    ),
    h(
      'form',
      { id: 'filters', class: 'filters js-only', method: 'get', 'aria-label': text.filtersTitle },
      h('input', { type: 'hidden', name: 'status', id: 'filter-status' }),
      h('div', { id: 'agency-group', hidden: true }, select('filter-agency', text.agency, 'agency')),
      select('filter-procedure', text.procedure, 'procedure'),
      select('filter-assignee', text.assignee, 'assignee'),
      h('button', { type: 'submit' }, text.applyFilters),
    ),
    h('div', { id: 'reminder' }),
    h('ul', { id: 'cases', class: 'case-list' }),
    h('nav', { id: 'paging', class: 'paging', 'aria-label': text.nextPage }),
    h(
      'section',
      { class: 'card tools js-only', 'aria-labelledby': 'tools-title' },
      h('h2', { id: 'tools-title' }, text.tools),
      h('p', null, h('a', { href: link.consoleStats() }, text.statistics)),
      h(
        'form',
        { id: 'register', class: 'register' },
        h('h3', null, text.register),
        h(
          'div',
          { class: 'register__dates' },
          h(
            'div',
            { class: 'form-group' },
            h('label', { class: 'label', for: 'register-from' }, text.registerFrom),
            h('input', { class: 'input', id: 'register-from', type: 'date', required: true }),
          ),
          h(
            'div',
            { class: 'form-group' },
            h('label', { class: 'label', for: 'register-to' }, text.registerTo),
            h('input', { class: 'input', id: 'register-to', type: 'date', required: true }),
          ),
          h(
            'div',
            { class: 'form-group' },
            h('label', { class: 'label', for: 'register-format' }, text.registerFormat),
            h(
              'select',
              { class: 'input', id: 'register-format' },
              h('option', { value: 'pdf' }, 'PDF'),
              h('option', { value: 'csv' }, 'CSV'),
            ),
          ),
        ),
        h('button', { type: 'submit' }, text.download),
      ),
    ),
  ]);
}

function casePage(lang: Lang, site: SiteContext): BuiltPage {
  const text = caseTexts(lang);
  const script = 'console-case';
  const section = (id: string, title: string, ...content: Child[]) =>
    h(
      'section',
      { class: 'card', 'aria-labelledby': `${id}-title`, id },
      h('h2', { id: `${id}-title` }, title),
      ...content,
    );
  return page(
    lang,
    site,
    PATHS.consoleCase(),
    text.caseTitle,
    [
      h('a', { class: 'back-link', href: pages(lang).console(), id: 'back' }, text.backToQueue),
      h('span', { id: 'procedure-name', class: 'caption' }),
      h('h1', { id: 'case-title' }, text.caseTitle),
      h('div', { id: 'error' }),
      h('div', { id: 'notice', role: 'alert', tabindex: '-1' }),
      h('p', { id: 'status', class: 'status-line', role: 'status' }),
      h(
        'div',
        { id: 'case', class: 'case-page', hidden: true },
        h('div', { id: 'summary', class: 'card' }),
        section('actions', text.actions, h('div', { id: 'action-buttons', class: 'action-buttons' })),
        section('applicant', text.applicant, h('div', { id: 'applicant-details' })),
        section('data', text.data, h('div', { id: 'data-view' })),
        section(
          'documents',
          text.documents,
          h('ul', { id: 'document-list', class: 'list-plain documents' }),
          h('div', { id: 'viewer' }),
        ),
        section('forms', text.forms, h('ul', { id: 'form-list', class: 'list-plain forms' })),
        section('history', text.history, h('ol', { id: 'history-list', class: 'timeline' })),
        section(
          'audit',
          text.audit,
          h('p', { class: 'hint' }, text.auditIntro),
          h('div', { id: 'audit-table' }),
          h(
            'button',
            { type: 'button', id: 'audit-more', class: 'button--secondary', hidden: true },
            text.auditMore,
          ),
        ),
      ),
    ],
    script,
  );
}

/** One action on a case, on a page of its own: what it needs, then the check of what will be sent. */
function actionPage(lang: Lang, site: SiteContext): BuiltPage {
  const text = actionTexts(lang);
  return page(
    lang,
    site,
    PATHS.consoleAction(),
    text.caseTitle,
    [
      h('a', { class: 'back-link', href: pages(lang).consoleCase(), id: 'back' }, text.backToCase),
      h('span', { id: 'case-code', class: 'caption' }),
      h('h1', { id: 'action-title', tabindex: '-1' }, text.caseTitle),
      h('div', { id: 'error' }),
      h('p', { id: 'status', class: 'status-line', role: 'status' }),
      h('div', { id: 'action-panel', class: 'card' }),
    ],
    'console-action',
  );
}

function statsPage(lang: Lang, site: SiteContext): BuiltPage {
  const text = queueTexts(lang);
  return page(
    lang,
    site,
    PATHS.consoleStats(),
    text.statistics,
    [
      h('a', { class: 'back-link', href: pages(lang).console() }, text.backToQueue),
      statisticsMain(lang, 'agency', text.statistics),
    ],
    'stats',
  );
}

export const consolePages: PageGenerator = (site) =>
  LANGS.flatMap((lang) => [
    queuePage(lang, site),
    casePage(lang, site),
    actionPage(lang, site),
    statsPage(lang, site),
  ]);
