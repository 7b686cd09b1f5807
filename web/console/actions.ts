// An action on a case, on a page of its own (one thing per page): it asks for what the action needs (a reason, the
// items to supplement, the result file, a new date, a colleague), shows what will be sent, and sends it only once
// confirmed. A 409 (a colleague acted first) is handed back, and the case page reloads the case and says so.
import { ACTION_LABELS } from '../../functions/domain/action-labels';
import type { OfficialAction } from '../../functions/domain/types';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { type SummaryRow, summaryList } from '../components/summary-list/summary-list';
import { ApiError, apiFetch } from '../lib/api';
import type { CaseActionRequest, OfficialCaseView, ProcedureDetail, UploadResponse } from '../lib/api-types';
import { render } from '../lib/dom';
import { formatDate } from '../lib/format';
import { type Child, h } from '../lib/html';
import { COMMON, type Lang, pick } from '../lib/i18n';
import { type ActionTexts, actionTexts } from './action-texts';
import { formFields } from './data-view';
import { checkboxes, inputField, selectField, textareaField } from './fields';

type Texts = ActionTexts;

export interface ActionContext {
  readonly lang: Lang;
  readonly theCase: OfficialCaseView;
  readonly procedure: ProcedureDetail;
  readonly officials: readonly { readonly id: string; readonly name: string }[];
  readonly panel: HTMLElement;
  /** The action was taken: the page reloads the case and says so. */
  onDone(action: OfficialAction): void;
  /** A colleague changed the case first (409): the page reloads it and says so. */
  onConflict(): void;
  /** The official gave up: back to the case. */
  onCancel(): void;
}

/** What the official entered, kept across the form, the check and back again. */
interface Entered {
  note: string;
  dueAt: string;
  assignee: string;
  items: Map<string, string>;
  file: File | null;
}

interface FieldError {
  readonly id: string;
  readonly message: string;
}

const SUPPLEMENT_ID = 'supplement-items';
const DUE_HOUR = 'T17:00:00+07:00';

export const actionLabel = (action: OfficialAction, lang: Lang) => ACTION_LABELS[action][lang];

/** The day after `iso`'s Vietnam day, `YYYY-MM-DD`: the earliest new due date. */
function dayAfter(iso: string): string {
  const day = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The items a supplement request may name: the procedure's documents, then the form's fields. */
function supplementChoices(procedure: ProcedureDetail, lang: Lang, text: Texts) {
  return [
    ...procedure.documents.map((d) => ({
      key: `document:${d.type}`,
      label: text.documentItem(pick(d.name, lang)),
      labelLang: undefined as string | undefined,
    })),
    ...formFields(procedure.form).map((field) => ({
      key: `field:${field.path}`,
      label: text.fieldItem(field.title),
      labelLang: lang === 'vi' ? undefined : 'vi',
    })),
  ];
}

function formFor(
  action: OfficialAction,
  ctx: ActionContext,
  entered: Entered,
  errors: readonly FieldError[],
): Child {
  const { lang } = ctx;
  const text = actionTexts(lang);
  const error = (id: string) => errors.find((e) => e.id === id)?.message;
  const note = (label: string, required: boolean) =>
    textareaField({
      id: 'action-note',
      label,
      value: entered.note,
      error: required ? error('action-note') : undefined,
    });
  switch (action) {
    case 'receive':
    case 'approve':
      return note(text.note, false);
    case 'reject':
    case 'deny':
      return note(text.reason, true);
    case 'request_supplement': {
      const choices = supplementChoices(ctx.procedure, lang, text).map((choice, i) => ({
        value: choice.key,
        label: choice.label,
        labelLang: choice.labelLang,
        checked: entered.items.has(choice.key),
        conditional: inputField({
          id: `item-reason-${i}`,
          label: text.itemReason(choice.label),
          labelLang: choice.labelLang,
          error: error(`item-reason-${i}`),
          input: {
            type: 'text',
            value: entered.items.get(choice.key) ?? '',
            maxlength: 1000,
            'data-item': choice.key,
          },
        }),
      }));
      return [
        checkboxes({
          id: SUPPLEMENT_ID,
          legend: text.supplementItems,
          hint: text.supplementHint,
          error: error(SUPPLEMENT_ID),
          choices,
        }),
        note(text.note, false),
      ];
    }
    case 'issue_result': {
      const level = resultNeeded(ctx) ? text.resultLevel4 : text.resultLevel3;
      const hint = `${text.resultHint} ${level}`;
      return [
        inputField({
          id: 'result-file',
          label: text.resultFile,
          hint: entered.file ? `${hint} (${entered.file.name})` : hint,
          error: error('result-file'),
          input: { type: 'file', accept: 'application/pdf', required: resultNeeded(ctx) },
        }),
        note(text.note, false),
      ];
    }
    case 'extend':
      return [
        inputField({
          id: 'new-due',
          label: text.newDueAt,
          hint: text.newDueHint(formatDate(ctx.theCase.dueAt)),
          error: error('new-due'),
          input: { type: 'date', min: dayAfter(ctx.theCase.dueAt), value: entered.dueAt, required: true },
        }),
        textareaField({
          id: 'action-note',
          label: text.apologyReason,
          value: entered.note,
          error: error('action-note'),
        }),
      ];
    case 'assign':
      return [
        selectField({
          id: 'assignee',
          label: text.assignTo,
          value: entered.assignee,
          error: error('assignee'),
          choices: [
            { value: '', label: text.assignRequired },
            ...ctx.officials.map((o) => ({ value: o.id, label: o.name })),
            ...(ctx.theCase.assignee ? [{ value: 'none', label: text.assignNobody }] : []),
          ],
        }),
        note(text.note, false),
      ];
  }
}

/**
 * Whether issuing the result needs its file: at level 4 the result is delivered online, signed (CONTRACT.md:
 * `result` required); at level 3 it may be handed over at the desk, so the file is optional.
 */
const resultNeeded = (ctx: Pick<ActionContext, 'procedure'>) => ctx.procedure.level === 4;

/** Reads the panel's inputs into `entered`; the problems, by the id of the field at fault. */
function readForm(action: OfficialAction, ctx: ActionContext, entered: Entered): FieldError[] {
  const { panel, lang } = ctx;
  const text = actionTexts(lang);
  const problems: FieldError[] = [];
  const value = (id: string) => (panel.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
  entered.note = value('action-note');
  if (['reject', 'deny', 'extend'].includes(action) && !entered.note) {
    problems.push({ id: 'action-note', message: text.reasonRequired });
  }
  if (action === 'request_supplement') {
    entered.items = new Map();
    for (const box of panel.querySelectorAll<HTMLInputElement>(`#${SUPPLEMENT_ID} input[type=checkbox]`)) {
      if (!box.checked) continue;
      const reason = panel.querySelector<HTMLInputElement>(`input[data-item="${CSS.escape(box.value)}"]`);
      entered.items.set(box.value, reason?.value.trim() ?? '');
      if (reason && !reason.value.trim()) problems.push({ id: reason.id, message: text.itemReasonRequired });
    }
    if (entered.items.size === 0) problems.push({ id: SUPPLEMENT_ID, message: text.itemsRequired });
  }
  if (action === 'issue_result') {
    const picked = panel.querySelector<HTMLInputElement>('#result-file')?.files?.[0];
    if (picked) entered.file = picked;
    if (!entered.file && resultNeeded(ctx))
      problems.push({ id: 'result-file', message: text.resultRequired });
    if (entered.file?.type && entered.file.type !== 'application/pdf') {
      problems.push({ id: 'result-file', message: text.resultNotPdf });
    }
  }
  if (action === 'extend') {
    entered.dueAt = value('new-due');
    if (!entered.dueAt) problems.push({ id: 'new-due', message: text.newDueRequired });
  }
  if (action === 'assign') {
    entered.assignee = value('assignee');
    if (!entered.assignee) problems.push({ id: 'assignee', message: text.assignRequired });
  }
  return problems;
}

/** What will be sent, as the check step lists it. */
function summaryOf(action: OfficialAction, ctx: ActionContext, entered: Entered): SummaryRow[] {
  const text = actionTexts(ctx.lang);
  const labels = new Map(supplementChoices(ctx.procedure, ctx.lang, text).map((c) => [c.key, c.label]));
  const rows: SummaryRow[] = [{ key: text.code, value: ctx.theCase.code }];
  if (action === 'request_supplement') {
    for (const [key, reason] of entered.items) rows.push({ key: labels.get(key) ?? key, value: reason });
  }
  if (action === 'issue_result') rows.push({ key: text.resultFile, value: entered.file?.name ?? '—' });
  if (action === 'extend') {
    rows.push({ key: text.dueAt, value: formatDate(ctx.theCase.dueAt) });
    rows.push({ key: text.newDueAt, value: formatDate(`${entered.dueAt}${DUE_HOUR}`) });
  }
  if (action === 'assign') {
    const who = ctx.officials.find((o) => o.id === entered.assignee)?.name ?? text.assignNobody;
    rows.push({ key: text.assignTo, value: who });
  }
  if (entered.note) {
    rows.push({
      key: ['reject', 'deny', 'extend'].includes(action) ? text.reason : text.note,
      value: entered.note,
    });
  }
  return rows;
}

/** Posts the result file to storage as a browser upload must (a presigned POST), answering its upload id. */
async function uploadResult(file: File, procedureId: string): Promise<string> {
  const upload = await apiFetch<UploadResponse>('/uploads', {
    method: 'POST',
    body: {
      procedureId,
      documentType: 'result',
      fileName: file.name,
      contentType: file.type || 'application/pdf',
      size: file.size,
    },
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file, file.name);
  const stored = await fetch(upload.url, { method: 'POST', body: form });
  if (!stored.ok) throw new ApiError(stored.status, null, null);
  return upload.uploadId;
}

async function requestOf(
  action: OfficialAction,
  ctx: ActionContext,
  entered: Entered,
): Promise<CaseActionRequest> {
  const request: CaseActionRequest = {
    action,
    expectedVersion: ctx.theCase.version,
    ...(entered.note ? { note: entered.note } : {}),
  };
  switch (action) {
    case 'request_supplement':
      return {
        ...request,
        items: [...entered.items].map(([key, reason]) => {
          const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
          return kind === 'document' ? { documentType: name, reason } : { field: name, reason };
        }),
      };
    case 'issue_result':
      return entered.file
        ? { ...request, result: { uploadId: await uploadResult(entered.file, ctx.theCase.procedureId) } }
        : request;
    case 'extend':
      return { ...request, dueAt: entered.dueAt };
    case 'assign':
      return { ...request, assigneeId: entered.assignee === 'none' ? null : entered.assignee };
    default:
      return request;
  }
}

/** Maps the API's field paths to the fields of the panel, for the error summary's links. */
function fieldOfPath(path: string): string | undefined {
  if (path === 'note') return 'action-note';
  if (path === 'dueAt') return 'new-due';
  if (path === 'assigneeId') return 'assignee';
  if (path.startsWith('items')) return SUPPLEMENT_ID;
  if (path.startsWith('result')) return 'result-file';
  return undefined;
}

/** Opens the panel of `action`: its form, then the check of what will be sent, then the request. */
export function openAction(action: OfficialAction, ctx: ActionContext): void {
  const { lang, panel } = ctx;
  const text = actionTexts(lang);
  const label = actionLabel(action, lang);
  const entered: Entered = { note: '', dueAt: '', assignee: '', items: new Map(), file: null };

  // The page's own heading (`#action-title`) names the action; the check has its own.
  const focusHeading = () => document.querySelector<HTMLElement>('#check-title, #action-title')?.focus();

  function showForm(errors: readonly FieldError[] = [], problem?: unknown): void {
    render(
      panel,
      h(
        'form',
        { class: 'action-form', novalidate: true, 'aria-labelledby': 'action-title' },
        h('div', { class: 'action-form__errors' }),
        formFor(action, ctx, entered, errors),
        h(
          'div',
          { class: 'button-group' },
          h('button', { type: 'submit' }, text.continue),
          h('button', { type: 'button', class: 'button--secondary', 'data-cancel': true }, text.cancel),
        ),
      ),
    );
    const form = panel.querySelector('form')!;
    // A checked item reveals its reason.
    for (const box of form.querySelectorAll<HTMLInputElement>('.checkboxes__input')) {
      box.addEventListener('change', () => {
        const more = box.getAttribute('aria-controls');
        const revealed = more ? document.getElementById(more) : null;
        if (revealed) revealed.hidden = !box.checked;
      });
    }
    form.querySelector('[data-cancel]')?.addEventListener('click', () => ctx.onCancel());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problems = readForm(action, ctx, entered);
      if (problems.length > 0) {
        showForm(problems);
        return;
      }
      showCheck();
    });
    const errorsBox = form.querySelector<HTMLElement>('.action-form__errors')!;
    if (problem) {
      showErrorSummary(
        errorsBox,
        problemSummary(problem, lang, {
          fieldHref: (path) => {
            const id = fieldOfPath(path);
            return id ? `#${id}` : undefined;
          },
        }),
      );
    } else if (errors.length > 0) {
      showErrorSummary(
        errorsBox,
        errorSummary({
          title: COMMON[lang].problemTitle,
          items: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
        }),
      );
    } else focusHeading();
  }

  function showCheck(): void {
    render(
      panel,
      h(
        'div',
        { class: 'action-check' },
        h('h2', { id: 'check-title', tabindex: '-1' }, text.confirmTitle(label)),
        h('p', null, text.confirmIntro),
        summaryList(summaryOf(action, ctx, entered)),
        h('p', { class: 'status-line', role: 'status', id: 'action-status' }),
        h(
          'div',
          { class: 'button-group' },
          h('button', { type: 'button', 'data-confirm': true }, `${text.confirm}: ${label}`),
          h('button', { type: 'button', class: 'button--secondary', 'data-back': true }, text.back),
        ),
      ),
    );
    focusHeading();
    panel.querySelector('[data-back]')?.addEventListener('click', () => showForm());
    const confirm = panel.querySelector<HTMLButtonElement>('[data-confirm]')!;
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      const status = panel.querySelector('#action-status');
      if (status)
        status.textContent = action === 'issue_result' && entered.file ? text.uploading : text.sending;
      try {
        const request = await requestOf(action, ctx, entered);
        await apiFetch(`/cases/${encodeURIComponent(ctx.theCase.code)}/actions`, {
          method: 'POST',
          body: request,
        });
        render(panel);
        ctx.onDone(action);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          render(panel);
          ctx.onConflict();
          return;
        }
        showForm([], error);
      }
    });
  }

  showForm();
}
