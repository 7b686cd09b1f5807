// The agency's queue: a tab per status with its count, filters by procedure and assignee, the cases soonest
// deadline first with overdue and due-soon ones marked in words, paging by cursor, and the register download.
import { CASE_STATUSES, type CaseStatus } from '../../functions/domain/types';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { notice } from '../components/notice/notice';
import { apiFetch } from '../lib/api';
import type { Page, ProcedureSummary, QueueItem } from '../lib/api-types';
import type { Session } from '../lib/auth';
import { byId, queryParam, render } from '../lib/dom';
import { fetchApiFile, saveBlob } from '../lib/files';
import { formatDate } from '../lib/format';
import { type Child, h } from '../lib/html';
import { COMMON, type Lang, pick } from '../lib/i18n';
import { pages } from '../lib/urls';
import { deadlineMarker } from './deadline';
import { queueTexts } from './texts';

type Texts = ReturnType<typeof queueTexts>;

function caseCard(item: QueueItem, lang: Lang, text: Texts): Child {
  return h(
    'li',
    { class: item.overdue ? 'card case-card case-card--overdue' : 'card case-card' },
    h('h2', { class: 'case-card__title' }, h('a', { href: pages(lang).consoleCase(item.code) }, item.code)),
    h('p', { class: 'case-card__procedure' }, pick(item.procedureName, lang)),
    h(
      'dl',
      { class: 'case-card__facts' },
      h('dt', null, text.applicantName),
      h('dd', null, item.applicantName),
      h('dt', null, text.submittedAt),
      h('dd', null, formatDate(item.submittedAt)),
      h('dt', null, text.dueAt),
      h(
        'dd',
        null,
        formatDate(item.dueAt),
        ' ',
        h('span', { class: 'deadline' }, deadlineMarker(item, text)),
      ),
      h('dt', null, text.assigned),
      h('dd', null, item.assignee?.name ?? text.notAssigned),
    ),
  );
}

interface QueueState {
  readonly status: CaseStatus;
  readonly procedure: string;
  readonly assignee: string;
  readonly agency: string;
  readonly cursor: string;
}

function stateFromAddress(): QueueState {
  const status = queryParam('status') as CaseStatus;
  return {
    status: CASE_STATUSES.includes(status) ? status : 'submitted',
    procedure: queryParam('procedure'),
    assignee: queryParam('assignee'),
    agency: queryParam('agency'),
    cursor: queryParam('cursor'),
  };
}

/** The queue's address for a state: the filters kept, the cursor only when asked. */
function addressOf(lang: Lang, state: QueueState, cursor = ''): string {
  const query = new URLSearchParams();
  query.set('status', state.status);
  if (state.procedure) query.set('procedure', state.procedure);
  if (state.assignee) query.set('assignee', state.assignee);
  if (state.agency) query.set('agency', state.agency);
  if (cursor) query.set('cursor', cursor);
  return `${pages(lang).console()}?${query}`;
}

const option = (value: string, label: string, selected: string) =>
  h('option', { value, selected: value === selected }, label);

export async function startQueue(lang: Lang, session: Session): Promise<void> {
  const text = queueTexts(lang);
  const state = stateFromAddress();
  const isAdmin = session.user.role === 'admin';
  const agencyId = isAdmin ? state.agency : (session.user.agencyId ?? '');
  const errorBox = byId('error');
  const statusLine = byId('status');
  const agencyQuery = isAdmin && agencyId ? { agencyId } : {};
  const filterQuery = {
    ...agencyQuery,
    ...(state.procedure ? { procedureId: state.procedure } : {}),
    ...(state.assignee ? { assignee: state.assignee } : {}),
  };
  byId<HTMLInputElement>('filter-status').value = state.status;
  for (const tab of document.querySelectorAll<HTMLAnchorElement>('a[data-status]')) {
    const status = tab.dataset.status as CaseStatus;
    tab.href = addressOf(lang, { ...state, status });
    if (status === state.status) tab.setAttribute('aria-current', 'page');
  }

  statusLine.textContent = COMMON[lang].loading;
  try {
    const { items: procedures } = await apiFetch<{ items: ProcedureSummary[] }>('/procedures');
    const agencies = [...new Map(procedures.map((p) => [p.agency.id, p.agency])).values()];
    if (isAdmin) {
      byId('agency-group').hidden = false;
      render(
        byId('filter-agency'),
        option('', text.chooseAgency, agencyId),
        agencies.map((agency) => option(agency.id, pick(agency.name, lang), agencyId)),
      );
    }
    const agency = agencies.find((a) => a.id === agencyId);
    byId('agency-name').textContent = agency ? pick(agency.name, lang) : '';
    render(
      byId('filter-procedure'),
      option('', text.allProcedures, state.procedure),
      procedures
        .filter((p) => p.agency.id === agencyId)
        .map((p) => option(p.id, pick(p.name, lang), state.procedure)),
    );
    if (!agencyId) {
      render(byId('filter-assignee'), option('', text.anyone, ''));
      statusLine.textContent = '';
      render(byId('cases'), h('li', null, text.chooseAgency));
      return;
    }
    // Asking for one's colleagues also puts one in the list, so that they can assign cases to one.
    const [officials, counts, page] = await Promise.all([
      apiFetch<{ items: { id: string; name: string }[] }>('/officials', { query: agencyQuery }),
      apiFetch<{ counts: Record<CaseStatus, number> }>('/queue/counts', { query: filterQuery }),
      apiFetch<Page<QueueItem>>('/queue', {
        query: {
          status: state.status,
          limit: 20,
          ...filterQuery,
          ...(state.cursor ? { cursor: state.cursor } : {}),
        },
      }),
    ]);
    render(
      byId('filter-assignee'),
      option('', text.anyone, state.assignee),
      isAdmin ? null : option('me', text.me, state.assignee),
      option('none', text.nobody, state.assignee),
      officials.items
        .filter((o) => o.id !== session.user.sub)
        .map((o) => option(o.id, o.name, state.assignee)),
    );
    for (const [status, count] of Object.entries(counts.counts)) {
      const badge = document.querySelector(`[data-count="${status}"]`);
      if (badge) badge.textContent = `(${count})`;
    }
    const overdue = page.items.filter((item) => item.overdue).length;
    render(byId('reminder'), overdue > 0 ? notice(h('p', null, text.overdueReminder(overdue))) : null);
    render(
      byId('cases'),
      page.items.length > 0
        ? page.items.map((item) => caseCard(item, lang, text))
        : h('li', null, text.empty),
    );
    render(
      byId('paging'),
      state.cursor ? h('a', { href: addressOf(lang, state), class: 'paging__link' }, text.firstPage) : null,
      page.nextCursor
        ? h(
            'a',
            { href: addressOf(lang, state, page.nextCursor), class: 'paging__link', rel: 'next' },
            text.nextPage,
          )
        : null,
    );
    statusLine.textContent = '';
  } catch (error) {
    statusLine.textContent = '';
    showErrorSummary(errorBox, problemSummary(error, lang));
  }
  setUpRegister(lang, agencyQuery);
}

/** The register's period: this month so far by default; downloaded as PDF or CSV. */
function setUpRegister(lang: Lang, agencyQuery: { agencyId?: string }): void {
  const text = queueTexts(lang);
  const form = byId<HTMLFormElement>('register');
  const from = byId<HTMLInputElement>('register-from');
  const to = byId<HTMLInputElement>('register-to');
  const format = byId<HTMLSelectElement>('register-format');
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  from.value = `${today.slice(0, 8)}01`;
  to.value = today;
  const button = form.querySelector<HTMLButtonElement>('button')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!from.value || !to.value) {
      showErrorSummary(
        byId('error'),
        errorSummary({
          title: COMMON[lang].problemTitle,
          items: [{ text: text.registerFrom, href: '#register-from' }],
        }),
      );
      return;
    }
    button.disabled = true;
    byId('status').textContent = text.downloading;
    try {
      const query = new URLSearchParams({
        from: from.value,
        to: to.value,
        format: format.value,
        ...agencyQuery,
      });
      const file = await fetchApiFile(`/register?${query}`, `register.${format.value}`);
      saveBlob(file.blob, file.name);
    } catch (error) {
      showErrorSummary(byId('error'), problemSummary(error, lang));
    } finally {
      button.disabled = false;
      byId('status').textContent = '';
    }
  });
}
