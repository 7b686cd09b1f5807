// A case's page for its applicant: status, due date (the working-day clock and its legal basis come with
// case-later.ts), the supplement request answered item by item, history, documents, the forms and the result to
// download, "Thanh toán" / "Pay" while a fee is due, and "Rút hồ sơ" / "Withdraw" with a confirmation.
import { STATUS_LABELS } from '../../functions/domain/status-labels';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { notice } from '../components/notice/notice';
import { summaryList } from '../components/summary-list/summary-list';
import { statusTag } from '../components/tag/tag';
import { timeline } from '../components/timeline/timeline';
import { ApiError, apiFetch } from '../lib/api';
import type { CaseView, Language } from '../lib/api-types';
import { currentSession } from '../lib/auth';
import { loadConfig } from '../lib/config';
import { byId, render } from '../lib/dom';
import { saveBlob } from '../lib/files';
import { formatBytes, formatDate, formatDateTime } from '../lib/format';
import { type Child, h } from '../lib/html';
import { fill } from '../lib/page-texts';
import { API_PATHS, pages } from '../lib/urls';
import type { MyPageData } from './page-data';

export interface CaseContext {
  readonly lang: Language;
  readonly data: MyPageData;
  readonly code: string;
}

/** Until a decision, the applicant may withdraw (CONTRACT.md, status machine). */
const WITHDRAWABLE = new Set(['awaiting_payment', 'submitted', 'needs_supplement']);

type FormName = keyof MyPageData['forms'];

/** The one-stop forms the case has for its applicant, as the API says (`forms`, one rule in the domain). */
function formsOf(c: CaseView, names: MyPageData['forms']): FormName[] {
  return (c.forms ?? []).filter((form): form is FormName => form in names);
}

/**
 * Downloads a form with the session's token (a plain link could not carry it) and saves it under `fileName`. Not
 * `fetchApiFile`: this page needs neither the file's own name nor the problem's details, which would add about
 * 220 bytes gzip to its first load.
 */
async function download(path: string, fileName: string): Promise<boolean> {
  const config = await loadConfig();
  const token = currentSession()?.accessToken;
  let response: Response;
  try {
    response = await fetch(`${config.apiBaseUrl.replace(/\/$/, '')}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    return false;
  }
  if (!response.ok) return false;
  saveBlob(await response.blob(), fileName);
  return true;
}

export async function showCase(ctx: CaseContext): Promise<void> {
  const text = ctx.data.texts;
  const container = byId('my-case');
  const failed = (error: unknown) => {
    render(container);
    const title =
      !(error instanceof ApiError) || error.status === 404
        ? text.notFound
        : error.isNetworkError
          ? text.connection
          : text.serverError;
    showErrorSummary(byId('error'), errorSummary({ title }));
  };
  if (!ctx.code) return failed(null);
  // Back from the payment gateway (`&payment=paid|failed`): what it said. Only its IPN changes the case.
  const payment = new URLSearchParams(location.search).get('payment');
  const said = payment === 'paid' ? text.paymentPaid : payment === 'failed' ? text.paymentFailed : undefined;
  try {
    draw(ctx, await apiFetch<CaseView>(`/applications/${encodeURIComponent(ctx.code)}`), said);
  } catch (error) {
    failed(error);
  }
}

/** Draws the case; the parts that need more code (clock, answers, supplement) follow from case-later.ts. */
export function draw(ctx: CaseContext, c: CaseView, said?: string): void {
  const { lang } = ctx;
  const text = ctx.data.texts;
  const facts = ctx.data.procedures[c.procedureId];
  const name = c.procedureName[lang] || c.procedureName.vi;
  document.title = `${name} – ${c.code}`;
  const forms = formsOf(c, ctx.data.forms);
  const actorName = (role: string) =>
    role === 'official' || role === 'admin'
      ? text.actorOfficial
      : role === 'system'
        ? text.actorSystem
        : text.actorApplicant;
  render(
    byId('my-case'),
    h('span', { class: 'caption' }, `${text.caseCode}: `, h('span', { class: 'case-code' }, c.code)),
    h('h1', { id: 'case-title', tabindex: '-1' }, name),
    said ? h('div', { class: 'notice', role: 'status' }, said) : null,
    h('p', null, `${text.status}: `, statusTag(c.status, lang)),
    c.status === 'needs_supplement' ? notice(text.supplementNeeded) : null,
    h(
      'div',
      { class: 'card' },
      summaryList([
        { key: text.submittedAt, value: formatDateTime(c.submittedAt) },
        {
          key: c.status === 'submitted' || c.status === 'awaiting_payment' ? text.dueExpected : text.dueAt,
          value: [formatDate(c.dueAt), h('span', { id: 'due-clock', class: 'hint' })],
        },
        {
          key: text.timeLimit,
          value: facts
            ? fill(text.timeLimitValue, {
                days: fill(text.workingDays, { n: facts.processingDays }),
                basis: facts.timeLimitBasis,
              })
            : '',
        },
        { key: text.agency, value: facts?.agency ?? '' },
      ]),
    ),
    c.status === 'awaiting_payment'
      ? h(
          'div',
          { class: 'card' },
          h('p', null, text.payNeeded),
          // Level 4's payment page: the fee, then the gateway, which brings the browser back here.
          h('a', { class: 'button button--start', href: pages(lang).pay(c.code) }, text.pay),
        )
      : null,
    h('div', { id: 'supplement' }),
    h(
      'section',
      { 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, text.history),
      timeline(
        c.history.map((event) => ({
          at: event.at,
          label: STATUS_LABELS[event.status][lang],
          detail: `${actorName(event.actor.role)}${event.note ? `: ${event.note}` : ''}`,
        })),
      ),
    ),
    c.documents.length > 0
      ? h(
          'section',
          { 'aria-labelledby': 'documents-title' },
          h('h2', { id: 'documents-title' }, text.documents),
          h(
            'ul',
            null,
            c.documents.map((d) =>
              h(
                'li',
                null,
                d.fileName,
                h('span', { class: 'hint' }, ` (${formatBytes(d.size, lang)})`),
                ' – ',
                facts?.documents.find((r) => r.type === d.documentType)?.name ?? d.documentType,
              ),
            ),
          ),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'downloads-title' },
      h('h2', { id: 'downloads-title' }, text.downloads),
      forms.length === 0 && !c.result ? h('p', null, text.noDownloads) : null,
      forms.length > 0
        ? h(
            'ul',
            { class: 'list-plain downloads' },
            forms.map((form) =>
              h(
                'li',
                null,
                h(
                  'button',
                  { type: 'button', class: 'button--secondary button--small', 'data-form': form },
                  ctx.data.forms[form],
                ),
              ),
            ),
          )
        : null,
      c.result ? resultView(ctx, c) : null,
    ),
    h('details', { id: 'answers', class: 'answers' }, h('summary', null, text.answers)),
    WITHDRAWABLE.has(c.status)
      ? h(
          'div',
          { id: 'withdraw' },
          h(
            'button',
            { type: 'button', class: 'button--warning', 'data-case-action': 'withdraw' },
            text.withdraw,
          ),
        )
      : null,
  );
  const root = byId('my-case');
  root.onclick = (event) => void onClick(ctx, c, event);
  byId('case-title').focus();
  void import('./case-later').then(
    (later) => later.enhance(ctx, c, (next, message) => draw(ctx, next, message)),
    () => undefined,
  );
}

/**
 * The result: level 4's signed file by its short-lived link (`GET /api/results/{code}?expires=&sig=`, made fresh with
 * each read of the case) and its verification page; while it is being signed, a word to come back; otherwise the desk.
 */
function resultView(ctx: CaseContext, c: CaseView): Child {
  const text = ctx.data.texts;
  const result = c.result;
  if (!result) return null;
  const fileName = result.fileName ?? result.document?.fileName;
  return h(
    'div',
    { class: 'card' },
    h('h3', null, text.result),
    result.note ? h('p', null, result.note) : null,
    result.downloadUrl
      ? h(
          'p',
          null,
          h('a', { href: result.downloadUrl, download: fileName ?? true }, fileName ?? text.result),
          result.size ? h('span', { class: 'hint' }, ` (${formatBytes(result.size, ctx.lang)})`) : null,
        )
      : h('p', null, result.signature === 'pending' ? text.resultSigning : text.resultAtDesk),
    result.verifyUrl ? h('p', null, h('a', { href: result.verifyUrl }, text.resultVerify)) : null,
  );
}

function say(message: string) {
  const line = document.getElementById('status');
  if (line) line.textContent = message;
}

async function onClick(ctx: CaseContext, c: CaseView, event: MouseEvent) {
  const text = ctx.data.texts;
  const target = (event.target as Element | null)?.closest<HTMLElement>('button');
  if (!target) return;
  const form = target.dataset.form as FormName | undefined;
  const action = target.dataset.caseAction;
  if (form) {
    const ok = await download(API_PATHS.caseForm(c.code, form), `${c.code}-${form}.pdf`);
    say(ok ? '' : text.formUnavailable);
  } else if (action === 'withdraw') confirmWithdrawal(ctx);
  else if (action === 'cancel-withdraw') {
    draw(ctx, c);
    document.querySelector<HTMLElement>('[data-case-action="withdraw"]')?.focus();
  } else if (action === 'confirm-withdraw') {
    target.setAttribute('disabled', '');
    const reason = (document.getElementById('withdraw-reason') as HTMLTextAreaElement | null)?.value.trim();
    try {
      const next = await apiFetch<CaseView>(`/applications/${encodeURIComponent(c.code)}/withdraw`, {
        method: 'POST',
        body: reason ? { reason } : {},
      });
      draw(ctx, next, text.withdrawn);
    } catch (error) {
      target.removeAttribute('disabled');
      const title =
        error instanceof ApiError && error.problem && error.status < 500
          ? error.problem.title
          : error instanceof ApiError && error.isNetworkError
            ? text.connection
            : text.serverError;
      showErrorSummary(byId('error'), errorSummary({ title }));
    }
  }
}

/** "Rút hồ sơ" asks first: what it means, an optional reason, and a button that confirms. */
function confirmWithdrawal(ctx: CaseContext) {
  const text = ctx.data.texts;
  const panel = byId('withdraw');
  render(
    panel,
    h(
      'div',
      { class: 'card confirm', role: 'group', 'aria-labelledby': 'withdraw-title' },
      h('h2', { id: 'withdraw-title', tabindex: '-1' }, text.withdrawTitle),
      h('p', null, text.withdrawWarning),
      h(
        'div',
        { class: 'form-group' },
        h(
          'label',
          { class: 'label', for: 'withdraw-reason' },
          `${text.withdrawReason} ${ctx.data.formTexts.optional}`,
        ),
        h('textarea', { id: 'withdraw-reason', class: 'input', rows: 3 }),
      ),
      h(
        'div',
        { class: 'button-group' },
        h(
          'button',
          { type: 'button', class: 'button--warning', 'data-case-action': 'confirm-withdraw' },
          text.confirmWithdraw,
        ),
        h(
          'button',
          { type: 'button', class: 'button--secondary', 'data-case-action': 'cancel-withdraw' },
          text.cancel,
        ),
      ),
    ),
  );
  byId('withdraw-title').focus();
}
