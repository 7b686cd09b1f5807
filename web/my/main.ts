// "Hồ sơ của tôi" / "My applications": the applicant's drafts (on the server, and any this device has not sent yet)
// to resume, and their cases, newest first, with status and due date; and, on `/my/case/`, one case's page.
import { mountAccountBar } from '../components/account/behaviour';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { statusTag } from '../components/tag/tag';
import { ApiError, apiFetch } from '../lib/api';
import type { CaseSummary, Page } from '../lib/api-types';
import { requireSession } from '../lib/auth';
import { byId, readPageData, render, toNode } from '../lib/dom';
import { draftApi } from '../lib/draft-api';
import { type LocalDraft, localDrafts } from '../lib/drafts';
import { formatDate, formatDateTime } from '../lib/format';
import { type Child, h } from '../lib/html';
import { fill } from '../lib/page-texts';
import { startPage } from '../lib/start';
import { pages } from '../lib/urls';
import { showCase } from './case';
import type { MyPageData } from './page-data';

const lang = startPage();
const session = requireSession({ roles: ['citizen', 'business'] });
const data = readPageData<MyPageData>('my-data');
const text = data.texts;
const link = pages(lang);

/** The failure of a read, as the page's error summary. */
export function showFailure(error: unknown, notFound?: string) {
  const title =
    error instanceof ApiError && error.status === 404 && notFound
      ? notFound
      : error instanceof ApiError && error.isNetworkError
        ? text.connection
        : text.serverError;
  showErrorSummary(byId('error'), errorSummary({ title }));
}

const nameOf = (procedureId: string) => data.procedures[procedureId]?.name ?? procedureId;

function draftItem(
  draft: { procedureId: string; updatedAt: string; expiresAt?: string },
  local: boolean,
): Child {
  const name = nameOf(draft.procedureId);
  return h(
    'li',
    { class: 'card' },
    h('h3', { class: 'card__title' }, name),
    h(
      'p',
      { class: 'hint' },
      fill(text.draftSaved, { time: formatDateTime(draft.updatedAt) }),
      draft.expiresAt ? ` · ${fill(text.draftExpires, { date: formatDate(draft.expiresAt) })}` : '',
      local ? ` · ${text.draftLocal}` : '',
    ),
    h(
      'a',
      { class: 'button button--secondary', href: link.apply(draft.procedureId) },
      text.resume,
      h('span', { class: 'visually-hidden' }, `: ${name}`),
    ),
  );
}

function caseItem(c: CaseSummary): Child {
  const name = c.procedureName[lang] || c.procedureName.vi;
  return h(
    'li',
    { class: 'card' },
    h('h3', { class: 'card__title' }, h('a', { href: link.myCase(c.code) }, name)),
    h('p', { class: 'case-line' }, `${text.caseCode}: `, h('span', { class: 'case-code' }, c.code)),
    h('p', null, statusTag(c.status, lang)),
    h(
      'p',
      { class: 'hint' },
      `${text.submittedAt}: ${formatDate(c.submittedAt)} · ${text.dueAt}: ${formatDate(c.dueAt)}`,
    ),
  );
}

async function showList(owner: string) {
  const container = byId('my-list');
  const [drafts, cases] = await Promise.allSettled([
    draftApi(apiFetch).list(),
    apiFetch<Page<CaseSummary>>('/applications', { query: { limit: 20 } }),
  ]);
  if (cases.status === 'rejected') showFailure(cases.reason);
  const onServer = drafts.status === 'fulfilled' ? drafts.value : [];
  // A draft this device holds but has not sent (offline when it was made) is listed too, unless the server has it.
  const unsent = localDrafts(owner).filter(
    (d: LocalDraft) => d.dirty && !onServer.some((s) => s.procedureId === d.procedureId),
  );
  const draftItems = [
    ...onServer.map((d) => draftItem(d, false)),
    ...unsent.map((d) => draftItem({ procedureId: d.procedureId, updatedAt: d.savedAt }, true)),
  ];
  const list = h(
    'ul',
    { class: 'list-plain', id: 'cases' },
    cases.status === 'fulfilled' ? cases.value.items.map(caseItem) : null,
  );
  render(
    container,
    h('p', null, text.intro),
    h(
      'section',
      { 'aria-labelledby': 'drafts-title' },
      h('h2', { id: 'drafts-title' }, text.drafts),
      draftItems.length > 0 ? h('ul', { class: 'list-plain' }, draftItems) : h('p', null, text.noDrafts),
    ),
    h(
      'section',
      { 'aria-labelledby': 'cases-title' },
      h('h2', { id: 'cases-title' }, text.cases),
      cases.status === 'fulfilled' && cases.value.items.length === 0
        ? h('p', null, text.noCases, ' ', h('a', { href: link.catalogue() }, text.findProcedure))
        : list,
      h('p', { id: 'more' }),
    ),
  );
  if (cases.status === 'fulfilled') offerMore(cases.value.nextCursor);
}

/** "Xem thêm hồ sơ" / "Show more applications" while there is a next page. */
function offerMore(cursor: string | undefined) {
  const place = byId('more');
  if (!cursor) return render(place);
  const button = toNode(
    h('button', { type: 'button', class: 'button--secondary' }, text.more),
  ) as HTMLButtonElement;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const next = await apiFetch<Page<CaseSummary>>('/applications', { query: { limit: 20, cursor } });
      const list = byId('cases');
      const first = list.children.length;
      list.append(toNode(next.items.map(caseItem)));
      list.querySelectorAll<HTMLAnchorElement>('a')[first]?.focus();
      offerMore(next.nextCursor);
    } catch (error) {
      button.disabled = false;
      showFailure(error);
    }
  });
  place.replaceChildren(button);
}

if (session) {
  mountAccountBar(lang);
  if (document.getElementById('my-list')) void showList(session.user.sub);
  else void showCase({ lang, data, code: new URLSearchParams(location.search).get('code') ?? '' });
}
