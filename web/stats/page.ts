// The public statistics page (`/stats/`): the frame of a period's figures, which its script (stats/main.ts) draws as
// an inline SVG chart and the same figures as a table. The console's view of one agency reuses the frame.
import type { PageGenerator } from '../build/context';
import { renderPage } from '../components/layout/layout';
import { h, type VElement } from '../lib/html';
import { LANGS, type Lang } from '../lib/i18n';
import { localize, PATHS } from '../lib/urls';
import { STATS_TEXTS } from './texts';

const monthField = (id: string, label: string, hint: string) =>
  h(
    'div',
    { class: 'form-group' },
    h('label', { class: 'label', for: id }, label),
    h('div', { class: 'hint', id: `${id}-hint` }, hint),
    h('p', { class: 'error-message', id: `${id}-error` }),
    h('input', {
      class: 'input input--month',
      id,
      name: id,
      type: 'month',
      inputmode: 'numeric',
      pattern: '\\d{4}-\\d{2}',
      'aria-describedby': `${id}-hint ${id}-error`,
    }),
  );

/**
 * What the statistics show, for the public (`all` agencies) or for one agency in the console (`agency`): the
 * period form, the chart and the table, drawn by stats/main.ts.
 */
export function statisticsMain(lang: Lang, scope: 'all' | 'agency', title: string): VElement {
  const text = STATS_TEXTS[lang];
  return h(
    'div',
    { id: 'statistics', 'data-scope': scope },
    h('span', { id: 'agency-name', class: 'caption' }),
    h('h1', null, title),
    h('p', null, text.intro),
    h('div', { id: 'error' }),
    h(
      'form',
      { id: 'period', class: 'period js-only', 'aria-label': text.period },
      monthField('from', text.from, text.monthHint),
      monthField('to', text.to, text.monthHint),
      h('button', { type: 'submit' }, text.show),
    ),
    h('p', { id: 'status', class: 'status-line', role: 'status' }),
    h('p', { id: 'covered' }),
    h('figure', { id: 'chart', class: 'chart' }),
    h('div', { id: 'figures' }),
    h('p', { class: 'hint' }, text.notes),
  );
}

export const statsPages: PageGenerator = (site) =>
  LANGS.map((lang) => ({
    path: localize(PATHS.stats(), lang),
    html: renderPage({
      lang,
      path: PATHS.stats(),
      title: STATS_TEXTS[lang].title,
      assets: site.assets('stats'),
      preloadConfig: true,
      needsScript: true,
      wide: true,
      main: statisticsMain(lang, 'all', STATS_TEXTS[lang].title),
    }),
  }));
