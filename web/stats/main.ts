// The statistics pages' script: a period's figures from GET /api/stats as an inline SVG bar chart of each agency's
// on-time rate (its title and description say the same in words) and the same figures as a table. Public on
// `/stats/`; in the console (`/console/stats/`) signed in, for the official's own agency.
import { mountAccountBar } from '../components/account/behaviour';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { setFieldError } from '../components/field/behaviour';
import { apiFetch } from '../lib/api';
import type { ProcedureSummary, Statistics } from '../lib/api-types';
import { requireSession } from '../lib/auth';
import { byId, queryParam, render } from '../lib/dom';
import { formatDate } from '../lib/format';
import { type Child, h } from '../lib/html';
import { COMMON, type Lang, pick } from '../lib/i18n';
import { startPage, syncLanguageSwitch } from '../lib/start';
import { STATS_TEXTS } from './texts';

type Row = Statistics['items'][number];
type Texts = (typeof STATS_TEXTS)[Lang];
type Figures = Omit<Row, 'agencyId' | 'procedureId' | 'onTimeRate'>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const percent = (rate: number | null, lang: Lang) =>
  rate === null
    ? '—'
    : `${(Math.round(rate * 1000) / 10).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} %`;

function add(total: Figures, row: Figures): Figures {
  return {
    received: total.received + row.received,
    resolved: total.resolved + row.resolved,
    resolvedOnTime: total.resolvedOnTime + row.resolvedOnTime,
    resolvedLate: total.resolvedLate + row.resolvedLate,
    pending: total.pending + row.pending,
    pendingOverdue: total.pendingOverdue + row.pendingOverdue,
  };
}

const ZERO: Figures = {
  received: 0,
  resolved: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  pending: 0,
  pendingOverdue: 0,
};
const rateOf = (figures: Figures) =>
  figures.resolved > 0 ? figures.resolvedOnTime / figures.resolved : null;

/**
 * A horizontal bar per agency, its length the on-time rate, its figure written beside it: the numbers are in the
 * drawing as text, in its description, and in the table below, so no one needs to read a length.
 */
function chart(agencies: { name: string; figures: Figures }[], text: Texts, lang: Lang): Child {
  const rowHeight = 44;
  const labelWidth = 0;
  const width = 640;
  const barLeft = 8;
  const barMax = width - barLeft - 90;
  const height = agencies.length * rowHeight + 8;
  const description = text.chartDescription(
    agencies
      .map(({ name, figures }) => {
        const rate = rateOf(figures);
        return `${name} ${rate === null ? text.noResolved : percent(rate, lang)}`;
      })
      .join('; '),
  );
  return [
    h(
      'svg',
      {
        class: 'chart__svg',
        viewBox: `0 0 ${width} ${height}`,
        role: 'img',
        'aria-labelledby': 'chart-title chart-desc',
        preserveAspectRatio: 'xMinYMin meet',
      },
      h('title', { id: 'chart-title' }, text.chartTitle),
      h('desc', { id: 'chart-desc' }, description),
      agencies.map(({ name, figures }, i) => {
        const rate = rateOf(figures);
        const y = i * rowHeight + 4;
        const barWidth = Math.max(rate === null ? 0 : rate * barMax, rate === null ? 0 : 2);
        return h(
          'g',
          { class: 'chart__row' },
          h('text', { x: barLeft + labelWidth, y: y + 13, class: 'chart__label' }, name),
          h('rect', { x: barLeft, y: y + 18, width: barMax, height: 16, class: 'chart__track' }),
          h('rect', { x: barLeft, y: y + 18, width: barWidth.toFixed(1), height: 16, class: 'chart__bar' }),
          h(
            'text',
            { x: barLeft + barMax + 8, y: y + 31, class: 'chart__value' },
            rate === null ? '—' : percent(rate, lang),
          ),
        );
      }),
    ),
    h('figcaption', { class: 'hint' }, text.chartTitle),
  ];
}

function table(
  rows: { agency: string; procedure: string; figures: Figures }[],
  total: Figures,
  text: Texts,
  lang: Lang,
): Child {
  const cells = (figures: Figures) =>
    [
      figures.received,
      figures.resolved,
      figures.resolvedOnTime,
      figures.resolvedLate,
      figures.pending,
      figures.pendingOverdue,
    ].map((value) => h('td', { class: 'table__number' }, String(value)));
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'figures-title' },
    h(
      'table',
      { class: 'table' },
      h('caption', { id: 'figures-title' }, text.tableTitle),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [
            text.agency,
            text.procedure,
            text.received,
            text.resolved,
            text.onTime,
            text.late,
            text.pending,
            text.pendingOverdue,
            text.rate,
          ].map((title) => h('th', { scope: 'col' }, title)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((row) =>
          h(
            'tr',
            null,
            h('td', null, row.agency),
            h('th', { scope: 'row' }, row.procedure),
            cells(row.figures),
            h('td', { class: 'table__number' }, percent(rateOf(row.figures), lang)),
          ),
        ),
      ),
      h(
        'tfoot',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'row', colspan: 2 }, text.total),
          cells(total),
          h('td', { class: 'table__number' }, percent(rateOf(total), lang)),
        ),
      ),
    ),
  );
}

async function start(): Promise<void> {
  const lang = startPage();
  const text = STATS_TEXTS[lang];
  const root = byId('statistics');
  let agencyId: string | undefined;
  if (root.dataset.scope === 'agency') {
    // The console's view: only signed in, for one's own agency (an admin picks one with ?agency=).
    const session = requireSession({ roles: ['official', 'admin'] });
    if (!session) return;
    mountAccountBar(lang);
    agencyId = session.user.role === 'admin' ? queryParam('agency') || undefined : session.user.agencyId;
  }
  const form = byId<HTMLFormElement>('period');
  const from = byId<HTMLInputElement>('from');
  const to = byId<HTMLInputElement>('to');
  const thisMonth = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  from.value = MONTH.test(queryParam('from')) ? queryParam('from') : `${thisMonth.slice(0, 4)}-01`;
  to.value = MONTH.test(queryParam('to')) ? queryParam('to') : thisMonth;
  const catalogue = apiFetch<{ items: ProcedureSummary[] }>('/procedures');

  async function show(): Promise<void> {
    const errorBox = byId('error');
    const problems = [from, to].filter((input) => !MONTH.test(input.value.trim()));
    for (const input of [from, to]) setFieldError(input, problems.includes(input) ? text.invalidMonth : '');
    if (problems.length > 0) {
      showErrorSummary(
        errorBox,
        errorSummary({
          title: COMMON[lang].problemTitle,
          items: problems.map((p) => ({ text: text.invalidMonth, href: `#${p.id}` })),
        }),
      );
      return;
    }
    render(errorBox);
    byId('status').textContent = COMMON[lang].loading;
    try {
      const [figures, { items: procedures }] = await Promise.all([
        apiFetch<Statistics>('/stats', {
          query: {
            from: `${from.value.trim()}-01`,
            to: `${to.value.trim()}-01`,
            ...(agencyId ? { agencyId } : {}),
          },
        }),
        catalogue,
      ]);
      const procedureById = new Map(procedures.map((p) => [p.id, p]));
      const agencyName = (id: string) => {
        const found = procedures.find((p) => p.agency.id === id);
        return found ? pick(found.agency.name, lang) : id;
      };
      if (agencyId) byId('agency-name').textContent = agencyName(agencyId);
      byId('covered').textContent = text.covered(
        formatDate(`${figures.from}T00:00:00+07:00`),
        formatDate(`${figures.to}T00:00:00+07:00`),
      );
      const rows = figures.items.map((row) => ({
        agency: agencyName(row.agencyId),
        procedure: pick(procedureById.get(row.procedureId)?.name, lang) || row.procedureId,
        figures: row as Figures,
        agencyId: row.agencyId,
      }));
      const byAgency = new Map<string, { name: string; figures: Figures }>();
      for (const row of rows) {
        const current = byAgency.get(row.agencyId) ?? { name: row.agency, figures: ZERO };
        byAgency.set(row.agencyId, { name: row.agency, figures: add(current.figures, row.figures) });
      }
      const total = rows.reduce((sum, row) => add(sum, row.figures), ZERO);
      render(byId('chart'), rows.length > 0 ? chart([...byAgency.values()], text, lang) : null);
      render(byId('figures'), rows.length > 0 ? table(rows, total, text, lang) : h('p', null, text.none));
      const url = new URL(location.href);
      url.searchParams.set('from', from.value.trim());
      url.searchParams.set('to', to.value.trim());
      history.replaceState(null, '', url);
      syncLanguageSwitch();
    } catch (error) {
      showErrorSummary(errorBox, problemSummary(error, lang));
    } finally {
      byId('status').textContent = '';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  await show();
}

void start();
