// One case in the console: its deadline in working days, the actions it allows, the applicant, the form's data under
// the schema's titles, the documents shown in the page, the one-stop forms, the history and the access log.
import { ACTION_LABELS } from '../../functions/domain/action-labels';
import { allowedActions } from '../../functions/domain/status-machine';
import { OFFICIAL_ACTIONS, type OfficialAction } from '../../functions/domain/types';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { notice } from '../components/notice/notice';
import { summaryList } from '../components/summary-list/summary-list';
import { statusTag } from '../components/tag/tag';
import { ApiError, apiFetch } from '../lib/api';
import type { AuditEntry, DocumentLink, OfficialCaseView, Page, ProcedureDetail } from '../lib/api-types';
import { byId, el, queryParam, render, toNode } from '../lib/dom';
import { fetchApiFile, saveBlob } from '../lib/files';
import { formatBytes, formatDate, formatDateTime, formatMoney } from '../lib/format';
import { type Child, h } from '../lib/html';
import { COMMON, type Lang, pick } from '../lib/i18n';
import { pages } from '../lib/urls';
import { caseAddress } from './action-page';
import { type CaseTexts, caseTexts } from './case-texts';
import { fieldsView } from './data-view';
import { deadlineMarker } from './deadline';

type Texts = CaseTexts;

/** The forms by their contract names, with the template each follows. */
const FORM_TITLES: Record<string, { vi: string; en: string }> = {
  receipt: { vi: 'Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Form 01: receipt and appointment' },
  'supplement-request': {
    vi: 'Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    en: 'Form 02: supplement request',
  },
  refusal: { vi: 'Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Form 03: refusal to receive' },
  apology: { vi: 'Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Form 04: apology and new date' },
  'control-slip': { vi: 'Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Form 05: control slip' },
};

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

export async function startCasePage(lang: Lang): Promise<void> {
  const text = caseTexts(lang);
  const code = queryParam('code');
  const errorBox = byId('error');
  const noticeBox = byId('notice');
  const statusLine = byId('status');
  if (!code) {
    showErrorSummary(errorBox, errorSummary({ title: text.noCode }));
    return;
  }
  const procedures = new Map<string, Promise<ProcedureDetail>>();
  const procedureOf = (id: string) => {
    let found = procedures.get(id);
    if (!found) {
      found = apiFetch<ProcedureDetail>(`/procedures/${encodeURIComponent(id)}`);
      procedures.set(id, found);
    }
    return found;
  };
  async function load(message?: Child): Promise<void> {
    statusLine.textContent = text.loadingCase;
    try {
      const theCase = await apiFetch<OfficialCaseView>(`/cases/${encodeURIComponent(code)}`);
      const procedure = await procedureOf(theCase.procedureId);
      draw(theCase, procedure);
      render(noticeBox, message ?? null);
      render(errorBox);
      if (message) noticeBox.focus();
      void loadAudit(true);
    } catch (error) {
      byId('case').hidden = true;
      showErrorSummary(
        errorBox,
        error instanceof ApiError && error.status === 404
          ? errorSummary({ title: text.notFound })
          : problemSummary(error, lang),
      );
    } finally {
      statusLine.textContent = '';
    }
  }

  function draw(theCase: OfficialCaseView, procedure: ProcedureDetail) {
    document.title = `${theCase.code} – ${COMMON[lang].brand}`;
    byId('case-title').textContent = theCase.code;
    byId('procedure-name').textContent = pick(theCase.procedureName, lang);
    render(byId('summary'), summary(theCase, text, lang));
    drawActions(theCase);
    render(
      byId('applicant-details'),
      summaryList([
        { key: text.name, value: theCase.applicant.name },
        { key: text.role, value: text.roleName(theCase.applicant.role) },
        { key: text.email, value: theCase.applicant.email },
        { key: text.phone, value: theCase.applicant.phone },
        { key: text.taxCode, value: theCase.applicant.taxCode },
      ]),
    );
    render(byId('data-view'), fieldsView(procedure.form, theCase.data, { yes: text.yes, no: text.no }, lang));
    drawDocuments(theCase, procedure);
    drawForms(theCase);
    render(
      byId('history-list'),
      theCase.history.map((event, i) =>
        h(
          'li',
          i === theCase.history.length - 1 ? { class: 'timeline__current', 'aria-current': 'step' } : null,
          h('time', { datetime: event.at }, formatDateTime(event.at)),
          h(
            'span',
            null,
            ACTION_LABELS[event.action as OfficialAction]?.[lang] ?? event.action,
            event.actor.name ? ` – ${event.actor.name}` : '',
          ),
          event.note ? h('p', { class: 'hint' }, event.note) : null,
        ),
      ),
    );
    byId('case').hidden = false;
  }

  /** Each action the case allows: a button, named as the contract names it, to the action's own page. */
  function drawActions(theCase: OfficialCaseView) {
    const allowed = allowedActions(theCase.status).filter((action): action is OfficialAction =>
      (OFFICIAL_ACTIONS as readonly string[]).includes(action),
    );
    const buttons = byId('action-buttons');
    render(buttons, allowed.length === 0 ? h('p', null, text.noActions) : null);
    for (const action of allowed) {
      const button = el(
        'button',
        { type: 'button', class: action === 'reject' || action === 'deny' ? 'button--warning' : null },
        ACTION_LABELS[action][lang],
      );
      button.addEventListener('click', () =>
        location.assign(pages(lang).consoleAction(theCase.code, action)),
      );
      buttons.append(button);
    }
  }

  function drawDocuments(theCase: OfficialCaseView, procedure: ProcedureDetail) {
    const viewer = byId('viewer');
    render(viewer);
    const list = byId('document-list');
    render(list, theCase.documents.length === 0 ? h('li', null, text.noDocuments) : null);
    theCase.documents.forEach((document, index) => {
      const name = pick(procedure.documents.find((d) => d.type === document.documentType)?.name, lang);
      const button = el(
        'button',
        { type: 'button', class: 'button--secondary', 'aria-controls': 'viewer' },
        text.view,
      );
      button.setAttribute('aria-label', text.viewOf(document.fileName));
      button.addEventListener('click', () => void showDocument(theCase.code, index, viewer));
      list.append(
        toNode(
          h(
            'li',
            { class: 'documents__item' },
            h('span', { class: 'documents__name' }, name || document.documentType),
            h('span', { class: 'hint' }, `${document.fileName}, ${formatBytes(document.size, lang)}`),
          ),
        ),
      );
      list.lastElementChild?.append(button);
    });
  }

  /** Opens one document in the page (its download recorded first, by the API), or offers it to download. */
  async function showDocument(caseCode: string, index: number, viewer: HTMLElement) {
    render(viewer, h('p', { class: 'status-line', role: 'status' }, text.opening));
    try {
      const link = await apiFetch<DocumentLink>(`/cases/${encodeURIComponent(caseCode)}/documents/${index}`);
      const response = await fetch(link.url);
      if (!response.ok) throw new ApiError(response.status, null, null);
      const blob = await response.blob();
      const url = URL.createObjectURL(new Blob([blob], { type: link.contentType }));
      const download = h(
        'a',
        { href: url, download: link.fileName, class: 'button button--secondary' },
        text.downloadFile(link.fileName),
      );
      const close = el('button', { type: 'button', class: 'button--secondary' }, text.hide);
      const shown: Child = IMAGE_TYPES.has(link.contentType)
        ? h('img', { src: url, alt: link.fileName, class: 'viewer__image' })
        : link.contentType === 'application/pdf'
          ? [
              h('iframe', { src: url, title: link.fileName, class: 'viewer__frame' }),
              h('p', { class: 'hint' }, text.pdfHint),
            ]
          : h('p', null, text.heicFallback);
      render(
        viewer,
        h('figure', { class: 'viewer' }, shown, h('figcaption', { class: 'button-group' }, download)),
      );
      viewer.querySelector('figcaption')?.append(close);
      close.addEventListener('click', () => {
        URL.revokeObjectURL(url);
        render(viewer);
      });
      viewer.querySelector<HTMLElement>('a')?.focus();
    } catch (error) {
      render(viewer);
      showErrorSummary(errorBox, problemSummary(error, lang));
    }
  }

  function drawForms(theCase: OfficialCaseView) {
    const forms = theCase.forms ?? [];
    const list = byId('form-list');
    render(list, forms.length === 0 ? h('li', null, text.noForms) : null);
    for (const form of forms) {
      const title = FORM_TITLES[form]?.[lang] ?? form;
      const button = el(
        'button',
        { type: 'button', class: 'button--secondary' },
        `${text.download}: ${title}`,
      );
      button.addEventListener('click', async () => {
        button.disabled = true;
        statusLine.textContent = text.downloading;
        try {
          const file = await fetchApiFile(
            `/cases/${encodeURIComponent(theCase.code)}/forms/${form}`,
            `${form}.pdf`,
          );
          saveBlob(file.blob, file.name);
        } catch (error) {
          showErrorSummary(errorBox, problemSummary(error, lang));
        } finally {
          button.disabled = false;
          statusLine.textContent = '';
        }
      });
      const item = el('li', { class: 'forms__item' });
      item.append(button);
      list.append(item);
    }
  }

  let auditCursor: string | undefined;
  const auditRows: AuditEntry[] = [];
  const more = byId<HTMLButtonElement>('audit-more');
  more.addEventListener('click', () => void loadAudit(false));

  async function loadAudit(fromStart: boolean) {
    if (fromStart) {
      auditRows.length = 0;
      auditCursor = undefined;
    }
    try {
      const page = await apiFetch<Page<AuditEntry>>(`/cases/${encodeURIComponent(code)}/audit`, {
        query: { limit: 50, ...(auditCursor ? { cursor: auditCursor } : {}) },
      });
      auditRows.push(...page.items);
      auditCursor = page.nextCursor;
      render(byId('audit-table'), auditTable(auditRows, text, lang));
      more.hidden = !auditCursor;
    } catch (error) {
      showErrorSummary(errorBox, problemSummary(error, lang));
    }
  }

  // What became of an action taken on its own page: said once, then dropped from the address.
  const done = queryParam('done') as OfficialAction;
  const outcome = queryParam('conflict')
    ? text.conflict
    : ACTION_LABELS[done]
      ? text.done(ACTION_LABELS[done][lang])
      : undefined;
  if (outcome) history.replaceState(null, '', caseAddress(lang, code));
  await load(outcome ? notice(h('p', null, outcome)) : undefined);
}

function summary(theCase: OfficialCaseView, text: Texts, lang: Lang): Child {
  const days = theCase.workingDaysLeft;
  return [
    h('p', null, `${text.status}: `, statusTag(theCase.status, lang)),
    theCase.overdue
      ? notice(h('p', { class: 'overdue-reminder' }, text.caseOverdue(days === undefined ? 0 : -days)))
      : null,
    summaryList([
      { key: text.submittedAt, value: formatDateTime(theCase.submittedAt) },
      { key: text.receivedAt, value: theCase.receivedAt ? formatDateTime(theCase.receivedAt) : '' },
      {
        key: text.dueAt,
        value: [
          formatDate(theCase.dueAt),
          ' ',
          h('span', { class: 'deadline' }, deadlineMarker(theCase, text)),
        ],
      },
      {
        key: text.extensions,
        value: theCase.extensions?.length
          ? theCase.extensions.map((e) =>
              h(
                'span',
                { class: 'extension' },
                `${formatDate(e.previousDueAt)} → ${formatDate(e.dueAt)}: ${e.reason}`,
              ),
            )
          : '',
      },
      { key: text.assigned, value: theCase.assignee?.name ?? text.notAssigned },
      ...levelFourRows(theCase, text, lang),
    ]),
  ];
}

/** Level 4's part of the case: the fee paid online and the signed result, where the case has them. */
function levelFourRows(theCase: OfficialCaseView, text: Texts, lang: Lang) {
  const { payment, result } = theCase;
  const rows = [];
  if (payment) {
    rows.push({
      key: text.payment,
      value: [
        `${formatMoney(payment.amount, lang)}: `,
        h('strong', { class: `payment payment--${payment.status}` }, text.paymentStatus(payment.status)),
        payment.paidAt ? ` ${text.paidAt(formatDateTime(payment.paidAt))}` : '',
        payment.transactionNo ? `, ${text.transaction(payment.transactionNo)}` : '',
      ],
    });
  }
  if (result) {
    const signed =
      result.signature === 'signed' && result.downloadUrl
        ? [
            h(
              'a',
              { href: result.downloadUrl, class: 'result-link' },
              text.resultSigned(result.fileName ?? ''),
            ),
            result.verifyUrl ? [' · ', h('a', { href: result.verifyUrl }, text.resultVerify)] : null,
          ]
        : result.signature === 'pending'
          ? text.resultSigning
          : result.signature === 'failed'
            ? text.resultSignFailed
            : null;
    rows.push({
      key: text.result,
      value: [text.resultIssued(formatDateTime(result.issuedAt)), signed ? h('br') : null, signed],
    });
  }
  return rows;
}

function auditTable(rows: readonly AuditEntry[], text: Texts, lang: Lang): Child {
  const what = (entry: AuditEntry) =>
    entry.action === 'view'
      ? text.auditView
      : entry.action === 'download'
        ? text.auditDownload
        : (ACTION_LABELS[entry.action as OfficialAction]?.[lang] ?? text.auditPayment(entry.action));
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-caption' },
    h(
      'table',
      { class: 'table' },
      h('caption', { id: 'audit-caption', class: 'visually-hidden' }, text.auditTable),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [text.when, text.who, text.what, text.detail].map((title) => h('th', { scope: 'col' }, title)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((entry) =>
          h(
            'tr',
            null,
            h('td', null, h('time', { datetime: entry.at }, formatDateTime(entry.at))),
            h('td', null, `${entry.actor.name} (${text.roleName(entry.actor.role)})`),
            h('td', null, what(entry)),
            h('td', null, entry.detail ?? ''),
          ),
        ),
      ),
    ),
  );
}
